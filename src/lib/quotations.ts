import type { ArticleRecord } from './article-record';
import { findQuotedFrom, type QuotedFrom } from './quoted-from';

/**
 * Quoted-from links across a collection: every marked quotation (not pull
 * quotes, which repeat their own article) against every block of the other
 * articles that is not itself a quotation, so a link always points from the
 * quoting article to the words' own source.
 */
const computed = new WeakMap<ArticleRecord[], QuotedFrom[]>();

/** Computed once per corpus: every article's page asks for the same links. */
export function quotedFromLinks(corpus: ArticleRecord[]): QuotedFrom[] {
  let links = computed.get(corpus);
  if (!links) computed.set(corpus, (links = computeQuotedFromLinks(corpus)));
  return links;
}

function computeQuotedFromLinks(corpus: ArticleRecord[]): QuotedFrom[] {
  const quotes = corpus.flatMap((a) =>
    a.quotes.filter((q) => q.form !== 'pull').map((q) => ({ article: a.slug, block: q.block, text: q.text })),
  );
  const sources = corpus.flatMap((a) =>
    a.blocks
      .filter((b) => b.kind !== 'pull-quote' && b.kind !== 'heading' && b.speaker === undefined)
      .map((b) => ({ article: a.slug, block: b.id, text: b.text })),
  );
  const seen = new Set<string>();
  return findQuotedFrom(quotes, sources).filter((link) => {
    const key = `${link.quote.article}#${link.quote.block}→${link.source.article}#${link.source.block}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
