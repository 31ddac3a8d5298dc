import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture as build, replace, write, type Delta } from '../support/fixture-build';
import { ARTICLE, editedParagraph, movedParagraph, publishedRegister, REGISTER, renamed, SECOND_PARAGRAPH } from '../support/fixture-deltas';
import { hasClass, select } from '../support/built-site';

/*
 * Each case applies one small change (a delta) to the valid content set in
 * tests/fixtures/base/. A bad change must fail the build, say which file,
 * line and field are wrong and what to do, and publish nothing.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-fixtures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const buildFixture = (name: string, delta: Delta = {}) => build(name, delta, scratch);
// The base content set unchanged, built once for the tests that read it (a build takes seconds).
let baseBuilt: ReturnType<typeof buildFixture> | undefined;
const buildBase = () => (baseBuilt ??= buildFixture('base'));


describe('the base content set', () => {
  it('builds, uses every directive the README documents, and links its event', () => {
    const { status, output, out } = buildBase();
    expect(status, output).toBe(0);
    const page = fromHtml(readFileSync(path.join(out, 'articles/sample/index.html'), 'utf8'));
    const one = (test: (el: Element) => boolean) => expect(select(page, test)).not.toHaveLength(0);
    one((el) => el.tagName === 'figure' && hasClass('pull-quote')(el));
    one((el) => el.tagName === 'div' && hasClass('quotation')(el) && el.properties.dataSpeaker === 'sam-author');
    one((el) => el.tagName === 'span' && hasClass('quotation')(el) && el.properties.dataSpeaker === 'sam-author');
    one((el) => el.tagName === 'span' && hasClass('quotation')(el) && el.properties.dataUnattributed !== undefined);
    one(hasClass('source-intro'));
    one(hasClass('source-disclaimer'));
    one(hasClass('editorial-note'));
    // Its one event points at a real block, and the timeline links there.
    expect(readFileSync(path.join(out, 'timeline/index.html'), 'utf8')).toContain('href="/articles/sample/#p-a5a2c9d7"');
  });
});

describe('long stated titles', () => {
  it('an article whose stated title is too long for a tab builds, with the whole title on the page and a shortened one in the head', () => {
    const long = 'A sample headline that the source states in full, however long it runs, because a stated title is never shortened by an editor';
    const { status, output, out } = buildFixture('long-title', {
      [ARTICLE]: replace('title: "A sample headline"', `title: "${long}"`),
      'sources/sample.txt': replace('A sample headline', long),
    });
    expect(status, output).toBe(0);
    const html = readFileSync(path.join(out, 'articles/sample/index.html'), 'utf8');
    const head = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    expect(head.length).toBeLessThanOrEqual(130);
    expect(head).toMatch(/… · Policy Reader$/);
    expect(html).toMatch(new RegExp(`<h1[^>]*>${long}</h1>`));
  });
});

const BAD: { name: string; delta: Delta; says: (string | RegExp)[] }[] = [
  {
    name: 'an article with no title',
    delta: { [ARTICLE]: replace('title: "A sample headline"\n', '') },
    says: ['articles/sample.md:1: title: title is missing', 'Add "title:" to the front matter'],
  },
  {
    name: 'an impossible date',
    delta: { [ARTICLE]: replace('published: "2015-09-30"', 'published: "2015-02-31"') },
    says: ['articles/sample.md:5: published: "2015-02-31" is not a real date: February 2015 has 28 days'],
  },
  {
    name: 'an author who does not exist',
    delta: { [ARTICLE]: replace('authors: [sam-author]', 'authors: [sam-author, nobody-known]') },
    says: ['articles/sample.md', 'authors[1] refers to people "nobody-known", which does not exist', 'Add content/people/nobody-known.yaml'],
  },
  {
    name: 'two articles with the same slug',
    delta: { 'articles/another-file.md': (_) => readFileSync(path.join(import.meta.dirname, '../fixtures/base/content/articles/sample.md'), 'utf8').replace('titleSource', 'slug: sample\ntitleSource') },
    says: [/articles\/(sample|another-file)\.md: slug "sample" is already used by .*articles\/(sample|another-file)\.md/, 'give one of them another slug'],
  },
  {
    name: 'an impossible date written without quotes',
    delta: { [ARTICLE]: replace('published: "2015-09-30"', 'published: 2015-02-31') },
    says: ['articles/sample.md:5: published: "2015-02-31" is not a real date: February 2015 has 28 days'],
  },
  {
    name: 'a real date written without quotes',
    delta: { [ARTICLE]: replace('published: "2015-09-30"', 'published: 2015-09-30') },
    says: ['articles/sample.md:5: published: write the date in quotes: "2015-09-30"'],
  },
  {
    name: 'an unknown kind',
    delta: { [ARTICLE]: replace('kind: blog post', 'kind: podcast') },
    says: ['articles/sample.md:4: kind: "podcast" is not a known kind', 'Use one of: blog post, press release'],
  },
  {
    name: 'a capture file that does not exist',
    delta: { [ARTICLE]: replace('capture: sample.txt', 'capture: sample-missing.txt') },
    says: ['articles/sample.md', 'source.capture', 'sample-missing.txt does not exist', 'Copy the raw capture there'],
  },
  {
    name: 'a link to a person who does not exist',
    delta: { [ARTICLE]: replace('(/people/sam-author/)', '(/people/sam-auther/)') },
    says: ['articles/sample.md:17', 'broken link to /people/sam-auther/', 'correct the link'],
  },
  {
    name: 'a link to a paragraph that does not exist',
    delta: { [ARTICLE]: replace('(/people/sam-author/)', '(/articles/sample/#p-00000000)') },
    says: ['Broken links in the built site', '/articles/sample/: /articles/sample/#p-00000000 (/articles/sample/ has no element with id "p-00000000")'],
  },
  {
    name: 'a published paragraph edited without mapping its old id',
    delta: editedParagraph,
    says: ['/articles/sample/#p-1ad41925 was published but the block no longer exists', 'under articles.sample.moved write "p-1ad41925: <new block id>"'],
  },
  {
    name: 'a published article renamed without mapping its old slug',
    delta: { ...renamed, [REGISTER]: publishedRegister() },
    says: ['/articles/sample/ was published but no longer exists', 'map the old slug to the new one under movedArticles'],
  },
  {
    name: 'a misspelt directive',
    delta: { [ARTICLE]: replace(SECOND_PARAGRAPH, `:::pullqoute{speaker="sam-author" attribution="Sam Author"}\n${SECOND_PARAGRAPH}\n:::`) },
    says: ['articles/sample.md:17', 'unknown directive "pullqoute"', 'Use one of :::pullquote'],
  },
  {
    name: 'a quotation by a speaker who does not exist',
    delta: { [ARTICLE]: replace(SECOND_PARAGRAPH, 'The second paragraph quotes :quote[someone]{speaker="nobody-known"}.') },
    says: ['articles/sample.md:17', 'quote speaker "nobody-known" is not a known person', 'Add content/people/nobody-known.yaml'],
  },
  {
    name: 'a name that belongs to a person and an organisation',
    delta: { 'organisations/sample-trust.yaml': replace('name: "Sample Trust"\n', 'name: "Sample Trust"\naliases: ["Sam Author"]\n') },
    says: ['The name "Sam Author" belongs to', 'people/sam-author.yaml and', 'organisations/sample-trust.yaml', 'Remove it from the name, aliases or acronym of all but one'],
  },
  {
    name: 'raw HTML in the body',
    delta: { [ARTICLE]: replace(SECOND_PARAGRAPH, `${SECOND_PARAGRAPH}\n\n<script>alert(1)</script>`) },
    says: ['articles/sample.md:19', 'raw HTML is not allowed in an article body', '<script>alert(1)</script>'],
  },
  {
    name: 'a javascript: link',
    delta: { [ARTICLE]: replace('(/people/sam-author/)', '(javascript:alert(1))') },
    says: ['articles/sample.md:17', 'the address "javascript:alert(1)" is not allowed', 'http, https or mailto'],
  },
  {
    name: 'an image from a data: address',
    delta: { [ARTICLE]: replace(SECOND_PARAGRAPH, `${SECOND_PARAGRAPH}\n\n![x](data:image/svg+xml;base64,PHN2Zz4=)`) },
    says: ['articles/sample.md:19', 'the address "data:image/svg+xml', 'is not allowed'],
  },
  {
    name: 'a body in Windows-1252',
    // A curly apostrophe as Windows-1252 writes it, in the first paragraph.
    delta: { [ARTICLE]: (before) => { const at = before!.indexOf('sentences.'); return Buffer.concat([Buffer.from(before!.slice(0, at)), Buffer.from([0x92]), Buffer.from(before!.slice(at))]); } },
    says: ['articles/sample.md: line 15 has the byte 0x92, which is not UTF-8', 'looks like Windows-1252', 'save it as UTF-8'],
  },
  {
    name: 'a person file in UTF-16',
    delta: { 'people/sam-author.yaml': (before) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(before!, 'utf16le')]) },
    says: ['people/sam-author.yaml: the file is UTF-16', 'save it as UTF-8'],
  },
  {
    name: 'an empty body',
    delta: { [ARTICLE]: (before) => `${before!.split('\n---\n')[0]}\n---\n\n` },
    says: ['articles/sample.md: the article has no body'],
  },
  {
    name: 'a capture path outside content/sources',
    delta: { [ARTICLE]: replace('capture: sample.txt', 'capture: ../articles/sample.md') },
    says: ['articles/sample.md:10: source.capture: source.capture must be the name of a file in content/sources/, with no folder'],
  },
  {
    name: 'an event that points at a block the article does not have',
    delta: { 'events/sample-event.yaml': replace('block: p-a5a2c9d7', 'block: p-00000000') },
    says: ['events/sample-event.yaml:3: statedIn.block of article "sample": "p-00000000" is not a block of the article', 'Copy the id from the link of the block'],
  },
  {
    name: 'an event that quotes words the article does not have',
    delta: { 'events/sample-event.yaml': replace('block: p-a5a2c9d7', 'quote: "the third paragraph"') },
    says: ['events/sample-event.yaml:3: statedIn.quote of article "sample": no block of the article has the words "the third paragraph"'],
  },
  {
    name: 'an event that quotes words standing in two blocks',
    delta: { 'events/sample-event.yaml': replace('block: p-a5a2c9d7', 'quote: "itself carries"') },
    says: ['events/sample-event.yaml:3: statedIn.quote of article "sample": the words "itself carries" stand in 2 blocks', 'Quote more of the words'],
  },
  {
    name: 'an event that gives neither a block nor words',
    delta: { 'events/sample-event.yaml': replace(', block: p-a5a2c9d7', '') },
    says: ['events/sample-event.yaml:3: statedIn: statedIn needs the block that states the event'],
  },
  {
    name: 'a sentence of the capture missing from the body',
    delta: { [ARTICLE]: replace(' It has two sentences.', '') },
    says: ['sources/sample.txt:5: this sentence is not in', 'articles/sample.md: "It has two sentences."', 'Restore it word for word'],
  },
  {
    name: 'a dropped line that is not page furniture',
    delta: { [ARTICLE]: replace('    - { line: 3, text: "Blog post", reason: "Kind label." }\n', '    - { line: 3, text: "Blog post", reason: "Kind label." }\n    - { line: 7, text: "The second paragraph quotes someone.", reason: "Not wanted." }\n') },
    says: ['articles/sample.md:13: source.dropped: line 7 of the capture, "The second paragraph quotes someone.", is not page furniture', 'add a pattern for it to content/furniture.yaml'],
  },
  {
    name: 'a furniture pattern that is not a regular expression',
    delta: { 'furniture.yaml': replace("pattern: 'Blog post'", "pattern: 'Blog (post'") },
    says: ['furniture.yaml:2: lines[0].pattern: "Blog (post" is not a valid regular expression'],
  },
  {
    name: 'a synonym in two groups',
    delta: { 'synonyms.yaml': write('groups:\n  - [merger, merge]\n  - [merge, fusion]\n') },
    says: ['synonyms.yaml:3: groups[1][0]: "merge" is also in group 1: a term may stand in one group only'],
  },
  {
    name: 'markup in the collection’s description',
    delta: { 'collection.yaml': write('subject: the <script>alert(1)</script> samples\n') },
    says: ['collection.yaml:1: subject: subject is plain text, shown as written: leave out the HTML tags.'],
  },
  {
    name: 'an impossible unquoted date in a YAML entry',
    delta: { 'events/sample-event.yaml': replace('date: "2015-09"', 'date: 2015-02-31') },
    says: ['events/sample-event.yaml:2: date: "2015-02-31" is not a real date: February 2015 has 28 days'],
  },
  {
    name: 'a role that names an organisation which does not exist',
    delta: { 'people/sam-author.yaml': replace('organisation: sample-trust', 'organisation: sample-trusts') },
    says: ['people/sam-author.yaml:4: roles[0].organisation refers to organisations "sample-trusts", which does not exist', 'Add content/organisations/sample-trusts.yaml'],
  },
  {
    name: 'an article with both stated and inferred authors',
    delta: { 'articles/sample.md': replace('authors: [sam-author]', 'authors: [sam-author]\nauthorsInferred: { value: [sam-author], basis: "Signed by the same author on the publisher’s own site." }') },
    says: ['articles/sample.md:7: authorsInferred: authors and authorsInferred are both set. Keep authors if the source states it'],
  },
  {
    name: 'a role with neither a title nor an organisation',
    delta: { 'people/sam-author.yaml': (before) => before!.replace('  - title: "director"\n    organisation: sample-trust\n    ', '  - ') },
    says: ['people/sam-author.yaml:3: roles[0].title: A role needs a title, an organisation, or both, as the source states them.'],
  },
  {
    name: 'a person file that is not valid YAML',
    delta: { 'people/sam-author.yaml': replace('name: "Sam Author"', 'name: "Sam Author') },
    says: ['people/sam-author.yaml:1: not valid YAML'],
  },
  {
    name: 'a YAML entry whose file name is not a slug',
    delta: { 'topics/Another Topic.yaml': write('name: "Another topic"\n') },
    says: ['topics/Another Topic.yaml: file name:'],
  },
];

describe('every content mistake is reported in one run', () => {
  it('mistakes in an article, a person, an event and a reference all fail one build, each at its own file and line', () => {
    const { status, output } = buildFixture('many-mistakes', {
      [ARTICLE]: replace('kind: blog post', 'kind: podcast'),
      'people/sam-author.yaml': replace('name: "Sam Author"\n', ''),
      'events/sample-event.yaml': replace('label: "Something the sample states"\n', ''),
      'organisations/sample-trust.yaml': (before) => `${before}extra: 1\n`,
    });
    expect(status, output).not.toBe(0);
    expect(output).toContain('4 problems in the content');
    expect(output).toContain('articles/sample.md:4: kind: "podcast" is not a known kind');
    expect(output).toContain('people/sam-author.yaml:1: name: name is missing');
    expect(output).toContain('events/sample-event.yaml:1: label: label is missing');
    expect(output).toMatch(/organisations\/sample-trust\.yaml:1: \(file\): .*extra/);
    expect(output).not.toMatch(/Stack trace|\[ERROR\] \[content\]/);
  });
});

describe('content mistakes fail the build', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('a build with %s fails, names the file, the field and the fix, and publishes nothing', (_, { name, delta, says }) => {
    const { status, output, out } = buildFixture(name.replace(/\W+/g, '-'), delta);
    expect(status, output).not.toBe(0);
    for (const text of says) {
      if (typeof text === 'string') expect(output).toContain(text);
      else expect(output).toMatch(text);
    }
    expect(existsSync(out), 'a failed build must not leave an output folder').toBe(false);
    // The message is for an editor: where and what, not where in our code.
    expect(output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    // Said once, not repeated by each step that meets it.
    const first = says.find((text): text is string => typeof text === 'string');
    if (first) expect(output.split(first).length - 1, `"${first}" is reported once`).toBe(1);
  });
});

describe('a site too large to check after Astro is checked in Astro’s build', () => {
  // The limit set to 0 stands for a site over it (integrations/build-settings): the checks run where they do at 20,000 articles.
  const inAstro = <T>(build: () => T): T => {
    process.env.POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO = '0';
    try {
      return build();
    } finally {
      delete process.env.POLICY_READER_CHECKS_AFTER_ASTRO_UP_TO;
    }
  };

  it('a broken link fails the build there, said once, and publishes nothing', () => {
    const { delta, says } = BAD.find((c) => c.name === 'a link to a paragraph that does not exist')!;
    const { status, output, out } = inAstro(() => buildFixture('broken-link-in-astro', delta));
    expect(status, output).not.toBe(0);
    expect(output.split(says[0] as string).length - 1, output).toBe(1);
    expect(output).toContain(says[1]);
    // Astro's build failed, before the search index was started.
    expect(output).toContain('Build failed. Nothing was published');
    expect(output).not.toContain('[policy-reader:search-index]');
    expect(existsSync(out)).toBe(false);
  });

  it('new blocks are added to the register there', () => {
    const { status, output, content } = inAstro(() => buildFixture('new-blocks-in-astro'));
    expect(status, output).toBe(0);
    // Checked before Astro's build ended, not after it.
    expect(output.indexOf('[policy-reader:link-check] checked the links')).toBeGreaterThan(0);
    expect(output.indexOf('[policy-reader:link-check] checked the links')).toBeLessThan(output.indexOf('page(s) built in'));
    expect(readFileSync(path.join(content, REGISTER), 'utf8')).toContain('  sample:\n    ids:\n      - p-a5a2c9d7\n      - p-1ad41925\n');
  });
});

describe('permalink register', () => {
  it('a published paragraph that was edited builds when its old id is mapped, and the old id lands on the new block', () => {
    const { status, output, out, content } = buildFixture('moved-paragraph', movedParagraph);
    expect(status, output).toBe(0);
    const html = readFileSync(path.join(out, 'articles/sample/index.html'), 'utf8');
    expect(html).toMatch(/<p data-block="paragraph" id="p-edcfd2c8"><span id="p-1ad41925" class="moved-anchor" data-moved-to="p-edcfd2c8">/);
    expect(readFileSync(path.join(content, REGISTER), 'utf8')).toMatch(/- p-1ad41925\n\s+- p-edcfd2c8\n/);
  });

  it('a published article whose slug changed builds when mapped, and its old address sends readers on', () => {
    const { status, output, out } = buildFixture('renamed-article', {
      ...renamed,
      [REGISTER]: publishedRegister('movedArticles:\n  sample: sample-renamed\n'),
    });
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/sample-renamed/index.html'))).toBe(true);
    const old = readFileSync(path.join(out, 'articles/sample/index.html'), 'utf8');
    expect(old).toContain('<meta http-equiv="refresh" content="1;url=/articles/sample-renamed/">');
    expect(old).toContain('href="/articles/sample-renamed/" data-redirect');
    // Where the host reads _redirects (Netlify, Cloudflare Pages), the old address answers 301, #block kept, no script needed.
    expect(readFileSync(path.join(out, '_redirects'), 'utf8')).toContain('/articles/sample/ /articles/sample-renamed/ 301\n');
    // The old address is not listed as a page of its own.
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('/articles/sample/<');
    // The old address's page is among the article pages the search index was told of, before they were written.
    expect(output).toContain('started on the article pages as Astro wrote them');
    expect(output).not.toContain('indexed again');
  });

  it('a new article and new blocks never fail the build: they are added to the register', () => {
    const { status, output, content } = buildBase();
    expect(status, output).toBe(0);
    // A small site is checked after Astro's build, while Pagefind writes (integrations/build-settings).
    expect(output.indexOf('[policy-reader:permalink-register] recorded the permalinks')).toBeGreaterThan(output.indexOf('page(s) built in'));
    expect(output.indexOf('[policy-reader:link-check] checked the links')).toBeGreaterThan(output.indexOf('page(s) built in'));
    expect(readFileSync(path.join(content, REGISTER), 'utf8')).toContain('  sample:\n    ids:\n      - p-a5a2c9d7\n      - p-1ad41925\n');
  });
});
