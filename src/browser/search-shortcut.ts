/*
 * The header's search box, on every page. "/" or Ctrl/Cmd+K goes to search:
 * to the search page's own box when it is there, else to the box in the
 * header. A passage pasted into the header's box and longer than a search's
 * address can hold is searched by its first words, as the search page's own
 * box does: sent whole, the address would be one the host refuses with an
 * error page (scripts/static-host at 4,096 characters). A passage copied
 * from a PDF is pasted with its words broken at line ends whole
 * (browser/paste-joined), as into the search page's box. Before this
 * script has run, the box's maxlength keeps a passage within an address.
 */
import { fitSearchText, SEARCH_CUT_KEY, searchUrl } from '../lib/routes';
import { joinBrokenWordsOnPaste } from './paste-joined';

const editable = (el: Element | null) =>
  !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !editable(document.activeElement);
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (!slash && !commandK) return;
  const box = document.querySelector<HTMLInputElement>('#search-q:not([hidden] *)') ?? document.querySelector<HTMLInputElement>('#site-search-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

const headerSearch = document.querySelector<HTMLFormElement>('form.site-search');
const headerBox = headerSearch?.querySelector<HTMLInputElement>('input[name="q"]');
if (headerBox) {
  joinBrokenWordsOnPaste(headerBox);
  // The page's maxlength (lib/routes SEARCH_BOX_MOST) guards a box without this script; with it, a passage is cut at
  // whole words on submit, and said to be.
  headerBox.removeAttribute('maxlength');
}
headerSearch?.addEventListener('submit', (event) => {
  const fit = fitSearchText(headerBox?.value ?? '');
  if (!fit.cut) return;
  event.preventDefault();
  try {
    sessionStorage.setItem(SEARCH_CUT_KEY, fit.text);
  } catch {
    // Storage refused: the search runs all the same, without saying its words were cut.
  }
  location.assign(searchUrl({ q: fit.text }));
});
