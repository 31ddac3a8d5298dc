import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture as build } from '../support/fixture-build';

/*
 * Each case in tests/fixtures/<case>/ overlays one defect on the small valid
 * content set in tests/fixtures/base/. The build must fail, say which file and
 * field are wrong and what to do, and publish nothing.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-fixtures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const buildFixture = (name: string) => build(name, scratch);

describe('content fixtures', () => {
  it('the valid base content set builds, so each failure below is caused by its one defect', () => {
    const { status, output, out } = buildFixture('base');
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/sample/index.html'))).toBe(true);
    // Its one event points at a real block, and the timeline links there.
    expect(readFileSync(path.join(out, 'timeline/index.html'), 'utf8')).toContain('href="/articles/sample/#p-a5a2c9d7"');
  });

  const cases: { name: string; says: (string | RegExp)[] }[] = [
    {
      name: 'missing-title',
      says: ['articles/sample.md', 'title is missing', 'Add "title:" to the front matter'],
    },
    {
      name: 'impossible-date',
      says: ['articles/sample.md:5: published: "2015-02-31" is not a real date: February 2015 has 28 days'],
    },
    {
      name: 'unknown-reference',
      says: ['articles/sample.md', 'authors[1] refers to people "nobody-known", which does not exist', 'Add content/people/nobody-known.yaml'],
    },
    {
      name: 'duplicate-slug',
      says: [/articles\/(sample|another-file)\.md: slug "sample" is already used by .*articles\/(sample|another-file)\.md/, 'give one of them another slug'],
    },
    {
      name: 'unknown-kind',
      says: ['articles/sample.md:4: kind: "podcast" is not a known kind', 'Use one of: blog post, press release'],
    },
    {
      name: 'missing-capture',
      says: ['articles/sample.md', 'source.capture', 'sample-missing.txt does not exist', 'Copy the raw capture there'],
    },
    {
      name: 'broken-link',
      says: ['articles/sample.md:17', 'broken link to /people/sam-auther/', 'correct the link'],
    },
    {
      name: 'edited-paragraph',
      says: ['/articles/sample/#p-1ad41925 was published but the block no longer exists', 'under articles.sample.moved write "p-1ad41925: <new block id>"'],
    },
    {
      name: 'renamed-article-unmapped',
      says: ['/articles/sample/ was published but no longer exists', 'map the old slug to the new one under movedArticles'],
    },
    {
      name: 'unknown-directive',
      says: ['articles/sample.md:17', 'unknown directive "pullqoute"', 'Use one of :::pullquote'],
    },
    {
      name: 'unknown-speaker',
      says: ['articles/sample.md:17', 'quote speaker "nobody-known" is not a known person', 'Add content/people/nobody-known.yaml'],
    },
    {
      name: 'name-clash',
      says: ['The name "Sam Author" belongs to', 'people/sam-author.yaml and', 'organisations/sample-trust.yaml', 'Remove it from the name, aliases or acronym of all but one'],
    },
    {
      name: 'event-missing-block',
      says: ['events/sample-event.yaml', 'statedIn.block "p-00000000" is not a block of article "sample"', 'Copy the id from the link of the block'],
    },
  ];

  for (const { name, says } of cases) {
    it(`a build with ${name.replace(/-/g, ' ')} fails, names the file, the field and the fix, and publishes nothing`, () => {
      const { status, output, out } = buildFixture(name);
      expect(status, output).not.toBe(0);
      for (const text of says) {
        if (typeof text === 'string') expect(output).toContain(text);
        else expect(output).toMatch(text);
      }
      expect(existsSync(out), 'a failed build must not leave an output folder').toBe(false);
      // The message is for an editor: where and what, not where in our code.
      expect(output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    });
  }
});

describe('permalink register', () => {
  it('a published paragraph that was edited builds when its old id is mapped, and the old id lands on the new block', () => {
    const { status, output, out, content } = buildFixture('moved-paragraph');
    expect(status, output).toBe(0);
    const html = readFileSync(path.join(out, 'articles/sample/index.html'), 'utf8');
    expect(html).toMatch(/<p data-block="paragraph" id="p-edcfd2c8"><span id="p-1ad41925" class="moved-anchor" data-moved-to="p-edcfd2c8">/);
    expect(readFileSync(path.join(content, 'permalinks.yaml'), 'utf8')).toMatch(/- p-1ad41925\n\s+- p-edcfd2c8\n/);
  });

  it('a published article whose slug changed builds when mapped, and its old address sends readers on', () => {
    const { status, output, out } = buildFixture('renamed-article');
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/sample-renamed/index.html'))).toBe(true);
    const old = readFileSync(path.join(out, 'articles/sample/index.html'), 'utf8');
    expect(old).toContain('<meta http-equiv="refresh" content="1;url=/articles/sample-renamed/">');
    expect(old).toContain('href="/articles/sample-renamed/" data-redirect');
  });

  it('a new article and new blocks never fail the build: they are added to the register', () => {
    const { status, output, content } = buildFixture('base');
    expect(status, output).toBe(0);
    expect(readFileSync(path.join(content, 'permalinks.yaml'), 'utf8')).toContain('  sample:\n    ids:\n      - p-a5a2c9d7\n      - p-1ad41925\n');
  });
});
