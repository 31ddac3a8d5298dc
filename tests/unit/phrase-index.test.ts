import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketsFor,
  buildPhraseIndex,
  changedBucket,
  longestSharedRun,
  NEAR_MOST,
  nearCandidates,
  pagesInBucket,
  pairKey,
  pairKeysOf,
  phraseCandidates,
  phraseLocations,
  positionedWords,
  runKeys,
  type PageChange,
  type PhraseFiles,
} from '../../src/lib/phrase-index';

/** An index over the texts, read as the search reads it, counting the files it reads. */
function indexOf(texts: string[]) {
  const { manifest, buckets } = buildPhraseIndex(texts.map(pairKeysOf));
  const names = texts.map((_, i) => `en_${i.toString(16).padStart(7, '0')}`);
  const read: string[] = [];
  const files: PhraseFiles = {
    manifest: async () => manifest,
    bucket: async (n) => (read.push(`bucket ${n}`), buckets[n]!),
    pageNames: async (n) => (read.push(`pages ${n}`), names.slice(n * manifest.pagesPerFile, (n + 1) * manifest.pagesPerFile)),
  };
  return { manifest, buckets, names, files, read };
}

describe('the words of a page, where Pagefind puts them', () => {
  it('numbers each word by its space-separated token, as Pagefind numbers positions', () => {
    expect(positionedWords('NHS Improvement’s board: joined-up work.')).toEqual({
      words: ['nhs', "improvement's", 'board', 'joined', 'up', 'work'],
      at: [0, 1, 2, 3, 3, 4],
    });
  });

  it('folds case, quote marks and apostrophes as a reader’s pasted words are folded', () => {
    expect(positionedWords('“Pass the Parcel’ DON’T').words).toEqual(['pass', 'the', 'parcel', "don't"]);
  });
});

describe('pairs of adjacent words', () => {
  it('pairs words in one token or in tokens side by side', () => {
    expect(pairKeysOf('joined-up work')).toEqual([pairKey('joined', 'up'), pairKey('up', 'work')]);
  });

  it('does not pair words across a dash or an ellipsis standing alone, as Pagefind’s phrases do not', () => {
    expect(pairKeysOf('head on – rather than')).toEqual([pairKey('head', 'on'), pairKey('rather', 'than')]);
    expect(pairKeysOf('plans … for change')).toEqual([pairKey('for', 'change')]);
  });

  it('a run of one word has no pairs: the index cannot find it', () => {
    expect(runKeys('leadership')).toBeUndefined();
    expect(runKeys('provider finances')).toEqual([pairKey('provider', 'finances')]);
  });
});

describe('the index of pairs', () => {
  const texts = ['the board will meet', 'the board met in March', 'a new board will form', 'nothing of note'];

  it('lists, for each pair, exactly the pages that have it', () => {
    const { manifest, buckets } = indexOf(texts);
    const pagesOf = (a: string, b: string) => pagesInBucket(buckets[bucketOf(pairKey(a, b), manifest.buckets)]!, pairKey(a, b), manifest.buckets);
    expect(pagesOf('the', 'board')).toEqual([0, 1]);
    expect(pagesOf('board', 'will')).toEqual([0, 2]);
    expect(pagesOf('of', 'note')).toEqual([3]);
    expect(pagesOf('board', 'the')).toEqual([]);
  });

  it('lists a page once for a pair it has many times', () => {
    const { manifest, buckets } = indexOf(['so so so so', 'so so']);
    const key = pairKey('so', 'so');
    expect(pagesInBucket(buckets[bucketOf(key, manifest.buckets)]!, key, manifest.buckets)).toEqual([0, 1]);
  });

  it('is the same, byte for byte, for the same pages', () => {
    expect(indexOf(texts).buckets).toEqual(indexOf([...texts]).buckets);
  });

  it('spreads a large collection over more buckets, each a few kilobytes', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `article ${i} says board ${i % 7} will meet on day ${i}`);
    const { manifest, buckets } = indexOf(many);
    expect(manifest.buckets).toBeGreaterThan(16);
    expect(Math.max(...buckets.map((b) => b.length))).toBeLessThan(16_000);
  });
});

describe('a rebuild in which a few pages changed', () => {
  /** Words from a small vocabulary, so that pages share pairs, as articles on one subject do. */
  const vocabulary = 'the board will meet trust providers finances in March regulator NHS improvement said plans new'.split(' ');
  const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const text = (next: () => number, words: number) => Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');

  /** The buckets an index of `before` has, changed into those of `after` (pages in the same places), if its pairs give as many buckets. */
  function changed(before: string[], after: string[]) {
    const old = buildPhraseIndex(before.map(pairKeysOf));
    const changes: PageChange[] = after.flatMap((textNow, page) => {
      if (textNow === before[page]) return [];
      const was = new Set(pairKeysOf(before[page]!));
      const now = new Set(pairKeysOf(textNow));
      return [{ page, removed: [...was].filter((k) => !now.has(k)), added: [...now].filter((k) => !was.has(k)) }];
    });
    const pairs = old.manifest.pairs + changes.reduce((n, c) => n + c.added.length - c.removed.length, 0);
    const { buckets } = old.manifest;
    const inBucket = (keys: readonly number[], bucket: number) => keys.filter((k) => bucketOf(k, buckets) === bucket);
    return {
      pairs,
      buckets: bucketsFor(pairs) !== buckets ? undefined : old.buckets.map((bytes, bucket) => changedBucket(bytes, bucket, buckets, changes.map((c) => ({ page: c.page, removed: inBucket(c.removed, bucket), added: inBucket(c.added, bucket) })))),
    };
  }

  it('changes the buckets into those a clean build writes, byte for byte, and counts the pairs as it does', () => {
    const next = random(7);
    for (let round = 0; round < 20; round++) {
      const before = Array.from({ length: 60 }, () => text(next, 5 + Math.floor(next() * 60)));
      const after = before.map((t) => (next() < 0.1 ? `${t} ${text(next, Math.floor(next() * 8))}`.trim() : next() < 0.05 ? text(next, 20) : t));
      // A page that loses every pair, and one that had none.
      after[0] = 'nothing';
      before[1] = '';
      const clean = buildPhraseIndex(after.map(pairKeysOf));
      const { pairs, buckets } = changed(before, after);
      expect(pairs).toBe(clean.manifest.pairs);
      expect(buckets).toEqual(clean.buckets);
    }
  });

  it('leaves a bucket none of whose keys changed as it was', () => {
    const before = ['the board will meet', 'the board met in March', 'a new board will form'];
    const old = buildPhraseIndex(before.map(pairKeysOf));
    const bucket = bucketOf(pairKey('board', 'met'), old.manifest.buckets);
    expect(changedBucket(old.buckets[bucket]!, bucket, old.manifest.buckets, [])).toEqual(old.buckets[bucket]);
  });
});

describe('finding a phrase', () => {
  it('reads one bucket a pair and the list of names of the pages found, and nothing else', async () => {
    const { files, read, names } = indexOf(['the board will meet', 'the board met', 'a board will form']);
    expect(await phraseCandidates(files, ['the board will'], 20)).toEqual([names[0]]);
    expect(read.filter((r) => r.startsWith('bucket'))).toHaveLength(2);
    expect(read.filter((r) => r.startsWith('pages'))).toEqual(['pages 0']);
  });

  it('needs every run of a phrase', async () => {
    const { files, names } = indexOf(['head on, rather than', 'head on and more', 'rather than not']);
    expect(await phraseCandidates(files, ['head on', 'rather than'], 20)).toEqual([names[0]]);
  });

  it('leaves to the full search a phrase with a one-word run, or more pages than asked for', async () => {
    const { files } = indexOf(['the board will meet', 'the board met', 'the board will form']);
    expect(await phraseCandidates(files, ['board'], 20)).toBeUndefined();
    expect(await phraseCandidates(files, ['the board'], 2)).toBeUndefined();
    expect(await phraseCandidates(files, ['the board'], 3)).toHaveLength(3);
  });

  it('finds nothing for a phrase no page has', async () => {
    const { files } = indexOf(['the board will meet']);
    expect(await phraseCandidates(files, ['board the'], 20)).toEqual([]);
  });

  it('confirms a page holds the phrase word for word, and where: a page with its pairs apart does not', () => {
    expect(phraseLocations('It said the board will meet. The board will, it said, meet.', ['the board will'])).toEqual([2, 3, 4, 6, 7, 8]);
    expect(phraseLocations('the board met; will the board meet?', ['the board will'])).toBeUndefined();
    expect(phraseLocations('head on – rather than', ['head on', 'rather than'])).toEqual([0, 1, 3, 4]);
    expect(phraseLocations('head on – rather than', ['on rather'])).toBeUndefined();
  });

  it('gives the words of one run to land on, only where every run occurs', () => {
    expect(phraseLocations('head on, and later rather than', ['rather than', 'head on'], 0)).toEqual([4, 5]);
    expect(phraseLocations('rather than not', ['rather than', 'head on'], 0)).toBeUndefined();
  });
});

describe('a long quotation', () => {
  it('is looked up by a few of its pairs, spread along it, and still found where it stands alone', async () => {
    const passage = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    const { files, read, names } = indexOf([`so ${passage} end`, 'one two three', 'twelve thirteen fourteen']);
    expect(await phraseCandidates(files, [passage], 20)).toEqual([names[0]]);
    expect(read.filter((r) => r.startsWith('bucket')).length).toBeLessThanOrEqual(6);
  });
});

describe('a quotation misremembered', () => {
  const source = 'at least for now the genie is well and truly out of the bottle when it comes to unfettered central intervention';
  const misremembered = 'the genie is well and really out of the bottle when it comes to unchecked central intervention';

  it('finds the page that holds most of its pairs, though not all, before a page with fewer', async () => {
    const { files, names } = indexOf(['the genie is out of the bottle', source, 'the genie is well and out of the bottle when it comes']);
    const near = await nearCandidates(files, [misremembered]);
    expect(near?.pages.map((p) => p.name)).toEqual([names[1], names[2]]);
    expect(near!.pages[0]!.held).toBeGreaterThan(near!.pages[1]!.held);
    expect(near!.of).toBe(16);
    expect(near!.more).toBe(false);
  });

  it('names at most NEAR_MOST pages, and says when more hold as many', async () => {
    const { files, names, read } = indexOf([...Array.from({ length: NEAR_MOST + 5 }, () => source), 'the genie is well and out of the bottle when it comes']);
    const near = await nearCandidates(files, [misremembered]);
    expect(near?.pages.map((p) => p.name)).toEqual(names.slice(0, NEAR_MOST));
    expect(near?.more).toBe(true);
    expect(read.filter((r) => r.startsWith('pages')).length).toBeLessThanOrEqual(Math.ceil(NEAR_MOST / 500) + 1);
  });

  it('finds no page that holds fewer than half its pairs', async () => {
    const { files } = indexOf(['the genie is well and', 'out of the bottle', 'central intervention']);
    expect((await nearCandidates(files, [misremembered]))?.pages).toEqual([]);
  });

  it('leaves a short quotation alone: a few pairs say too little', async () => {
    const { files } = indexOf([source]);
    expect(await nearCandidates(files, ['the genie is really out'])).toBeUndefined();
  });

  it('looks up a long quotation by a bounded number of its pairs', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
    const { files, read, names } = indexOf([long, 'w1 w2']);
    expect((await nearCandidates(files, [long.replace('w40', 'changed')]))?.pages.map((p) => p.name)).toEqual([names[0]]);
    expect(read.filter((r) => r.startsWith('bucket')).length).toBeLessThanOrEqual(24);
  });

  it('lands on the longest run of its words that the page holds word for word', () => {
    // "the genie is well and" stands at 4-8; "out of the bottle when it comes to", longer, at 10-17.
    expect(longestSharedRun(source, [misremembered])).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(longestSharedRun('nothing said here', [misremembered])).toEqual([]);
  });

  it('does not join words that a dash standing alone parts in the page', () => {
    expect(longestSharedRun('the board – will meet', ['the board will meet'])).toEqual([0, 1]);
  });
});
