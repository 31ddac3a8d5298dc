import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, replace, write, type Delta } from '../support/fixture-build';
import { ARTICLE, REGISTER } from '../support/fixture-deltas';

/*
 * Permalinks are promised when an article is published, not when it is
 * drafted: a draft is built and shown locally, marked, and left out of a
 * build to publish, the feed and the permalink register.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-drafts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DRAFT: Delta = {
  'sources/draft-piece.txt': write('A piece still being checked\n\nIts only paragraph, not yet published.\n'),
  'articles/draft-piece.md': write('---\ntitle: "A piece still being checked"\ntitleSource: source\ndraft: true\nsource:\n  capture: draft-piece.txt\n---\n\nIts only paragraph, not yet published.\n'),
};

describe('draft articles', () => {
  it('a build to publish leaves a draft out: no page, not in the feed or the sitemap, no permalinks recorded', () => {
    const { status, output, out, content } = buildFixture('publish', DRAFT, scratch);
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/draft-piece/index.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'feed.xml'), 'utf8')).not.toContain('draft-piece');
    expect(readFileSync(path.join(out, 'feed.atom'), 'utf8')).not.toContain('draft-piece');
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('draft-piece');
    expect(readFileSync(path.join(content, REGISTER), 'utf8')).not.toContain('draft-piece');
    // Nor among the article pages the search index was told of before they were written.
    expect(output).toContain('started on the article pages as Astro wrote them');
    expect(output).not.toContain('indexed again');
  });

  it('a local build shows the draft, marked and kept out of search engines, the feed and the register', () => {
    const { status, output, out, content } = buildFixture('local', DRAFT, scratch, { local: true });
    expect(status, output).toBe(0);
    const page = readFileSync(path.join(out, 'articles/draft-piece/index.html'), 'utf8');
    expect(page).toContain('Draft: not published.');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(path.join(out, 'feed.xml'), 'utf8')).not.toContain('draft-piece');
    expect(readFileSync(path.join(content, REGISTER), 'utf8')).not.toContain('draft-piece');
    // Among the article pages the search index was told of before they were written.
    expect(output).toContain('started on the article pages as Astro wrote them');
    expect(output).not.toContain('indexed again');
  });

  it('editing a draft after building it never fails the build for its permalinks', () => {
    const first = buildFixture('edited', DRAFT, scratch, { local: true });
    expect(first.status, first.output).toBe(0);
    // The same collection, the register as the first build left it, the draft's paragraph edited.
    const edited = buildFixture(
      'edited-again',
      {
        ...DRAFT,
        [REGISTER]: write(readFileSync(path.join(first.content, REGISTER), 'utf8')),
        'articles/draft-piece.md': write(String(DRAFT['articles/draft-piece.md']!(undefined)).replace('not yet published.', 'not yet published, edited.')),
        'sources/draft-piece.txt': write('A piece still being checked\n\nIts only paragraph, not yet published, edited.\n'),
      },
      scratch,
      { local: true },
    );
    expect(edited.status, edited.output).toBe(0);
  });

  it('a published article that refers to a draft fails a build to publish, saying it is a draft', () => {
    const { status, output } = buildFixture('refers-to-draft', { ...DRAFT, 'events/sample-event.yaml': replace('article: sample,', 'article: draft-piece,') }, scratch);
    expect(status).not.toBe(0);
    expect(output).toContain('statedIn.article refers to the draft article "draft-piece", which a published build leaves out');
  });

  it('a build to publish of a collection whose every article is a draft says there is nothing to publish, and publishes nothing', () => {
    const { status, output, out } = buildFixture('only-drafts', { ...DRAFT, [ARTICLE]: () => null, 'events/sample-event.yaml': () => null }, scratch);
    expect(status).not.toBe(0);
    expect(output).toMatch(/articles\/: every article is a draft \(draft-piece\).*nothing to publish/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
