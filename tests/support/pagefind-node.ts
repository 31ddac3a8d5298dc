import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dist } from './built-site';

/**
 * The site's own built Pagefind bundle, run in Node: `fetch` reads the bundle
 * from disk, and the worker is off. Search quality is tested against exactly
 * what readers' browsers download.
 */
export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{
    results: { id: string; score: number; data(): Promise<PagefindData> }[];
    filters: Record<string, Record<string, number>>;
    totalFilters: Record<string, Record<string, number>>;
    unfilteredResultCount: number;
  }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindData {
  url: string;
  content: string;
  word_count: number;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  locations: number[];
  weighted_locations: { weight: number; balanced_score: number; location: number }[];
  anchors: { element: string; id: string; text: string; location: number }[];
  sub_results: { title: string; url: string; excerpt: string; locations: number[]; anchor?: { id: string } }[];
}

let loaded: Promise<PagefindApi> | undefined;

export function loadPagefind(dir = dist): Promise<PagefindApi> {
  loaded ??= (async () => {
    const bundle = path.join(dir, 'pagefind');
    globalThis.fetch = (async (url: string | URL) => {
      const target = url instanceof URL ? url : new URL(String(url), pathToFileURL(`${bundle}/`));
      return new Response(readFileSync(fileURLToPath(target)));
    }) as typeof fetch;
    const api = (await import(pathToFileURL(path.join(bundle, 'pagefind.js')).href)) as PagefindApi;
    await api.options({ noWorker: true, basePath: `${pathToFileURL(bundle).href}/` });
    await api.init();
    return api;
  })();
  return loaded;
}
