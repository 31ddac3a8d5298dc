import type { ArticleRecord } from './article-record';
import { findQuotedFrom, findQuotedFromAgain, type Passage, type QuotedFrom, type QuotedFromMemo } from './quoted-from';

/**
 * Quoted-from links across a collection: every marked quotation (not pull
 * quotes, which repeat their own article) against every block of the other
 * articles, quotations included, since an organisation's own statement,
 * marked as its spokesperson's words, is the source of the news report that
 * quotes it. The dates decide the direction: a block is never the source of
 * words in an article published before it. When neither article is known to
 * be the earlier (the same day, a year against a day within it, no date), an
 * unmarked block is the source of a quotation; of two marked quotations, the
 * one in the article whose slug sorts first is taken as the source, so the
 * two are linked once, not each "quoted from" the other.
 */
const computed = new WeakMap<ArticleRecord[], { dates: ReadonlyMap<string, string | undefined>; links: QuotedFrom[] }>();

/** Computed once per corpus and dates (ISO, as precise as stated or inferred, by slug). */
export function quotedFromLinks(corpus: ArticleRecord[], dates: ReadonlyMap<string, string | undefined> = new Map()): QuotedFrom[] {
  const done = computed.get(corpus);
  if (done && done.dates === dates) return done.links;
  const links = computeQuotedFromLinks(corpus, dates);
  computed.set(corpus, { dates, links });
  return links;
}

/** The first and last day a partial ISO date can mean: "2015" is 2015-01-01 to 2015-12-31. */
function span(iso: string | undefined): [string, string] | undefined {
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-');
  return [`${year}-${month ?? '01'}-${day ?? '01'}`, `${year}-${month ?? '12'}-${day ?? '31'}`];
}

/** Whether `a` is certainly later than `b`: every day it can mean is after every day `b` can. */
export function certainlyLater(a: string | undefined, b: string | undefined): boolean {
  const [x, y] = [span(a), span(b)];
  return !!x && !!y && x[0] > y[1];
}

/** quotedFromLinks, reading only what changed since `previous` (lib/quoted-from); with what to keep for the next time. */
export function quotedFromLinksAgain(
  corpus: ArticleRecord[],
  dates: ReadonlyMap<string, string | undefined>,
  digest: (value: string) => string,
  previous: QuotedFromMemo | undefined,
): { links: QuotedFrom[]; memo: QuotedFromMemo } {
  let memo: QuotedFromMemo | undefined;
  const links = computeQuotedFromLinks(corpus, dates, (quotes, sources) => {
    const again = findQuotedFromAgain(quotes, sources, digest, previous);
    memo = again.memo;
    return again.found;
  });
  return { links, memo: memo! };
}

function computeQuotedFromLinks(
  corpus: ArticleRecord[],
  dates: ReadonlyMap<string, string | undefined>,
  find: (quotes: Passage[], sources: Passage[]) => QuotedFrom[] = findQuotedFrom,
): QuotedFrom[] {
  const quotes = corpus.flatMap((a) =>
    a.quotes.filter((q) => q.form !== 'pull').map((q) => ({ article: a.slug, block: q.block, text: q.text })),
  );
  const marked = new Set(corpus.flatMap((a) => a.quotes.filter((q) => q.form === 'block').map((q) => `${a.slug}#${q.block}`)));
  const sources = corpus.flatMap((a) =>
    a.blocks.filter((b) => b.kind !== 'pull-quote' && b.kind !== 'heading').map((b) => ({ article: a.slug, block: b.id, text: b.text })),
  );
  const seen = new Set<string>();
  return find(quotes, sources).filter((link) => {
    const [quoting, source] = [dates.get(link.quote.article), dates.get(link.source.article)];
    if (certainlyLater(source, quoting)) return false;
    const sourceIsQuotation = marked.has(`${link.source.article}#${link.source.block}`);
    if (sourceIsQuotation && !certainlyLater(quoting, source) && link.source.article > link.quote.article) return false;
    const key = `${link.quote.article}#${link.quote.block}→${link.source.article}#${link.source.block}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
