import { describe, expect, it } from 'vitest';
import { citations, unfoldRis } from '../../src/lib/citations';
import { toCsl, type CitableArticle } from '../../src/lib/csl';

const full: CitableArticle = {
  id: 'view-from-westminster',
  title: 'What do leaders want from NHS Improvement? The view from Westminster',
  kind: 'blog post',
  date: { year: 2015, month: 9, day: 30, precision: 'day', inferred: false },
  authors: ['Stephen Dorrell'],
  publisher: 'Nuffield Trust',
  url: 'https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster',
};

const bare: CitableArticle = {
  id: 'critical-time-for-the-nhs',
  title: 'The creation of NHS Improvement comes at a critical time for the NHS',
  authors: [],
  url: 'https://reader.example/articles/critical-time-for-the-nhs/',
};

describe('citations of an article with every field', () => {
  const c = citations(toCsl(full));

  it('formats APA 7', () => {
    expect(c.apa).toBe(
      'Dorrell, S. (2015, September 30). What do leaders want from NHS Improvement? The view from Westminster. Nuffield Trust. https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster',
    );
  });

  it('formats Harvard', () => {
    expect(c.harvard).toMatch(/^Dorrell, S\. \(2015\) “What do leaders want from NHS Improvement\? The view from Westminster,” Nuffield Trust\./);
    expect(c.harvard).toContain('Available at: https://www.nuffieldtrust.org.uk/news-item/');
    expect(c.harvard).not.toContain('Accessed');
  });

  it('writes BibTeX with author, year, month, publisher, title and URL', () => {
    expect(c.bibtex).toMatch(/^@misc\{Dorrell2015What,/);
    expect(c.bibtex).toContain('author = {Dorrell, Stephen}');
    expect(c.bibtex).toContain('year = {2015}');
    expect(c.bibtex).toContain('publisher = {Nuffield Trust}');
    expect(c.bibtex).toContain('url = {https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster}');
  });

  it('writes RIS with one line per tag, the long URL unfolded', () => {
    expect(c.ris).toContain('TY  - BLOG\n');
    expect(c.ris).toContain('AU  - Dorrell, Stephen\n');
    expect(c.ris).toContain(
      'UR  - https://www.nuffieldtrust.org.uk/news-item/what-do-leaders-want-from-nhs-improvement-the-view-from-westminster\n',
    );
    expect(c.ris.trim().split('\n').every((line) => /^[A-Z][A-Z0-9]  - /.test(line) || line === 'ER  -')).toBe(true);
  });

  it('writes CSL-JSON that is the item itself', () => {
    expect(JSON.parse(c.cslJson)).toEqual([toCsl(full)]);
  });

  it('is the same on every build: no access date or other clock-dependent field', () => {
    expect(citations(toCsl(full))).toEqual(c);
  });
});

describe('citations of an article that states nothing but its text', () => {
  const c = citations(toCsl(bare));

  it('puts the title first and "n.d." in APA', () => {
    expect(c.apa).toMatch(/^The creation of NHS Improvement comes at a critical time for the NHS\. \(n\.d\.\)\./);
  });

  it('says "no date" in Harvard and invents no author or publisher', () => {
    expect(c.harvard).toMatch(/^The creation of NHS Improvement comes at a critical time for the NHS \(no date\)\. Available at: /);
    expect(c.bibtex).not.toMatch(/author|publisher|year/);
    expect(c.ris).not.toMatch(/^(AU|PB|PY)  -/m);
  });
});

describe('citations with inferred or organisational facts', () => {
  it('marks an inferred date as approximate in APA and Harvard and notes it in BibTeX and RIS', () => {
    const c = citations(toCsl({ ...bare, date: { year: 2016, precision: 'year', inferred: true } }));
    expect(c.apa).toContain('(ca. 2016)');
    expect(c.harvard).toContain('(c. 2016)');
    expect(c.bibtex).toContain('Publication date inferred by the editors');
    expect(c.ris).toMatch(/^N1  - Publication date inferred by the editors/m);
  });

  it('uses the stated publisher as author when no person is named', () => {
    const c = citations(toCsl({ ...bare, publisher: 'NHS Providers', kind: 'press statement', date: { year: 2018, month: 5, day: 24, precision: 'day', inferred: false } }));
    expect(c.apa).toMatch(/^NHS Providers\. \(2018, May 24\)\./);
  });
});

describe('RIS unfolding', () => {
  it('joins a line that Citation.js folded back onto its tag', () => {
    expect(unfoldRis('TY  - BLOG\nUR  - https://example.org/a-very-lo\nng-path\nER  - \n')).toBe(
      'TY  - BLOG\nUR  - https://example.org/a-very-long-path\nER  - \n',
    );
  });
});
