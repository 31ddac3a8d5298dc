#!/usr/bin/env node
// Serves dist/ the way a static host does: files as they are, /path/ to
// /path/index.html, a redirect from /path to /path/, 404.html with status 404
// for anything else, and the headers that dist/_headers asks for (as Netlify
// and Cloudflare Pages apply them), so tests see what readers will get.
//   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 4321));
const host = arg('host', 'localhost');
const dir = path.resolve(arg('dir', 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`${dir}/index.html does not exist: build the site first (npm run build).`);
  process.exit(1);
}

/** [pattern, headers] pairs from _headers; a pattern ending in * matches by prefix. */
function readHeaderRules() {
  const file = path.join(dir, '_headers');
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
const headerRules = readHeaderRules();
const matches = (pattern, pathname) =>
  pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pattern === pathname;
const headersFor = (pathname) =>
  Object.assign({}, ...headerRules.filter(([pattern]) => matches(pattern, pathname)).map(([, h]) => h));

function send(res, status, file, pathname = '/') {
  res.writeHead(status, {
    ...headersFor(pathname),
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
  });
  createReadStream(file).pipe(res);
}

const isFile = (file) => existsSync(file) && statSync(file).isFile();

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = '/';
  }
  const file = path.join(dir, path.normalize(pathname));
  if (!file.startsWith(dir)) return send(res, 404, path.join(dir, '404.html'), pathname);
  if (isFile(file)) return send(res, 200, file, pathname);
  if (isFile(path.join(file, 'index.html'))) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${pathname}/${url.search}` });
      return res.end();
    }
    return send(res, 200, path.join(file, 'index.html'), pathname);
  }
  return send(res, 404, path.join(dir, '404.html'), pathname);
}).listen(port, host, () => {
  console.log(`Policy Reader is being served at http://${host}:${port}/ (Ctrl+C to stop)`);
});
