import { formsOf } from './did-you-mean';
import { textDirective } from './text-fragment';
import { findLoosely, foldForMatching, rawSentences } from './text';
import { articlePath } from './routes';
import { resultFacts, unsearchableJson } from './search-metadata';

/**
 * Turns a Pagefind hit into where the reader should land: the block that holds
 * the matched words, the words as the source writes them, the sentence to show
 * in the result with those words marked, and a link that scrolls to the block
 * and highlights the words. Shared by the search page and the Node tests.
 */
export interface HitData {
  url: string;
  content: string;
  locations: number[];
  anchors: { element: string; id: string; text: string; location: number }[];
  meta: Record<string, string | undefined>;
}

export interface Landing {
  /** The block holding the match; undefined when it is in the title or standfirst. */
  blockId?: string | undefined;
  /** The matched words as the source writes them. */
  match: string;
  /** The sentence to show, in parts: the words searched for marked, the match among them. */
  sentence: SentencePart[];
  /** /articles/<slug>/?highlight=…#<block>:~:text=… */
  href: string;
  title: string;
  who?: string | undefined;
  /** Their role at the article's date, as the sources state it. */
  role?: string | undefined;
  /** Whether the words are a quotation of `who` (a speaker), rather than the article's own (its author). */
  quoted?: boolean | undefined;
  organisation?: string | undefined;
  date?: string | undefined;
  /** The same words elsewhere: the article they stand in first (this one quotes it), or the articles that quote this one. */
  echoes?: { from?: string; in?: string[]; more?: number } | undefined;
}

/** A stretch of a result's sentence; `marked` when it is words the search found. */
export interface SentencePart {
  text: string;
  marked?: true;
}

const LEADING_PUNCTUATION = /^[\s"'“”‘’(\[.,;:!?–—-]+/;
const TRAILING_PUNCTUATION = /[\s"'“”‘’)\].,;:!?–—-]+$/;
const EDGE_PUNCTUATION = new RegExp(`${LEADING_PUNCTUATION.source}|${TRAILING_PUNCTUATION.source}`, 'g');

/** A word as Pagefind's content and a block's text both have it: Pagefind ends a heading or list item with a full stop. */
const bare = (word: string) => foldForMatching(word.replace(EDGE_PUNCTUATION, ''));

/** Whether a block's word is the page's word (undefined: the page has none there). */
const sameWord = (word: string, pageWord: string | undefined) => pageWord !== undefined && (word === pageWord || bare(word) === bare(pageWord));

/**
 * Words too common to mark alone in a result's sentence, or to count towards
 * which sentence holds most of a query's words (English: the collection's
 * language). A run of the query that holds one is marked whole.
 */
const COMMON_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its not of on or our she that the their they this to was we were which who will with'.split(' '),
);

/** Whether a word found is worth marking alone. */
const telling = (word: string) => !COMMON_WORDS.has(bare(word));

/** A block's text as words, with where each stands in it, its sentences' spans, and the sentence each word stands in (-1: none). */
interface Layout {
  tokens: { from: number; to: number; word: string }[];
  sentences: [number, number][];
  sentenceOf: number[];
}

function layoutOf(text: string): Layout {
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ from: m.index, to: m.index + m[0].length, word: m[0] }));
  const sentences: [number, number][] = [];
  let at = 0;
  for (const sentence of rawSentences(text)) {
    const from = text.indexOf(sentence, at);
    sentences.push([from, from + sentence.length]);
    at = from + sentence.length;
  }
  let s = 0;
  const sentenceOf = tokens.map((token) => {
    while (s < sentences.length && sentences[s]![1] <= token.from) s++;
    return s < sentences.length && token.from >= sentences[s]![0] && token.to <= sentences[s]![1] ? s : -1;
  });
  return { tokens, sentences, sentenceOf };
}

/** Consecutive runs of hit locations, longest first (earliest first among equals). */
function runs(locations: number[]): [number, number][] {
  return consecutive([...new Set(locations)].sort((a, b) => a - b)).sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
}

export interface LandingOptions {
  /**
   * Names of people a filter has selected: when the words occur several times,
   * land where one of them says them, so a speaker filter finds what a person
   * said, not only where they are named.
   */
  preferSpeakers?: string[] | undefined;
  /**
   * The query's words: of the places its words stand, the one whose sentence
   * holds the most of them is shown ("provider finances" shows a sentence on
   * providers' finances before one that says only "provide").
   */
  terms?: readonly string[] | undefined;
}

export function landing(hit: HitData, { preferSpeakers = [], terms = [] }: LandingOptions = {}): Landing {
  const words = hit.content.split(/\s+/);
  const hitAt = new Set(hit.locations);
  // Old ids kept for moved blocks are empty spans: a hit belongs to a real block.
  const blocks = hit.anchors.filter((a) => a.element !== 'span').sort((a, b) => a.location - b.location);
  type Block = HitData['anchors'][number];
  /** Each block's layout, which of its words are the page's words where the block's words say they stand (a block's text can run on into words Pagefind leaves out), and per sentence the words found and how many query words they hold. */
  const layouts = new Map<string, Layout & { aligned: boolean[]; found: Map<number, number[]>; held: Map<number, number> }>();
  const layout = (block: Block) => {
    let known = layouts.get(block.id);
    if (!known) {
      const base = layoutOf(block.text);
      const aligned = base.tokens.map((token, k) => sameWord(token.word, words[block.location + k]));
      layouts.set(block.id, (known = { ...base, aligned, found: new Map(), held: new Map() }));
    }
    return known;
  };
  /** The words of sentence s of a block that the search found. */
  const foundIn = (block: Block, s: number) => {
    const known = layout(block);
    let found = known.found.get(s);
    if (!found) {
      found = known.tokens.flatMap((_, k) => (known.sentenceOf[k] === s && known.aligned[k] && hitAt.has(block.location + k) ? [k] : []));
      known.found.set(s, found);
    }
    return found;
  };
  /** The words start to end in the block's text, and the sentence they stand in, when the block's words line up with the page's. */
  const placed = (block: Block | undefined, start: number, end: number) => {
    if (!block) return undefined;
    const { tokens, sentences, sentenceOf, aligned } = layout(block);
    const [first, last] = [start - block.location, end - block.location];
    if (first < 0 || last >= tokens.length) return undefined;
    for (let k = first; k <= last; k++) if (!aligned[k]) return undefined;
    const s = sentenceOf[first]!;
    if (s < 0) return undefined;
    return { from: tokens[first]!.from, to: tokens[last]!.to, sentence: sentences[s]!, found: foundIn(block, s), index: s };
  };
  const tellingTerms = terms.filter((term) => !COMMON_WORDS.has(term));
  const termForms = tellingTerms.length > 1 ? tellingTerms.map(formsOf) : [];
  const holds = (found: string[]) => termForms.filter((isForm) => found.some(isForm)).length;
  /** How many of the query's words the sentence around a hit holds (or the words near it, where the block's text cannot say). */
  const held = (block: Block | undefined, start: number, end: number) => {
    if (termForms.length === 0) return 0;
    const place = placed(block, start, end);
    if (!place) return holds(hit.locations.filter((at) => at >= start - 12 && at <= end + 12).map((at) => bare(words[at] ?? '')));
    const known = layout(block!);
    let count = known.held.get(place.index);
    if (count === undefined) known.held.set(place.index, (count = holds(place.found.map((k) => bare(known.tokens[k]!.word)))));
    return count;
  };
  /** The block a word of the page stands in: the last that starts at or before it. */
  const blockAt = (at: number) => {
    let [low, high, found] = [0, blocks.length - 1, undefined as Block | undefined];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (blocks[middle]!.location <= at) [found, low] = [blocks[middle], middle + 1];
      else high = middle - 1;
    }
    return found;
  };
  const matchOf = (start: number, end: number) => words.slice(start, end + 1).join(' ').replace(EDGE_PUNCTUATION, '') || (words[start] ?? '');

  const found = runs(hit.locations);
  const candidates = (found.length > 0 ? found : [[0, 0] as [number, number]]).map(([start, end]) => {
    const block = blockAt(start);
    return { start, end, block, held: held(block, start, end) };
  });
  // A pull quote repeats words of the text: land on the text itself when it has them too.
  const inText = (c: (typeof candidates)[number]) => !c.block?.id.startsWith('pq-');
  const spoken = preferSpeakers.length === 0 ? [] : candidates.filter((c) => {
    const { who } = speakerOf(hit.meta, c.block?.id, matchOf(c.start, c.end));
    return who !== undefined && preferSpeakers.includes(who);
  });
  // The most of the query's words together, then the longest run of them (a phrase), in the text (the title is shown as
  // the result's link already) rather than a pull quote, earliest.
  const inBody = (c: (typeof candidates)[number]) => c.block !== undefined;
  const best = [...candidates].sort(
    (a, b) => b.held - a.held || b.end - b.start - (a.end - a.start) || Number(inBody(b)) - Number(inBody(a)) || Number(inText(b)) - Number(inText(a)) || a.start - b.start,
  );
  const chosen = spoken.find(inText) ?? spoken[0] ?? best[0]!;
  const { start, end } = chosen;
  const match = matchOf(start, end);
  let { block } = chosen;
  let { who, quoted } = speakerOf(hit.meta, block?.id, match);
  // Pagefind gives a phrase's first occurrence only; when that is a pull quote, the statement it repeats holds the words too.
  let moved = false;
  if (block?.id.startsWith('pq-')) {
    const statement = blocks.find((a) => !a.id.startsWith('pq-') && a.text && findLoosely(a.text, match));
    if (statement) {
      block = statement;
      moved = true;
      ({ who, quoted } = speakerOf(hit.meta, statement.id, match));
    }
  }

  const echoesOf = (id: string | undefined) => (id ? unsearchableJson<Record<string, Landing['echoes']>>(hit.meta.echoes, {})[id] : undefined);
  const base = {
    echoes: echoesOf(block?.id),
    title: hit.meta.title ?? '',
    who,
    role: who ? rolesOf(hit.meta)[who] : undefined,
    quoted,
    ...resultFacts(hit.meta),
  };
  const path = articlePath(hit.url);
  const highlight = `?highlight=${encodeURIComponent(match)}`;

  // The words around the match, every word found among them marked.
  const context = () => {
    const from = Math.max(0, start - 12);
    const shown = words.slice(from, end + 13);
    let length = 0;
    const offsets = shown.map((word) => (length += word.length + 1) - word.length - 1);
    const text = shown.join(' ');
    const found = markable(shown.flatMap((_, i) => (hitAt.has(from + i) ? [i] : [])), [start - from, end - from], (i) => shown[i]!);
    return marked(text, [0, text.length], found.map(([first, last]) => [offsets[first]!, offsets[last]! + shown[last]!.length]));
  };
  if (!block) return { ...base, match, sentence: context(), href: `${path}${highlight}` };
  // Pagefind gives some anchors (figures) no text of their own: show the words around the match instead.
  if (!findLoosely(block.text, match)) {
    return { ...base, blockId: block.id, match, sentence: context(), href: `${path}${highlight}#${block.id}` };
  }

  const place = moved ? undefined : placed(block, start, end);
  let sentence: SentencePart[];
  let at: [number, number] | undefined;
  let alongside: { parts: SentencePart[]; index: number } | undefined;
  if (place) {
    const { tokens, sentences } = layout(block);
    const markedIn = (s: number, found: number[], match: [number, number]) =>
      marked(block!.text, sentences[s]!, markable(found, match, (k) => tokens[k]!.word).map(([first, last]) => [tokens[first]!.from, tokens[last]!.to]));
    sentence = markedIn(place.index, place.found, [start - block.location, end - block.location]);
    // Words marked apart in the sentence: the article marks, and the link selects, the stretch from the first to the last.
    const spans = markedSpans(sentence, place.sentence[0]);
    at = spans.length > 1 ? [spans[0]![0], spans.at(-1)![1]] : (findLoosely(block.text.slice(place.from, place.to), match)?.map((i) => i + place.from) as [number, number] | undefined);
    // The query's words that sentence leaves out, shown where another sentence of the same paragraph has them: the same
    // speaker says both. Not in a paragraph that quotes someone, whom the result would name as the speaker of both.
    const formsIn = (found: number[]) => termForms.map((isForm) => found.some((k) => isForm(bare(tokens[k]!.word))));
    const has = formsIn(place.found);
    if (has.includes(false) && !quotesIn(hit.meta, block.id)) {
      let best: { index: number; adds: number; found: number[] } | undefined;
      for (let s = 0; s < sentences.length; s++) {
        if (s === place.index) continue;
        const found = foundIn(block, s);
        const adds = formsIn(found).filter((held, t) => held && !has[t]).length;
        // The most of the words left out, then the nearest, then the earliest.
        if (adds > 0 && (!best || adds > best.adds || (adds === best.adds && Math.abs(s - place.index) < Math.abs(best.index - place.index)))) best = { index: s, adds, found };
      }
      if (best) alongside = { parts: markedIn(best.index, best.found, [-1, -1]), index: best.index };
    }
  } else {
    sentence = split(rawSentences(block.text).find((s) => findLoosely(s, match)) ?? block.text, match);
    at = findLoosely(block.text, match) ?? undefined;
  }
  // This occurrence of the words, where the block's text lines up with the page's: a word the block holds several times
  // is shown, and linked to, where the other words are.
  const selected = at ? block.text.slice(at[0], at[1]) : match;
  const directive = textDirective({
    selected,
    before: at ? block.text.slice(0, at[0]) : '',
    after: at ? block.text.slice(at[1]) : '',
    pageText: hit.content,
  });
  return {
    ...base,
    blockId: block.id,
    match,
    sentence: alongside && place ? withAlongside(excerpt(sentence), place.index, excerpt(alongside.parts), alongside.index) : excerpt(sentence),
    href: `${path}?highlight=${encodeURIComponent(selected)}#${block.id}${directive}`,
  };
}

/** Where each marked part of a sentence stands in the text the sentence starts at `from` in. */
function markedSpans(sentence: SentencePart[], from: number): [number, number][] {
  const spans: [number, number][] = [];
  let at = from;
  for (const part of sentence) {
    if (part.marked) spans.push([at, at + part.text.length]);
    at += part.text.length;
  }
  return spans;
}

function split(text: string, match: string): SentencePart[] {
  const at = findLoosely(text, match);
  if (!at) return [{ text }];
  return parts([{ text: text.slice(0, at[0]) }, { text: text.slice(at[0], at[1]), marked: true }, { text: text.slice(at[1]) }]);
}

/**
 * The sentence [from, to) of a text in parts, each run of words found
 * marked as one, without the punctuation around it.
 */
function marked(text: string, [from, to]: [number, number], found: [number, number][]): SentencePart[] {
  const out: SentencePart[] = [];
  let at = from;
  for (const [start, end] of found) {
    const words = text.slice(start, end);
    const lead = LEADING_PUNCTUATION.exec(words)?.[0].length ?? 0;
    const trail = TRAILING_PUNCTUATION.exec(words)?.[0].length ?? 0;
    if (lead + trail >= words.length) continue;
    out.push({ text: text.slice(at, start + lead) }, { text: text.slice(start + lead, end - trail), marked: true });
    at = end - trail;
  }
  out.push({ text: text.slice(at, to) });
  return parts(out);
}

/**
 * The runs of words found (their positions) to mark: the match's own, and
 * any other that holds a word not too common to mark alone.
 */
function markable(found: number[], [matchFirst, matchLast]: [number, number], wordAt: (position: number) => string): [number, number][] {
  return consecutive(found).filter(([first, last]) => {
    if (first <= matchLast && last >= matchFirst) return true;
    for (let at = first; at <= last; at++) if (telling(wordAt(at))) return true;
    return false;
  });
}

/** Runs of consecutive numbers (word positions) as [first, last]. */
function consecutive(numbers: number[]): [number, number][] {
  const found: [number, number][] = [];
  for (const n of numbers) {
    const last = found.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else found.push([n, n]);
  }
  return found;
}

/** A sentence longer than this many words (a list run into one, a long paragraph) is shown cut down around its marks. */
export const LONG_SENTENCE = 50;
/** How many words of a long sentence are shown either side of its marked words. */
export const AROUND_MARKS = 15;

/**
 * A long sentence cut down to the words marked with AROUND_MARKS words
 * either side, an ellipsis where words are left out; the link leads to the
 * whole of it. A shorter sentence, or one with nothing marked, is shown whole.
 */
function excerpt(sentence: SentencePart[]): SentencePart[] {
  const wordsIn = (text: string) => text.match(/\S+/g)?.length ?? 0;
  if (wordsIn(sentence.map((part) => part.text).join('')) <= LONG_SENTENCE || !sentence.some((part) => part.marked)) return sentence;
  const last = sentence.length - 1;
  return sentence.map((part, i) => {
    if (part.marked || (i !== 0 && i !== last)) return part;
    const found = [...part.text.matchAll(/\S+/g)];
    if (found.length <= AROUND_MARKS) return part;
    // Before the first mark, its last words with the space before the mark; after the last mark, its first words.
    if (i === 0) return { text: `… ${part.text.slice(found.at(-AROUND_MARKS)!.index)}` };
    const end = found[AROUND_MARKS - 1]!;
    return { text: `${part.text.slice(0, end.index + end[0].length)} …` };
  });
}

/** Two sentences of a paragraph in the order they stand, an ellipsis between them unless one follows the other. */
function withAlongside(sentence: SentencePart[], index: number, other: SentencePart[], otherIndex: number): SentencePart[] {
  const [first, second] = otherIndex < index ? [other, sentence] : [sentence, other];
  // One ellipsis where words are left out: a sentence cut short (excerpt) has its own at that end.
  const cut = /…$/.test(first.at(-1)!.text) || /^…/.test(second[0]!.text);
  const between = { text: Math.abs(index - otherIndex) === 1 || cut ? ' ' : ' … ' };
  return parts([...first, between, ...second]);
}

/** The quotations inside blocks (a speaker named for words within a paragraph); undefined when the map is malformed. */
function inlineQuotes(meta: HitData['meta']): { block: string; who: string; text: string }[] | undefined {
  return meta.quotes === undefined ? [] : unsearchableJson<{ block: string; who: string; text: string }[] | undefined>(meta.quotes, undefined);
}

/** Whether the block holds a quotation of someone inside it (or the page's map of them cannot say). */
const quotesIn = (meta: HitData['meta'], blockId: string) => inlineQuotes(meta)?.some((q) => q.block === blockId) ?? true;

/** Parts without the empty ones, plain neighbours joined. */
function parts(list: SentencePart[]): SentencePart[] {
  const out: SentencePart[] = [];
  for (const part of list) {
    if (part.text === '') continue;
    const last = out.at(-1);
    if (last && !last.marked && !part.marked) last.text += part.text;
    else out.push(part);
  }
  return out;
}

/**
 * Who said the matched words: the speaker of a quotation inside the block
 * that holds them, else the block's own speaker (a pull quote, a quoted
 * paragraph), else the article's.
 */
function speakerOf(meta: HitData['meta'], blockId: string | undefined, match: string): { who?: string | undefined; quoted: boolean } {
  if (blockId) {
    const quote = inlineQuotes(meta)?.find((q) => q.block === blockId && findLoosely(q.text, match));
    if (quote) return { who: quote.who, quoted: true };
    // A malformed map only costs the block-level attribution.
    const speakers = unsearchableJson<Record<string, string>>(meta.speakers, {});
    if (speakers[blockId]) return { who: speakers[blockId], quoted: true };
  }
  return { who: meta.who || undefined, quoted: false };
}

function rolesOf(meta: HitData['meta']): Record<string, string> {
  return unsearchableJson<Record<string, string>>(meta.roles, {});
}
