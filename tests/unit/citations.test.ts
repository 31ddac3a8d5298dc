import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { citations, cite, type Style } from '../../src/lib/citations';
import { toCsl, type CitableArticle } from '../../src/lib/csl';

/*
 * Citations of the five seed articles (their metadata as the seeds state it),
 * each against strings written by hand from the style guides: APA 7, Harvard
 * (Cite Them Right), OSCOLA 4 and Chicago 17 notes. Between them they cover
 * a stated author, publisher and day; an inferred year, month and publisher;
 * a stated kind. The undated and several-author cases are made up, and say so.
 */
const SITE = 'https://reader.example';
const pin = (id: string) => ({ paragraph: 11, url: `${SITE}/articles/${id}/#p-1234abcd` });

const westminster: CitableArticle = {
  id: 'view-from-westminster',
  title: 'What do leaders want from NHS Improvement? The view from Westminster',
  kind: 'blog post',
  date: { year: 2015, month: 9, day: 30, precision: 'day', inferred: false },
  authors: ['Stephen Dorrell'],
  publisher: { name: 'Nuffield Trust', inferred: false },
  url: 'https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster',
};
const criticalTime: CitableArticle = {
  id: 'critical-time-for-the-nhs',
  title: 'The creation of NHS Improvement comes at a critical time for the NHS',
  date: { year: 2016, precision: 'year', inferred: true },
  authors: [],
  url: `${SITE}/articles/critical-time-for-the-nhs/`,
};
const inspiration: CitableArticle = {
  id: 'inspiration-and-system-leadership',
  title: 'We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO',
  kind: 'press release',
  date: { year: 2015, month: 9, day: 30, precision: 'day', inferred: false },
  authors: [],
  publisher: { name: 'Nuffield Trust', inferred: true },
  url: `${SITE}/articles/inspiration-and-system-leadership/`,
};
const hundredDays: CitableArticle = {
  id: 'leadership-first-100-days',
  title: 'Leadership: The first 100 days of the new government',
  date: { year: 2015, month: 8, precision: 'month', inferred: true },
  authors: [],
  url: `${SITE}/articles/leadership-first-100-days/`,
};
const newStructure: CitableArticle = {
  id: 'new-structure-profound-shift',
  title: 'New structure could herald a profound shift in the way the NHS is led',
  date: { year: 2018, month: 5, day: 24, precision: 'day', inferred: false },
  authors: [],
  publisher: { name: 'NHS Providers', inferred: true },
  url: `${SITE}/articles/new-structure-profound-shift/`,
};

const WU = 'https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster';
const EXPECTED: [CitableArticle, Record<Style, string>][] = [
  [
    westminster,
    {
      apa: `Dorrell, S. (2015, September 30). What do leaders want from NHS Improvement? The view from Westminster. Nuffield Trust. ${WU}`,
      harvard: `Dorrell, S. (2015) ‘What do leaders want from NHS Improvement? The view from Westminster’, Nuffield Trust, 30 September. Available at: ${WU} (Accessed: 25 November 2026).`,
      oscola: `Stephen Dorrell, ‘What do leaders want from NHS Improvement? The view from Westminster’ (Nuffield Trust, 30 September 2015) <${WU}> accessed 25 November 2026.`,
      chicago: `Stephen Dorrell, “What do leaders want from NHS Improvement? The view from Westminster,” Nuffield Trust (blog), September 30, 2015, ${WU}.`,
    },
  ],
  [
    criticalTime,
    {
      apa: `The creation of NHS Improvement comes at a critical time for the NHS. (ca. 2016). ${SITE}/articles/critical-time-for-the-nhs/`,
      harvard: `The creation of NHS Improvement comes at a critical time for the NHS (c. 2016). Available at: ${SITE}/articles/critical-time-for-the-nhs/ (Accessed: 25 November 2026).`,
      oscola: `‘The creation of NHS Improvement comes at a critical time for the NHS’ (c 2016) <${SITE}/articles/critical-time-for-the-nhs/> accessed 25 November 2026.`,
      chicago: `“The creation of NHS Improvement comes at a critical time for the NHS,” ca. 2016, ${SITE}/articles/critical-time-for-the-nhs/.`,
    },
  ],
  [
    inspiration,
    {
      apa: `We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO [Press release]. (2015, September 30). [Nuffield Trust]. ${SITE}/articles/inspiration-and-system-leadership/`,
      harvard: `We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO (2015). [Nuffield Trust], Press release, 30 September. Available at: ${SITE}/articles/inspiration-and-system-leadership/ (Accessed: 25 November 2026).`,
      oscola: `‘We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO’ ([Nuffield Trust] press release, 30 September 2015) <${SITE}/articles/inspiration-and-system-leadership/> accessed 25 November 2026.`,
      chicago: `“We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO,” [Nuffield Trust], press release, September 30, 2015, ${SITE}/articles/inspiration-and-system-leadership/.`,
    },
  ],
  [
    hundredDays,
    {
      apa: `Leadership: The first 100 days of the new government. (ca. 2015, August). ${SITE}/articles/leadership-first-100-days/`,
      harvard: `Leadership: The first 100 days of the new government (c. 2015). Available at: ${SITE}/articles/leadership-first-100-days/ (Accessed: 25 November 2026).`,
      oscola: `‘Leadership: The first 100 days of the new government’ (c August 2015) <${SITE}/articles/leadership-first-100-days/> accessed 25 November 2026.`,
      chicago: `“Leadership: The first 100 days of the new government,” ca. August 2015, ${SITE}/articles/leadership-first-100-days/.`,
    },
  ],
  [
    newStructure,
    {
      apa: `New structure could herald a profound shift in the way the NHS is led. (2018, May 24). [NHS Providers]. ${SITE}/articles/new-structure-profound-shift/`,
      harvard: `New structure could herald a profound shift in the way the NHS is led (2018). [NHS Providers], 24 May. Available at: ${SITE}/articles/new-structure-profound-shift/ (Accessed: 25 November 2026).`,
      oscola: `‘New structure could herald a profound shift in the way the NHS is led’ ([NHS Providers], 24 May 2018) <${SITE}/articles/new-structure-profound-shift/> accessed 25 November 2026.`,
      chicago: `“New structure could herald a profound shift in the way the NHS is led,” [NHS Providers], May 24, 2018, ${SITE}/articles/new-structure-profound-shift/.`,
    },
  ],
];

describe('citations of the five seed articles, as the style guides write them', () => {
  for (const [article, styles] of EXPECTED) {
    for (const [style, expected] of Object.entries(styles) as [Style, string][]) {
      it(`${article.id} in ${style}`, () => {
        expect(cite(style, article, { accessed: '25 November 2026' })).toBe(expected);
      });
    }
  }

  it('without the reader’s access date, Harvard and OSCOLA leave a place for it rather than a build date', () => {
    expect(citations(westminster).harvard).toContain('(Accessed: date you read it).');
    expect(citations(westminster).oscola).toMatch(/ accessed date you read it\.$/);
  });
});

describe('pinpoint citations of one paragraph', () => {
  it('give the paragraph number and its permalink in every style', () => {
    expect(cite('apa', westminster, { pinpoint: pin('view-from-westminster') })).toBe(
      `(Dorrell, 2015, para. 11) Dorrell, S. (2015, September 30). What do leaders want from NHS Improvement? The view from Westminster. Nuffield Trust. ${WU} Paragraph: ${SITE}/articles/view-from-westminster/#p-1234abcd`,
    );
    expect(cite('harvard', criticalTime, { pinpoint: pin('critical-time-for-the-nhs'), accessed: '25 November 2026' })).toBe(
      `(“The creation of NHS…,” c. 2016, para. 11) The creation of NHS Improvement comes at a critical time for the NHS (c. 2016). Available at: ${SITE}/articles/critical-time-for-the-nhs/ (Accessed: 25 November 2026). Paragraph: ${SITE}/articles/critical-time-for-the-nhs/#p-1234abcd`,
    );
    expect(cite('oscola', inspiration, { pinpoint: pin('inspiration-and-system-leadership'), accessed: '25 November 2026' })).toBe(
      `‘We need inspiration and system leadership, health leaders tell incoming NHS Improvement CEO’ ([Nuffield Trust] press release, 30 September 2015) para 11 <${SITE}/articles/inspiration-and-system-leadership/#p-1234abcd> accessed 25 November 2026.`,
    );
    expect(cite('chicago', westminster, { pinpoint: pin('view-from-westminster') })).toBe(
      `Stephen Dorrell, “What do leaders want from NHS Improvement? The view from Westminster,” Nuffield Trust (blog), September 30, 2015, para. 11, ${SITE}/articles/view-from-westminster/#p-1234abcd.`,
    );
  });
});

describe('cases the seeds do not have (made up)', () => {
  const undated: CitableArticle = { id: 'undated', title: 'A statement with no date', authors: [], publisher: { name: 'NHS Providers', inferred: false }, url: `${SITE}/articles/undated/` };
  const twoAuthors: CitableArticle = { ...westminster, id: 'two', authors: ['Stephen Dorrell', 'Nigel Edwards'] };

  it('an undated article says n.d., no date or undated, and its stated publisher is the author', () => {
    expect(cite('apa', undated)).toBe(`NHS Providers. (n.d.). A statement with no date. ${SITE}/articles/undated/`);
    expect(cite('harvard', undated, { accessed: '1 May 2026' })).toBe(`NHS Providers (no date) A statement with no date. Available at: ${SITE}/articles/undated/ (Accessed: 1 May 2026).`);
    expect(cite('oscola', undated, { accessed: '1 May 2026' })).toBe(`‘A statement with no date’ (NHS Providers, undated) <${SITE}/articles/undated/> accessed 1 May 2026.`);
    expect(cite('chicago', undated)).toBe(`NHS Providers, “A statement with no date,” n.d., ${SITE}/articles/undated/.`);
  });

  it('two authors are joined as each style joins them', () => {
    expect(cite('apa', twoAuthors)).toMatch(/^Dorrell, S\., & Edwards, N\. \(2015/);
    expect(cite('harvard', twoAuthors)).toMatch(/^Dorrell, S\. and Edwards, N\. \(2015\)/);
    expect(cite('oscola', twoAuthors)).toMatch(/^Stephen Dorrell and Nigel Edwards, ‘/);
    expect(cite('chicago', twoAuthors)).toMatch(/^Stephen Dorrell and Nigel Edwards, “/);
  });
});

/** Citation.js, a second and independent reader of the files. */
const readBack = (text: string) => new Cite(text).data[0] as Record<string, unknown> & { author?: { family?: string; given?: string; literal?: string }[]; issued?: { 'date-parts': number[][] } };

describe('citation files, read back by an independent parser (Citation.js)', () => {
  it('BibTeX keeps author, title, full date, publisher and URL, with the slug as key and month as a macro', () => {
    const { bibtex } = citations(westminster);
    expect(bibtex).toMatch(/^@misc\{view-from-westminster,$/m);
    expect(bibtex).toMatch(/^ {2}month = sep,$/m);
    const item = readBack(bibtex);
    expect(item.author).toEqual([{ family: 'Dorrell', given: 'Stephen' }]);
    expect(item.title).toBe(westminster.title);
    expect(item.issued?.['date-parts']).toEqual([[2015, 9, 30]]);
    expect(item.publisher).toBe('Nuffield Trust');
    expect(item.URL).toBe(WU);
  });

  it('RIS keeps the whole slug as ID and every field on one line', () => {
    const { ris } = citations(inspiration);
    expect(ris).toContain('ID  - inspiration-and-system-leadership\n');
    expect(ris.trim().split('\n').every((line) => /^[A-Z][A-Z0-9]  -( |$)/.test(line))).toBe(true);
    const item = readBack(ris);
    expect(item.title).toBe(inspiration.title);
    expect(item.issued?.['date-parts']).toEqual([[2015, 9, 30]]);
    expect(item.publisher).toBe('Nuffield Trust');
    expect(String(item.note)).toContain('Publisher (Nuffield Trust) inferred by the editors');
  });

  it('CSL-JSON is the item itself, an inferred date marked circa with a note', () => {
    const { cslJson } = citations(criticalTime);
    const [item] = JSON.parse(cslJson);
    expect(item).toEqual(toCsl(criticalTime));
    expect(readBack(cslJson).issued?.['date-parts']).toEqual([[2016]]);
    expect(item.issued.circa).toBe(true);
    expect(item.note).toContain('Publication date inferred by the editors');
  });

  it('an inferred date gives the year without a stated day in BibTeX and RIS', () => {
    const c = citations(hundredDays);
    expect(c.bibtex).not.toMatch(/date = /);
    expect(c.ris).not.toMatch(/^DA {2}- /m);
    expect(readBack(c.bibtex).issued?.['date-parts'][0]?.[0]).toBe(2015);
  });

  it('is the same on every build: no clock-dependent field', () => {
    expect(citations(westminster)).toEqual(citations(westminster));
    expect(JSON.stringify(citations(westminster))).not.toMatch(/Accessed: \d|accessed \d/);
  });
});

describe('every kind of article', () => {
  it('is cited as a type reference managers know, and its files read back', async () => {
    const { ARTICLE_KINDS } = await import('../../src/content-files/schemas/article');
    for (const kind of ARTICLE_KINDS) {
      const item = toCsl({ ...westminster, kind });
      // Press releases and statements are web pages on purpose (APA dates them to the day); every other kind has a type of its own.
      if (!kind.startsWith('press')) expect(item.type, kind).not.toBe('webpage');
      const parsed = new Cite(citations({ ...westminster, kind }).ris).data[0]!;
      expect(parsed.title, kind).toBe(westminster.title);
    }
  });
});
