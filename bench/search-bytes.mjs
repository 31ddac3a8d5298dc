// What a reader's first search downloads, measured on a built site in Node,
// by the search page's own engine (src/lib/search-engine.ts, runSearch, as
// src/browser/search-page.ts calls it): the results on screen first (for an
// exact phrase the index of adjacent words answers, its files and the
// fragments of its pages; otherwise Pagefind's script, a fresh copy so
// nothing is cached, its WebAssembly and metadata, the index chunks for the
// query and the fragments of the first page of results); then, with the
// results showing, what the counts beside the filters need (`countsBytes`).
// The page's synonyms are not applied: a generated corpus has none.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { loadTypeScript } from '../src/lib/load-typescript.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

loadTypeScript();
const { PAGE_SIZE, phraseSourceOver, runSearch } = await import('../src/lib/search-engine.ts');
const { pagefindShardUrl, searchShardsUrl } = await import('../src/lib/routes.ts');

const partOf = (file) =>
  file.includes('/search/phrases/') ? 'phrases' : file.includes('/fragment/') ? 'fragments' : file.includes('/index/') ? 'index' : file.includes('/filter/') ? 'filters' : file.includes('wasm') ? 'wasm' : 'meta';

/** `bundle`: a built site's pagefind folder. */
export async function firstSearch(bundle, query, scratch) {
  const site = path.dirname(bundle);
  const parts = { script: 0, wasm: 0, meta: 0, filters: 0, index: 0, fragments: 0, phrases: 0 };
  const count = (file, bytes) => {
    parts[partOf(file)] += bytes; // Pagefind's files are compressed already; the phrase index's buckets are packed.
  };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const file = fileURLToPath(url instanceof URL ? url : new URL(String(url)));
    const body = readFileSync(file);
    count(file, body.length);
    return new Response(body);
  };
  let pagefind;
  const engine = () =>
    (pagefind ??= (async () => {
      const copy = path.join(scratch, `pagefind-${Math.random().toString(36).slice(2)}.js`);
      copyFileSync(path.join(bundle, 'pagefind.js'), copy);
      parts.script += gzipSync(readFileSync(copy), { level: 9 }).length;
      const pf = await import(copy);
      await pf.options({ basePath: `${pathToFileURL(bundle).href}/`, excerptLength: 0 });
      // A collection indexed in shards (lib/search-shards): the others merged, as the search page merges them.
      const manifest = path.join(site, searchShardsUrl);
      const shards = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).shards : [];
      parts.meta += existsSync(manifest) ? gzipSync(readFileSync(manifest)).length : 0;
      await Promise.all(shards.filter((s) => s.folder !== '').map((s) => pf.mergeIndex(`${pathToFileURL(path.join(site, pagefindShardUrl(s.folder))).href}/`, { excerptLength: 0 })));
      return pf;
    })());
  const lazyPagefind = {
    search: async (q, options) => (await engine()).search(q, options),
    filters: async () => (await engine()).filters(),
  };
  const phrases = phraseSourceOver(async (url) => {
    const file = path.join(site, url);
    const body = readFileSync(file);
    // Served as they are, but for the JSON lists of names, which a host compresses.
    count(file, url.endsWith('.json') ? gzipSync(body).length : body.length);
    return new Uint8Array(body);
  });
  const total = () => Object.values(parts).reduce((a, b) => a + b, 0);
  try {
    const started = performance.now();
    const outcome = await runSearch(lazyPagefind, query, { counts: false, pageSize: PAGE_SIZE, phrases });
    const ms = performance.now() - started;
    const first = total();
    const firstParts = { ...parts };
    await outcome.countFilters();
    return { bytes: first, countsBytes: total() - first, parts: firstParts, results: outcome.total, ms };
  } finally {
    globalThis.fetch = realFetch;
  }
}
