// The request handling of scripts/serve.mjs: dist/ served the way a static
// host serves it, and nothing a request can send crashes it.
//   files as they are; /path/ → /path/index.html; /path → 301 to /path/;
//   404.html with status 404 for anything else; dist/_headers applied as
//   Cloudflare Pages applies it (a header two rules give is joined with a
//   comma), over the Cache-Control both it and Netlify send by default;
//   GET and HEAD only (405 otherwise); a malformed request gets 400.
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

/** [pattern, headers] pairs from _headers; a pattern ending in * matches by prefix. */
function readHeaderRules(root) {
  const file = path.join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1)[1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

const matches = (pattern, pathname) => (pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pattern === pathname);

/** What Netlify and Cloudflare Pages send when no rule of _headers says otherwise (src/lib/headers.ts). */
const DEFAULT_HEADERS = { 'Cache-Control': 'public, max-age=0, must-revalidate' };

/** The headers of every rule that matches, a header that two give joined with ", ", as Cloudflare Pages does. */
function headersOf(rules, pathname) {
  const joined = {};
  for (const [, headers] of rules.filter(([pattern]) => matches(pattern, pathname))) {
    for (const [name, value] of Object.entries(headers)) joined[name] = name in joined ? `${joined[name]}, ${value}` : value;
  }
  return { ...DEFAULT_HEADERS, ...joined };
}

/** A path's segments percent-encoded again, for a Location header (only ASCII may go there). */
const encodePath = (relative) => `/${relative.split(path.sep).filter(Boolean).map(encodeURIComponent).join('/')}`;

/**
 * A request handler for the site in `dir`. `dir` may be a symlink that a
 * build swaps to a new site in one rename: it is resolved again for every
 * request, so a request sees the old site or the new one, never neither.
 */
export function staticHost(dir) {
  let cache = { real: '', rules: [] };
  const site = () => {
    const real = realpathSync(dir);
    if (real !== cache.real) cache = { real, rules: readHeaderRules(real) };
    return cache;
  };

  return (req, res) => {
    const reply = (status, headers = {}, body = '') => {
      if (res.headersSent) return res.destroy();
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, { Allow: 'GET, HEAD' }, 'Method not allowed: this is a static site.\n');
      const raw = req.url ?? '';
      // Only an origin-form path: "//host/…" or "http://…" here is not a path on this site.
      if (!raw.startsWith('/') || raw.startsWith('//') || raw.length > 4096) return reply(400, {}, 'Bad request.\n');
      const [rawPath, ...rest] = raw.split('?');
      let pathname;
      try {
        pathname = decodeURIComponent(rawPath);
      } catch {
        return reply(400, {}, 'Bad request: the address is not validly encoded.\n');
      }
      if (/[\u0000-\u001f\u007f\\]/.test(pathname)) return reply(400, {}, 'Bad request.\n');

      const { real, rules } = site();
      const send = (status, file, p) => {
        const headers = { ...headersOf(rules, p), 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
        const stream = createReadStream(file);
        stream.once('error', () => reply(404, {}, 'Not found.\n'));
        stream.once('open', () => {
          // The reader left before the file was open (a page left mid-search): piping to the closed response would
          // throw, out of any handler, and stop the server.
          if (res.destroyed) return stream.destroy();
          res.writeHead(status, headers);
          if (req.method === 'HEAD') {
            stream.destroy();
            return res.end();
          }
          // pipeline closes the file when the reader goes away mid-download.
          pipeline(stream, res, () => {});
        });
      };
      const notFound = () => {
        const page = path.join(real, '404.html');
        return existsSync(page) ? send(404, page, pathname) : reply(404, {}, 'Not found.\n');
      };

      const file = path.resolve(real, `.${pathname}`);
      const inside = (p) => p === real || p.startsWith(real + path.sep);
      if (!inside(file) || !existsSync(file)) return notFound();
      // A symlink inside the site must not lead out of it.
      if (!inside(realpathSync(file))) return notFound();
      const stats = statSync(file);
      if (stats.isFile()) return send(200, file, pathname);
      const index = path.join(file, 'index.html');
      if (stats.isDirectory() && existsSync(index) && inside(realpathSync(index))) {
        if (!pathname.endsWith('/')) {
          const query = rest.length > 0 ? `?${rest.join('?')}` : '';
          // The canonical path of the folder, encoded: always on this site.
          return reply(301, { Location: `${encodePath(path.relative(real, file))}/${query}`.replace(/^\/\/+/, '/') }, '');
        }
        return send(200, index, pathname);
      }
      return notFound();
    } catch (error) {
      // Said where whoever runs the server sees it: a 500 is the server's fault, not the reader's.
      console.error(`500 for ${req.url}: ${error.message}`);
      return reply(500, {}, 'The server could not read this file.\n');
    }
  };
}
