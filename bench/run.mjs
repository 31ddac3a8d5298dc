#!/usr/bin/env node
// npm run bench: measures the site on this machine and prints a Markdown
// table, one figure a row. It prints; it never fails on a timing.
//   --skip-corpora     skip the generated-corpus builds (minutes)
//   --sizes 1000,5000  corpus sizes to build (default 1000,5000; --sizes 1000 is quick)
//   --rounds 2         clean builds of each, interleaved with the peers'
//   --peers starlight,floor   peers to build beside ours (also: starlight-sidebar)
//   --skip-lighthouse  skip the Lighthouse runs
//   --skip-dev-loop    skip timing `npm run dev` showing an edit (bench/dev-loop.mjs, 1,000 articles)
//   --skip-profile     skip the CPU profile of one clean build at the first size (bench/profile.mjs)
//   --publishers       also build the largest size as a collection from twenty publishers (bench/publishers-corpus.mjs)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromePath, CHROMIUM_FLAGS } from '../scripts/chromium.mjs';
import { compareBuilds, publishersBuild, SEARCH_QUERIES } from './builds.mjs';
import { firstSearch } from './search-bytes.mjs';
import { devLoop } from './dev-loop.mjs';
import { describeProfile, profileBuild } from './profile.mjs';

const args = new Set(process.argv.slice(2));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-bench-'));
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];
const rows = [];
let profiled;
const row = (figure, value, note = '') => {
  rows.push([figure, value, note]);
  console.error(`  ${figure}: ${value}`);
};

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** Runs a clean build (fresh cache) and returns its wall time in ms. */
function timedBuild(args, env = {}) {
  const cache = path.join(scratch, `cache-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const result = spawnSync('node', args, {
    encoding: 'utf8',
    // Large corpora log a line per page; the default 1 MB buffer would cut the build off.
    maxBuffer: 1 << 30,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', POLICY_READER_CACHE: cache, ...env },
  });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`build failed: ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

// 1. Build times.
console.error('Building the real site and an empty Astro page…');
const siteOut = path.join(scratch, 'site');
const siteMs = timedBuild(['scripts/build.mjs', '--local', '--out', siteOut]);
const pageCount = files(siteOut).filter((f) => f.endsWith('.html')).length;
const emptyMs = timedBuild(['node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/empty-site', '--outDir', path.join(scratch, 'empty')]);
row(`Clean build, real site (${pageCount} pages)`, seconds(siteMs));
row('Clean build, empty Astro page', seconds(emptyMs));
row('Real site ÷ empty page', `${(siteMs / emptyMs).toFixed(2)}×`, 'the cost of the content and its checks over Astro’s fixed start-up');

if (!args.has('--skip-corpora')) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const sizes = option('--sizes', '1000,5000').split(',').map(Number);
  const rounds = Number(option('--rounds', '2'));
  const peers = option('--peers', 'starlight,floor').split(',').filter(Boolean);
  console.error(`Building generated corpora of ${sizes.join(', ')} articles, ${rounds} rounds, beside ${peers.join(', ')}…`);
  await compareBuilds({ sizes, rounds, peers, scratch, row });
  if (args.has('--publishers')) {
    console.error(`Building ${sizes.at(-1).toLocaleString('en-GB')} articles as a collection from twenty publishers…`);
    publishersBuild({ size: sizes.at(-1), scratch, row });
  }
  if (!args.has('--skip-profile')) {
    console.error(`Profiling a clean build of ${sizes[0].toLocaleString('en-GB')} articles…`);
    // A corpus of its own: the timed rebuild left the first one's register with the ids of its edit.
    const corpus = path.join(scratch, `corpus-profile-${sizes[0]}`);
    spawnSync('node', ['bench/generate-corpus.mjs', String(sizes[0]), corpus], { stdio: 'ignore' });
    try {
      profiled = { size: sizes[0], text: describeProfile(profileBuild(corpus)) };
    } catch (error) {
      // The figures above are worth printing even when the profile fails.
      profiled = { size: sizes[0], text: `The profiled build failed: ${error.message.slice(0, 2000)}` };
    }
  }
}

if (!args.has('--skip-dev-loop')) {
  console.error('Timing the dev server: an edit to one of 1,000 articles, until its page shows it…');
  const { startup, times } = await devLoop(1000, 5);
  const sorted = [...times].sort((a, b) => a - b);
  row(
    'Dev loop, 1,000 articles: edit saved → page shows it',
    seconds(sorted[Math.floor((sorted.length - 1) / 2)]),
    `median of ${times.length} (${seconds(sorted[0])}–${seconds(sorted.at(-1))}); the issue asks for at most 2 s; dev server ready after ${seconds(startup)}`,
  );
}

// 2. Search index: what Pagefind writes and what a first search downloads.
console.error('Measuring the search index…');
let bundle = path.join(siteOut, 'pagefind');
if (!existsSync(bundle)) {
  // Until the site indexes itself, index the built pages here to measure.
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  await index.addDirectory({ path: siteOut });
  await index.writeFiles({ outputPath: bundle });
  await pagefind.close();
}
const bundleFiles = files(bundle);
row('Pagefind index (all files)', kB(bundleFiles.reduce((s, f) => s + statSync(f).size, 0)), `${bundleFiles.length} files`);

for (const query of SEARCH_QUERIES) {
  const { bytes, countsBytes, results, ms } = await firstSearch(bundle, query, scratch);
  row(`First search downloads, ${query}`, kB(bytes), `${results} results on screen in ${ms.toFixed(0)} ms in Node, as the search page runs it; then filter counts +${kB(countsBytes)}`);
}

// 3. Bytes per page kind, gzipped.
const KINDS = {
  home: '/',
  'article list': '/articles/',
  article: '/articles/view-from-westminster/',
  person: '/people/chris-hopson/',
  organisation: '/organisations/nhs-providers/',
  topic: '/topics/leadership/',
  search: '/search/',
};
for (const [kind, url] of Object.entries(KINDS)) {
  const file = path.join(siteOut, url, 'index.html');
  if (!existsSync(file)) {
    row(`Bytes, ${kind} page`, 'n/a', 'page does not exist yet');
    continue;
  }
  const html = readFileSync(file, 'utf8');
  const refs = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+|\/pagefind\/[^"]+)"/g)].map((m) => m[1]);
  const by = { css: 0, js: 0, font: 0 };
  for (const ref of new Set(refs)) {
    const asset = path.join(siteOut, ref);
    if (!existsSync(asset)) continue;
    const type = ref.endsWith('.css') ? 'css' : /\.(m?js)$/.test(ref) ? 'js' : /\.(woff2?|ttf|otf)$/.test(ref) ? 'font' : null;
    if (type) by[type] += gz(readFileSync(asset));
  }
  const total = gz(Buffer.from(html)) + by.css + by.js + by.font;
  row(`Bytes, ${kind} page`, kB(total), `HTML ${kB(gz(Buffer.from(html)))}, CSS ${kB(by.css)}, JS ${kB(by.js)}, fonts ${kB(by.font)} (gzipped)`);
}

// 4 and 5 need the site served and a browser.
const port = 4400 + Math.floor(Math.random() * 500);
const server = spawn('node', ['scripts/serve.mjs', '--dir', siteOut, '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const base = `http://127.0.0.1:${port}`;

try {
  // 4. Typing to results, in Chromium.
  if (existsSync(path.join(siteOut, 'search/index.html'))) {
    const { measureSearch } = await import('./search-timing.mjs');
    const { cold, warm } = await measureSearch({ base, chromePath, flags: CHROMIUM_FLAGS });
    row('Typing to results, cold (median of 5)', `${cold.toFixed(0)} ms`, 'fresh profile, first query; includes the 200 ms pause the box waits for more typing');
    row('Typing to results, warm (median of 5)', `${warm.toFixed(0)} ms`, 'next query in the same page; includes the same 200 ms pause');
  } else {
    row('Typing to results, cold and warm', 'n/a', 'no search page yet');
  }

  // 5. Lighthouse, mobile.
  if (!args.has('--skip-lighthouse')) {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    for (const [kind, url] of Object.entries({ home: '/', article: KINDS.article, search: '/search/' })) {
      if (!existsSync(path.join(siteOut, url, 'index.html'))) {
        row(`Lighthouse (mobile), ${kind}`, 'n/a', 'page does not exist yet');
        continue;
      }
      console.error(`Lighthouse: ${kind}…`);
      const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
      try {
        const result = await lighthouse(base + url, { port: chrome.port, logLevel: 'error', output: 'json' });
        const c = result.lhr.categories;
        const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
        // A score of 0 is Lighthouse failing to measure, not the page: say why.
        const failed = result.lhr.runtimeError?.code ?? Object.values(result.lhr.audits).find((a) => a.errorMessage)?.errorMessage;
        row(
          `Lighthouse (mobile), ${kind}`,
          `${score('performance')} / ${score('accessibility')} / ${score('best-practices')} / ${score('seo')}`,
          `performance / accessibility / best practices / SEO${failed ? `; Lighthouse reported: ${String(failed).slice(0, 120)}` : ''}`,
        );
      } finally {
        chrome.kill();
      }
    }
  }
} finally {
  server.kill();
  rmSync(scratch, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nPolicy Reader benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
console.log('| Figure | Value | Notes |');
console.log('| --- | --- | --- |');
for (const [figure, value, note] of rows) console.log(`| ${figure} | ${value} | ${note} |`);
if (profiled) console.log(`\nWhere a clean build of ${profiled.size.toLocaleString('en-GB')} articles spends its CPU (bench/profile.mjs):\n\n\`\`\`\n${profiled.text}\n\`\`\`\n`);
