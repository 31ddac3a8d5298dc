import type { ArticleRecord } from './article-record';
import { closestFirst, matchQuotations, matchQuotationsAgain, QUOTED_LINKS_SHOWN, type LinkedArticle, type Match, type Passage, type QuotedFromMemo } from './quoted-from';
import { words } from './text';

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
 *
 * What a page shows of them is a note on each block: "Quoted from" on a
 * block that quotes, "Quoted in" on a block quoted, each naming the closest
 * few articles (lib/quoted-from closestFirst), each article once, and how
 * many more. Only those are kept: a line that n articles quote makes n
 * notes of a few links each, not the n(n-1)/2 links between them.
 */

/** The other end of a link: an article, and its block that holds the words. */
export type QuotedLink = LinkedArticle & { block: string };

export interface QuotedNote {
  /** The closest QUOTED_LINKS_SHOWN, closest first. */
  links: QuotedLink[];
  /** How many more articles there are. */
  more: number;
  /** The quoted words, as the quotation gives them (for a search of the rest). */
  words: string;
}

/** A block's notes: the articles its quotation is quoted from, and the articles that quote its words. */
export interface BlockNotes {
  from?: QuotedNote;
  in?: QuotedNote;
}

/** An article's blocks' notes, by block id. */
export type ArticleNotes = Record<string, BlockNotes>;

const computed = new WeakMap<ArticleRecord[], { dates: ReadonlyMap<string, string | undefined>; notes: Map<string, ArticleNotes> }>();

/** Each article's notes, by slug, computed once per corpus and dates (ISO, as precise as stated or inferred, by slug). */
export function quotedNotes(corpus: ArticleRecord[], dates: ReadonlyMap<string, string | undefined> = new Map()): Map<string, ArticleNotes> {
  const done = computed.get(corpus);
  if (done && done.dates === dates) return done.notes;
  const notes = computeNotes(corpus, dates, matchQuotations);
  computed.set(corpus, { dates, notes });
  return notes;
}

/** quotedNotes, matching only what changed since `previous` (lib/quoted-from); with what to keep for the next time. */
export function quotedNotesAgain(
  corpus: ArticleRecord[],
  dates: ReadonlyMap<string, string | undefined>,
  digest: (value: string) => string,
  previous: QuotedFromMemo | undefined,
): { notes: Map<string, ArticleNotes>; memo: QuotedFromMemo } {
  let memo: QuotedFromMemo | undefined;
  const notes = computeNotes(corpus, dates, (quotations, blocks) => {
    const again = matchQuotationsAgain(quotations, blocks, digest, previous);
    memo = again.memo;
    return again.matches;
  });
  return { notes, memo: memo! };
}

/** The first and last day a partial ISO date can mean: "2015" is 2015-01-01 to 2015-12-31. */
function span(iso: string | undefined): [string, string] | undefined {
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-');
  return [`${year}-${month ?? '01'}-${day ?? '01'}`, `${year}-${month ?? '12'}-${day ?? '31'}`];
}

/** Whether `a` is certainly later than `b`: every day it can mean is after every day `b` can. */
export function certainlyLater(a: string | undefined, b: string | undefined): boolean {
  return later(span(a), span(b));
}

/** Whether every day of span `x` is after every day of span `y`. */
function later(x: [string, string] | undefined, y: [string, string] | undefined): boolean {
  return !!x && !!y && x[0] > y[1];
}

/** A note being gathered: the closest few, and how many in all; every member only where contributions must be merged. */
class Gathering {
  top: QuotedLink[] = [];
  count = 0;
  members: Map<string, QuotedLink> | undefined;
  words: string;
  constructor(words: string, merged: boolean) {
    this.words = words;
    if (merged) this.members = new Map();
  }
  /** One more article, never one offered before unless this gathering merges. */
  offer(link: QuotedLink): void {
    if (this.members) {
      const before = this.members.get(link.article);
      if (!before || closestFirst(link, before) < 0) this.members.set(link.article, link);
      return;
    }
    this.count++;
    if (this.top.length === QUOTED_LINKS_SHOWN && closestFirst(link, this.top.at(-1)!) >= 0) return;
    let at = this.top.length;
    while (at > 0 && closestFirst(link, this.top[at - 1]!) < 0) at--;
    this.top.splice(at, 0, link);
    if (this.top.length > QUOTED_LINKS_SHOWN) this.top.pop();
  }
  note(): QuotedNote | undefined {
    if (this.members) {
      const all = [...this.members.values()].sort(closestFirst);
      [this.top, this.count] = [all.slice(0, QUOTED_LINKS_SHOWN), all.length];
    }
    return this.count === 0 ? undefined : { links: this.top, more: this.count - this.top.length, words: this.words };
  }
}

function computeNotes(corpus: ArticleRecord[], dates: ReadonlyMap<string, string | undefined>, match: (quotations: string[][], blocks: Passage[]) => Match[][]): Map<string, ArticleNotes> {
  // The quotations, each distinct run of words once, with the blocks that quote it (each once, with its own wording).
  const quotations: { words: string[]; quoting: { article: string; block: string; text: string }[] }[] = [];
  const byWords = new Map<string, { at: number; quoting: Set<string> }>();
  for (const a of corpus) {
    for (const q of a.quotes) {
      if (q.form === 'pull') continue;
      const list = words(q.text);
      const key = list.join(' ');
      let entry = byWords.get(key);
      if (!entry) {
        byWords.set(key, (entry = { at: quotations.length, quoting: new Set() }));
        quotations.push({ words: list, quoting: [] });
      }
      if (entry.quoting.has(`${a.slug}#${q.block}`)) continue;
      entry.quoting.add(`${a.slug}#${q.block}`);
      quotations[entry.at]!.quoting.push({ article: a.slug, block: q.block, text: q.text });
    }
  }
  const marked = new Set(corpus.flatMap((a) => a.quotes.filter((q) => q.form === 'block').map((q) => `${a.slug}#${q.block}`)));
  const sources = corpus.flatMap((a) =>
    a.blocks.filter((b) => b.kind !== 'pull-quote' && b.kind !== 'heading').map((b) => ({ article: a.slug, block: b.id, text: b.text })),
  );
  const matches = match(
    quotations.map((q) => q.words),
    sources,
  );

  // Whether the block `b` is a source of words that `quoting` quotes (the direction the dates give, above),
  // with each article's span of days and each block's mark found once: a line many articles quote asks it of every two.
  const spans = new Map(corpus.map((a) => [a.slug, span(dates.get(a.slug))]));
  const isMarked = sources.map((b) => marked.has(`${b.article}#${b.block}`));
  const isSource = (quoting: string, b: number) => {
    const source = sources[b]!;
    if (source.article === quoting) return false;
    const [quotingSpan, sourceSpan] = [spans.get(quoting), spans.get(source.article)];
    if (later(sourceSpan, quotingSpan)) return false;
    return !(isMarked[b] && !later(quotingSpan, sourceSpan) && source.article > quoting);
  };

  // A block that quotes two quotations, or holds the words of two, gathers from each, and an article met
  // twice counts once: only those blocks keep every member. Every other note keeps its closest few and a count.
  const seen = new Map<string, number>();
  const twice = new Set<string>();
  const meet = (kind: string, key: string) => {
    const k = `${kind}\0${key}`;
    if (seen.has(k)) twice.add(k);
    seen.set(k, 1);
  };
  quotations.forEach((q, d) => {
    for (const at of q.quoting) meet('from', `${at.article}#${at.block}`);
    for (const m of matches[d]!) meet('in', `${sources[m.block]!.article}#${sources[m.block]!.block}`);
  });
  const gatherings = new Map<string, { article: string; block: string; from?: Gathering; in?: Gathering }>();
  const gathering = (kind: 'from' | 'in', article: string, block: string, text: string) => {
    const key = `${article}#${block}`;
    let entry = gatherings.get(key);
    if (!entry) gatherings.set(key, (entry = { article, block }));
    return (entry[kind] ??= new Gathering(text, twice.has(`${kind}\0${key}`)));
  };

  quotations.forEach((q, d) => {
    const found = matches[d]!;
    if (found.length === 0) return;
    // The articles that quote it, each with its blocks that do.
    const quotingArticles = new Map<string, { block: string; text: string }[]>();
    for (const at of q.quoting) {
      const list = quotingArticles.get(at.article);
      if (list) list.push(at);
      else quotingArticles.set(at.article, [at]);
    }
    // Every pair of a quoting article and a block that holds the words is weighed here, once: a comparison of
    // dates, with nothing kept but each note's closest few and its count.
    for (const [article, blocks] of quotingArticles) {
      const sourcesHere: QuotedLink[] = [];
      for (const m of found) {
        if (!isSource(article, m.block)) continue;
        const source = sources[m.block]!;
        const last = sourcesHere.at(-1);
        // An article's blocks come together, in order: the one sharing the most words stands for it.
        if (last?.article === source.article) {
          if (m.words > last.words) sourcesHere[sourcesHere.length - 1] = { ...last, block: source.block, words: m.words };
          continue;
        }
        sourcesHere.push({ article: source.article, block: source.block, date: dates.get(source.article), words: m.words });
      }
      for (const at of blocks) {
        const note = gathering('from', article, at.block, at.text);
        for (const link of sourcesHere) note.offer(link);
      }
    }
    for (const m of found) {
      const source = sources[m.block]!;
      let note: Gathering | undefined;
      for (const [article, blocks] of quotingArticles) {
        if (!isSource(article, m.block)) continue;
        note ??= gathering('in', source.article, source.block, blocks[0]!.text);
        note.offer({ article, block: blocks[0]!.block, date: dates.get(article), words: m.words });
      }
    }
  });

  const notes = new Map<string, ArticleNotes>();
  for (const { article, block, from, in: quotedIn } of gatherings.values()) {
    const [fromNote, inNote] = [from?.note(), quotedIn?.note()];
    if (!fromNote && !inNote) continue;
    let blocks = notes.get(article);
    if (!blocks) notes.set(article, (blocks = {}));
    blocks[block] = { ...(fromNote && { from: fromNote }), ...(inNote && { in: inNote }) };
  }
  return notes;
}
