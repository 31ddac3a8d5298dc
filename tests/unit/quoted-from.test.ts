import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { ArticleRecord } from '../../src/lib/article-record';
import { certainlyLater, quotedFromLinks } from '../../src/lib/quotations';
import { closestFirst, findQuotedFrom, findQuotedFromAgain, longestCommonRun } from '../../src/lib/quoted-from';
import { words } from '../../src/lib/text';

const source = {
  article: 'view-from-westminster',
  block: 'p-1',
  text: 'Most importantly, the new team will need to show quickly that its primary focus is genuine service improvement. It is widely believed by both service users and professional staff that their interests have too often been the victim of a political fudge.',
};

describe('finding where an article quotes another', () => {
  test('a quotation of another article’s words links to the block that holds them', () => {
    const quote = { article: 'inspiration', block: 'p-9', text: 'will need to show quickly that its primary focus is genuine service improvement.' };
    expect(findQuotedFrom([quote], [source])).toEqual([{ quote, source, words: 13 }]);
  });

  test('quote marks, dashes, case and whitespace do not stop a match', () => {
    const quote = { article: 'b', block: 'q', text: '“It is WIDELY believed by both service users and\n professional staff that their interests”' };
    expect(findQuotedFrom([quote], [{ ...source, text: source.text.replace(/'/g, '’') }])).toHaveLength(1);
  });

  test('a short common phrase is not a quotation of another article', () => {
    const quote = { article: 'b', block: 'q', text: 'genuine service improvement' };
    expect(findQuotedFrom([quote], [source])).toEqual([]);
  });

  test('an article never counts as quoting itself', () => {
    const quote = { article: source.article, block: 'p-2', text: 'will need to show quickly that its primary focus is genuine service improvement.' };
    expect(findQuotedFrom([quote], [source])).toEqual([]);
  });

  test('a line many articles quote links each quotation to the other articles that hold it, never its own', () => {
    const line = 'we will not compromise on safety whatever the financial pressure on the system';
    const articles = ['a', 'b', 'c', 'd'];
    const quotes = articles.map((article) => ({ article, block: 'q', text: `“${line.toUpperCase()}”` }));
    const blocks = articles.map((article) => ({ article, block: 'p', text: `The chief executive said ${line} today.` }));
    const found = findQuotedFrom(quotes, blocks);
    expect(found.map((f) => `${f.quote.article}<${f.source.article}:${f.words}`)).toEqual(
      articles.flatMap((a) => articles.filter((b) => b !== a).map((b) => `${a}<${b}:13`)),
    );
    expect(found.every((f) => quotes.includes(f.quote) && blocks.includes(f.source))).toBe(true);
  });

  test('words are folded to lower case with curly apostrophes made straight', () => {
    expect(words('Don’t be an “empire builder” – NHS')).toEqual(["don't", 'be', 'an', 'empire', 'builder', 'nhs']);
    expect(longestCommonRun(['a', 'b', 'c', 'd'], ['x', 'b', 'c', 'y'])).toBe(2);
  });
});

describe('which way quoted words point, across a collection', () => {
  const words12 = 'Trusts would welcome less duplication and better co-ordination between NHS Improvement and NHS England';
  const record = (slug: string, block: { id: string; speaker?: string }, form?: 'block' | 'inline'): ArticleRecord => ({
    slug,
    file: `${slug}.md`,
    title: slug,
    blocks: [{ id: block.id, kind: 'paragraph', text: `“${words12}.”`, ...(block.speaker && { speaker: block.speaker }) }],
    quotes: form ? [{ block: block.id, speaker: 'chris-hopson', text: `“${words12}.”`, form }] : [],
  });
  const statement = record('statement', { id: 'p-s', speaker: 'chris-hopson' }, 'block');
  const report = record('news-report', { id: 'p-r', speaker: 'chris-hopson' }, 'block');
  const pairs = (corpus: ArticleRecord[], dates: Record<string, string>) =>
    quotedFromLinks(corpus, new Map(Object.entries(dates))).map((l) => `${l.quote.article} quotes ${l.source.article}`);

  test('a statement marked as its speaker’s words is the source of the later news report that quotes them, never the other way', () => {
    expect(pairs([statement, report], { statement: '2018-05-24', 'news-report': '2018-05-25' })).toEqual(['news-report quotes statement']);
    // The order of the collection does not matter; the dates do.
    expect(pairs([report, statement], { statement: '2018-05-26', 'news-report': '2018-05-25' })).toEqual(['statement quotes news-report']);
  });

  test('quotations of quotations chain: a later article quoting both links to both', () => {
    const blog = record('blog', { id: 'p-b' }, 'inline');
    expect(pairs([statement, report, blog], { statement: '2018-05-24', 'news-report': '2018-05-25', blog: '2018-06' }).sort()).toEqual([
      'blog quotes news-report',
      'blog quotes statement',
      'news-report quotes statement',
    ]);
  });

  test('an unmarked block is the source when the dates do not say, and is never the source of words published before it', () => {
    const plain = record('plain', { id: 'p-p' });
    expect(pairs([statement, plain], {})).toEqual(['statement quotes plain']);
    expect(pairs([statement, plain], { statement: '2015-09-30', plain: '2016' })).toEqual([]);
  });

  test('two identical marked quotations with no date order are linked once, not each quoted from the other', () => {
    expect(pairs([statement, report], { statement: '2018', 'news-report': '2018-05-25' })).toHaveLength(1);
  });

  test('a date is later only when every day it can mean is later', () => {
    expect(certainlyLater('2018-05-25', '2018-05-24')).toBe(true);
    expect(certainlyLater('2018-05', '2018-05-24')).toBe(false);
    expect(certainlyLater('2019', '2018-12')).toBe(true);
    expect(certainlyLater(undefined, '2018')).toBe(false);
  });
});

describe('finding quoted-from links again after an edit', () => {
  const said = 'the regulator must be a partner to trusts and not only their judge in the years ahead';
  const other = 'money alone will not close the gap between what patients need and what the service can do';
  const corpus = {
    quotes: [
      { article: 'reply', block: 'p-1', text: `“${said}”` },
      { article: 'reply', block: 'p-1', text: `“${said}”` },
      { article: 'comment', block: 'p-4', text: `“${other}”` },
    ],
    blocks: [
      { article: 'speech', block: 'p-1', text: `She said that ${said}, to applause.` },
      { article: 'speech', block: 'p-2', text: 'Nothing anyone quotes.' },
      { article: 'budget', block: 'p-1', text: 'A paragraph about the budget.' },
      { article: 'reply', block: 'p-1', text: `“${said}”` },
    ],
  };
  const digest = (value: string) => createHash('sha256').update(value).digest('base64url');
  const first = findQuotedFromAgain(corpus.quotes, corpus.blocks, digest);
  const sameAsFromScratch = (quotes: typeof corpus.quotes, blocks: typeof corpus.blocks) => {
    const again = findQuotedFromAgain(quotes, blocks, digest, first.memo);
    expect(again.found).toEqual(findQuotedFrom(quotes, blocks));
    return again.found;
  };

  test('a first run finds what reading the whole collection finds', () => {
    expect(first.found).toEqual(findQuotedFrom(corpus.quotes, corpus.blocks));
    expect(first.found).toHaveLength(2);
  });

  test('a block edited to hold quoted words becomes their source; a block edited to lose them stops being one', () => {
    const blocks = corpus.blocks.map((b) => (b.article === 'budget' ? { ...b, text: `As the minister put it, ${other}.` } : b));
    expect(sameAsFromScratch(corpus.quotes, blocks).map((f) => f.source.article)).toEqual(['speech', 'speech', 'budget']);
    const lost = corpus.blocks.map((b) => (b.article === 'speech' && b.block === 'p-1' ? { ...b, text: 'She spoke about something else.' } : b));
    expect(sameAsFromScratch(corpus.quotes, lost)).toEqual([]);
  });

  test('a new quotation finds its source in an article that did not change', () => {
    const quotes = [...corpus.quotes, { article: 'budget', block: 'p-1', text: `“${said}”` }];
    expect(sameAsFromScratch(quotes, corpus.blocks).filter((f) => f.quote.article === 'budget')).toHaveLength(2);
  });

  test('a quotation or an article taken away takes its links with it', () => {
    sameAsFromScratch(corpus.quotes.slice(1), corpus.blocks);
    expect(sameAsFromScratch(corpus.quotes, corpus.blocks.filter((b) => b.article !== 'speech'))).toEqual([]);
  });
});

describe('the order of the articles a quoted-from note names', () => {
  test('the most words in common first, so a quotation’s own source comes before an earlier article that shares a stock phrase with it', () => {
    const stock = { article: 'older-with-stock-phrase', date: '2015-01-01', words: 9 };
    const own = { article: 'own-source', date: '2016-03-01', words: 24 };
    expect([stock, own].sort(closestFirst).map((a) => a.article)).toEqual(['own-source', 'older-with-stock-phrase']);
  });

  test('among equals the earliest first, the undated last, then by slug, whatever order they came in', () => {
    const found = [
      { article: 'b-undated', date: undefined, words: 12 },
      { article: 'later', date: '2017-05', words: 12 },
      { article: 'a-undated', date: undefined, words: 12 },
      { article: 'earliest', date: '2015', words: 12 },
    ];
    const order = ['earliest', 'later', 'a-undated', 'b-undated'];
    expect([...found].sort(closestFirst).map((a) => a.article)).toEqual(order);
    expect([...found].reverse().sort(closestFirst).map((a) => a.article)).toEqual(order);
  });
});
