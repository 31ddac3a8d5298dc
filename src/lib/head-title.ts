import { rawSentences } from './text';

/**
 * The document title (the browser tab, bookmarks, search engines): the
 * page's title and the site's name, within `max` characters. A stated title
 * is never shortened on the page; only this copy of it is, at a word, with
 * an ellipsis, when the whole would be too long to read in a tab.
 */
export const SITE_NAME = 'Policy Reader';
export const MAX_HEAD_TITLE = 120;

export function headTitle(title: string, max = MAX_HEAD_TITLE): string {
  if (title === SITE_NAME) return title;
  const suffix = ` · ${SITE_NAME}`;
  const whole = `${title}${suffix}`;
  if (whole.length <= max) return whole;
  const room = max - suffix.length - 1;
  const cut = title.slice(0, room + 1);
  const atWord = cut.lastIndexOf(' ') > room / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut.slice(0, room);
  return `${atWord.replace(/[\s,;:.–—-]+$/, '')}…${suffix}`;
}

export const MAX_DESCRIPTION = 200;

/**
 * A page's description for search results and link previews, from the
 * article's own words (never written for it): as many whole sentences of its
 * opening text as fit, or the first cut at a word, with an ellipsis.
 */
export function headDescription(text: string, max = MAX_DESCRIPTION): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const sentences = rawSentences(clean);
  let out = '';
  for (const sentence of sentences) {
    if ((out ? `${out} ${sentence}` : sentence).length > max) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  if (out) return out;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.–—-]+$/, '')}…`;
}
