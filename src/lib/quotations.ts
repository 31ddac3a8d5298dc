import type { ArticleRecord } from './article-record';
import { closestFirst, matchQuotations, matchQuotationsAgain, QUOTED_LINKS_SHOWN, type LinkedArticle, type Match, type Passage, type QuotedFromMemo } from './quoted-from';
import { countBelow, CountByPrefix, Fewest, FewestByPrefix } from './fewest';
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

/** One line's part of a note: its closest few and how many. */
interface LinePart {
  /** The line: its place among the collection's quotations. */
  line: number;
  words: string;
  top: QuotedLink[];
  count: number;
}

/**
 * A note being gathered: the closest few and how many in all, from the one
 * line whose words the block quotes or holds; or, for a block that quotes
 * two lines or holds the words of two, from each, merged (an article met
 * twice counts once, at its closest block). The closest few of the merged
 * note are among the closest few of its lines (an article among the merged
 * closest few is among the closest few of the line that links it closest).
 * Its count (`total`) is the count of its largest line and what each next
 * line adds to the lines before it, which computeNotes counts by the same
 * sweeps as a line's, once for all the notes whose lines begin alike.
 */
class Gathering {
  parts: LinePart[] = [];
  total = 0;
  before: (a: QuotedLink, b: QuotedLink) => boolean;
  constructor(before: (a: QuotedLink, b: QuotedLink) => boolean) {
    this.before = before;
  }
  add(part: LinePart): void {
    if (part.count > 0) this.parts.push(part);
  }
  note(): QuotedNote | undefined {
    // The words of the first line with any member.
    const first = this.parts[0];
    if (!first) return undefined;
    if (this.parts.length === 1) return { links: first.top, more: first.count - first.top.length, words: first.words };
    const closest = new Map<string, QuotedLink>();
    for (const part of this.parts) {
      for (const link of part.top) {
        const held = closest.get(link.article);
        if (!held || this.before(link, held)) closest.set(link.article, link);
      }
    }
    const links = [...closest.values()].sort(closestFirst).slice(0, QUOTED_LINKS_SHOWN);
    return { links, more: this.total - links.length, words: first.words };
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

  // A block that quotes two quotations, or holds the words of two, gathers from each (Gathering, above).
  const gatherings = new Map<string, { article: string; block: string; from?: Gathering; in?: Gathering }>();
  // Of two links to one article, the one sharing more words, then the one earlier in the article. The blocks' places
  // are found when first asked, which only a block of two lines asks (0.1 s for 100,000 blocks, mostly not needed).
  let position: Map<string, number> | undefined;
  const placeOf = (link: QuotedLink) => (position ??= new Map(sources.map((s, i) => [`${s.article}#${s.block}`, i]))).get(`${link.article}#${link.block}`) ?? Infinity;
  const before = (a: QuotedLink, b: QuotedLink) => (a.words !== b.words ? a.words > b.words : placeOf(a) < placeOf(b));
  const gathering = (kind: 'from' | 'in', article: string, block: string) => {
    const key = `${article}#${block}`;
    let entry = gatherings.get(key);
    if (!entry) gatherings.set(key, (entry = { article, block }));
    return (entry[kind] ??= new Gathering(before));
  };

  const order: Order = { firstDay, lastDay, slugRank, rank, articles: corpus.length };
  // What a merged note asks of each line: the articles quoting it, and those holding it.
  const lines: { quoting: Set<number>; holders: ReturnType<typeof quotedFromNotes> }[] = [];
  quotations.forEach((q, d) => {
    const found = matches[d]!;
    if (found.length === 0) return;
    // The articles that quote it (in the collection's order), each with its blocks that do.
    const quotingArticles = new Map<number, { block: string; text: string }[]>();
    for (const at of q.quoting) {
      const a = articleAt.get(at.article)!;
      const list = quotingArticles.get(a);
      if (list) list.push(at);
      else quotingArticles.set(a, [at]);
    }
    const quoting = [...quotingArticles.keys()];
    const held = found.map((m) => ({ article: sourceArticle[m.block]!, marked: isMarked[m.block] === 1, words: m.words }));
    const blockOf = (j: number) => sources[found[j]!.block]!;
    const quotedFrom = quotedFromNotes(quoting, held, order);
    const quotedIn = quotedInNotes(quoting, held, order);
    lines[d] = { quoting: new Set(quoting), holders: quotedFrom };
    quoting.forEach((a, i) => {
      const links = (list: number[]) => list.map((j) => linkTo(held[j]!.article, blockOf(j).block, held[j]!.words));
      const top = links(quotedFrom.top[i]!);
      for (const at of quotingArticles.get(a)!) gathering('from', corpus[a]!.slug, at.block).add({ line: d, words: at.text, top, count: quotedFrom.count[i]! });
    });
    found.forEach((m, j) => {
      if (quotedIn.count[j] === 0) return;
      const source = blockOf(j);
      const link = (a: number) => linkTo(a, quotingArticles.get(a)![0]!.block, m.words);
      const words = quotingArticles.get(quotedIn.first[j]!)![0]!.text;
      gathering('in', source.article, source.block).add({ line: d, words, top: quotedIn.top[j]!.map(link), count: quotedIn.count[j]! });
    });
  });

  // A merged note's count: its lines in order of size, largest first (the same order for every note), the
  // first line's count, and what each next line adds to the lines before it, counted by the same sweeps once for
  // all the notes whose lines begin alike. So two lines that thousands quote together cost their articles once,
  // and a third line only one block quotes costs that block its own line's few (never the pairs of the others).
  const size = (kind: 'from' | 'in', d: number) => (kind === 'in' ? lines[d]!.quoting.size : lines[d]!.holders.holders.length);
  const steps = new Map<string, { kind: 'from' | 'in'; before: number[]; line: number; notes: { gathering: Gathering; article: number; marked: boolean }[] }>();
  for (const { article, block, ...kinds } of gatherings.values()) {
    for (const kind of ['from', 'in'] as const) {
      const gathering = kinds[kind];
      if (!gathering || gathering.parts.length < 2) continue;
      const merged = [...new Set(gathering.parts.map((p) => p.line))].sort((x, y) => size(kind, y) - size(kind, x) || x - y);
      gathering.total = gathering.parts.find((p) => p.line === merged[0])!.count;
      const note = { gathering, article: articleAt.get(article)!, marked: marked.has(`${article}#${block}`) };
      for (let i = 1; i < merged.length; i++) {
        const key = `${kind}\0${merged.slice(0, i + 1).join(',')}`;
        let step = steps.get(key);
        if (!step) steps.set(key, (step = { kind, before: merged.slice(0, i), line: merged[i]!, notes: [] }));
        step.notes.push(note);
      }
    }
  }
  for (const { kind, before, line, notes } of steps.values()) {
    const added = kind === 'in' ? addedQuoting(lines, before, line, notes, order) : addedHolders(lines, before, line, notes, order);
    notes.forEach((n, k) => (n.gathering.total += added[k]!));
  }

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

/** Each article's span of days (-/+Infinity without a date), its place by slug and in the notes' order, as numbers. */
interface Order {
  firstDay: Float64Array;
  lastDay: Float64Array;
  slugRank: Int32Array;
  rank: Int32Array;
  articles: number;
}

/** A block that holds a line's words: its article, whether it is a marked quotation, how many words it shares. */
interface Held {
  article: number;
  marked: boolean;
  words: number;
}

const ascending = (value: ArrayLike<number>, of: (i: number) => number) => (x: number, y: number) =>
  value[of(x)]! < value[of(y)]! ? -1 : value[of(x)]! > value[of(y)]! ? 1 : 0;
const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

/*
 * The notes of one line, without weighing every article that quotes it against every block that holds it: a
 * line that all of 5,000 articles quote would be 25 million pairs. The rule splits into sets bounded in one or
 * two of the numbers (a block's article's first or last day, its slug), so each note is found by sweeping the
 * articles in order of one and asking a Fenwick tree (lib/fewest) about the other: O(n log n) a line. The
 * random collections of tests/unit/quoted-from.test.ts check every note against every pair.
 */

/**
 * "Quoted in" of each block holding the line: how many quoting articles take it from the block, the closest
 * few (by rank: they share as many words), and the first in the collection's order (whose wording the note
 * searches for). Given any articles and blocks, it counts for merged notes too (addedQuoting).
 *
 * For a plain block of article b, they are the articles whose last day is not before b's first, b aside. For
 * a marked quotation, those of them whose slug sorts after b's, and the articles certainly later than b
 * (whose first day is after b's last: these are never before b's first, and b is never among them).
 */
function quotedInNotes(quoting: number[], held: Pick<Held, 'article' | 'marked'>[], o: Order) {
  const K = QUOTED_LINKS_SHOWN;
  const count = new Int32Array(held.length);
  const top: number[][] = new Array(held.length);
  const first = new Int32Array(held.length).fill(-1);
  const byRank = (a: number) => o.rank[a]!;
  const byOrder = (a: number) => a;
  const isQuoting = new Set(quoting);
  // The quoting articles by slug, last first, so that "sorts after b" is a prefix of these positions.
  const slugs = Float64Array.from(quoting, (a) => o.slugRank[a]!).sort();
  const place = (a: number) => quoting.length - 1 - countBelow(slugs, o.slugRank[a]!);
  const after = (b: number) => quoting.length - countBelow(slugs, o.slugRank[b]! + 1);
  const anyMarked = held.some((h) => h.marked);

  // Blocks by their article's first day, latest first; articles join as their last day reaches it.
  const articles = [...quoting].sort(ascending(o.lastDay, (a) => a)).reverse();
  let joined = 0;
  const closest = new Fewest(K + 1, byRank);
  const earliest = new Fewest(2, byOrder);
  const closestBySlug = new FewestByPrefix(quoting.length, K, byRank);
  const earliestBySlug = new FewestByPrefix(quoting.length, 1, byOrder);
  const countBySlug = new CountByPrefix(quoting.length);
  for (const j of indexes(held.length).sort(ascending(o.firstDay, (j) => held[j]!.article)).reverse()) {
    const b = held[j]!.article;
    for (; joined < articles.length && o.lastDay[articles[joined]!]! >= o.firstDay[b]!; joined++) {
      const a = articles[joined]!;
      closest.add(a);
      earliest.add(a);
      if (!anyMarked) continue;
      closestBySlug.add(place(a), a);
      earliestBySlug.add(place(a), a);
      countBySlug.add(place(a));
    }
    if (held[j]!.marked) {
      count[j] = countBySlug.below(after(b));
      top[j] = closestBySlug.below(after(b)).ids;
      first[j] = earliestBySlug.below(after(b)).ids[0] ?? -1;
    } else {
      count[j] = joined - (isQuoting.has(b) ? 1 : 0);
      top[j] = closest.ids.filter((a) => a !== b).slice(0, K);
      first[j] = earliest.ids.find((a) => a !== b) ?? -1;
    }
  }

  if (anyMarked) {
    // Marked quotations by their article's last day, latest first; the articles certainly later join
    // (counted by slug too, as those whose slug sorts after b are already counted).
    const later = [...quoting].sort(ascending(o.firstDay, (a) => a)).reverse();
    let n = 0;
    const closestLater = new Fewest(K, byRank);
    const earliestLater = new Fewest(1, byOrder);
    const laterBySlug = new CountByPrefix(quoting.length);
    const marked = indexes(held.length).filter((j) => held[j]!.marked);
    for (const j of marked.sort(ascending(o.lastDay, (j) => held[j]!.article)).reverse()) {
      const b = held[j]!.article;
      for (; n < later.length && o.firstDay[later[n]!]! > o.lastDay[b]!; n++) {
        closestLater.add(later[n]!);
        earliestLater.add(later[n]!);
        laterBySlug.add(place(later[n]!));
      }
      count[j]! += n - laterBySlug.below(after(b));
      top[j] = new Fewest(K, byRank).addAll(top[j]!).addAll(closestLater.ids).ids;
      first[j] = new Fewest(1, byOrder).addAll(first[j]! >= 0 ? [first[j]!] : []).addAll(earliestLater.ids).ids[0] ?? -1;
    }
  }
  return { count, top, first };
}

/**
 * "Quoted from" of each quoting article: how many articles it takes the line from, each once at its block
 * sharing the most words, the closest few (as indexes of `held`), and the holders, for merged notes' counts
 * (addedHolders).
 *
 * An article b holding the line is a source of article a when b's first day is not after a's last, and
 * either b holds it in a plain block, or (any block of b then) b is certainly earlier than a (its last day
 * before a's first) or b's slug sorts before a's. So the sources are S2, the holders with a plain block, and
 * S1, the holders certainly earlier or sorting before, linked at their closest block of any kind; a holder
 * in both is counted once, and a never is a source of itself by S1.
 */
function quotedFromNotes(quoting: number[], held: Held[], o: Order) {
  const K = QUOTED_LINKS_SHOWN;
  // The articles holding the line, each once, with its closest block, and its closest plain one if it has one.
  const holderAt = new Map<number, number>();
  const holders: number[] = [];
  const best: number[] = [];
  const bestPlain: number[] = [];
  held.forEach((h, j) => {
    let s = holderAt.get(h.article);
    if (s === undefined) holderAt.set(h.article, (s = holders.push(h.article) - 1)), best.push(j), bestPlain.push(-1);
    else if (h.words > held[best[s]!]!.words) best[s] = j;
    if (!h.marked && (bestPlain[s]! < 0 || h.words > held[bestPlain[s]!]!.words)) bestPlain[s] = j;
  });
  const plain = (s: number) => bestPlain[s]! >= 0;
  // Closer is lower: more words shared, then the notes' order of the articles.
  const closeness = (j: number) => -held[j]!.words * (o.articles + 1) + o.rank[held[j]!.article]!;
  const byBest = (s: number) => closeness(best[s]!);
  const slugs = Float64Array.from(holders, (b) => o.slugRank[b]!).sort();
  const place = (s: number) => countBelow(slugs, o.slugRank[holders[s]!]!);
  const before = (a: number) => countBelow(slugs, o.slugRank[a]!);

  const count = new Int32Array(quoting.length);
  const earlierFew: number[][] = new Array(quoting.length);
  // The holders certainly earlier (their last day before a's first): the holders by last day, the articles by first.
  let n = 0;
  let markedOnly = 0;
  const earlier = new Fewest(K, byBest);
  const markedOnlyBySlug = new CountByPrefix(holders.length);
  const byLast = indexes(holders.length).sort(ascending(o.lastDay, (s) => holders[s]!));
  for (const i of indexes(quoting.length).sort(ascending(o.firstDay, (i) => quoting[i]!))) {
    const a = quoting[i]!;
    for (; n < byLast.length && o.lastDay[holders[byLast[n]!]!]! < o.firstDay[a]!; n++) {
      const s = byLast[n]!;
      earlier.add(s);
      if (!plain(s)) markedOnly++, markedOnlyBySlug.add(place(s));
    }
    earlierFew[i] = [...earlier.ids];
    // S1's holders with no plain block: these, less those that also sort before a (counted below).
    count[i] = markedOnly - markedOnlyBySlug.below(before(a));
  }

  // The holders not after a (first day not after a's last): those with a plain block (S2), and those sorting before a (S1).
  const top: number[][] = new Array(quoting.length);
  n = 0;
  let plainCount = 0;
  const closestPlain = new Fewest(K + 1, (s) => closeness(bestPlain[s]!));
  const closestBySlug = new FewestByPrefix(holders.length, K, byBest);
  const markedOnlyNotAfter = new CountByPrefix(holders.length);
  const byFirst = indexes(holders.length).sort(ascending(o.firstDay, (s) => holders[s]!));
  for (const i of indexes(quoting.length).sort(ascending(o.lastDay, (i) => quoting[i]!))) {
    const a = quoting[i]!;
    for (; n < byFirst.length && o.firstDay[holders[byFirst[n]!]!]! <= o.lastDay[a]!; n++) {
      const s = byFirst[n]!;
      closestBySlug.add(place(s), s);
      if (plain(s)) plainCount++, closestPlain.add(s);
      else markedOnlyNotAfter.add(place(s));
    }
    const self = holderAt.get(a);
    count[i]! += plainCount + markedOnlyNotAfter.below(before(a)) - (self !== undefined && plain(self) ? 1 : 0);
    // The closest few of S1 and of S2 hold the closest few of both (a holder of S1 at its closest block).
    const inS1 = new Set([...earlierFew[i]!, ...closestBySlug.below(before(a)).ids]);
    const chosen = new Fewest(K, closeness);
    for (const s of inS1) chosen.add(best[s]!);
    for (const s of closestPlain.ids) if (!inS1.has(s) && s !== self) chosen.add(bestPlain[s]!);
    top[i] = chosen.ids;
  }

  return { count, top, holders, holderAt, bestPlain };
}

/**
 * For notes of "Quoted in" that merge lines: how many articles quote `line` and none of the lines `before` it,
 * and take the words from the note's block (an article that quotes a line before is already counted: whether
 * it takes the words from a block does not depend on the line).
 */
function addedQuoting(lines: { quoting: Set<number> }[], before: number[], line: number, notes: { article: number; marked: boolean }[], o: Order): Int32Array {
  const added = [...lines[line]!.quoting].filter((a) => !before.some((d) => lines[d]!.quoting.has(a)));
  return added.length === 0 ? new Int32Array(notes.length) : quotedInNotes(added, notes, o).count;
}

/**
 * For notes of "Quoted from" that merge lines: how many sources `line` adds to the lines `before` it. A holder
 * of `line` that holds none of them is a source as a line's holder is. A holder of them only as a marked
 * quotation, and of `line` plainly, is added where they do not already count it: where it is not certainly
 * earlier nor sorts first, so those with the dates in order (counted as if plain) less those certainly earlier
 * or sorting first (counted as if marked).
 */
function addedHolders(lines: { holders: ReturnType<typeof quotedFromNotes> }[], before: number[], line: number, notes: { article: number }[], o: Order): Int32Array {
  // Whether a holder holds a line before plainly (undefined: it holds none of them).
  const plainBefore = (b: number) => {
    let held: boolean | undefined;
    for (const d of before) {
      const { holderAt, bestPlain } = lines[d]!.holders;
      const s = holderAt.get(b);
      if (s === undefined) continue;
      if (bestPlain[s]! >= 0) return true;
      held = false;
    }
    return held;
  };
  const outside: Held[] = [];
  const plainNow: number[] = [];
  const { holders, bestPlain } = lines[line]!.holders;
  holders.forEach((b, s) => {
    const plain = bestPlain[s]! >= 0;
    const was = plainBefore(b);
    if (was === undefined) outside.push({ article: b, marked: !plain, words: 1 });
    else if (!was && plain) plainNow.push(b);
  });
  const quoting = notes.map((n) => n.article);
  const count = (held: Held[]) => (held.length === 0 ? new Int32Array(quoting.length) : quotedFromNotes(quoting, held, o).count);
  const fromOutside = count(outside);
  const asPlain = count(plainNow.map((b) => ({ article: b, marked: false, words: 1 })));
  const asMarked = count(plainNow.map((b) => ({ article: b, marked: true, words: 1 })));
  return fromOutside.map((n, k) => n + asPlain[k]! - asMarked[k]!);
}
