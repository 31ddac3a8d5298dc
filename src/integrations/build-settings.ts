import { existsSync, readdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { articlePagesFolder } from '../lib/routes';
import { SEARCH_SHARD_PAGES } from '../lib/search-shards';

/*
 * What Astro's build and the step after it (scripts/finish-build.mjs, which
 * checks the built site and indexes it once Astro has exited) must agree on:
 * astro.config.mjs reads them here too.
 */

export { cacheFolder } from '../content-files/paths';

/** The site's public address (scripts/build.mjs sets SITE_URL; a bare build is for this machine). */
export const siteAddress = (): string => process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * Up to this many article pages, a build by scripts/build.mjs runs the
 * checks that read every built page (the link check and the permalink
 * register) after Astro has exited, while Pagefind builds its index
 * (scripts/finish-build.mjs): Pagefind compresses its files on one core, and
 * the checks take the other (docs/performance.md, eleventh run). The price
 * is memory, the checks' beside Pagefind's: at 10,000 articles the build
 * held 5.0 GB at its peak with the checks beside Pagefind, 3.9 GB without.
 * Beyond the limit they stay in Astro's build, before Astro exits, as in a
 * bare `astro build`: at 20,000 articles Pagefind alone holds 7 GiB, and
 * the whole build must stay under 8 GB.
 */
export const CHECKS_AFTER_ASTRO_UP_TO = 10_000;

/**
 * Whether the checks of the site built in `site` run after Astro, beside the
 * search index (above). POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO sets another
 * limit: 0 keeps them in Astro's build, for a machine short of memory.
 */
export function checksAfterAstro(site: string, pages?: number): boolean {
  return articlePagesUpTo(site, Number(process.env.POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO || CHECKS_AFTER_ASTRO_UP_TO), pages);
}

/**
 * Up to this many article pages, the step after Astro starts the search
 * index as soon as Astro has written the article pages, while it writes the
 * others (scripts/finish-build.mjs), rather than once Astro has exited:
 * Pagefind's memory is then beside Astro's for the last seconds of Astro's
 * build (docs/performance.md, thirty-fifth entry).
 * POLICY_READER_INDEX_BESIDE_ASTRO_UP_TO sets another limit: 0 never does.
 */
export const INDEX_BESIDE_ASTRO_UP_TO = 5_000;

/** Whether the search index of the site being written in `site` may start beside Astro (above). */
export function indexBesideAstro(site: string, pages?: number): boolean {
  const upTo = Number(process.env.POLICY_READER_INDEX_BESIDE_ASTRO_UP_TO || INDEX_BESIDE_ASTRO_UP_TO);
  return upTo > 0 && articlePagesUpTo(site, upTo, pages);
}

/** Whether the site in `site` has at most `upTo` article pages; `pages`: how many it has, if known. */
function articlePagesUpTo(site: string, upTo: number, pages?: number): boolean {
  if (pages !== undefined) return pages <= upTo;
  // The article pages' folder holds the pages of the list of articles too (page/2/…), which are not articles.
  const [parent, file] = articlePagesFolder();
  const folder = path.join(site, parent);
  const names = existsSync(folder) ? readdirSync(folder) : [];
  // Only a folder with more entries than the limit can hold more article pages: each is looked for then only (5,000 stats were 60 ms, twice a build).
  if (names.length <= upTo) return true;
  return names.filter((name) => existsSync(path.join(folder, name, file))).length <= upTo;
}

/** Whether Astro's build leaves the checks of the site it writes in `site` to scripts/finish-build.mjs (a build by scripts/build.mjs, which says where it writes). */
export const checksLeftToFinish = (site: string): boolean => Boolean(process.env.POLICY_READER_OUT) && checksAfterAstro(site);

/**
 * What Astro's build says on the file descriptor POLICY_READER_TELL_FD, a
 * line each (integrations/page-reuse): scripts/build.mjs passes it, as it
 * is, to the step after Astro (scripts/finish-build.mjs), which may then
 * start the search index. Said to no one in any other build.
 * - ARTICLE_PAGES_PLANNED and JSON: the article pages the build will write,
 *   each with the month of its date to sort by (lib/search-shards'
 *   ShardPage), said before the first of them when it renders them all;
 * - ARTICLE_PAGE_WRITTEN and a page: that article page is on disk (said
 *   only after a plan);
 * - ARTICLE_PAGES_WRITTEN: the article pages are all on disk.
 */
export const ARTICLE_PAGES_WRITTEN = 'articles';
export const ARTICLE_PAGES_PLANNED = 'plan';
export const ARTICLE_PAGE_WRITTEN = 'written';

/** Says a line to scripts/build.mjs (above); nothing when nobody listens. */
export function tellBuild(line: string): void {
  const fd = Number(process.env.POLICY_READER_TELL_FD);
  if (!Number.isInteger(fd) || fd < 3) return;
  try {
    writeSync(fd, `${line}\n`);
  } catch {
    // Nobody listening (the build was stopped): the step after Astro starts when told to go, if ever.
  }
}

/** The folder, in the site, of the links to the article pages that Pagefind reads in a build by scripts/build.mjs (integrations/search-index, inNameOrder). */
export const SEARCH_INPUT = '.search-input';

/**
 * How many article pages a shard of the search index holds at most
 * (lib/search-shards). POLICY_READER_SEARCH_SHARD_PAGES sets another: the
 * tests cut a small collection into shards with it.
 */
export function searchShardPages(): number {
  const given = process.env.POLICY_READER_SEARCH_SHARD_PAGES;
  if (!given) return SEARCH_SHARD_PAGES;
  if (!/^[1-9]\d*$/.test(given.trim())) {
    throw new Error(`POLICY_READER_SEARCH_SHARD_PAGES is "${given}": give a whole number of article pages a shard of the search index may hold (${SEARCH_SHARD_PAGES} if unset), or unset it.`);
  }
  return Number(given);
}
