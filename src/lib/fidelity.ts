import { normaliseText, splitSentences } from './text';

/**
 * Every sentence of a source stays in its article, word for word. The
 * source body is every line of the raw capture except the lines the article
 * drops as page furniture, and only lines that a furniture pattern
 * recognises may be dropped: anything else dropped is a lost sentence.
 */
export interface FurniturePattern {
  /** A regular expression matched against the whole line (typography folded, spaces collapsed). */
  pattern: RegExp;
  /** What kind of furniture it is, for messages and the README. */
  what: string;
  /** What `npm run new` reads from the line (lib/draft-article). */
  records?: 'kind' | 'published' | 'partOf' | 'citation' | undefined;
}

export interface Dropped {
  /** The line of the capture, from 1. */
  line: number;
  text: string;
}

export interface FidelityProblem {
  /** The line of the capture. */
  line: number;
  /** dropped: the line is dropped but no pattern recognises it; missing: a sentence of it is not in the article. */
  kind: 'dropped' | 'missing';
  text: string;
}

export function isFurniture(line: string, patterns: readonly FurniturePattern[]): boolean {
  const text = normaliseText(line);
  return text === '' || patterns.some(({ pattern }) => pattern.test(text));
}

/** What of the capture the article's text does not keep. `articleText` is every word the article shows as its text. */
export function fidelityProblems(capture: readonly string[], dropped: readonly Dropped[], articleText: string, patterns: readonly FurniturePattern[]): FidelityProblem[] {
  const page = normaliseText(articleText);
  const droppedLines = new Set(dropped.map((d) => d.line));
  const problems: FidelityProblem[] = dropped
    .filter((d) => !isFurniture(d.text, patterns))
    .map((d) => ({ line: d.line, kind: 'dropped' as const, text: d.text }));
  capture.forEach((line, index) => {
    if (droppedLines.has(index + 1)) return;
    // A leading bullet is list typography, not a word of the sentence.
    for (const sentence of splitSentences(line.replace(/^\s*•\s*/, ''))) {
      if (!page.includes(sentence)) problems.push({ line: index + 1, kind: 'missing', text: sentence });
    }
  });
  return problems;
}
