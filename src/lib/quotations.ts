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
  const [x, y] = [span(a), span(b)];
  return !!x && !!y && x[0] > y[1];
}

/**
 * A note being gathered: the closest few and how many in all, from the one
 * line whose words the block quotes or holds; or, for a block that quotes
 * two lines or holds the words of two, every member of each, merged (an
 * article met twice counts once, at its closest block).
 */
class Gathering {
  top: QuotedLink[] = [];
  count = 0;
  words = '';
  members: Map<string, QuotedLink> | undefined;
  before: (a: QuotedLink, b: QuotedLink) => boolean;
  constructor(merged: boolean, before: (a: QuotedLink, b: QuotedLink) => boolean) {
    if (merged) this.members = new Map();
    this.before = before;
  }
  add(words: string, top: QuotedLink[], count: number, all: () => QuotedLink[]): void {
    if (!this.members) {
      [this.words, this.top, this.count] = [words, top, count];
      return;
    }
    if (count === 0) return;
    // The words of the first line with any member, as an unmerged note's are its line's.
    if (this.members.size === 0) this.words = words;
    for (const link of all()) {
      const earlier = this.members.get(link.article);
      if (!earlier || this.before(link, earlier)) this.members.set(link.article, link);
    }
  }
  note(): QuotedNote | undefined {
    if (this.members) {
      const all = [...this.members.values()].sort(closestFirst);
      [this.top, this.count] = [all.slice(0, QUOTED_LINKS_SHOWN), all.length];
    }
    return this.count === 0 ? undefined : { links: this.top, more: this.count - this.top.length, words: this.words };
  }
}

/** A day of a span ("2015-12-31") as a number in the same order. */
const dayNumber = (day: string) => Number(day.replaceAll('-', ''));

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

  // Each article's place in the order a note names articles sharing as many words (lib/quoted-from closestFirst),
  // its place by slug, and its span of days as numbers (-/+Infinity for no date: never certainly later or
  // earlier), found once: the loops below weigh every quoting article against every block of a line.
  const articleAt = new Map(corpus.map((a, i) => [a.slug, i]));
  const dateOf = corpus.map((a) => dates.get(a.slug));
  const ranked = (order: number[], rankOf: Int32Array) => order.forEach((i, r) => (rankOf[i] = r));
  const rank = new Int32Array(corpus.length);
  ranked(
    corpus.map((_, i) => i).sort((x, y) => closestFirst({ article: corpus[x]!.slug, date: dateOf[x], words: 0 }, { article: corpus[y]!.slug, date: dateOf[y], words: 0 })),
    rank,
  );
  const slugRank = new Int32Array(corpus.length);
  ranked(
    corpus.map((_, i) => i).sort((x, y) => (corpus[x]!.slug < corpus[y]!.slug ? -1 : 1)),
    slugRank,
  );
  const firstDay = new Float64Array(corpus.length);
  const lastDay = new Float64Array(corpus.length);
  dateOf.forEach((date, i) => {
    const days = span(date);
    [firstDay[i], lastDay[i]] = days ? [dayNumber(days[0]), dayNumber(days[1])] : [-Infinity, Infinity];
  });
  const sourceArticle = Int32Array.from(sources, (s) => articleAt.get(s.article)!);
  const isMarked = Uint8Array.from(sources, (b) => (marked.has(`${b.article}#${b.block}`) ? 1 : 0));
  const linkTo = (article: number, block: string, words: number): QuotedLink => ({ article: corpus[article]!.slug, block, date: dateOf[article], words });

  // A block that quotes two quotations, or holds the words of two, gathers from each, and an article met
  // twice counts once: only those blocks keep every member. Every other note keeps its closest few and a count.
  const seen = new Set<string>();
  const twice = new Set<string>();
  const meet = (kind: string, key: string) => {
    const k = `${kind}\0${key}`;
    if (seen.has(k)) twice.add(k);
    seen.add(k);
  };
  quotations.forEach((q, d) => {
    for (const at of q.quoting) meet('from', `${at.article}#${at.block}`);
    for (const m of matches[d]!) meet('in', `${sources[m.block]!.article}#${sources[m.block]!.block}`);
  });
  const gatherings = new Map<string, { article: string; block: string; from?: Gathering; in?: Gathering }>();
  // Of two links to one article, the one sharing more words, then the one earlier in the article.
  const position = new Map(sources.map((s, i) => [`${s.article}#${s.block}`, i]));
  const before = (a: QuotedLink, b: QuotedLink) =>
    a.words !== b.words ? a.words > b.words : (position.get(`${a.article}#${a.block}`) ?? Infinity) < (position.get(`${b.article}#${b.block}`) ?? Infinity);
  const gathering = (kind: 'from' | 'in', article: string, block: string) => {
    const key = `${article}#${block}`;
    let entry = gatherings.get(key);
    if (!entry) gatherings.set(key, (entry = { article, block }));
    return (entry[kind] ??= new Gathering(twice.has(`${kind}\0${key}`), before));
  };

  const K = QUOTED_LINKS_SHOWN;
  quotations.forEach((q, d) => {
    const found = matches[d]!;
    if (found.length === 0) return;
    // The articles that quote it, each with its blocks that do.
    const quotingArticles = new Map<number, { block: string; text: string }[]>();
    for (const at of q.quoting) {
      const a = articleAt.get(at.article)!;
      const list = quotingArticles.get(a);
      if (list) list.push(at);
      else quotingArticles.set(a, [at]);
    }
    const blockOf = (j: number) => sources[found[j]!.block]!;
    // Each block's "Quoted in": how many quoting articles, the closest K (by rank: they share as many words),
    // the first met (whose wording the note searches for), and every one where the block merges lines.
    const inCount = new Int32Array(found.length);
    const inTop = new Int32Array(found.length * K).fill(-1);
    const inFirst = new Int32Array(found.length).fill(-1);
    const inAll = found.map((m) => (twice.has(`in\0${sources[m.block]!.article}#${sources[m.block]!.block}`) ? ([] as number[]) : undefined));
    // The one loop over pairs left: each article quoting the line against each block holding it, in numbers.
    // A line that 5,000 articles quote is 25 million turns (about 0.5 s in Node); nothing of a pair is kept but
    // counts and each note's closest few. Counting from spans sorted by day would end it (docs/performance.md).
    for (const [a, blocks] of quotingArticles) {
      const [first, last, bySlug] = [firstDay[a]!, lastDay[a]!, slugRank[a]!];
      // This article's "Quoted from": each source article once, at its block sharing the most words
      // (an article's blocks come together, in order); the closest K and the count.
      const fromAll = blocks.some((at) => twice.has(`from\0${corpus[a]!.slug}#${at.block}`)) ? ([] as number[]) : undefined;
      const fromTop: number[] = [];
      let fromCount = 0;
      let pending = -1;
      const closer = (j: number, k: number) => found[j]!.words > found[k]!.words || (found[j]!.words === found[k]!.words && rank[sourceArticle[found[j]!.block]!]! < rank[sourceArticle[found[k]!.block]!]!);
      const flush = () => {
        if (pending < 0) return;
        fromCount++;
        fromAll?.push(pending);
        if (fromTop.length < K || closer(pending, fromTop[K - 1]!)) {
          let at = Math.min(fromTop.length, K - 1);
          fromTop[at] = pending;
          while (at > 0 && closer(fromTop[at]!, fromTop[at - 1]!)) [fromTop[at], fromTop[at - 1]] = [fromTop[at - 1]!, fromTop[at]!], at--;
        }
        pending = -1;
      };
      for (let j = 0; j < found.length; j++) {
        const b = sourceArticle[found[j]!.block]!;
        // Not its own article; not a block certainly later; not a marked quotation that is not certainly
        // earlier, unless its slug sorts first (lib/quotations, above).
        if (b === a || firstDay[b]! > last) continue;
        if (isMarked[found[j]!.block] && !(first > lastDay[b]!) && slugRank[b]! > bySlug) continue;
        inCount[j]!++;
        inAll[j]?.push(a);
        if (inFirst[j] === -1) inFirst[j] = a;
        const base = j * K;
        if (inTop[base + K - 1] === -1 || rank[a]! < rank[inTop[base + K - 1]!]!) {
          let at = base + K - 1;
          inTop[at] = a;
          while (at > base && (inTop[at - 1] === -1 || rank[inTop[at]!]! < rank[inTop[at - 1]!]!)) [inTop[at], inTop[at - 1]] = [inTop[at - 1]!, inTop[at]!], at--;
        }
        if (pending >= 0 && sourceArticle[found[pending]!.block] !== b) flush();
        if (pending < 0 || found[j]!.words > found[pending]!.words) pending = j;
      }
      flush();
      const links = (list: number[]) => list.map((j) => linkTo(sourceArticle[found[j]!.block]!, blockOf(j).block, found[j]!.words));
      const top = links(fromTop);
      for (const at of blocks) gathering('from', corpus[a]!.slug, at.block).add(at.text, top, fromCount, () => links(fromAll!));
    }
    found.forEach((m, j) => {
      if (inCount[j] === 0) return;
      const source = blockOf(j);
      const link = (a: number) => linkTo(a, quotingArticles.get(a)![0]!.block, m.words);
      const top = [...inTop.subarray(j * K, j * K + K)].filter((a) => a !== -1).map(link);
      gathering('in', source.article, source.block).add(quotingArticles.get(inFirst[j]!)![0]!.text, top, inCount[j]!, () => inAll[j]!.map(link));
    });
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
