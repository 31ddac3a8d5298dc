import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { storedFilesWritten } from '../lib/article-record';
import { articlePageFiles, pageReuse, setPageReuse } from '../lib/page-reuse';
import { sourcesDir } from '../content-files/paths';
import { articleRoute, articleUrl, sourceUrl } from '../lib/routes';
import type { ShardPage } from '../lib/search-shards';
import { ARTICLE_PAGE_WRITTEN, ARTICLE_PAGES_PLANNED, ARTICLE_PAGES_WRITTEN, tellBuild } from './build-settings';
import { codeDigest } from './code-digest';
import { placingThread } from './placing-thread';

/**
 * A rebuild copies unchanged article pages from the previous build (lib/page-reuse).
 *
 * Before the build: the code key (a digest of every file of src/, the Astro
 * config and the locked dependencies, with the site address and whether
 * drafts are shown) and the page keys the previous build recorded, kept in
 * the cache folder under its build's name, for the pages it has whole, and
 * what its collection-wide derivation worked out (lib/page-reuse's derived).
 * While the pages are written, on threads of their own: the files whose texts
 * their routes hand over (data/page-reuse's filesToRender), the reused pages,
 * once the build knows which they are, and every capture (data/page-reuse).
 * After the pages are written, first of all the build's steps: those are
 * awaited (so the sitemap, search index, register and link check see the
 * whole site), and this build's keys are recorded for the next. Between the
 * two, once the article pages are all on disk, scripts/build.mjs is told
 * (PageReuse's beforePage), so that its step after Astro can start the
 * search index on them.
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
  let placing: Promise<void> = Promise.resolve();
  let captures = 0;
  let capturesLinked = 0;
  // Each capture's identity when this build copied it (site-files, placeContentFile), for the next build.
  let capturesCopied: Record<string, string> = {};
  let keptFiles = 0;
  let placeEarly = () => {};
  let sortedEarly = () => true;
  const thread = placingThread();
  return {
    name: 'policy-reader:page-reuse',
    hooks: {
      'astro:config:done': ({ config }) => {
        manifests = path.join(fileURLToPath(config.cacheDir), 'page-reuse');
        site = config.site ?? '';
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        placeEarly = () => {};
        sortedEarly = () => true;
        const out = process.env.POLICY_READER_OUT;
        if (!out) return setPageReuse(undefined);
        const codeKey = codeDigest(options.root, [site, process.env.POLICY_READER_PUBLISH ?? '']);
        const previousDir = process.env.POLICY_READER_PREVIOUS;
        const recorded = previousDir ? readManifest(manifests, path.basename(previousDir)) : undefined;
        const previous = new Map<string, string>();
        let derived: Record<string, unknown> = {};
        // The previous build's files, when the same code made it: only then may one stand for this build's.
        const has = previousDir && recorded?.codeKey === codeKey ? folderListings(previousDir) : undefined;
        if (has && recorded) {
          for (const [slug, key] of Object.entries(recorded.pages)) {
            if (articlePageFiles(slug).every(has)) previous.set(slug, key);
          }
          derived = recorded.derived ?? {};
        }
        writing = Promise.resolve(0);
        placing = Promise.resolve();
        captures = 0;
        capturesLinked = 0;
        capturesCopied = {};
        keptFiles = 0;
        // The captures the previous build copied, by the identity each had then: of the same code, as its files are.
        const copiedBefore = has && recorded ? (recorded.captures ?? {}) : {};
        // Awaited once the pages are written; a failure meanwhile must not surface as an unhandled rejection.
        const meanwhile = <T>(work: Promise<T>) => (work.catch(() => {}), work);
        const placeFiles = (files: [string, string][]) => {
          writing = meanwhile(Promise.all([writing, thread.place('write', files.map(([file, text]) => [path.join(outDir, file), text]))]).then(([a, b]) => a + b));
        };
        const alsoPlacing = (kind: 'link', files: [from: string, to: string][]) => {
          const placed = meanwhile(thread.place(kind, files));
          placing = meanwhile(Promise.all([placing, placed]).then(() => {}));
          return placed;
        };
        // The captures, byte for byte: copied, since an editor may change a capture in place, but for those the previous
        // build copied that are the very files they were then, whose copies are linked.
        const placeCaptures = (list: string[]) => {
          captures = list.length;
          const copied = thread.copy(
            list.map((capture) => ({
              from: path.join(sourcesDir, capture),
              to: path.join(outDir, sourceUrl(capture)),
              previous: copiedBefore[capture] === undefined ? undefined : { copy: path.join(previousDir!, sourceUrl(capture)), identity: copiedBefore[capture] },
            })),
          );
          const recorded = copied.then(({ identities, linked }) => {
            list.forEach((capture, i) => (capturesCopied[capture] = identities[i]!));
            capturesLinked += linked;
          });
          placing = meanwhile(Promise.all([placing, recorded]).then(() => {}));
        };
        // Files the previous build made from the same inputs (data/page-reuse, keptFilesToRender): linked in, if it has them all.
        const placePrevious = (files: string[], pages: string[] = []) => {
          if (!has || !files.every(has)) return false;
          keptFiles += files.length;
          for (const page of pages) options.sitemapPages.push(new URL(page, site).href);
          alsoPlacing(
            'link',
            files.map((file) => [path.join(previousDir!, file), path.join(outDir, file)]),
          );
          return true;
        };
        const linkPages = (slugs: string[]) =>
          alsoPlacing(
            'link',
            slugs.flatMap((slug) => articlePageFiles(slug).map((file): [string, string] => [path.join(previousDir!, file), path.join(outDir, file)])),
          );
        // Every article page the previous build has whole, linked in as soon as Astro has emptied the site's folder
        // (astro:build:setup), long before the build knows which of them it keeps: at 5,000 articles their 20,000
        // files took a thread 1-2 s, and the search index, which starts on the article pages once they are all on
        // disk, waited for it (docs/performance.md, forty-ninth entry).
        let placedEarly: Promise<unknown> | undefined;
        placeEarly = () => {
          if (placedEarly === undefined && previous.size > 0) placedEarly = linkPages([...previous.keys()]);
        };
        let reusedPlaced: Promise<unknown> = Promise.resolve();
        let sorted = false;
        const placeReused = async (slugs: string[]) => {
          sorted = true;
          if (!placedEarly) {
            reusedPlaced = linkPages(slugs);
            return;
          }
          reusedPlaced = placedEarly;
          await placedEarly;
          // The pages placed early of articles this build renders, or has no longer: gone before Astro writes any page,
          // as a page written over a link would change the previous build's file too.
          const kept = new Set(slugs);
          for (const slug of previous.keys()) {
            if (kept.has(slug)) continue;
            for (const file of articlePageFiles(slug)) rmSync(path.join(outDir, file), { force: true });
            rmdirIfEmpty(path.join(outDir, articleUrl(slug)));
          }
        };
        sortedEarly = () => placedEarly === undefined || sorted;
        const reused = new Set<string>();
        // When this build renders every article page, the step after Astro is told which they will be, then each as it
        // is written: it indexes each shard of the search index once its pages are all on disk, on the core that
        // rendering one page at a time leaves idle (a clean build of 5,000 articles left it idle for 10 s).
        let planned = false;
        const articlePagesPlanned = (pages: ShardPage[]) => {
          if (reused.size > 0 || pages.length === 0) return;
          planned = true;
          tellBuild(`${ARTICLE_PAGES_PLANNED} ${JSON.stringify(pages)}`);
        };
        // The article pages on disk: the rendered ones once a page of another route follows theirs, the reused ones once placed.
        let articlePages: 'to come' | 'rendering' | 'told' = 'to come';
        let lastArticlePage: string | undefined;
        const beforePage = (route: string, pathname: string) => {
          if (articlePages === 'told') return undefined;
          if (route === articleRoute) {
            articlePages = 'rendering';
            // Astro writes a page before it starts the next.
            if (planned && lastArticlePage !== undefined) tellBuild(`${ARTICLE_PAGE_WRITTEN} ${lastArticlePage}`);
            lastArticlePage = `${decodeURI(pathname).replace(/^\/|\/$/g, '')}/index.html`;
            return undefined;
          }
          if (articlePages === 'to come') return undefined;
          articlePages = 'told';
          // A placing that failed fails the build at its end (astro:build:done); the step after Astro is then never told to go.
          return reusedPlaced.then(() => tellBuild(ARTICLE_PAGES_WRITTEN), () => {});
        };
        setPageReuse({ codeKey, previous, current: new Map(), reused, placeCaptures, placeReused, placeFiles, placePrevious, derived: { previous: derived, current: {} }, articlePagesPlanned, beforePage });
      },
      'astro:build:setup': () => placeEarly(),
      'astro:build:done': async ({ dir, logger }) => {
        // The article pages placed early are this build's only once it has removed those it renders (placeReused).
        if (!sortedEarly()) throw new Error('The previous build’s article pages were placed, but this build never decided which of them to keep.');
        // The articles loader's files, which the pages read from memory, must be on disk for the next build: one not written fails this one.
        await storedFilesWritten();
        const state = pageReuse();
        const out = process.env.POLICY_READER_OUT;
        if (!state || !out) return;
        const started = performance.now();
        if (path.resolve(fileURLToPath(dir)) !== path.resolve(outDir)) throw new Error(`Astro wrote the site to ${fileURLToPath(dir)}, not to its outDir, ${outDir}: the reused pages were put in the outDir.`);
        // The sitemap lists the pages Astro rendered; the copied ones join them.
        for (const slug of state.reused) options.sitemapPages.push(new URL(articleUrl(slug), site).href);
        await placing;
        const written = await writing;
        await thread.stop();
        writeManifest(manifests, path.basename(out).replace(/^staging-/, ''), { codeKey: state.codeKey, pages: Object.fromEntries(state.current), derived: state.derived.current, captures: capturesCopied });
        logger.info(
          `${state.reused.size} article pages copied from the previous build, ${state.current.size - state.reused.size} rendered, ${captures} captures put in place (${capturesLinked} of them unchanged and linked from the previous build's copies), ${written} files written beside the pages${keptFiles > 0 ? ` and ${keptFiles} linked from the previous build, which made them from the same inputs` : ''}, the rest of it while the pages were rendered (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}

/** Removes a folder if nothing is left in it (a folder with files stays). */
function rmdirIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty, or not there.
  }
}

/**
 * Whether a file (a path under `root`) is there, from its folder's listing,
 * read once: one listing for an article's folder instead of a stat for each
 * of its files (20,000 stats were 0.1-0.15 s of a rebuild's start).
 */
function folderListings(root: string): (file: string) => boolean {
  const listings = new Map<string, Set<string>>();
  return (file) => {
    const folder = path.dirname(file);
    let names = listings.get(folder);
    if (!names) {
      try {
        names = new Set(readdirSync(path.join(root, folder)));
      } catch {
        names = new Set();
      }
      listings.set(folder, names);
    }
    return names.has(path.basename(file));
  };
}

interface Manifest {
  codeKey: string;
  pages: Record<string, string>;
  /** PageReuse's derived parts, as this build worked them out. */
  derived?: Record<string, unknown>;
  /** Each capture's identity (lib/file-identity) when this build copied it into its site. */
  captures?: Record<string, string>;
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
