#!/usr/bin/env node
// Serves dist/ the way a static host does (see static-host.mjs), so tests see
// what readers will get, and nothing a request sends can stop it.
//   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist]
//   (PORT sets the port too; --port wins.)
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { staticHost } from './static-host.mjs';

const arg = (name, fallback) => {
  const i = process.argv.lastIndexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 4321));
const host = arg('host', 'localhost');
const dir = path.resolve(arg('dir', 'dist'));

if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`${dir}/index.html does not exist: build the site first (npm start builds and serves it).`);
  process.exit(1);
}

const server = createServer(staticHost(dir));
// A request Node cannot parse (bad header, CRLF in the path…) gets 400, not a crash.
server.on('clientError', (_error, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop what is using it, or choose another with --port or PORT.` : `The server stopped: ${error.message}`);
  process.exit(1);
});
// A fault in one response must not take the site down for every reader after it: it is said, and serving goes on.
process.on('uncaughtException', (error) => console.error(`The server met an error and goes on serving: ${error.stack ?? error}`));
server.listen(port, host, () => {
  console.log(`Policy Reader is being served at http://${host}:${port}/ (Ctrl+C to stop)`);
});
