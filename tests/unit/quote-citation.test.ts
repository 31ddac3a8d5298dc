import { describe, expect, it } from 'vitest';
import { quoteAsMarkdown, quoteAsText } from '../../src/lib/quote-citation';

const full = {
  who: 'Stephen Dorrell',
  organisation: 'Nuffield Trust',
  title: 'What do leaders want from NHS Improvement? The view from Westminster',
  date: '30 September 2015',
  url: 'https://reader.example/articles/view-from-westminster/#p-1:~:text=genuine',
};

describe('quote with citation', () => {
  it('gives quote, speaker, organisation, title, date and link as plain text', () => {
    expect(quoteAsText('  genuine service\nimprovement ', full)).toBe(
      '“genuine service improvement” — Stephen Dorrell, Nuffield Trust. “What do leaders want from NHS Improvement? The view from Westminster”, 30 September 2015. https://reader.example/articles/view-from-westminster/#p-1:~:text=genuine',
    );
  });

  it('gives a Markdown blockquote with the title linked', () => {
    expect(quoteAsMarkdown('genuine service improvement', full)).toBe(
      '> genuine service improvement\n>\n> — Stephen Dorrell, Nuffield Trust, [What do leaders want from NHS Improvement? The view from Westminster](https://reader.example/articles/view-from-westminster/#p-1:~:text=genuine), 30 September 2015',
    );
  });

  it('leaves out who and organisation when the source states neither, and keeps "n.d."', () => {
    const bare = { title: 'Untitled', date: 'n.d.', url: 'https://reader.example/a/' };
    expect(quoteAsText('Words.', bare)).toBe('“Words.” “Untitled”, n.d. https://reader.example/a/');
    expect(quoteAsMarkdown('Words.', bare)).toBe('> Words.\n>\n> — [Untitled](https://reader.example/a/), n.d.');
  });

  it('escapes square brackets in a title so the Markdown link holds', () => {
    expect(quoteAsMarkdown('x', { ...full, title: 'A [draft] note' })).toContain('[A \\[draft\\] note](');
  });
});
