#!/usr/bin/env node
// A bounded load test of the preview server (scripts/serve.mjs) on 127.0.0.1:
// many requests from a fixed number of concurrent clients, some downloads
// abandoned mid-body, some hostile or unknown addresses. It prints what the
// server answered and how its memory and open files moved, and exits 1 if the
// server crashed, a request failed that should not have, or memory or open
// files grew. Too long for `npm test`; run it after a build:
//   npm run bench:server [-- --requests 20000 --concurrency 50 --aborts 1000]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 20_000);
const CONCURRENCY = arg('concurrency', 50);
const ABORTS = arg('aborts', 1_000);
const PORT = arg('port', 4399);
const dist = path.resolve('dist');

// Every file of the site as the address a reader would use.
function addresses(dir, prefix = '/') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return addresses(full, `${prefix}${entry.name}/`);
    return [{ url: entry.name === 'index.html' ? prefix : `${prefix}${entry.name}`, size: statSync(full).size }];
  });
}
const files = addresses(dist);
// Abandoned downloads need bodies long enough to still be in flight after the first chunk.
const large = files.filter((f) => f.size > 150_000).map((f) => f.url);
if (large.length === 0) throw new Error('dist/ has no file over 150 kB to abandon mid-body; build the site first (npm run build).');
const hostile = ['/%E2%80%99%2F..%2Farticles', '/%2Fevil.example%2F..%2Farticles', '/..%2f..%2fetc/passwd', '/%ZZ', '/a%00b', `/${'x'.repeat(5000)}`];
const unknown = ['/no-such-page/', '/articles/no-such-article/', '/pagefind/missing.js'];

/** What a request is, in a fixed, repeatable mix. */
function plan(i) {
  if (i % Math.max(1, Math.floor(REQUESTS / ABORTS)) === 0) return { url: large[i % large.length], abort: true };
  if (i % 50 === 1) return { url: hostile[i % hostile.length] };
  if (i % 50 === 2) return { url: unknown[i % unknown.length] };
  return { url: files[(i * 7919) % files.length].url };
}

// The server's heap is capped well below what it grows to uncapped (about
// 200 MB of RSS): a leak of a few kB per request would run out of it and crash
// the server within the run, while a server that only keeps a working set
// runs on with flat memory.
const server = spawn(process.execPath, ['--max-old-space-size=48', 'scripts/serve.mjs', '--port', String(PORT), '--host', '127.0.0.1', '--dir', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
let exited = null;
server.on('exit', (code, signal) => (exited = signal ?? code));
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('being served') && resolve());
  server.on('exit', () => reject(new Error('the server did not start')));
});

const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
const openFiles = (pid) => readdirSync(`/proc/${pid}/fd`).length;
let agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const statuses = new Map();
let failures = 0;
let aborted = 0;

function request({ url, abort }) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port: PORT, path: url, agent }, (res) => {
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (abort) {
        res.once('data', () => {
          aborted++;
          req.destroy();
          resolve();
        });
        return;
      }
      res.resume();
      res.on('end', resolve);
      res.on('error', () => (failures++, resolve()));
    });
    req.on('error', (error) => {
      if (!abort) (failures++, console.error(`${url}: ${error.message}`));
      resolve();
    });
  });
}

async function run(from, to) {
  let next = from;
  const worker = async () => {
    while (next < to && exited === null) await request(plan(next++));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

// A warm-up tenth, then four quarters, reading the server's memory after each.
// Node's heap grows to a working size and stays there; a leak keeps growing,
// so memory is flat when the second half adds little to the first.
const warm = Math.floor(REQUESTS / 10);
await run(0, warm);
// Open files are counted with every client connection closed.
agent.destroy();
agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
await new Promise((r) => setTimeout(r, 1000));
const before = { rss: rssOf(server.pid), files: openFiles(server.pid) };
const series = [before.rss];
let peak = before.rss;
const sampler = setInterval(() => exited === null && (peak = Math.max(peak, rssOf(server.pid))), 200);
const started = performance.now();
for (let q = 1; q <= 4; q++) {
  await run(warm + Math.floor(((REQUESTS - warm) * (q - 1)) / 4), warm + Math.floor(((REQUESTS - warm) * q) / 4));
  if (exited === null) series.push(rssOf(server.pid));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
agent.destroy();
await new Promise((r) => setTimeout(r, 1000));
const crashed = exited !== null;
const after = crashed ? { rss: NaN, files: NaN } : { rss: rssOf(server.pid), files: openFiles(server.pid) };
server.kill();

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
console.log(`Preview server under load: ${REQUESTS} requests, ${CONCURRENCY} at a time, ${aborted} downloads abandoned mid-body`);
console.log(`  answers: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(', ')}; failed requests: ${failures}`);
console.log(`  ${(REQUESTS - warm) / seconds | 0} requests/s after warm-up (${seconds.toFixed(1)} s)`);
console.log(`  server memory (RSS): ${series.map(mb).join(' → ')} (after warm-up, then each quarter); peak ${mb(peak)}`);
console.log(`  open files: ${before.files} after warm-up, ${crashed ? 'n/a' : after.files} at the end`);

const problems = [
  crashed && `the server exited (${exited})`,
  failures > 0 && `${failures} requests failed`,
  aborted < ABORTS * 0.9 && `only ${aborted} downloads were abandoned mid-body (expected about ${ABORTS})`,
  after.files > before.files + 5 && `open files grew from ${before.files} to ${after.files}: abandoned downloads leak file handles`,
  !crashed && series[4] > series[2] * 1.2 + 10 * 2 ** 20 && `memory kept growing: ${mb(series[2])} at half-way, ${mb(series[4])} at the end`,
].filter(Boolean);
console.log(problems.length === 0 ? '  no crash, no failed request, memory and open files flat' : `  FAILED: ${problems.join('; ')}`);
process.exit(problems.length === 0 ? 0 : 1);
