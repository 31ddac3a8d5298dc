/*
 * Citations on the reader's side of the build: the access date that Harvard
 * and OSCOLA give (the reader's, not the build's), and the citation of one
 * paragraph, with its number and permalink, for the paragraph a ¶ link or
 * the address points at. Both are formatted by lib/citations, as the page's
 * own citations are.
 */
import { ACCESS_DATE_PLACEHOLDER, cite, isNumberedBlock, STYLES, type Style } from '../lib/citations';
import type { CitableArticle } from '../lib/csl';
import { fragmentId } from '../lib/text-fragment';
import { pageUrl } from './clipboard';

const data = document.getElementById('cite-data');
const article = data ? (JSON.parse(data.textContent ?? '{}') as CitableArticle) : undefined;
const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

for (const el of document.querySelectorAll<HTMLElement>('[data-accessed]')) {
  el.textContent = (el.textContent ?? '').replace(ACCESS_DATE_PLACEHOLDER, today);
}

const box = document.getElementById('cite-paragraph');
const heading = document.getElementById('cite-paragraph-heading');

/** Shows the citations of the block with this id (or the block an old, moved id now lands in). */
function citeBlock(id: string) {
  if (!article || !box || !heading) return;
  const target = id ? document.getElementById(id)?.closest<HTMLElement>('[data-block]') : null;
  const numbered = [...document.querySelectorAll<HTMLElement>('article [data-block]')].filter((el) => isNumberedBlock(el.dataset.block ?? ''));
  const paragraph = target ? numbered.indexOf(target) + 1 : 0;
  if (paragraph === 0) {
    box.hidden = true;
    return;
  }
  const pinpoint = { paragraph, url: `${pageUrl()}#${target!.id}` };
  heading.textContent = `Cite paragraph ${paragraph}`;
  for (const style of STYLES as readonly Style[]) {
    const el = document.getElementById(`cite-paragraph-${style}`);
    if (el) el.textContent = cite(style, article, { pinpoint, accessed: today });
  }
  box.hidden = false;
}

citeBlock(fragmentId(location.hash));
window.addEventListener('hashchange', () => citeBlock(fragmentId(location.hash)));
// A ¶ link changes the address without a hashchange (it copies the link instead of jumping).
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.block-link');
  if (link) citeBlock(decodeURIComponent((link.getAttribute('href') ?? '').slice(1)));
});
