/**
 * Finds words in a text the way a reader means "the same words": ignoring
 * case, the typography of quote marks and runs of whitespace, but returning
 * the position in the original text so exactly those characters can be
 * highlighted. Shared by the browser scripts; no Node or DOM imports.
 */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
};

/** The folded text, and for each of its characters the index it came from. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      folded += ' ';
      from.push(i);
      lastSpace = true;
      continue;
    }
    folded += (FOLD[ch] ?? ch).toLowerCase();
    from.push(i);
    lastSpace = false;
  }
  return { folded, from };
}

/** [start, end) of the first match of `needle` in `haystack`, in haystack's own indices. */
export function findLoosely(haystack: string, needle: string, fromIndex = 0): [number, number] | null {
  const n = fold(needle).folded.trim();
  if (n === '') return null;
  const h = fold(haystack);
  const startAt = h.from.findIndex((i) => i >= fromIndex);
  if (startAt === -1) return null;
  const at = h.folded.indexOf(n, startAt);
  if (at === -1) return null;
  return [h.from[at]!, h.from[at + n.length - 1]! + 1];
}

/** Splits prose into sentences without changing a character. */
export function rawSentences(text: string): string[] {
  return text.split(/(?<=[.?!][\u201D\u2019"']?)\s+(?=[\u201C\u2018"']?[A-Z0-9])/).filter((s) => s.trim() !== '');
}
