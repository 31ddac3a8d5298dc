import { describe, expect, it } from 'vitest';
import { slugProblem } from '../../src/lib/slugs';

describe('slugs', () => {
  it('accepts short lower-case hyphenated slugs', () => {
    expect(slugProblem('view-from-westminster')).toBeNull();
    expect(slugProblem('leadership-first-100-days')).toBeNull();
  });

  it('rejects capitals, spaces, underscores and doubled hyphens with the reason', () => {
    for (const bad of ['View-From-Westminster', 'view from westminster', 'view_from', 'view--from', '-view']) {
      expect(slugProblem(bad)).toMatch(/lower-case letters, digits and single hyphens/);
    }
  });

  it('keeps "page" for the list of articles’ further pages (/articles/page/2/)', () => {
    expect(slugProblem('page')).toMatch(/kept for the site's own pages/);
    expect(slugProblem('page-one')).toBeNull();
  });

  it('rejects a slug too long to read in a link', () => {
    expect(slugProblem('a'.repeat(49))).toMatch(/49 characters long/);
  });
});
