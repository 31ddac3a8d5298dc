#!/usr/bin/env node
// Serves dist/ the way a static host does: files as they are, /path/ to
// /path/index.html, a redirect from /path to /path/, and 404.html with
// status 404 for anything else.
//   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist]
import { createReadStream, existsSync, statSync } from 'node:fs';
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

function send(res, status, file) {
  res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
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
  if (!file.startsWith(dir)) return send(res, 404, path.join(dir, '404.html'));
  if (isFile(file)) return send(res, 200, file);
  if (isFile(path.join(file, 'index.html'))) {
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${pathname}/${url.search}` });
      return res.end();
    }
    return send(res, 200, path.join(file, 'index.html'));
  }
  return send(res, 404, path.join(dir, '404.html'));
}).listen(port, host, () => {
  console.log(`Policy Reader is being served at http://${host}:${port}/ (Ctrl+C to stop)`);
});
