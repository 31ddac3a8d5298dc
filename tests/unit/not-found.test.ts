import { describe, expect, it } from 'vitest';
import { nearestSlugs, wordsOfPath } from '../../src/lib/not-found';

const slugs = ['view-from-westminster', 'critical-time-for-the-nhs', 'new-structure-profound-shift'];

describe('help for an address with no page', () => {
  it('reads the words of the address, without its section or file name', () => {
    expect(wordsOfPath('/articles/view-from-westminstr/')).toBe('view from westminstr');
    expect(wordsOfPath('/people/chris%20hopson/index.html')).toBe('chris hopson');
    // An address that is not validly encoded is read as it is, not thrown on.
    expect(wordsOfPath('/reports/%E0%A4%A/')).toBe('reports %E0%A4%A');
  });

  it('offers the article slugs nearest to a mistyped or shortened one, nearest first', () => {
    expect(nearestSlugs('/articles/view-from-westminstr/', slugs)).toEqual(['view-from-westminster']);
    expect(nearestSlugs('/articles/new-structure/', slugs)).toEqual(['new-structure-profound-shift']);
    expect(nearestSlugs('/articles/something-else-entirely/', slugs)).toEqual([]);
  });
});
