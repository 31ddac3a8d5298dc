import { textDirective } from './text-fragment';
import { findLoosely, rawSentences } from './text';
import { articlePath } from './routes';

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
  /** The sentence to show, split around the match. */
  sentence: { before: string; match: string; after: string };
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

const EDGE_PUNCTUATION = /^[\s"'“”‘’(\[.,;:!?–—-]+|[\s"'“”‘’)\].,;:!?–—-]+$/g;

/** Consecutive runs of hit locations, longest first (earliest first among equals). */
function runs(locations: number[]): [number, number][] {
  const sorted = [...new Set(locations)].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const loc of sorted) {
    const last = found.at(-1);
    if (last && loc === last[1] + 1) last[1] = loc;
    else found.push([loc, loc]);
  }
  return found.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
}


export interface LandingOptions {
  /**
   * Names of people a filter has selected: when the words occur several times,
   * land where one of them says them, so a speaker filter finds what a person
   * said, not only where they are named.
   */
  preferSpeakers?: string[] | undefined;
}

export function landing(hit: HitData, { preferSpeakers = [] }: LandingOptions = {}): Landing {
  const words = hit.content.split(/\s+/);
  // Old ids kept for moved blocks are empty spans: a hit belongs to a real block.
  const blocks = hit.anchors.filter((a) => a.element !== 'span').sort((a, b) => a.location - b.location);
  const found = runs(hit.locations);
  const candidates = (found.length > 0 ? found : [[0, 0] as [number, number]]).map(([start, end]) => {
    const match = words.slice(start, end + 1).join(' ').replace(EDGE_PUNCTUATION, '') || (words[start] ?? '');
    const block = blocks.filter((a) => a.location <= start).at(-1);
    return { start, end, match, block, ...speakerOf(hit.meta, block?.id, match) };
  });
  // A pull quote repeats words of the text: land on the text itself when it has them too.
  const inText = (c: (typeof candidates)[number]) => !c.block?.id.startsWith('pq-');
  const longest = candidates[0]!.end - candidates[0]!.start;
  const spoken = candidates.filter((c) => c.who !== undefined && preferSpeakers.includes(c.who));
  const chosen =
    spoken.find(inText) ?? spoken[0] ?? candidates.find((c) => inText(c) && c.end - c.start === longest) ?? candidates[0]!;
  const { start, end, match } = chosen;
  let { block, who, quoted } = chosen;
  // Pagefind gives a phrase's first occurrence only; when that is a pull quote, the statement it repeats holds the words too.
  if (block?.id.startsWith('pq-')) {
    const statement = blocks.find((a) => !a.id.startsWith('pq-') && a.text && findLoosely(a.text, match));
    if (statement) {
      block = statement;
      ({ who, quoted } = speakerOf(hit.meta, statement.id, match));
    }
  }

  const echoesOf = (id: string | undefined) => {
    if (!id) return undefined;
    try {
      return (JSON.parse(hit.meta.echoes ?? '{}') as Record<string, Landing['echoes']>)[id];
    } catch {
      return undefined;
    }
  };
  const base = {
    echoes: echoesOf(block?.id),
    title: hit.meta.title ?? '',
    who,
    role: who ? rolesOf(hit.meta)[who] : undefined,
    quoted,
    organisation: hit.meta.organisation || undefined,
    date: hit.meta.date || undefined,
  };
  const path = articlePath(hit.url);
  const highlight = `?highlight=${encodeURIComponent(match)}`;

  const context = () => words.slice(Math.max(0, start - 12), end + 13).join(' ');
  if (!block) return { ...base, match, sentence: split(context(), match), href: `${path}${highlight}` };
  // Pagefind gives some anchors (figures) no text of their own: show the words around the match instead.
  if (!findLoosely(block.text, match)) {
    return { ...base, blockId: block.id, match, sentence: split(context(), match), href: `${path}${highlight}#${block.id}` };
  }

  const at = findLoosely(block.text, match);
  const directive = textDirective({
    selected: match,
    before: at ? block.text.slice(0, at[0]) : '',
    after: at ? block.text.slice(at[1]) : '',
    pageText: hit.content,
  });
  const sentence = rawSentences(block.text).find((s) => findLoosely(s, match)) ?? block.text;
  return {
    ...base,
    blockId: block.id,
    match,
    sentence: split(sentence, match),
    href: `${path}${highlight}#${block.id}${directive}`,
  };
}

function split(text: string, match: string): Landing['sentence'] {
  const at = findLoosely(text, match);
  if (!at) return { before: text, match: '', after: '' };
  return { before: text.slice(0, at[0]), match: text.slice(at[0], at[1]), after: text.slice(at[1]) };
}

/**
 * Who said the matched words: the speaker of a quotation inside the block
 * that holds them, else the block's own speaker (a pull quote, a quoted
 * paragraph), else the article's.
 */
function speakerOf(meta: HitData['meta'], blockId: string | undefined, match: string): { who?: string | undefined; quoted: boolean } {
  if (blockId) {
    try {
      const inline = JSON.parse(meta.quotes ?? '[]') as { block: string; who: string; text: string }[];
      const quote = inline.find((q) => q.block === blockId && findLoosely(q.text, match));
      if (quote) return { who: quote.who, quoted: true };
      const speakers = JSON.parse(meta.speakers ?? '{}') as Record<string, string>;
      if (speakers[blockId]) return { who: speakers[blockId], quoted: true };
    } catch {
      // A malformed map only costs the block-level attribution.
    }
  }
  return { who: meta.who || undefined, quoted: false };
}

function rolesOf(meta: HitData['meta']): Record<string, string> {
  try {
    return JSON.parse(meta.roles ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}
