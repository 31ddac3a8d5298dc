import { describe, expect, it } from 'vitest';
import { headDescription, headTitle, MAX_HEAD_TITLE } from '../../src/lib/head-title';

describe('the document title', () => {
  it('is the page title and the site name when they fit', () => {
    expect(headTitle('The creation of NHS Improvement')).toBe('The creation of NHS Improvement · Policy Reader');
    expect(headTitle('Policy Reader')).toBe('Policy Reader');
  });

  it('shortens a long stated title at a word, with an ellipsis, keeping the site name and the limit', () => {
    const stated =
      'NHS Providers responds to the announcement that Monitor and the NHS Trust Development Authority will be brought together under a single chief executive and leadership team';
    const head = headTitle(stated);
    expect(head.length).toBeLessThanOrEqual(MAX_HEAD_TITLE);
    expect(head).toMatch(/^NHS Providers responds to the announcement that Monitor .*\w… · Policy Reader$/);
    expect(stated.startsWith(head.replace(/… · Policy Reader$/, ''))).toBe(true);
  });
});

describe('the page description', () => {
  it('keeps a short text whole, and a long one to the whole sentences that fit', () => {
    expect(headDescription('One sentence.')).toBe('One sentence.');
    const long = `${'A first sentence of some length, '.repeat(3).trim()}. ${'And a second one that will not fit '.repeat(4).trim()}.`;
    expect(headDescription(long, 120)).toBe(`${'A first sentence of some length, '.repeat(3).trim()}.`);
  });

  it('cuts a first sentence too long to fit at a word, with an ellipsis', () => {
    const description = headDescription('word '.repeat(100).trim(), 50);
    expect(description.length).toBeLessThanOrEqual(51);
    expect(description).toMatch(/word…$/);
  });
});
