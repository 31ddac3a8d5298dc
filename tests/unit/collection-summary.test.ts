import { describe, expect, it } from 'vitest';
import { byLeadingPublishers, commentaryOn, kindsPhrase, paragraphsOf, publishersSentence, summariseCollection, type SummaryInput } from '../../src/lib/collection-summary';
import { listed } from '../../src/lib/text';
import type { Fact } from '../../src/lib/fact';

const stated = (value: string): Fact<string> => ({ status: 'stated', value });
const inferred = (value: string): Fact<string> => ({ status: 'inferred', value, basis: 'the page’s furniture' });
const none: Fact<string> = { status: 'none' };
const article = (kind: Fact<string>, publisher: Fact<string>): SummaryInput => ({ kind, publisher });

describe('a summary of the collection', () => {
  it('counts each kind and publisher, stated or inferred, most first, and what is not stated apart', () => {
    const summary = summariseCollection([
      article(stated('blog post'), stated('Nuffield Trust')),
      article(stated('blog post'), inferred('Nuffield Trust')),
      article(inferred('press release'), inferred('NHS Providers')),
      article(none, none),
    ]);
    expect(summary.kinds).toEqual([
      { kind: 'blog post', count: 2 },
      { kind: 'press release', count: 1 },
    ]);
    expect(summary.kindNotStated).toBe(1);
    expect(summary.publishers).toEqual([
      { name: 'Nuffield Trust', count: 2 },
      { name: 'NHS Providers', count: 1 },
    ]);
    expect([summary.publisherStated, summary.publisherInferred, summary.publisherNotStated]).toEqual([1, 2, 1]);
  });

  it('says the kinds in words, with their counts, plurals and what is not stated', () => {
    const summary = summariseCollection([
      ...Array.from({ length: 1200 }, () => article(stated('blog post'), none)),
      article(stated('speech'), none),
      article(stated('speech'), none),
      article(stated('evidence'), none),
      article(stated('press release'), none),
      article(none, none),
    ]);
    expect(kindsPhrase(summary)).toBe('1,200 blog posts, 2 speeches, a piece of evidence, a press release and 1 whose kind is not stated');
  });

  it('names the publishers with the most articles, and says there are others when there are more or some are not named', () => {
    const many = summariseCollection(['A', 'A', 'A', 'B', 'B', 'C'].map((name) => article(none, stated(name))));
    expect(byLeadingPublishers(many)).toBe('by A, B and others');
    expect(byLeadingPublishers(summariseCollection(['A', 'B'].map((name) => article(none, stated(name)))))).toBe('by A and B');
    expect(byLeadingPublishers(summariseCollection([article(none, stated('A')), article(none, none)]))).toBe('by A and others');
    expect(byLeadingPublishers(summariseCollection([article(none, none)]))).toBe('');
  });

  it('lists words as a sentence does', () => {
    expect(listed([])).toBe('');
    expect(listed(['a'])).toBe('a');
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('the sentence on the collection’s publishers', () => {
  it('names each publisher with its count, the first few of many, and says how many articles state, infer or leave out theirs', () => {
    const summary = summariseCollection([
      article(none, stated('Nuffield Trust')),
      article(none, inferred('Nuffield Trust')),
      article(none, inferred('NHS Providers')),
      article(none, none),
      article(none, none),
    ]);
    expect(publishersSentence(summary)).toBe(
      'From 2 publishers: Nuffield Trust (2) and NHS Providers (1). 1 of the 5 names its publisher; for 2 it is an editor’s inference, with its basis on the article’s page; 2 do not say.',
    );
    const twenty = summariseCollection(Array.from({ length: 20 }, (_, n) => article(none, stated(`Publisher ${String(n).padStart(2, '0')}`))));
    expect(publishersSentence(twenty, 3)).toBe('From 20 publishers: Publisher 00 (1), Publisher 01 (1), Publisher 02 (1) and 17 more. All 20 name their publisher.');
  });

  it('says when no article names a publisher', () => {
    expect(publishersSentence(summariseCollection([article(none, none), article(none, none)]))).toBe('None of them says who published it.');
  });
});

describe('what the collection is about, in the editors’ words', () => {
  it('is commentary on the subject they wrote, or policy commentary when they wrote none', () => {
    expect(commentaryOn('the reform of NHS regulation, 2015–2018')).toBe('commentary on the reform of NHS regulation, 2015–2018');
    expect(commentaryOn(undefined)).toBe('policy commentary');
  });

  it('reads an introduction as paragraphs at its blank lines, each line break within one a space', () => {
    expect(paragraphsOf('In 2015 two bodies\nbecame one.\n\n  Then it changed.\n')).toEqual(['In 2015 two bodies became one.', 'Then it changed.']);
    expect(paragraphsOf(undefined)).toEqual([]);
  });
});
