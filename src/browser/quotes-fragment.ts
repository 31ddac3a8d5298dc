/*
 * Past a hundred speakers, the quotes' first page lists their initial
 * letters, not each speaker (components/QuotesPage), so an address shared
 * while the quotes were one page (/quotes/#speaker-x) no longer finds its
 * speaker there. Such an address is sent on to the page where that
 * speaker's quotations start, from the list of where each starts (routes'
 * quotesSpeakersUrl), fetched only for an address this page does not hold.
 * A speaker the list does not have is said so, above the quotes.
 */
import { quotesPageUrl, quotesSpeakersUrl } from '../lib/routes';
import { fragmentId } from '../lib/text-fragment';

const notice = document.createElement('p');
notice.className = 'fragment-notice';
notice.setAttribute('role', 'status');

async function followFragment(): Promise<void> {
  const id = fragmentId(location.hash);
  if (!id.startsWith('speaker-') || document.getElementById(id)) {
    notice.remove();
    return;
  }
  let page: unknown;
  try {
    const response = await fetch(quotesSpeakersUrl);
    page = response.ok ? ((await response.json()) as Record<string, unknown>)[id] : undefined;
  } catch {}
  if (typeof page === 'number') {
    location.replace(`${quotesPageUrl(page)}#${encodeURIComponent(id)}`);
    return;
  }
  notice.textContent = `The link you followed points to “#${id}”, a speaker with no quotations in the collection: it may have been mistyped or cut short. Every speaker is below, by initial letter.`;
  document.querySelector('h1')?.after(notice);
}
void followFragment();
window.addEventListener('hashchange', () => void followFragment());
