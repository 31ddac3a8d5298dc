import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { ArticleRecord } from '../../src/lib/article-record';
import { certainlyLater, quotedNotes, type ArticleNotes, type QuotedLink } from '../../src/lib/quotations';
import { closestFirst, longestCommonRun, matchQuotations, matchQuotationsAgain, MIN_WORDS, QUOTED_LINKS_SHOWN, type Passage } from '../../src/lib/quoted-from';
import { words } from '../../src/lib/text';

const source = {
  article: 'view-from-westminster',
  block: 'p-1',
  text: 'Most importantly, the new team will need to show quickly that its primary focus is genuine service improvement. It is widely believed by both service users and professional staff that their interests have too often been the victim of a political fudge.',
};

describe('finding where an article quotes another', () => {
  const match = (quote: string, blocks: Passage[]) => matchQuotations([words(quote)], blocks)[0];

  test('a quotation of another article’s words is matched to the block that holds them', () => {
    expect(match('will need to show quickly that its primary focus is genuine service improvement.', [source])).toEqual([{ block: 0, words: 13 }]);
  });

  test('quote marks, dashes, case and whitespace do not stop a match', () => {
    expect(match('“It is WIDELY believed by both service users and\n professional staff that their interests”', [{ ...source, text: source.text.replace(/'/g, '’') }])).toHaveLength(1);
  });

  test('a short common phrase is not a quotation of another article', () => {
    expect(match('genuine service improvement', [source])).toEqual([]);
  });

  test('an article never counts as quoting itself', () => {
    const own: ArticleRecord = {
      slug: source.article,
      file: 'own.md',
      title: 'Own',
      blocks: [{ id: source.block, kind: 'paragraph', text: source.text }, { id: 'p-2', kind: 'paragraph', text: 'It said it “will need to show quickly that its primary focus is genuine service improvement”.' }],
      quotes: [{ block: 'p-2', speaker: null, text: 'will need to show quickly that its primary focus is genuine service improvement', form: 'inline' }],
    };
    expect(quotedNotes([own])).toEqual(new Map());
  });

  test('words are folded to lower case with curly apostrophes made straight', () => {
    expect(words('Don’t be an “empire builder” – NHS')).toEqual(["don't", 'be', 'an', 'empire', 'builder', 'nhs']);
    expect(longestCommonRun(['a', 'b', 'c', 'd'], ['x', 'b', 'c', 'y'])).toBe(2);
  });
});

describe('a line many articles quote', () => {
  const line = 'we will not compromise on safety whatever the financial pressure on the system';
  const articles = Array.from({ length: QUOTED_LINKS_SHOWN + 4 }, (_, i) => `echo-${String(i + 1).padStart(2, '0')}`);
  const corpus: ArticleRecord[] = articles.map((slug) => ({
    slug,
    file: `${slug}.md`,
    title: slug,
    blocks: [{ id: 'p-1', kind: 'paragraph', text: `The chief executive said “${line.toUpperCase()}” today.` }],
    quotes: [{ block: 'p-1', speaker: null, text: line.toUpperCase(), form: 'inline' }],
  }));
  const dates = new Map(articles.map((slug, i) => [slug, `2016-0${1 + Math.floor(i / 3)}-1${i % 3}`]));
  const blocks = corpus.map((a) => ({ article: a.slug, block: 'p-1', text: a.blocks[0]!.text }));

  test('is one quotation matched to each block that holds it, not a pair for every two articles', () => {
    expect(matchQuotations([words(line)], blocks)).toEqual([blocks.map((_, i) => ({ block: i, words: 13 }))]);
  });

  test('each block names the closest few articles, the earliest first, and counts the rest', () => {
    const notes = quotedNotes(corpus, dates);
    const named = (slug: string, kind: 'from' | 'in') => notes.get(slug)?.['p-1']?.[kind];
    // The earliest is quoted in every later one; the latest quotes every earlier one.
    expect(named(articles[0]!, 'from')).toBeUndefined();
    expect(named(articles[0]!, 'in')).toEqual({
      links: articles.slice(1, 1 + QUOTED_LINKS_SHOWN).map((a) => ({ article: a, block: 'p-1', date: dates.get(a), words: 13 })),
      more: articles.length - 1 - QUOTED_LINKS_SHOWN,
      words: line.toUpperCase(),
    });
    expect(named(articles.at(-1)!, 'in')).toBeUndefined();
    expect(named(articles.at(-1)!, 'from')?.links.map((l) => l.article)).toEqual(articles.slice(0, QUOTED_LINKS_SHOWN));
    expect(named(articles.at(-1)!, 'from')?.more).toBe(articles.length - 1 - QUOTED_LINKS_SHOWN);
    // One in the middle both quotes the earlier and is quoted in the later.
    const middle = articles[3]!;
    expect(named(middle, 'from')).toMatchObject({ links: articles.slice(0, 3).map((article) => ({ article })), more: 0 });
    expect(named(middle, 'in')).toMatchObject({ links: articles.slice(4, 4 + QUOTED_LINKS_SHOWN).map((article) => ({ article })), more: articles.length - 4 - QUOTED_LINKS_SHOWN });
  });

  test('every note is the same whatever order the collection is read in', () => {
    const forwards = quotedNotes(corpus, dates);
    const backwards = quotedNotes([...corpus].reverse(), dates);
    for (const slug of articles) expect(backwards.get(slug), slug).toEqual(forwards.get(slug));
  });
});

describe('a note names each article once', () => {
  const said = 'the regulator must be a partner to trusts and not only their judge in the years ahead';
  const other = 'money alone will not close the gap between what patients need and what the service can do';
  const record = (slug: string, blocks: [string, string][], quotes: [string, string][] = []): ArticleRecord => ({
    slug,
    file: `${slug}.md`,
    title: slug,
    blocks: blocks.map(([id, text]) => ({ id, kind: 'paragraph', text })),
    quotes: quotes.map(([block, text]) => ({ block, speaker: null, text, form: 'inline' })),
  });

  test('an article that holds the words in two blocks is named once, at the block that shares the most', () => {
    const speech = record('speech', [
      ['p-1', `She began: ${said.split(' ').slice(0, 10).join(' ')}.`],
      ['p-2', `And ended: ${said}.`],
    ]);
    const reply = record('reply', [['p-1', `“${said}”`]], [['p-1', said]]);
    const notes = quotedNotes([speech, reply], new Map([['speech', '2016-01-01'], ['reply', '2016-02-01']]));
    expect(notes.get('reply')?.['p-1']?.from).toMatchObject({ links: [{ article: 'speech', block: 'p-2', words: 17 }], more: 0 });
    // Each of the speech's blocks says where its own words are quoted.
    expect(notes.get('speech')?.['p-1']?.in).toMatchObject({ links: [{ article: 'reply', words: 10 }] });
    expect(notes.get('speech')?.['p-2']?.in).toMatchObject({ links: [{ article: 'reply', words: 17 }] });
  });

  test('a block quoting two lines that one article holds names that article once, and one holding two lines that one article quotes names it once', () => {
    const speech = record('speech', [['p-1', `She said ${said}, and that ${other}.`]]);
    const reply = record('reply', [['p-1', `“${said}”, and “${other}”.`]], [
      ['p-1', said],
      ['p-1', other],
    ]);
    const third = record('third', [['p-1', `“${other}”`]], [['p-1', other]]);
    const notes = quotedNotes([speech, reply, third], new Map([['speech', '2016-01-01'], ['reply', '2016-02-01'], ['third', '2016-03-01']]));
    expect(notes.get('reply')?.['p-1']?.from).toMatchObject({ links: [{ article: 'speech' }], more: 0 });
    expect(notes.get('speech')?.['p-1']?.in?.links.map((l) => l.article)).toEqual(['reply', 'third']);
    expect(notes.get('speech')?.['p-1']?.in?.more).toBe(0);
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
  // Every link the notes make: each note here names all its articles (fewer than QUOTED_LINKS_SHOWN).
  const pairs = (corpus: ArticleRecord[], dates: Record<string, string>) =>
    [...quotedNotes(corpus, new Map(Object.entries(dates)))].flatMap(([slug, blocks]) =>
      Object.values(blocks).flatMap((n) => (n.from?.links ?? []).map((l) => `${slug} quotes ${l.article}`)),
    );

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

describe('finding quoted words again after an edit', () => {
  const said = 'the regulator must be a partner to trusts and not only their judge in the years ahead';
  const other = 'money alone will not close the gap between what patients need and what the service can do';
  const quotations = [words(said), words(other)];
  const blocks = [
    { article: 'speech', block: 'p-1', text: `She said that ${said}, to applause.` },
    { article: 'speech', block: 'p-2', text: 'Nothing anyone quotes.' },
    { article: 'budget', block: 'p-1', text: 'A paragraph about the budget.' },
    { article: 'reply', block: 'p-1', text: `“${said}”` },
  ];
  const digest = (value: string) => createHash('sha256').update(value).digest('base64url');
  const first = matchQuotationsAgain(quotations, blocks, digest);
  const sameAsFromScratch = (someQuotations: string[][], someBlocks: Passage[]) => {
    const again = matchQuotationsAgain(someQuotations, someBlocks, digest, first.memo);
    expect(again.matches).toEqual(matchQuotations(someQuotations, someBlocks));
    return again.matches.map((list) => list.map((m) => someBlocks[m.block]!.article));
  };

  test('a first run finds what reading the whole collection finds', () => {
    expect(first.matches).toEqual(matchQuotations(quotations, blocks));
    expect(first.matches.map((list) => list.map((m) => blocks[m.block]!.article))).toEqual([['speech', 'reply'], []]);
  });

  test('a block edited to hold quoted words becomes a match; a block edited to lose them stops being one', () => {
    const gained = blocks.map((b) => (b.article === 'budget' ? { ...b, text: `As the minister put it, ${other}.` } : b));
    expect(sameAsFromScratch(quotations, gained)).toEqual([['speech', 'reply'], ['budget']]);
    const lost = blocks.map((b) => (b.article === 'speech' && b.block === 'p-1' ? { ...b, text: 'She spoke about something else.' } : b));
    expect(sameAsFromScratch(quotations, lost)).toEqual([['reply'], []]);
  });

  test('a new quotation finds the blocks of articles that did not change', () => {
    const added = words('she said that the regulator must be a partner to trusts');
    expect(sameAsFromScratch([...quotations, added], blocks)).toEqual([['speech', 'reply'], [], ['speech', 'reply']]);
  });

  test('a quotation or an article taken away takes its matches with it', () => {
    expect(sameAsFromScratch(quotations.slice(1), blocks)).toEqual([[]]);
    expect(sameAsFromScratch(quotations, blocks.filter((b) => b.article !== 'speech'))).toEqual([['reply'], []]);
  });

  test('what is kept grows with the matches, not with the pairs of articles that quote one line', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ article: `a-${i}`, block: 'p-1', text: `“${said}”` }));
    expect(matchQuotationsAgain([words(said)], many, digest).memo.found).toHaveLength(many.length);
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

/** The notes worked out the long way, every quotation against every block, as a reference for the quick way. */
function notesTheLongWay(corpus: ArticleRecord[], dates: ReadonlyMap<string, string | undefined>): Record<string, ArticleNotes> {
  const sources = corpus.flatMap((a) => a.blocks.filter((b) => b.kind !== 'pull-quote' && b.kind !== 'heading').map((b) => ({ article: a.slug, block: b.id, text: b.text })));
  const position = (l: QuotedLink) => sources.findIndex((s) => s.article === l.article && s.block === l.block);
  const marked = (s: Passage) => corpus.find((a) => a.slug === s.article)!.quotes.some((q) => q.block === s.block && q.form === 'block');
  const isSource = (quoting: string, s: Passage) =>
    s.article !== quoting &&
    !certainlyLater(dates.get(s.article), dates.get(quoting)) &&
    !(marked(s) && !certainlyLater(dates.get(quoting), dates.get(s.article)) && s.article > quoting);
  // Each line once, in the order first quoted, with the blocks that quote it in the collection's order.
  const lines: { words: string[]; quoting: Passage[] }[] = [];
  for (const a of corpus) {
    for (const q of a.quotes.filter((q) => q.form !== 'pull')) {
      const list = words(q.text);
      let line = lines.find((l) => l.words.join(' ') === list.join(' '));
      if (!line) lines.push((line = { words: list, quoting: [] }));
      if (!line.quoting.some((p) => p.article === a.slug && p.block === q.block)) line.quoting.push({ article: a.slug, block: q.block, text: q.text });
    }
  }
  const gathered = { from: new Map<string, { words: string; members: Map<string, QuotedLink> }>(), in: new Map<string, { words: string; members: Map<string, QuotedLink> }>() };
  const better = (a: QuotedLink, b: QuotedLink) => (a.words !== b.words ? a.words > b.words : position(a) < position(b));
  const add = (kind: 'from' | 'in', at: string, link: QuotedLink, text: string) => {
    let note = gathered[kind].get(at);
    if (!note) gathered[kind].set(at, (note = { words: text, members: new Map() }));
    const before = note.members.get(link.article);
    if (!before || better(link, before)) note.members.set(link.article, link);
  };
  for (const line of lines) {
    for (const s of sources) {
      const shared = longestCommonRun(line.words, words(s.text));
      if (shared < MIN_WORDS) continue;
      for (const q of line.quoting) {
        if (!isSource(q.article, s)) continue;
        add('from', `${q.article}#${q.block}`, { article: s.article, block: s.block, date: dates.get(s.article), words: shared }, q.text);
        const first = line.quoting.find((p) => p.article === q.article)!;
        add('in', `${s.article}#${s.block}`, { article: q.article, block: first.block, date: dates.get(q.article), words: shared }, first.text);
      }
    }
  }
  const notes: Record<string, ArticleNotes> = {};
  for (const kind of ['from', 'in'] as const) {
    for (const [at, { words: text, members }] of gathered[kind]) {
      const [article, block] = at.split('#') as [string, string];
      const all = [...members.values()].sort(closestFirst);
      ((notes[article] ??= {})[block] ??= {})[kind] = { links: all.slice(0, QUOTED_LINKS_SHOWN), more: Math.max(0, all.length - QUOTED_LINKS_SHOWN), words: text };
    }
  }
  return notes;
}

describe('the notes of a collection, against every pair worked out the long way', () => {
  // Small collections drawn at random: three lines, quoted inline or as block quotations, in part or whole, held
  // plainly, two or three to a block; dates whole, partial, equal, overlapping or missing; slugs in no order of the files.
  const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const lines = [0, 1, 2].map((k) => Array.from({ length: 12 }, (_, i) => `w${k}x${i}`).join(' '));
  const part = (line: string) => line.split(' ').slice(0, 9).join(' ');
  const dateChoices = ['2016', '2016-03', '2016-03-05', '2016-03-06', '2017-01-01', undefined];
  const collection = (seed: number, most = 29) => {
    const next = random(seed);
    const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const corpus: ArticleRecord[] = Array.from({ length: 4 + Math.floor(next() * (most - 3)) }, (_, i) => {
      const slug = `s${(i * 37) % 29}-${i}`;
      const record: ArticleRecord = { slug, file: `${slug}.md`, title: slug, blocks: [], quotes: [] };
      for (let b = 0; b < 1 + Math.floor(next() * 3); b++) {
        const id = `p-${b}`;
        const [line, other] = [pick(lines), pick(lines)];
        const quote = (text: string, form: 'inline' | 'block') => record.quotes.push({ block: id, speaker: null, text, form });
        const kind = pick(['plain', 'holds', 'holds-part', 'inline', 'inline-part', 'block', 'two', 'three']);
        let text = 'Nothing anyone quotes.';
        if (kind === 'holds') text = `Someone said ${line} in passing.`;
        if (kind === 'holds-part') text = `Someone said ${part(line)} in passing.`;
        if (kind === 'inline') quote(line, 'inline'), (text = `He said “${line}”.`);
        if (kind === 'inline-part') quote(part(line), 'inline'), (text = `He said “${part(line)}”.`);
        if (kind === 'block') quote(line, 'block'), (text = `“${line}”`);
        if (kind === 'two') quote(line, 'inline'), quote(other, 'inline'), (text = `He said “${line}” and “${other}”.`);
        if (kind === 'three') {
          const third = part(pick(lines));
          for (const q of new Set([line, other, third])) quote(q, 'inline');
          text = `He said “${line}”, “${other}” and “${third}”.`;
        }
        record.blocks.push({ id, kind: 'paragraph', text });
      }
      return record;
    });
    return { corpus, dates: new Map(corpus.map((a) => [a.slug, pick(dateChoices)])) };
  };

  test('every note names the same articles, at the same blocks, with the same count', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { corpus, dates } = collection(seed);
      expect(Object.fromEntries(quotedNotes(corpus, dates)), `collection ${seed}`).toEqual(notesTheLongWay(corpus, dates));
    }
  });

  test('in larger collections too, where most notes name a few of many articles', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { corpus, dates } = collection(seed, 150);
      expect(Object.fromEntries(quotedNotes(corpus, dates)), `collection ${seed}`).toEqual(notesTheLongWay(corpus, dates));
    }
  });
});
