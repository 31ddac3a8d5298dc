import { createHash } from 'node:crypto';
import { articleUrl, CITATION_FORMATS, citationFileUrl } from './routes';
import type { ShardPage } from './search-shards';

/**
 * A rebuild copies the article pages (and their citation files) that would
 * come out the same from the previous build instead of rendering them again.
 * Whether a page would come out the same is decided by a key of everything
 * it is made from: the code and the site's settings (integrations/page-reuse
 * reads those before the build), the collection's shared entries, and the
 * article's own inputs (data/page-reuse). The three share this state on a
 * global, since Astro runs the pages from a bundle of their own.
 *
 * Node-only: keys are node:crypto's digests.
 */

export const PAGE_REUSE = Symbol.for('policy-reader:page-reuse');

export interface PageReuse {
  /** A digest of the code that makes pages and of the build's settings (site address, drafts shown or not). */
  codeKey: string;
  /** Article slug → key of its page in the previous build, for the pages that build has whole. */
  previous: ReadonlyMap<string, string>;
  /** Article slug → key of its page in this build (filled while the pages are listed). */
  current: Map<string, string>;
  /** Articles whose pages are copied from the previous build, not rendered. */
  reused: Set<string>;
  /**
   * Takes the captures this build publishes under /sources/ and copies them
   * in whole from the content folder, off the main thread, while the pages
   * are rendered, rather than rendering them one by one: through Astro, each
   * cost about 1 ms at 5,000 articles (integrations/page-reuse).
   */
  placeCaptures: (captures: string[]) => void;
  /**
   * Takes the articles whose pages are copied from the previous build (once
   * `reused` is known) and puts their files in place, off the main thread,
   * while the other pages are rendered (integrations/page-reuse). Where the
   * previous build's pages were all placed early, it removes those of the
   * other articles: the promise settles once they are gone, and no page may
   * be written before (one written over a link changes the previous build's
   * file too).
   */
  placeReused: (slugs: string[]) => Promise<void>;
  /**
   * Takes files a route would otherwise render (path under the site folder,
   * text: the citation files of the articles this build renders, the search
   * page's JSON, the data exports) and writes them beside the pages, off the
   * main thread, while the pages are rendered (integrations/page-reuse,
   * data/page-reuse's filesToRender).
   */
  placeFiles: (files: [file: string, text: string][]) => void;
  /**
   * Takes files (paths under the site folder) that this build would make as
   * the previous build did, from the same inputs: if that build, made by the
   * same code, has them all, links them in, off the main thread, and says
   * so; otherwise places nothing and says not (integrations/page-reuse,
   * data/page-reuse's keptFilesToRender). `pages`, the addresses of the
   * pages among them, join the sitemap.
   */
  placePrevious: (files: string[], pages?: string[]) => boolean;
  /**
   * What collection-wide derivation worked out (data/cross-links: the names
   * found in each article's record, the related articles), each part under a
   * key of everything it was worked out from: the previous build's, kept with
   * its page keys under the same code key, and this build's, for the next.
   * An edit that leaves a part's inputs as they were reuses it whole.
   */
  derived: { previous: Readonly<Record<string, unknown>>; current: Record<string, unknown> };
  /**
   * Takes the article pages this build will write, each with the month of
   * its date to sort by, once it knows which it renders (data/page-reuse):
   * when it renders them all, the step after Astro is told, and indexes
   * each shard of the search index as soon as its pages are written
   * (integrations/page-reuse, scripts/finish-build.mjs).
   */
  articlePagesPlanned: (pages: ShardPage[]) => void;
  /**
   * Called before each page is rendered, with its route (Astro's pattern)
   * and address (src/middleware.ts). Astro writes one page at a time, so a
   * page's call means the page before it is on disk, and the first page of
   * another route after the article route's that the article pages all are;
   * once the reused ones are placed too, the build is told
   * (integrations/page-reuse), and the step after Astro starts the search
   * index on them while Astro writes the rest of the site. What it returns
   * is awaited before the page.
   */
  beforePage: (route: string, pathname: string) => Promise<void> | undefined;
}

export function pageReuse(): PageReuse | undefined {
  return (globalThis as Record<symbol, PageReuse | undefined>)[PAGE_REUSE];
}

export function setPageReuse(state: PageReuse | undefined): void {
  (globalThis as Record<symbol, PageReuse | undefined>)[PAGE_REUSE] = state;
}

/** An article's page, as a path under the site folder ("articles/<slug>/index.html"): what the search index reads. */
export const articlePageFile = (slug: string): string => `${articleUrl(slug)}index.html`.slice(1);

/** The files of an article's page that a rebuild may copy, as paths under the site folder. */
export function articlePageFiles(slug: string): string[] {
  return [articlePageFile(slug), ...CITATION_FORMATS.map((format) => citationFileUrl(slug, format).slice(1))];
}

/** A key of a value: a digest of its JSON, so equal keys mean equal inputs. */
export function inputsKey(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return createHash('sha256').update(JSON.stringify(value, replacer)).digest('base64url');
}
