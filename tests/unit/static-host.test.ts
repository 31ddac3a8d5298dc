import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { staticHost } from '../../scripts/static-host.mjs';

/*
 * The preview server (npm start, npm run preview, every browser test) under
 * hostile requests. Requests go over a raw socket, so nothing normalises
 * them on the way. After every case the server must still answer.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'static-host-'));
const site = (name: string, marker: string) => {
  const root = path.join(scratch, name);
  for (const d of ['articles/a', 'articles/b']) mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), `<p>home ${marker}</p>`);
  writeFileSync(path.join(root, '404.html'), '<p>not found page</p>');
  writeFileSync(path.join(root, 'articles/index.html'), '<p>articles</p>');
  writeFileSync(path.join(root, 'articles/a/index.html'), `<p>article a ${marker}</p>`);
  writeFileSync(path.join(root, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n  X-Robots-Tag: noindex\n\n/articles/*\n  X-Robots-Tag: nosnippet\n  Cache-Control: public, max-age=60\n');
  writeFileSync(path.join(root, 'big.txt'), 'x'.repeat(4 << 20));
  symlinkSync('/etc', path.join(root, 'leak'));
  return root;
};
const siteA = site('site-a', 'A');
const siteB = site('site-b', 'B');
// The served path is a symlink, as the build publishes it, so it can be swapped in one rename.
const dist = path.join(scratch, 'dist');
symlinkSync(siteA, dist);

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer(staticHost(dist));
  server.on('clientError', (_e, socket) => socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Sends a request line as written; returns the status, headers and body. */
function raw(requestLine: string, extra = ''): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...body] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.join('\r\n\r\n') });
    });
  });
}
const GET = (p: string) => raw(`GET ${p} HTTP/1.1`);

const HOSTILE: [string, string, number, ((r: Awaited<ReturnType<typeof GET>>) => void)?][] = [
  ['a decoded curly quote that once crashed the server through the Location header', '/%E2%80%99%2F..%2Farticles', 301, (r) => expect(r.headers.location).toBe('/articles/')],
  ['an encoded double slash that once redirected to another site', '/%2Fevil.example%2F..%2Farticles', 301, (r) => expect(r.headers.location).toBe('/articles/')],
  ['a protocol-relative request path', '//evil.example/../articles', 400],
  ['an absolute URL as the request path', 'http://evil.example/', 400],
  ['plain traversal', '/../../etc/passwd', 404],
  ['encoded traversal', '/..%2F..%2F..%2Fetc%2Fpasswd', 404],
  ['dot-encoded traversal', '/%2e%2e/%2e%2e/etc/passwd', 404],
  ['double-encoded traversal', '/%252e%252e/%252e%252e/etc/passwd', 404],
  ['backslash traversal', '/..%5c..%5cetc%5cpasswd', 400],
  ['overlong UTF-8 for a dot', '/%c0%ae%c0%ae/etc/passwd', 400],
  ['a truncated percent-escape', '/articles/%E0%A4%A', 400],
  ['a lone percent sign', '/%', 400],
  ['an encoded CR LF (header injection)', '/articles%0d%0aSet-Cookie:%20x=1', 400],
  ['an encoded NUL byte', '/index.html%00.txt', 400],
  ['an overlong address', `/${'a'.repeat(5000)}`, 400],
  ['a symlink that leads out of the site', '/leak/passwd', 404],
  ['an unknown page', '/no-such-page/', 404, (r) => expect(r.body).toContain('not found page')],
];

describe('the preview server under hostile requests', () => {
  it.each(HOSTILE)('answers %s (%s) with %i and keeps serving', async (_, request, status, check) => {
    const response = await GET(request);
    expect(response.status).toBe(status);
    expect(response.body).not.toContain('root:');
    check?.(response);
    expect((await GET('/')).status).toBe(200);
  });

  it('answers a raw CR LF inside the request line with 400', async () => {
    const response = await raw('GET /a\rb HTTP/1.1');
    expect(response.status).toBe(400);
    expect((await GET('/')).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s with 405 and says which methods it allows', async (method) => {
    const response = await raw(`${method} / HTTP/1.1`, 'Content-Length: 0\r\n');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await raw('HEAD /articles/a/ HTTP/1.1');
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });

  it('redirects a folder without its slash to the folder, keeping the query', async () => {
    const response = await GET('/articles/a?highlight=x');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/articles/a/?highlight=x');
  });

  it('applies dist/_headers as Cloudflare Pages does, joining a header two rules give, over the hosts’ revalidating default', async () => {
    const home = (await GET('/')).headers;
    expect(home['x-content-type-options']).toBe('nosniff');
    expect(home['cache-control']).toBe('public, max-age=0, must-revalidate');
    const article = (await GET('/articles/a/')).headers;
    expect(article['x-robots-tag']).toBe('noindex, nosnippet');
    expect(article['cache-control']).toBe('public, max-age=60');
  });
});

describe('the preview server under load', () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;

  it('closes the file of every download the reader abandons', async () => {
    const before = openFiles();
    await Promise.all(
      Array.from({ length: 100 }, () =>
        new Promise<void>((resolve) => {
          const request = get({ host: '127.0.0.1', port, path: '/big.txt' }, (response) => {
            response.once('data', () => {
              request.destroy();
              resolve();
            });
          });
          request.on('error', () => resolve());
        }),
      ),
    );
    // Give the server a moment to notice the closed sockets.
    for (let i = 0; i < 50 && openFiles() > before + 5; i++) await new Promise((r) => setTimeout(r, 50));
    expect(openFiles()).toBeLessThanOrEqual(before + 5);
    expect((await GET('/')).status).toBe(200);
  });

  it('goes on serving when readers leave before their file is open (a page left mid-search)', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(`GET /${i % 2 ? 'big.txt' : 'articles/a/'} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
            socket.resetAndDestroy();
            resolve();
          });
          socket.on('error', () => resolve());
        }),
      ),
    );
    // The server's own handling of each, after the sockets closed.
    await new Promise((r) => setTimeout(r, 200));
    expect((await GET('/')).status).toBe(200);
  });

  it('serves the old site or the new one while a build swaps them, never neither', async () => {
    const statuses: number[] = [];
    let swapping = true;
    const load = (async () => {
      while (swapping) statuses.push((await GET('/articles/a/')).status);
    })();
    for (let i = 0; i < 20; i++) {
      // What scripts/build.mjs does: a new symlink beside the old, renamed over it in one step.
      const next = path.join(scratch, `dist-next-${i}`);
      symlinkSync(i % 2 === 0 ? siteB : siteA, next);
      renameSync(next, dist);
      await new Promise((r) => setTimeout(r, 5));
    }
    swapping = false;
    await load;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('answers 500 when the site itself has gone, and says why where whoever runs the server reads it', async () => {
    const gone = createServer(staticHost(path.join(scratch, 'never-built')));
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const status = await new Promise<number>((resolve, reject) =>
        get({ host: '127.0.0.1', port: (gone.address() as AddressInfo).port, path: '/articles/a/' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject),
      );
      expect(status).toBe(500);
      expect(said.mock.calls.flat().join('\n')).toMatch(/500 for \/articles\/a\/: .*never-built/);
    } finally {
      said.mockRestore();
      gone.close();
    }
  });
});
