import { describe, expect, it } from 'vitest';
import { landing, type HitData } from '../../src/lib/search-landing';
import { unsearchable } from '../../src/lib/search-metadata';

const text1 = 'Most importantly, the new team will need to show quickly that its primary focus is genuine service improvement. It is widely believed.';
const text2 = 'Access to high-quality care services is inherently political.';
const content = `Title words here. ${text1} ${text2}`;
const words = content.split(' ');
const at = (word: string) => words.indexOf(word);

const hit = (locations: number[], extra: Partial<HitData> = {}): HitData => ({
  url: '/articles/view-from-westminster/',
  content,
  locations,
  anchors: [
    { element: 'p', id: 'p-1111', text: text1, location: 3 },
    { element: 'span', id: 'p-old', text: '', location: 3 },
    { element: 'p', id: 'p-2222', text: text2, location: 3 + text1.split(' ').length },
  ],
  meta: { title: 'The view from Westminster', who: 'Stephen Dorrell', organisation: 'Nuffield Trust', date: '30 September 2015' },
  ...extra,
});

describe('landing on a search hit', () => {
  it('maps a phrase hit to the block that holds it and links there with a text fragment', () => {
    const start = at('genuine');
    const l = landing(hit([start, start + 1, start + 2]));
    expect(l.blockId).toBe('p-1111');
    expect(l.match).toBe('genuine service improvement');
    expect(l.href).toBe(
      '/articles/view-from-westminster/?highlight=genuine%20service%20improvement#p-1111:~:text=genuine%20service%20improvement',
    );
  });

  it('shows the sentence that holds the match, the match marked', () => {
    const start = at('genuine');
    expect(landing(hit([start, start + 1, start + 2])).sentence).toEqual([
      { text: 'Most importantly, the new team will need to show quickly that its primary focus is ' },
      { text: 'genuine service improvement', marked: true },
      { text: '.' },
    ]);
  });

  it('picks the longest run of consecutive hits, wherever it is', () => {
    const l = landing(hit([at('Access'), at('inherently'), at('inherently') + 1]));
    expect(l.blockId).toBe('p-2222');
    expect(l.match).toBe('inherently political');
  });

  it('never lands on an empty anchor kept for a moved id', () => {
    expect(landing(hit([at('quickly')])).blockId).toBe('p-1111');
  });

  it('links to the article itself when the hit is in the title, before any block', () => {
    const l = landing(hit([1]));
    expect(l.blockId).toBeUndefined();
    expect(l.href).toBe('/articles/view-from-westminster/?highlight=words');
  });

  it('names the block’s own speaker when there is one, else the article’s', () => {
    const meta = { title: 'T', who: 'Chris Hopson', speakers: unsearchable(JSON.stringify({ 'p-2222': 'Nigel Edwards' })) };
    expect(landing(hit([at('Access')], { meta })).who).toBe('Nigel Edwards');
    expect(landing(hit([at('genuine')], { meta })).who).toBe('Chris Hopson');
  });

  it('names the speaker of a quotation inside the block when the words are theirs', () => {
    const meta = {
      title: 'T',
      who: 'Press office',
      quotes: unsearchable(JSON.stringify([{ block: 'p-1111', who: 'Stephen Dorrell', text: 'will need to show quickly that its primary focus is genuine service improvement.' }])),
    };
    expect(landing(hit([at('genuine')], { meta })).who).toBe('Stephen Dorrell');
    expect(landing(hit([at('widely')], { meta })).who).toBe('Press office');
  });

  it('with a person selected, lands where that person says the words rather than where they first occur', () => {
    const meta = { title: 'T', who: 'Press office', speakers: unsearchable(JSON.stringify({ 'p-2222': 'Nigel Edwards' })) };
    const both = [at('Most'), at('Access')];
    expect(landing(hit(both, { meta })).blockId).toBe('p-1111');
    const preferred = landing(hit(both, { meta }), { preferSpeakers: ['Nigel Edwards'] });
    expect(preferred.blockId).toBe('p-2222');
    expect(preferred.who).toBe('Nigel Edwards');
  });

  it('strips Pagefind’s path prefix so links work from any base', () => {
    expect(landing(hit([1], { url: '/file:/tmp/dist/articles/a/' })).href).toBe('/articles/a/?highlight=words');
  });
});

describe('landing when a pull quote repeats the words', () => {
  it('lands on the statement, not on its pull quote, when Pagefind only reports the pull quote', () => {
    const pull = 'A heroic individual leadership model will not work.';
    const body = 'Leaders know that a heroic individual leadership model will not work here.';
    const content = `Title. ${pull} ${body}`;
    const words = content.split(' ');
    const start = words.indexOf('heroic');
    const l = landing({
      url: '/articles/a/',
      content,
      locations: [start, start + 1, start + 2],
      anchors: [
        { element: 'figure', id: 'pq-1', text: pull, location: 1 },
        { element: 'p', id: 'p-9', text: body, location: 1 + pull.split(' ').length },
      ],
      meta: { title: 'A', who: 'Someone' },
    });
    expect(l.blockId).toBe('p-9');
    expect(l.sentence.filter((part) => part.marked)).toEqual([{ text: 'heroic individual leadership', marked: true }]);
  });
});

describe('landing on a query of several words', () => {
  // "providers" alone, then in a paragraph alone again before a sentence with providers and their finances.
  const first = 'Trusts and other providers met today.';
  const second = 'The providers met for long. Most providers say their finances are worse, and providers expect more.';
  const content = `Title words. ${first} ${second}`;
  const words = content.split(' ');
  const every = (...forms: string[]) => words.flatMap((w, i) => (forms.some((f) => w.toLowerCase().startsWith(f)) ? [i] : []));
  const several = (): HitData => ({
    url: '/articles/a/',
    content,
    locations: every('provider', 'financ'),
    anchors: [
      { element: 'p', id: 'p-1', text: first, location: 2 },
      { element: 'p', id: 'p-2', text: second, location: 2 + first.split(' ').length },
    ],
    meta: { title: 'A' },
  });
  const shown = (l: ReturnType<typeof landing>) => l.sentence.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

  it('shows the sentence that holds the most of the query’s words, each of them marked', () => {
    const l = landing(several(), { terms: ['provider', 'finances'] });
    expect(l.blockId).toBe('p-2');
    expect(shown(l)).toBe('Most [providers] say their [finances] are worse, and [providers] expect more.');
  });

  it('without the query’s words, lands where the words first stand, as before', () => {
    expect(landing(several()).blockId).toBe('p-1');
  });

  it('links to the stretch of that sentence from the first word marked to the last, not to the word’s first place in the page', () => {
    const l = landing(several(), { terms: ['provider', 'finances'] });
    // "providers" is on the page three times, twice in the paragraph: the article marks, and the link selects, the stretch.
    const href = decodeURIComponent(l.href);
    expect(href).toContain('?highlight=providers say their finances are worse, and providers#p-2:~:text=');
    expect(href.split(':~:text=')[1]).toMatch(/^providers/);
  });

  it('marks a run of words found together as one, quote marks inside it and all', () => {
    const text = 'He said a ‘heroic individual’ leadership model, in short, will fail.';
    const content = `T. ${text}`;
    const start = content.split(' ').indexOf('‘heroic');
    const l = landing({ url: '/articles/a/', content, locations: [start, start + 1, start + 2], anchors: [{ element: 'p', id: 'p-1', text, location: 1 }], meta: {} });
    expect(shown(l)).toBe('He said a ‘[heroic individual’ leadership] model, in short, will fail.');
  });

  it('marks every word found in the words shown around a match in the title', () => {
    const l = landing({ ...several(), locations: [0, 1] });
    expect(shown(l).startsWith('[Title words]')).toBe(true);
  });
});

describe('landing on a pasted passage searched word by word', () => {
  it('marks the run of the passage, and no common word that stands alone', () => {
    const text = 'The report of the board said that the plan is the thing that matters.';
    const content = `T. ${text}`;
    const words = content.split(' ');
    // Pagefind finds every word of "the plan is the thing" wherever it stands.
    const locations = words.flatMap((w, i) => (['The', 'the', 'plan', 'is', 'thing'].includes(w) ? [i] : []));
    const l = landing({ url: '/articles/a/', content, locations, anchors: [{ element: 'p', id: 'p-1', text, location: 1 }], meta: {} }, { terms: ['the', 'plan', 'is', 'thing'] });
    expect(l.sentence.filter((p) => p.marked).map((p) => p.text)).toEqual(['the plan is the thing']);
  });
});

describe('landing on words that the title holds too', () => {
  it('shows the sentence of the text that holds them, not the title the result already links with', () => {
    // "words" stands in the title (word 1) and in the text.
    const l = landing(hit([1, at('quickly')]));
    expect(l.blockId).toBe('p-1111');
  });
});

describe('landing in a long sentence', () => {
  const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `w${from + i}`).join(' ');
  // 40 words, the words searched for, then 40 words more: one sentence of 82 words.
  const text = `${numbered(1, 40)} provider finances ${numbered(41, 80)}.`;
  const content = `T. ${text}`;
  const start = content.split(' ').indexOf('provider');
  const long = landing({ url: '/articles/a/', content, locations: [start, start + 1], anchors: [{ element: 'p', id: 'p-1', text, location: 1 }], meta: {} });

  it('shows the words marked with fifteen words either side, an ellipsis where the rest are left out', () => {
    expect(long.sentence).toEqual([{ text: `… ${numbered(26, 40)} ` }, { text: 'provider finances', marked: true }, { text: ` ${numbered(41, 55)} …` }]);
  });

  it('still links to the block, and shows a sentence of fifty words or fewer whole', () => {
    expect(long.blockId).toBe('p-1');
    const short = `${numbered(1, 20)} provider finances ${numbered(21, 40)}.`;
    const l = landing({ url: '/articles/a/', content: `T. ${short}`, locations: [21, 22], anchors: [{ element: 'p', id: 'p-1', text: short, location: 1 }], meta: {} });
    expect(l.sentence.map((p) => p.text).join('')).toBe(short);
  });
});

describe('landing on words that no one sentence holds together', () => {
  const shown = (l: ReturnType<typeof landing>) => l.sentence.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');
  /** One article of the given paragraphs, its hits every word that starts with one of `forms`. */
  const article = (paragraphs: string[], forms: string[], meta: HitData['meta'] = {}): HitData => {
    const content = `T. ${paragraphs.join(' ')}`;
    const words = content.split(' ');
    let location = 1;
    const anchors = paragraphs.map((text, i) => {
      const anchor = { element: 'p', id: `p-${i + 1}`, text, location };
      location += text.split(' ').length;
      return anchor;
    });
    return { url: '/articles/a/', content, locations: words.flatMap((w, i) => (forms.some((f) => w.toLowerCase().startsWith(f)) ? [i] : [])), anchors, meta };
  };

  it('shows the sentence of the paragraph that holds the words left out, after an ellipsis, each word marked', () => {
    const l = landing(article(['Regulators monitor the sector. Some say little. Trusts lack ambition for change.'], ['monitor', 'ambition']), { terms: ['monitor', 'ambition'] });
    expect(shown(l)).toBe('Regulators [monitor] the sector. … Trusts lack [ambition] for change.');
  });

  it('joins the next sentence without an ellipsis, and puts an earlier one first', () => {
    expect(shown(landing(article(['Regulators monitor the sector. Trusts lack ambition.'], ['monitor', 'ambition']), { terms: ['monitor', 'ambition'] }))).toBe(
      'Regulators [monitor] the sector. Trusts lack [ambition].',
    );
    const l = landing(article(['Trusts lack ambition. Some say little. Regulators monitor ambition closely.'], ['trust', 'monitor', 'ambition']), { terms: ['trusts', 'monitor', 'ambition'] });
    expect(shown(l)).toBe('[Trusts] lack [ambition]. … Regulators [monitor ambition] closely.');
  });

  it('puts one ellipsis between a long sentence cut short and the other', () => {
    const long = `Regulators monitor the sector ${'and the many providers in it '.repeat(10).trim()}.`;
    const l = landing(article([`${long} Some say little. Trusts lack ambition.`], ['monitor', 'ambition']), { terms: ['monitor', 'ambition'] });
    const text = shown(l);
    expect(text).toMatch(/^Regulators \[monitor\] the sector .* … Trusts lack \[ambition\]\.$/);
    expect(text).not.toContain('… …');
  });

  it('still links to the sentence that holds the most of the words', () => {
    const l = landing(article(['Trusts lack ambition. Some say little. Regulators monitor ambition closely.'], ['trust', 'monitor', 'ambition']), { terms: ['trusts', 'monitor', 'ambition'] });
    expect(decodeURIComponent(l.href)).toContain('?highlight=monitor ambition#p-1');
  });

  it('shows one sentence when the words left out stand only in another paragraph, whose speaker may differ', () => {
    const l = landing(article(['Regulators monitor the sector.', 'Trusts lack ambition.'], ['monitor', 'ambition']), { terms: ['monitor', 'ambition'] });
    expect(shown(l)).toBe('Regulators [monitor] the sector.');
  });

  it('shows one sentence when the paragraph holds a quotation, which the result would name as the speaker of both', () => {
    const text = 'Regulators monitor the sector. Some say little. The minister said trusts “lack ambition” now.';
    const meta = { who: 'Author', quotes: unsearchable(JSON.stringify([{ block: 'p-1', who: 'A Minister', text: 'lack ambition' }])) };
    const l = landing(article([text], ['monitor', 'ambition'], meta), { terms: ['monitor', 'ambition'] });
    expect(shown(l)).toBe('Regulators [monitor] the sector.');
    expect(l.who).toBe('Author');
  });
});
