// What a reader's first search downloads, measured on a built Pagefind bundle
// in Node, in the order /search/ loads it: first the results on screen (the
// bundle's own pagefind.js, a fresh copy so nothing is cached, its
// WebAssembly and metadata, the index chunks for the query and the fragments
// of the first page of results, PAGE_SIZE in src/lib/search-engine.ts); then,
// with the results showing, the filter chunks for the counts beside the
// filters (`countsBytes`).
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const PAGE_SIZE = 20;

export async function firstSearch(bundle, query, scratch) {
  const copy = path.join(scratch, `pagefind-${Math.random().toString(36).slice(2)}.js`);
  copyFileSync(path.join(bundle, 'pagefind.js'), copy);
  let bytes = gzipSync(readFileSync(copy), { level: 9 }).length;
  const parts = { script: bytes, wasm: 0, meta: 0, filters: 0, index: 0, fragments: 0 };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const file = fileURLToPath(url instanceof URL ? url : new URL(String(url)));
    const body = readFileSync(file);
    bytes += body.length; // Pagefind's files are compressed already.
    const part = file.includes('/fragment/') ? 'fragments' : file.includes('/index/') ? 'index' : file.includes('/filter/') ? 'filters' : file.includes('wasm') ? 'wasm' : 'meta';
    parts[part] += body.length;
    return new Response(body);
  };
  try {
    const started = performance.now();
    const pf = await import(copy);
    await pf.options({ noWorker: true, basePath: `${pathToFileURL(bundle).href}/`, excerptLength: 0 });
    const search = await pf.search(query, { filters: {} });
    await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    const ms = performance.now() - started;
    const first = bytes;
    await pf.filters();
    await pf.search(query, { filters: {} });
    return { bytes: first, countsBytes: bytes - first, parts, results: search.results.length, ms };
  } finally {
    globalThis.fetch = realFetch;
  }
}
