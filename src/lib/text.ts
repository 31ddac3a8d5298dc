/**
 * Text comparison that ignores only what the content rules allow to differ:
 * whitespace (including non-breaking spaces) and the typography of quote marks.
 */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const WHITESPACE = /[\s\u00A0\u2007\u202F]+/g;

export function normaliseText(text: string): string {
  return text
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(WHITESPACE, ' ')
    .trim();
}

/**
 * Splits a paragraph into sentences at ., ? or ! followed by a space and a
 * capital letter or an opening quote. Good enough for prose; it never drops
 * characters, so joining the parts gives the paragraph back.
 */
export function splitSentences(paragraph: string): string[] {
  const text = normaliseText(paragraph);
  if (text === '') return [];
  return text
    .split(/(?<=[.?!]["']?)\s+(?=["'‘“]?[A-Z0-9])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
