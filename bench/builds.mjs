// Clean builds of generated corpora, ours beside its peers, interleaved round
// by round so a machine that slows down slows every build alike:
//   ours       this site (scripts/build.mjs): checks, one rendering pass,
//              cross-links, citations, search index, permalink register
//   starlight  a bare Starlight site (bench/starlight, installed here on first
//              use), its sidebar off: remark/rehype and Pagefind, like ours
//   starlight-sidebar  the same with Starlight's default sidebar, which lists
//              every page on every page (its cost grows with the square)
//   floor      bare Astro + unified + Pagefind (bench/floor): the least any
//              site on this stack pays
// Each build runs under bench/tree-memory.mjs, for the CPU seconds of all
// its processes and the most memory they held at once (their resident
// memory summed: Pagefind's own process included, which /usr/bin/time,
// used before, missed); wall time is measured here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { firstSearch } from './search-bytes.mjs';

const root = path.resolve(import.meta.dirname, '..');
const node = path.join(root, 'node_modules/.bin/node');
const treeMemory = path.join(root, 'bench/tree-memory.mjs');

function ensureStarlight() {
  const dir = path.join(root, 'bench/starlight');
  if (existsSync(path.join(dir, 'node_modules/@astrojs/starlight'))) return;
  console.error('Installing the Starlight peer in bench/starlight (once)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not install bench/starlight');
}

/** Copies a corpus's articles where a peer site reads them. */
function place(corpus, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(corpus, 'articles'), dir, { recursive: true });
}

const BUILDS = {
  ours: (corpus, out, scratch) => ({
    command: [node, path.join(root, 'scripts/build.mjs'), '--local', '--out', out],
    cwd: root,
    env: { POLICY_READER_CONTENT: corpus, POLICY_READER_CACHE: path.join(scratch, `cache-${Date.now()}`) },
  }),
  starlight: (corpus, out) => {
    ensureStarlight();
    const dir = path.join(root, 'bench/starlight');
    place(corpus, path.join(dir, 'src/content/docs'));
    rmSync(path.join(dir, 'node_modules/.astro'), { recursive: true, force: true });
    return { command: [node, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], cwd: dir, env: { BENCH_SIDEBAR: 'none' } };
  },
  'starlight-sidebar': (corpus, out) => {
    const spec = BUILDS.starlight(corpus, out);
    return { ...spec, env: {} };
  },
  floor: (corpus, out) => {
    const dir = path.join(root, 'bench/floor');
    place(corpus, path.join(dir, 'src/content/articles'));
    rmSync(path.join(dir, 'node_modules/.astro'), { recursive: true, force: true });
    return { command: [node, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], cwd: dir, env: {} };
  },
};

/** One clean build: wall, CPU and peak memory, and its log. */
export function timeBuild(name, corpus, out, scratch) {
  rmSync(out, { recursive: true, force: true });
  return timeSpec(BUILDS[name](corpus, out, scratch), name);
}

function timeSpec(spec, name = 'ours') {
  const command = [process.execPath, treeMemory, ...spec.command];
  const start = performance.now();
  const result = spawnSync(command[0], command.slice(1), {
    cwd: spec.cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // Node 24 from node_modules/.bin first, as npm scripts have it (Astro 7 needs Node 22.12+).
    env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...spec.env },
  });
  const wall = (performance.now() - start) / 1000;
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${name} build failed:\n${log.slice(-3000)}`);
  const tree = /BENCH-TREE (\d+) ([\d.]+)/.exec(log);
  return { wall, cpu: tree ? Number(tree[2]) : undefined, rssMB: tree ? Number(tree[1]) / 1024 : undefined, log };
}

/** Our build's steps, from the times its own log gives (Astro's, and the loader's and integrations'). */
export function stepsOf(log) {
  const steps = [];
  const grab = (label, pattern) => {
    const m = pattern.exec(log);
    if (m) steps.push(`${label} ${m[1]}`);
  };
  grab('load, check and render articles', /\d+ articles in ([\d.]+ s): \d+ changed/);
  grab('pages', /generating static routes[\s\S]*?✓ Completed in ([^.\n]+(?:\.\d+)?m?s)\./);
  const copied = /(\d+) article pages copied from the previous build, \d+ rendered, (\d+) captures (?:copied|put in place \((\d+) of them unchanged and linked from the previous build's copies\)), (\d+) files written beside the pages[^(\n]*\(([\d.]+ s)\)/.exec(log);
  if (copied) steps.push(`after the pages ${copied[5]} (${copied[1]} article pages copied from the previous build, ${copied[2]} captures${copied[3] ? ` (${copied[3]} linked)` : ''}, ${copied[4]} files written beside them)`);
  grab('article cards left to draw after the pages', /\d+ article cards: \d+ drawn while the pages were built, \d+ drawn now, the rest from the cache \(([\d.]+ s)\)/);
  // The checks run in Astro's build, or beside Pagefind in the step after it (scripts/finish-build.mjs), whose time then includes theirs.
  const beside = log.indexOf('recorded the permalinks of') > log.indexOf('page(s) built in');
  const where = beside ? ' (beside the search index, within its time)' : '';
  grab(`permalink register${where}`, /recorded the permalinks of \d+ articles in ([\d.]+ s)/);
  grab(`link check${where}`, /checked the links of \d+ pages in ([\d.]+ s)/);
  grab('search index', /indexed \d+ pages (?:in \d+ of \d+ shards (?:\(\d+ kept from the previous build\) )?)?in ([\d.]+ s)/);
  grab('search index kept whole from the previous build', /kept the previous build’s search index whole, as no article page changed \(([\d.]+ s)\)/);
  grab('phrase index', /indexed the pairs of words of \d+ pages in ([\d.]+ s)/);
  return steps.join('; ');
}

/** What the generated corpus holds, and whether the build found the cross-links it was made with. */
export function corpusStatistics(corpus, out) {
  const articles = readdirSync(path.join(corpus, 'articles')).filter((f) => f.endsWith('.md'));
  let quotations = 0;
  for (const f of articles) quotations += (readFileSync(path.join(corpus, 'articles', f), 'utf8').match(/:quote\[/g) ?? []).length;
  // Every 20th article (from the 20th) quotes the one 20 before it.
  const expected = Math.max(0, Math.floor((articles.length - 1) / 20));
  let found = 0;
  for (const f of articles) {
    const page = path.join(out, 'articles', f.replace(/\.md$/, ''), 'index.html');
    if (existsSync(page) && readFileSync(page, 'utf8').includes('Quoted from:')) found++;
  }
  return { articles: articles.length, quotations, expected, found };
}

async function searchFigures(bundle, scratch, queries) {
  if (!existsSync(bundle)) return [];
  const figures = [];
  for (const query of queries) figures.push({ query, ...(await firstSearch(bundle, query, scratch)) });
  return figures;
}

/** The middle value; of an even number of rounds, the lower of the middle two (the quicker of two), for ours and the peers alike. */
const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
};

/** How the middle value is named: "median of 3", or "quicker of 2" (the lower middle value). */
const middle = (rounds) => (rounds === 1 ? 'one round' : rounds === 2 ? 'quicker of 2' : rounds % 2 ? `median of ${rounds}` : `lower median of ${rounds}`);

/**
 * Builds each size with every peer, `rounds` times interleaved, and returns
 * rows: medians and the ratio ours ÷ peer, per size.
 */
/** On the seed site: a broad word, two words, and a phrase one article states. */
export const SEARCH_QUERIES = ['leadership', 'provider finances', '"genuine service improvement"'];

/**
 * On a generated corpus: a broad word and two words (its text is the seed
 * sources' sentences, so both recur everywhere), and a specific phrase: the
 * start of one article's own quotation (the generator makes each of random
 * words, quoted again only by the article 20 after it).
 */
function corpusQueries(corpus) {
  const file = readdirSync(path.join(corpus, 'articles')).filter((f) => f.endsWith('.md')).sort()[7];
  const quote = /:quote\[([^\]]+)\]/.exec(readFileSync(path.join(corpus, 'articles', file), 'utf8'))?.[1] ?? 'leadership';
  return ['leadership', 'provider finances', `"${quote.split(/\s+/).slice(0, 4).join(' ').replace(/[.,;:]$/, '')}"`];
}

/**
 * Rebuilds as an editor makes them: a clean build fills the cache, then one
 * paragraph is added to one article (and its capture, which the fidelity
 * check holds it to) and the site is built again with that cache, `edits`
 * times, a new paragraph each time (one rebuild is one sample of a noisy
 * machine: the middle one is quoted); then a topic's description is
 * corrected (shown on the topic's page only) and the site is built once
 * more; then a person whom no article names is added, as an editor does
 * before adding the articles that quote them.
 */
function rebuildAfterEdit(corpus, scratch, edits = 3) {
  const cache = path.join(scratch, `cache-rebuild-${Date.now()}`);
  const spec = (out) => ({ command: [node, path.join(root, 'scripts/build.mjs'), '--local', '--out', out], cwd: root, env: { POLICY_READER_CONTENT: corpus, POLICY_READER_CACHE: cache } });
  const out = path.join(scratch, 'out-rebuild');
  const clean = timeSpec(spec(out));
  const file = readdirSync(path.join(corpus, 'articles')).filter((f) => f.endsWith('.md')).sort()[11];
  const article = path.join(corpus, 'articles', file);
  const capture = path.join(corpus, 'sources', file.replace(/\.md$/, '.txt'));
  const topic = path.join(corpus, 'topics', readdirSync(path.join(corpus, 'topics')).filter((f) => f.endsWith('.yaml')).sort()[0]);
  const person = path.join(corpus, 'people', 'person-added-by-an-editor.yaml');
  const [articleBefore, captureBefore, topicBefore] = [readFileSync(article, 'utf8'), readFileSync(capture, 'utf8'), readFileSync(topic, 'utf8')];
  try {
    const agains = [];
    for (let edit = 1; edit <= edits; edit++) {
      const added = Array.from({ length: edit }, (_, k) => `\nAn editor added this paragraph (number ${k + 1}) to measure a rebuild, and it names no one.\n`).join('');
      writeFileSync(article, articleBefore + added);
      writeFileSync(capture, captureBefore + added);
      agains.push(timeSpec(spec(out)));
    }
    const again = agains.find((r) => r.wall === median(agains.map((a) => a.wall)));
    writeFileSync(topic, topicBefore.replace(/^description: .*$/m, 'description: "Described again by an editor, to measure a rebuild."'));
    const described = timeSpec(spec(out));
    writeFileSync(person, 'name: "Person Added By An Editor"\n');
    const personAdded = timeSpec(spec(out));
    return { clean, again, agains, steps: stepsOf(again.log), described, describedSteps: stepsOf(described.log), personAdded, personSteps: stepsOf(personAdded.log) };
  } finally {
    rmSync(person, { force: true });
    writeFileSync(article, articleBefore);
    writeFileSync(capture, captureBefore);
    writeFileSync(topic, topicBefore);
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

export async function compareBuilds({ sizes, rounds, peers, scratch, row }) {
  const perArticle = {};
  for (const size of sizes) {
    const corpus = path.join(scratch, `corpus-${size}`);
    spawnSync(node, [path.join(root, 'bench/generate-corpus.mjs'), String(size), corpus], { cwd: root, stdio: 'ignore' });
    const results = Object.fromEntries(['ours', ...peers].map((n) => [n, []]));
    let stats;
    let searched = [];
    let steps = [];
    for (let round = 1; round <= rounds; round++) {
      for (const name of ['ours', ...peers]) {
        console.error(`  ${size.toLocaleString('en-GB')} articles, round ${round}: ${name}…`);
        const out = path.join(scratch, `out-${name}-${size}`);
        const r = timeBuild(name, corpus, out, scratch);
        results[name].push(r);
        if (name === 'ours') {
          steps.push(stepsOf(r.log));
          stats ??= corpusStatistics(corpus, out);
          if (round === rounds) searched = await searchFigures(path.join(out, 'pagefind'), scratch, corpusQueries(corpus));
        }
        rmSync(out, { recursive: true, force: true });
      }
    }
    const fmt = (v, unit) => (v === undefined ? 'n/a' : `${v.toFixed(unit === 'MB' ? 0 : 1)} ${unit}`);
    const summary = (name) => ({
      wall: median(results[name].map((r) => r.wall)),
      cpu: median(results[name].map((r) => r.cpu)),
      rss: median(results[name].map((r) => r.rssMB)),
      spread: `${Math.min(...results[name].map((r) => r.wall)).toFixed(1)}–${Math.max(...results[name].map((r) => r.wall)).toFixed(1)} s wall`,
    });
    const ours = summary('ours');
    perArticle[size] = ours.wall / size;
    console.error(`  ${size.toLocaleString('en-GB')} articles: a rebuild after a one-paragraph edit…`);
    const rebuild = rebuildAfterEdit(corpus, scratch);
    const n = size.toLocaleString('en-GB');
    row(`Build, ${n} articles: ours`, `${fmt(ours.wall, 's')} wall, ${fmt(ours.cpu, 's')} CPU, ${fmt(ours.rss, 'MB')} peak`, `${middle(rounds)} (${ours.spread}); ${(ours.wall * 1000 / size).toFixed(1)} ms per article; ${steps[0]}`);
    for (const peer of peers) {
      const p = summary(peer);
      const ratio = (a, b) => (a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : 'n/a');
      row(
        `Build, ${n} articles: ${peer}`,
        `${fmt(p.wall, 's')} wall, ${fmt(p.cpu, 's')} CPU, ${fmt(p.rss, 'MB')} peak`,
        `ours ÷ ${peer}: ${ratio(ours.wall, p.wall)} wall, ${ratio(ours.cpu, p.cpu)} CPU (${middle(rounds)}; ${p.spread})`,
      );
    }
    const kB = (b) => `${(b / 1024).toFixed(0)}`;
    for (const { query, bytes, countsBytes, parts, results, ms } of searched) {
      const split = `script ${kB(parts.script)}, wasm ${kB(parts.wasm)}, metadata ${kB(parts.meta)}, index ${kB(parts.index)}, phrase index ${kB(parts.phrases)}, fragments ${kB(parts.fragments)} kB`;
      row(
        `First search, ${n} articles: ${query}`,
        `${(bytes / 1024).toFixed(1)} kB`,
        `${results.toLocaleString('en-GB')} results on screen in ${ms.toFixed(0)} ms in Node; ${split}; then filter counts +${kB(countsBytes)} kB`,
      );
    }
    // Against every clean build of ours at this size in this run (the rounds' and the one before the rebuilds): the middle of them.
    const cleanWall = median([...results.ours.map((r) => r.wall), rebuild.clean.wall]);
    const beforeJust = (wall) => `${(wall / rebuild.clean.wall).toFixed(2)}× the clean build just before`;
    row(
      `Rebuild after adding a paragraph to one article, ${n} articles: ours`,
      `${fmt(rebuild.again.wall, 's')} wall, ${fmt(rebuild.again.cpu, 's')} CPU`,
      `${(rebuild.again.wall / cleanWall).toFixed(2)}× our clean build (the middle of ${rebuild.agains.length} edits, ${rebuild.agains.map((r) => r.wall.toFixed(1)).join(', ')} s, against the middle of ${rounds + 1} clean builds, ${fmt(cleanWall, 's')}; the issue asks for at most 0.3×); ${beforeJust(rebuild.again.wall)} (${fmt(rebuild.clean.wall, 's')}); ${rebuild.steps}`,
    );
    row(
      `Rebuild after correcting a topic's description, ${n} articles: ours`,
      `${fmt(rebuild.described.wall, 's')} wall, ${fmt(rebuild.described.cpu, 's')} CPU`,
      `${(rebuild.described.wall / cleanWall).toFixed(2)}× our clean build (the middle of ${rounds + 1} clean builds, as above); ${beforeJust(rebuild.described.wall)}; ${rebuild.describedSteps}`,
    );
    row(
      `Rebuild after adding a person no article names, ${n} articles: ours`,
      `${fmt(rebuild.personAdded.wall, 's')} wall, ${fmt(rebuild.personAdded.cpu, 's')} CPU`,
      `${(rebuild.personAdded.wall / cleanWall).toFixed(2)}× our clean build (the middle of ${rounds + 1} clean builds, as above); ${beforeJust(rebuild.personAdded.wall)}; ${rebuild.personSteps}`,
    );
    row(
      `Corpus, ${n} articles`,
      `${stats.quotations.toLocaleString('en-GB')} inline quotations, ${stats.found} articles with a quoted-from link`,
      `${stats.expected} made by the generator (every 20th article quotes an earlier one)${stats.found === stats.expected ? '' : ': MISMATCH'}`,
    );
  }
  const [first, last] = [sizes[0], sizes.at(-1)];
  if (sizes.length > 1) {
    row(
      `Cost per article, ${last.toLocaleString('en-GB')} ÷ ${first.toLocaleString('en-GB')}`,
      `${(perArticle[last] / perArticle[first]).toFixed(2)}×`,
      '1.00× is linear; the issue asks for at most 1.10×',
    );
  }
}

/**
 * One clean build of the corpus turned into a collection from twenty
 * publishers (bench/publishers-corpus.mjs: 2,000 people named and quoted, 300
 * abbreviations, one line a tenth of the articles quote), which the plain
 * corpus lacks: what the cross-links cost at that shape, and the largest
 * page it makes (every listing page paged: none should grow with it). Ours
 * only: a peer has no people, glossary or quotations to build.
 */
export function publishersBuild({ size, scratch, row }) {
  const corpus = path.join(scratch, `corpus-publishers-source-${size}`);
  const shaped = path.join(scratch, `corpus-publishers-${size}`);
  spawnSync(node, [path.join(root, 'bench/generate-corpus.mjs'), String(size), corpus], { cwd: root, stdio: 'ignore' });
  const made = spawnSync(node, [path.join(root, 'bench/publishers-corpus.mjs'), corpus, shaped], { cwd: root, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`could not make the publishers' corpus:\n${made.stderr}`);
  const out = path.join(scratch, `out-publishers-${size}`);
  const r = timeBuild('ours', shaped, out, scratch);
  const pages = readdirSync(out, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
  const sizes = pages.map((file) => ({ file, bytes: statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  const largest = sizes[0];
  const n = size.toLocaleString('en-GB');
  const fmt = (v, unit) => (v === undefined ? 'n/a' : `${v.toFixed(unit === 'MB' ? 0 : 1)} ${unit}`);
  row(
    `Build, ${n} articles from twenty publishers: ours`,
    `${fmt(r.wall, 's')} wall, ${fmt(r.cpu, 's')} CPU, ${fmt(r.rssMB, 'MB')} peak`,
    `one clean build (bench/publishers-corpus.mjs); ${stepsOf(r.log)}`,
  );
  row(
    `Largest page, ${n} articles from twenty publishers`,
    largest ? `${(largest.bytes / 1024).toFixed(1)} kB` : 'n/a',
    largest ? `${path.relative(out, largest.file)}, of ${pages.length.toLocaleString('en-GB')} pages; ${sizes.filter((s) => s.bytes > 100 * 1024).length} over 100 kB` : '',
  );
  rmSync(out, { recursive: true, force: true });
}
