import { describe, expect, it } from 'vitest';
import QuotesPage from '../../src/components/QuotesPage.astro';
import { GROUP_INDEX_LIMIT } from '../../src/lib/paging';
import { quotesFirstPage } from '../examples/components';
import { all, byTag, render, saveExample } from './render';

const indexLinks = async (speakers: number, example: string) => {
  const { tree, html } = await render(QuotesPage, quotesFirstPage(speakers));
  saveExample('QuotesPage', example, html);
  const nav = all(tree, (el) => el.tagName === 'nav' && el.properties.ariaLabelledBy !== undefined)[0]!;
  return all(nav, byTag('li')).map((li) => ({
    id: li.properties.id,
    text: all(li, byTag('a'))[0] ? `${(all(li, byTag('a'))[0]!.children[0] as { value: string }).value}${(li.children.at(-1) as { value: string }).value}` : '',
    href: all(li, byTag('a'))[0]?.properties.href,
  }));
};

describe('the index on the first page of the quotes', () => {
  it('lists every speaker, linked to the page their quotations start on, while there are few', async () => {
    const links = await indexLinks(GROUP_INDEX_LIMIT - 1, 'a speaker index');
    expect(links).toHaveLength(GROUP_INDEX_LIMIT);
    expect(links[0]).toMatchObject({ text: 'Amira Example 0000 (1)', href: '#speaker-example-0' });
    expect(links.at(-1)!.text).toBe('Speaker not stated (2)');
    const { text } = await render(QuotesPage, quotesFirstPage(GROUP_INDEX_LIMIT - 1));
    expect(text).not.toContain('To find one speaker');
  });

  it('lists the initial letters of thousands of speakers, each linked to its first, and the quotations of no stated speaker', async () => {
    const speakers = GROUP_INDEX_LIMIT * 20;
    const links = await indexLinks(speakers, 'an index by letter');
    expect(links.map((l) => l.text)).toEqual([
      `A (${(speakers / 5).toLocaleString('en-GB')} speakers)`,
      `B (${speakers / 5} speakers)`,
      `C (${speakers / 5} speakers)`,
      `E (${speakers / 5} speakers)`,
      `Z (${speakers / 5} speakers)`,
      'Speaker not stated (2 quotations)',
    ]);
    // One speaker is found by name among the people and organisations, whose pages list their quotations.
    const { text } = await render(QuotesPage, quotesFirstPage(speakers));
    expect(text).toContain('To find one speaker, see the people and the organisations, A to Z');
    // B's first speaker starts on a later page: the link goes there, and the entry keeps that speaker's old address on this one.
    const first = speakers / 5;
    expect(links[1]).toEqual({ id: `speaker-example-${first}`, text: links[1]!.text, href: `/quotes/page/${1 + Math.floor(first / 40)}/#speaker-example-${first}` });
  });
});
