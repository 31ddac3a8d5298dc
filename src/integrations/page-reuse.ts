import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { articlePageFiles, pageReuse, setPageReuse } from '../lib/page-reuse';
import { sourcesDir } from '../content-files/paths';
import { articleUrl, sourceUrl } from '../lib/routes';
import { codeDigest } from './code-digest';
import { placeFile } from './site-files';

/**
 * A rebuild copies unchanged article pages from the previous build (lib/page-reuse).
 *
 * Before the build: the code key (a digest of every file of src/, the Astro
 * config and the locked dependencies, with the site address and whether
 * drafts are shown) and the page keys the previous build recorded, kept in
 * the cache folder under its build's name, for the pages it has whole, and
 * what its collection-wide derivation worked out (lib/page-reuse's derived).
 * While the pages are written: the citation files of the articles rendered,
 * whose texts their route hands over (data/page-reuse).
 * After the pages are written, first of all the build's steps: the reused
 * pages and every capture are copied in (so the sitemap, search index,
 * register and link check see the whole site), and this build's keys are
 * recorded for the next.
 *
 * scripts/build.mjs says where this build goes (POLICY_READER_OUT) and which
 * build is published now (POLICY_READER_PREVIOUS); without them (astro dev,
 * a bare astro build) every page is rendered.
 */
export default function pageReuseIntegration(options: { root: string; sitemapPages: string[] }): AstroIntegration {
  let manifests = '';
  let site = '';
  let outDir = '';
  let writing: Promise<number> = Promise.resolve(0);
  return {
    name: 'policy-reader:page-reuse',
    hooks: {
      'astro:config:done': ({ config }) => {
        manifests = path.join(fileURLToPath(config.cacheDir), 'page-reuse');
        site = config.site ?? '';
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const out = process.env.POLICY_READER_OUT;
        if (!out) return setPageReuse(undefined);
        const codeKey = codeDigest(options.root, [site, process.env.POLICY_READER_PUBLISH ?? '']);
        const previousDir = process.env.POLICY_READER_PREVIOUS;
        const recorded = previousDir ? readManifest(manifests, path.basename(previousDir)) : undefined;
        const previous = new Map<string, string>();
        let derived: Record<string, unknown> = {};
        if (previousDir && recorded?.codeKey === codeKey) {
          for (const [slug, key] of Object.entries(recorded.pages)) {
            if (articlePageFiles(slug).every((file) => existsSync(path.join(previousDir, file)))) previous.set(slug, key);
          }
          derived = recorded.derived ?? {};
        }
        writing = Promise.resolve(0);
        const placeCitationFiles = (files: [string, string][]) => {
          writing = writeFiles(outDir, files);
          // Awaited once the pages are written; a failure meanwhile must not surface as an unhandled rejection.
          writing.catch(() => {});
        };
        setPageReuse({ codeKey, previous, current: new Map(), reused: new Set(), captures: [], placeCitationFiles, derived: { previous: derived, current: {} } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const state = pageReuse();
        const out = process.env.POLICY_READER_OUT;
        if (!state || !out) return;
        const started = performance.now();
        const target = fileURLToPath(dir);
        const previousDir = process.env.POLICY_READER_PREVIOUS!;
        for (const slug of state.reused) {
          for (const file of articlePageFiles(slug)) {
            placeFile(path.join(previousDir, file), path.join(target, file));
          }
          // The sitemap lists the pages Astro rendered; the copied ones join them.
          options.sitemapPages.push(new URL(articleUrl(slug), site).href);
        }
        // The captures, byte for byte, which the sources route left to this step (data/page-reuse):
        // copied, never linked, since an editor may change a capture in place.
        // A capture is a name without a folder (the article schema says so), so they all share one.
        if (state.captures.length > 0) mkdirSync(path.dirname(path.join(target, sourceUrl(state.captures[0]!))), { recursive: true });
        for (const capture of state.captures) copyFileSync(path.join(sourcesDir, capture), path.join(target, sourceUrl(capture)));
        const written = await writing;
        writeManifest(manifests, path.basename(out).replace(/^staging-/, ''), { codeKey: state.codeKey, pages: Object.fromEntries(state.current), derived: state.derived.current });
        logger.info(
          `${state.reused.size} article pages copied from the previous build, ${state.current.size - state.reused.size} rendered, ${state.captures.length} captures copied, ${written} citation files written beside the pages (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}

interface Manifest {
  codeKey: string;
  pages: Record<string, string>;
  /** PageReuse's derived parts, as this build worked them out. */
  derived?: Record<string, unknown>;
}

function readManifest(dir: string, build: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, `${build}.json`), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** This build's keys; the keys of builds before the previous one are removed (scripts/build.mjs removes those builds too). */
function writeManifest(dir: string, build: string, manifest: Manifest): void {
  mkdirSync(dir, { recursive: true });
  const previous = process.env.POLICY_READER_PREVIOUS ? `${path.basename(process.env.POLICY_READER_PREVIOUS)}.json` : '';
  for (const name of readdirSync(dir)) if (name !== previous) rmSync(path.join(dir, name), { force: true });
  writeFileSync(path.join(dir, `${build}.json`), JSON.stringify(manifest));
}

/**
 * Writes files under a folder, a few at a time: the writing is done by
 * Node's own threads, beside the rendering on the main one (file creation
 * is most of the cost: about 0.4 ms a file here). How many were written.
 */
async function writeFiles(folder: string, files: [file: string, text: string][]): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  let next = 0;
  const writeNext = async (): Promise<void> => {
    while (next < files.length) {
      const [file, text] = files[next++]!;
      const full = path.join(folder, file);
      const parent = path.dirname(full);
      if (!folders.has(parent)) folders.set(parent, mkdir(parent, { recursive: true }));
      await folders.get(parent);
      await writeFile(full, text);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writeNext));
  return files.length;
}
