import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/lib/text';
import { articleUrl } from '../../src/lib/routes';
import { builtPage, contentArticles, hasClass, readBuilt, select, text } from '../support/built-site';

const body = (slug: string) => {
  const [el] = select(builtPage(`articles/${slug}/`), hasClass('article-body'));
  if (!el) throw new Error(`no article body on ${slug}`);
  return el;
};
const metaRow = (slug: string, label: string) => {
  const rows = select(builtPage(`articles/${slug}/`), (el) => el.tagName === 'div' && select(el, (d) => d.tagName === 'dt').length === 1);
  const row = rows.find((r) => text(select(r, (d) => d.tagName === 'dt')[0]!) === label);
  return row ? normaliseText(text(select(row, (d) => d.tagName === 'dd')[0]!)) : undefined;
};
const hrefs = (el: Element) => select(el, (a) => a.tagName === 'a').map((a) => String(a.properties?.href));

describe('article structure', () => {
  it('renders the two pull quotes of the 2018 statement as figures attributed to Chris Hopson, not as extra paragraphs', () => {
    const quotes = select(body('new-structure-profound-shift'), hasClass('pull-quote'));
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) {
      expect(quote.tagName).toBe('figure');
      expect(text(select(quote, (el) => el.tagName === 'figcaption')[0]!)).toContain('Chris Hopson');
      expect(hrefs(quote)).toContain('/people/chris-hopson/');
    }
    // Body paragraphs, wherever they sit (Hopson's words are inside a quotation wrapper); not the figures' own.
    const paragraphs = select(body('new-structure-profound-shift'), (el) => el.tagName === 'p' && el.properties.dataBlock === 'paragraph').map((p) =>
      normaliseText(text(p)),
    );
    expect(paragraphs).toContain(
      '"Trusts would welcome less duplication and better co-ordination between NHS Improvement and NHS England and a single, aligned, leadership for the NHS.',
    );
    expect(paragraphs).not.toContain('Trusts would welcome less duplication and better co-ordination between NHS Improvement and NHS England.');
  });

  it('says, in an editor’s note, that the list of proposals is missing from the 2018 source', () => {
    const [note] = select(body('new-structure-profound-shift'), hasClass('editorial-note'));
    expect(text(note!)).toMatch(/Editor’s note.*missing from the captured source/s);
  });

  it('renders the two bulleted lists of the leadership briefing as lists of three and four items', () => {
    const lists = select(body('leadership-first-100-days'), (el) => el.tagName === 'ul');
    expect(lists.map((ul) => select(ul, (li) => li.tagName === 'li').length)).toEqual([3, 4]);
  });

  it('gives the press release a "Notes to editors" section whose ten contributors link to their pages', () => {
    const page = body('inspiration-and-system-leadership');
    const [heading] = select(page, (el) => el.tagName === 'h2');
    expect(text(heading!)).toBe('Notes to editors');
    const [list] = select(page, (el) => el.tagName === 'ul');
    expect(hrefs(list!).filter((h) => h.startsWith('/people/'))).toHaveLength(10);
  });

  it('marks the source’s own introduction and disclaimer in the Westminster piece as such', () => {
    const page = body('view-from-westminster');
    expect(text(select(page, hasClass('source-intro'))[0]!)).toContain('Introduction, from the source');
    expect(text(select(page, hasClass('source-disclaimer'))[0]!)).toContain('Disclaimer, from the source');
  });

  it('shows stated metadata as stated', () => {
    expect(metaRow('view-from-westminster', 'Published')).toBe('30 September 2015');
    expect(metaRow('view-from-westminster', 'Author')).toBe('Stephen Dorrell');
    expect(metaRow('view-from-westminster', 'Publisher')).toBe('Nuffield Trust');
    expect(metaRow('view-from-westminster', 'Kind')).toBe('Blog post');
  });

  it('says "not stated in the source" for missing metadata and labels inferences with their basis', () => {
    expect(metaRow('leadership-first-100-days', 'Publisher')).toBe('Publisher not stated in the source');
    expect(metaRow('leadership-first-100-days', 'Author')).toBe('Author not stated in the source');
    expect(metaRow('leadership-first-100-days', 'Kind')).toBe('Kind not stated in the source');
    expect(metaRow('leadership-first-100-days', 'Published')).toMatch(/^c\. August 2015 inferred Editor's inference: The source states no date\./);
    expect(metaRow('new-structure-profound-shift', 'Publisher')).toMatch(/^NHS Providers inferred Editor's inference:/);
  });

  it('labels the untitled piece’s title as supplied by the editors', () => {
    const [note] = select(builtPage('articles/critical-time-for-the-nhs/'), hasClass('editor-title-note'));
    expect(text(note!)).toContain('Title supplied by the editors');
  });

  it('marks each quotation with its speaker: whole paragraphs, words inside a paragraph, and unattributed ones', () => {
    const statement = select(body('new-structure-profound-shift'), hasClass('quotation'));
    expect(statement.length).toBe(3);
    expect(new Set(statement.map((q) => q.properties.dataSpeaker))).toEqual(new Set(['chris-hopson']));
    const release = select(body('inspiration-and-system-leadership'), hasClass('quotation'));
    const inline = release.filter((q) => q.tagName === 'span');
    expect(inline.map((q) => q.properties.dataSpeaker ?? 'unattributed')).toEqual([
      'unattributed',
      'stephen-dorrell',
      'stephen-dorrell',
      'jeremy-taylor',
      'angela-pedder',
    ]);
    expect(text(inline[1]!)).toBe('will need to show quickly that its primary focus is genuine service improvement.');
  });

  it('hands the browser the names of its own quotations’ speakers, each of them, and no one else’s, so a page does not grow with the collection', () => {
    let quoting = 0;
    for (const { id } of contentArticles()) {
      const page = readBuilt(`${articleUrl(id).slice(1)}index.html`);
      const data = JSON.parse(/<script type="application\/json" id="article-data">([^<]*)<\/script>/.exec(page)![1]!) as { speakers: Record<string, string> };
      const speakersOnPage = new Set([...page.matchAll(/data-speaker="([^"]+)"/g)].map((m) => m[1]!));
      expect(Object.keys(data.speakers).sort(), id).toEqual([...speakersOnPage].sort());
      if (speakersOnPage.size > 0) quoting++;
    }
    // The seed articles quote people: the comparison above is not of empty lists only.
    expect(quoting).toBeGreaterThan(0);
  });
});
