/**
 * Reading time from a word count, at 230 words a minute (a common figure for
 * adults reading continuous prose on screen), rounded up to whole minutes.
 */
export const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingTime(words: number): { minutes: number; label: string } {
  const minutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
  return { minutes, label: `${minutes} min read` };
}
