// The editor's loop in `npm run dev`: with a generated collection of N
// articles, how long from saving an edit to one article until the dev
// server serves the page with the edit. Each round appends a new paragraph
// (to the article and its capture, which the fidelity check holds it to)
// and polls the page every 50 ms. Prints one line per round and the median.
//   node bench/dev-loop.mjs [articles=1000] [rounds=5]
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = 4390 + Math.floor(Math.random() * 100);

export async function devLoop(size, rounds, scratch = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-dev-'))) {
  const corpus = path.join(scratch, `corpus-${size}`);
  spawnSync(process.execPath, [path.join(root, 'bench/generate-corpus.mjs'), String(size), corpus], { cwd: root, stdio: 'ignore' });
  const slug = readdirSync(path.join(corpus, 'articles')).filter((f) => f.endsWith('.md')).sort()[13].replace(/\.md$/, '');
  const server = spawn(path.join(root, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: root,
    env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`, POLICY_READER_CONTENT: corpus, POLICY_READER_CACHE: path.join(scratch, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/articles/${slug}/`;
  const get = async () => {
    try {
      const response = await fetch(url);
      return response.ok ? await response.text() : '';
    } catch {
      return '';
    }
  };
  const until = async (test, limit) => {
    const started = performance.now();
    while (performance.now() - started < limit) {
      if (test(await get())) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`gave up after ${limit} ms; server log:\n${log.slice(-2000)}`);
  };
  try {
    const startup = await until((html) => html.includes('<article'), 180_000);
    const times = [];
    for (let round = 1; round <= rounds; round++) {
      const token = `Dev loop marker ${round} ${Date.now()}`;
      const paragraph = `\n${token}, an added paragraph that names no one.\n`;
      const saved = performance.now();
      appendFileSync(path.join(corpus, 'articles', `${slug}.md`), paragraph);
      appendFileSync(path.join(corpus, 'sources', `${slug}.txt`), paragraph);
      await until((html) => html.includes(token), 60_000);
      times.push(performance.now() - saved);
    }
    return { startup, times, loads: log.split('\n').filter((l) => / articles in [\d.]+ s/.test(l)) };
  } finally {
    server.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`) {
  const size = Number(process.argv[2] ?? 1000);
  const { startup, times, loads } = await devLoop(size, Number(process.argv[3] ?? 5));
  for (const line of loads) console.log(`  ${line.trim()}`);
  console.log(`dev server ready with ${size} articles after ${(startup / 1000).toFixed(1)} s`);
  times.forEach((t, i) => console.log(`edit ${i + 1}: shown after ${(t / 1000).toFixed(2)} s`));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`median: ${(sorted[Math.floor((sorted.length - 1) / 2)] / 1000).toFixed(2)} s`);
  process.exit(0);
}
