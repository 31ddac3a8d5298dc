/*
 * A long list that ran on to more pages (the quotes by speaker, the glossary,
 * the timeline by year, people and organisations by letter)
 * no longer holds every entry on its first page, so an address shared while
 * it did (/quotes/#speaker-x, /glossary/#term-x) no longer finds its entry
 * there; nor does an address of a later page once entries added before it
 * move it on (/glossary/page/2/#term-x). Such an address is sent on to the
 * page the entry stands on now,
 * from a list of where each stands ({ anchor: page }), fetched only for an
 * address this page does not hold. An entry the list does not have is said
 * so, above the list.
 */
import { fragmentId } from '../lib/text-fragment';

export function followToItsPage(options: {
  /** Whether an anchor is one of this list's entries' ("speaker-x"). */
  ours: (id: string) => boolean;
  /** Where each entry stands: { anchor: page }. */
  pagesUrl: string;
  pageUrl: (n: number) => string;
  /** What to tell the reader of an anchor the list does not have, on the list's first page or another. */
  missing: (id: string, onFirstPage: boolean) => string;
}): void {
  const notice = document.createElement('p');
  notice.className = 'fragment-notice';
  notice.setAttribute('role', 'status');

  async function follow(): Promise<void> {
    const id = fragmentId(location.hash);
    if (!options.ours(id) || document.getElementById(id)) {
      notice.remove();
      return;
    }
    let page: unknown;
    try {
      const response = await fetch(options.pagesUrl);
      page = response.ok ? ((await response.json()) as Record<string, unknown>)[id] : undefined;
    } catch {}
    // The list says this page, which does not hold it: said as missing rather than sent to itself.
    if (typeof page === 'number' && options.pageUrl(page) !== location.pathname) {
      location.replace(`${options.pageUrl(page)}#${encodeURIComponent(id)}`);
      return;
    }
    notice.textContent = options.missing(id, location.pathname === options.pageUrl(1));
    document.querySelector('h1')?.after(notice);
  }
  void follow();
  window.addEventListener('hashchange', () => void follow());
}
