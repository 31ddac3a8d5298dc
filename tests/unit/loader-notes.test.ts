import { describe, expect, it } from 'vitest';
import { micromarkNote } from '../../src/loaders/articles';

describe('what the articles loader says of the articles parsed the slower way', () => {
  it('says nothing when the native parser read every article', () => {
    expect(micromarkNote([])).toBe('');
  });

  it('names them, so an editor knows which files to look at', () => {
    expect(micromarkNote(['a-reply'])).toContain('1 article (a-reply) parsed the slower way, by micromark');
    expect(micromarkNote(['a-reply', 'the-letter'])).toContain('2 articles (a-reply and the-letter) parsed the slower way');
  });

  it('names the first few of many, and counts the others', () => {
    const slugs = Array.from({ length: 40 }, (_, i) => `article-${i}`);
    expect(micromarkNote(slugs)).toContain('40 articles (article-0, article-1, article-2 and 37 others) parsed the slower way');
  });
});
