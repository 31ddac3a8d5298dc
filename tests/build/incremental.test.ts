import { appendFileSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFiles, readBuilt } from '../support/built-site';
import { fixtureContent, write } from '../support/fixture-build';
import { buildSite, expectSameAsClean } from '../support/rebuild';
import { dataUrl, pagefindShardUrl, personWordsUrl, searchShardsUrl, sourceUrl } from '../../src/lib/routes';
import { shardFolder, type ShardsManifest } from '../../src/lib/search-shards';
import { fromUnsearchable } from '../../src/lib/search-metadata';

/*
 * A rebuild reuses what an earlier build rendered (the articles loader's
 * cache, the article cards, the article pages whose inputs did not change
 * and the search index's unchanged files, from the published build) and
 * must write exactly what a clean build of the same content writes. The edit here changes another
 * article's page too: the reply starts quoting the sample, so the sample's
 * block gains "Quoted in"; a third, older article shares nothing with them.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const reply = `---
title: "A reply to the sample"
titleSource: source
published: "2016-01-04"
source:
  capture: reply.txt
---

A reply to the sample, in plain words.
`;

const older = `---
title: "An older piece on another subject"
titleSource: source
published: "2014-05-01"
source:
  capture: older.txt
---

An older piece, about something else entirely, from the Lonely Institute.
`;

const bySam = `---
title: "A note by Sam"
titleSource: source
published: "2016-02-01"
authors: [sam-author]
source:
  capture: by-sam.txt
---

A note in plain words, with no quotation.
`;

const build = (content: string, name: string, cache: string, env: Record<string, string> = {}) => buildSite(scratch, content, name, cache, env);

describe('a rebuild after an edit', () => {
  // Eighteen builds one after another: about 110 s alone on a 2-core machine, so the site tests' 120 s is no bound
  // for it on a busy one. This limit only bounds a failure.
  it('renders only the articles and pages the edit touches, and writes the same files as a clean build of the edited content', { timeout: 360_000 }, () => {
    const content = fixtureContent(
      'incremental',
      {
        'articles/reply.md': write(reply),
        'sources/reply.txt': write('A reply to the sample\n\nA reply to the sample, in plain words.\n'),
        'articles/older.md': write(older),
        'sources/older.txt': write('An older piece on another subject\n\nAn older piece, about something else entirely, from the Lonely Institute.\n'),
      },
      scratch,
    );
    const cache = path.join(scratch, 'cache');
    const first = build(content, 'site', cache);
    expect(first.log).toMatch(/3 articles in [\d.]+ s: 3 changed, 3 rendered/);
    expect(first.log).toContain('0 article pages copied from the previous build, 3 rendered');
    // Rendering every article page with no build before it, the search index took each shard as its pages were written.
    expect(first.log).toContain('started on the article pages as Astro wrote them');
    expect(first.log).not.toContain('indexed again');
    // Astro's content store, which every build compiles as one module, keeps an article's data but not its HTML or text:
    // the page and the collection-wide derivation read files of their own, one of each an article.
    const store = readFileSync(path.join(cache, 'data-store.json'), 'utf8');
    expect(readBuilt('/articles/reply/index.html', first.out)).toMatch(/<p [^>]*data-block[^>]*>A reply to the sample, in plain words\./);
    expect(store).toContain('A reply to the sample');
    expect(store).not.toContain('in plain words');
    expect(store).not.toMatch(/<p [^>]*data-block/);
    expect(readdirSync(path.join(cache, 'article-records'))).toHaveLength(3);

    // The edit: the reply quotes the sample's first paragraph, word for word.
    const quote = '\n:::quote{speaker="sam-author"}\n“The first paragraph of the sample. It has two sentences.”\n:::\n';
    appendFileSync(path.join(content, 'articles/reply.md'), quote);
    appendFileSync(path.join(content, 'sources/reply.txt'), '\n“The first paragraph of the sample. It has two sentences.”\n');
    // The published build, whose files the rebuild links in before it knows which pages it renders again: as it was after.
    const published = realpathSync(first.out);
    const publishedFiles = () => builtFiles(published).map((file) => [file, readBuilt(file, published)]);
    const before = publishedFiles();
    const again = build(content, 'site', cache);
    expect(publishedFiles()).toEqual(before);
    // The reply changed; the sample did not, but its page is made again for its new "Quoted in"; the older piece's page is copied.
    expect(again.log).toMatch(/3 articles in [\d.]+ s: 1 changed, 2 rendered/);
    expect(again.log).toContain('1 article pages copied from the previous build, 2 rendered');
    expect(readBuilt('/articles/sample/index.html', again.out)).toContain('Quoted in');
    // The captures the first build copied and no one has touched since are linked from its copies; the reply's, changed
    // in place, is copied anew, as it now is.
    const [, captures, linked] = /(\d+) captures put in place \((\d+) of them unchanged and linked/.exec(again.log) ?? [];
    expect(Number(linked)).toBe(Number(captures) - 1);
    expect(readBuilt(sourceUrl('reply.txt'), again.out)).toContain('“The first paragraph of the sample. It has two sentences.”');
    // The search index starts from the previous one's files; the two changed pages' old fragments are gone (the comparison below).
    expect(again.log).toMatch(/indexed 3 pages in [\d.]+ s, [1-9]\d* of its files kept from the previous build/);
    // It started once the article pages were written, while Astro wrote the rest: the same files all the same (below).
    expect(again.log).toContain('started on the article pages while Astro wrote the rest of the site');
    // The reply's HTML, record and words before the edit are no longer kept: one file of each an article, and the collection's words once.
    expect(readdirSync(path.join(cache, 'article-html'))).toHaveLength(3);
    expect(readdirSync(path.join(cache, 'article-records'))).toHaveLength(3);
    const words = readdirSync(path.join(cache, 'article-vocabulary'));
    expect(words.filter((name) => !name.startsWith('collection-'))).toHaveLength(3);
    expect(words.filter((name) => name.startsWith('collection-'))).toHaveLength(1);
    expectSameAsClean(again.out, build(content, 'clean', path.join(scratch, 'clean-cache')).out);

    // Nothing changed: nothing is rendered, every article page is copied, and the site is the same.
    // Files that a rebuild may link from the build before it, when made from the same inputs: the same file then (its inode).
    const kept = [dataUrl('articles.json'), dataUrl('quotations.csv'), personWordsUrl('sam-author')];
    const inodes = (out: string) => kept.map((url) => statSync(path.join(out, url)).ino);
    const beforeUnchanged = inodes(again.out);
    const unchanged = build(content, 'site', cache);
    expect(unchanged.log).toMatch(/3 articles in [\d.]+ s: 0 changed, 0 rendered/);
    expect(unchanged.log).toContain('3 article pages copied from the previous build, 0 rendered');
    // No article page changed, so neither would the search index: the previous build's is kept, Pagefind not started.
    expect(unchanged.log).toContain('kept the previous build’s search index whole, as no article page changed');
    expect(unchanged.log).not.toMatch(/indexed \d+ pages/);
    // Nor would the data exports or a person's search, made from the same inputs: the previous build's files are linked in, not made again.
    expect(unchanged.log).toMatch(/and [1-9]\d* linked from the previous build, which made them from the same inputs/);
    expect(inodes(unchanged.out)).toEqual(beforeUnchanged);
    expectSameAsClean(unchanged.out, path.join(scratch, 'clean'));

    // A new organisation that no article names: no article is rendered again, no page shows it, so every one is copied,
    // and the index kept whole.
    writeFileSync(path.join(content, 'organisations/unnamed-body.yaml'), 'name: "A Body No Article Names"\nkind: "think tank"\n');
    const added = build(content, 'site', cache);
    expect(added.log).toMatch(/3 articles in [\d.]+ s: 0 changed, 0 rendered/);
    expect(added.log).toContain('3 article pages copied from the previous build, 0 rendered');
    expect(added.log).toContain('kept the previous build’s search index whole, as no article page changed');
    expectSameAsClean(added.out, build(content, 'clean-added', path.join(scratch, 'clean-added-cache')).out);

    // A new organisation that the older piece names: that article is rendered again, with the name linked, and only its page.
    writeFileSync(path.join(content, 'organisations/lonely-institute.yaml'), 'name: "Lonely Institute"\nkind: "think tank"\n');
    const named = build(content, 'site', cache);
    expect(named.log).toMatch(/3 articles in [\d.]+ s: 0 changed, 1 rendered/);
    expect(named.log).toContain('2 article pages copied from the previous build, 1 rendered');
    expect(readBuilt('/articles/older/index.html', named.out)).toMatch(/<a [^>]*href="\/organisations\/lonely-institute\/"[^>]*>Lonely Institute<\/a>/);
    expectSameAsClean(named.out, build(content, 'clean-named', path.join(scratch, 'clean-named-cache')).out);

    // A topic's description is shown on its own page, never on an article's: every article page is copied, the index kept.
    const topics = path.join(content, 'topics');
    const topic = path.join(topics, readdirSync(topics).sort()[0]!);
    writeFileSync(topic, readFileSync(topic, 'utf8').replace(/^description: .*$/m, 'description: "Described again, in other words."'));
    const described = build(content, 'site', cache);
    expect(described.log).toMatch(/3 articles in [\d.]+ s: 0 changed, 0 rendered/);
    expect(described.log).toContain('3 article pages copied from the previous build, 0 rendered');
    expect(described.log).toContain('kept the previous build’s search index whole, as no article page changed');
    expectSameAsClean(described.out, build(content, 'clean-described', path.join(scratch, 'clean-described-cache')).out);

    // The collection's subject is in every page's footer: written, every article page is made again (none changed).
    writeFileSync(path.join(content, 'collection.yaml'), 'subject: the samples and their replies\nintroduction: Some samples.\n');
    const subject = build(content, 'site', cache);
    expect(subject.log).toMatch(/3 articles in [\d.]+ s: 0 changed, 0 rendered/);
    expect(subject.log).toContain('0 article pages copied from the previous build, 3 rendered');
    expect(readBuilt('/articles/older/index.html', subject.out)).toContain('Policy Reader: commentary on the samples and their replies.');
    expectSameAsClean(subject.out, build(content, 'clean-subject', path.join(scratch, 'clean-subject-cache')).out);

    // A change to an organisation renders the pages that show it: the sample's, its publisher, and the reply's,
    // whose speaker's role is at it. The older piece's page is copied.
    writeFileSync(path.join(content, 'organisations/sample-trust.yaml'), 'name: "Sample Trust, renamed"\nkind: "think tank"\n');
    const beforeRenamed = inodes(subject.out);
    const renamed = build(content, 'site', cache);
    expect(renamed.log).toContain('1 article pages copied from the previous build, 2 rendered');
    // The sample names it: its page changed, and the index is made again.
    expect(renamed.log).toMatch(/indexed 3 pages in [\d.]+ s/);
    // The data exports and the person's search name the publisher: made again.
    expect(inodes(renamed.out).filter((inode, i) => inode === beforeRenamed[i])).toEqual([]);
    expectSameAsClean(renamed.out, build(content, 'clean-renamed', path.join(scratch, 'clean-renamed-cache')).out);

    // An author's role names an organisation that the article itself does not: renamed, the role the page shows changes.
    writeFileSync(path.join(content, 'articles/by-sam.md'), bySam);
    writeFileSync(path.join(content, 'sources/by-sam.txt'), 'A note by Sam\n\nA note in plain words, with no quotation.\n');
    build(content, 'site', cache);
    writeFileSync(path.join(content, 'organisations/sample-trust.yaml'), 'name: "Sample Trust, renamed twice"\nkind: "think tank"\n');
    const roleRenamed = build(content, 'site', cache);
    // The role a search result shows beside Sam's words (components/SearchMeta's roles, lib/search-metadata).
    const roles = /<meta name="search:roles"[^>]*content="([^"]*)"/.exec(readBuilt('/articles/by-sam/index.html', roleRenamed.out))?.[1];
    expect(fromUnsearchable(roles)).toContain('director, Sample Trust, renamed twice');
    expectSameAsClean(roleRenamed.out, build(content, 'clean-role', path.join(scratch, 'clean-role-cache')).out);

    // An article found faithful to its capture is not checked again, until its capture changes: a sentence added there is still missed from the article.
    appendFileSync(path.join(content, 'sources/older.txt'), '\nA sentence the editor has not copied into the article.\n');
    expect(() => build(content, 'site', cache)).toThrow(/this sentence is not in .*older\.md: "A sentence the editor has not copied into the article\."/);
  });

  // A collection of thousands is indexed in shards of consecutive months (lib/search-shards); here each article is a
  // shard of its own, its month alone.
  it('indexes again only the shards whose article pages changed, and writes the same files as a clean build', { timeout: 240_000 }, () => {
    const sharded = { POLICY_READER_SEARCH_SHARD_PAGES: '1' };
    const content = fixtureContent(
      'sharded-content',
      {
        'articles/reply.md': write(reply),
        'sources/reply.txt': write('A reply to the sample\n\nA reply to the sample, in plain words.\n'),
        'articles/older.md': write(older),
        'sources/older.txt': write('An older piece on another subject\n\nAn older piece, about something else entirely, from the Lonely Institute.\n'),
      },
      scratch,
    );
    const cache = path.join(scratch, 'sharded-cache');
    const first = build(content, 'sharded', cache, sharded);
    expect(first.log).toMatch(/indexed 3 pages in 3 of 3 shards in [\d.]+ s/);
    const shards = (JSON.parse(readBuilt(searchShardsUrl, first.out)) as ShardsManifest).shards;
    expect(shards.map((shard) => shard.folder)).toEqual([shardFolder(0), shardFolder(1), shardFolder(2)]);
    for (const shard of shards) expect(readdirSync(path.join(first.out, pagefindShardUrl(shard.folder), 'fragment'))).toHaveLength(1);

    // The older piece gains a paragraph: its page alone changes, and so does only its shard, the oldest.
    appendFileSync(path.join(content, 'articles/older.md'), '\nA second paragraph, added later.\n');
    appendFileSync(path.join(content, 'sources/older.txt'), '\nA second paragraph, added later.\n');
    const again = build(content, 'sharded', cache, sharded);
    expect(again.log).toContain('2 article pages copied from the previous build, 1 rendered');
    expect(again.log).toMatch(/indexed 1 pages in 1 of 3 shards \(2 kept from the previous build\)/);
    const edited = (JSON.parse(readBuilt(searchShardsUrl, again.out)) as ShardsManifest).shards;
    expect(edited[0]!.index).not.toBe(shards[0]!.index);
    expect(edited.slice(1)).toEqual(shards.slice(1));
    expectSameAsClean(again.out, build(content, 'sharded-clean', path.join(scratch, 'sharded-clean-cache'), sharded).out);
  });
});
