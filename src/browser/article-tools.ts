/*
 * Progressive enhancement for article pages: block links copy themselves,
 * old (moved) ids land on their successors, and a selection can be shared
 * as a link to the exact words or as a quote with its citation. Without this
 * script every block link is still a plain link to its #id.
 */
import { quoteAsMarkdown, quoteAsText, type QuoteSource } from '../lib/quote-citation';
import { textDirective } from '../lib/text-fragment';
import { findLoosely } from '../lib/text';

interface ArticleData {
  title: string;
  date: string;
  who?: string;
  organisation?: string;
  speakers: Record<string, string>;
}

const data = JSON.parse(document.getElementById('article-data')?.textContent ?? '{}') as ArticleData;
const body = document.querySelector<HTMLElement>('.article-body');
const announcer = document.getElementById('announcer');
const toolbar = document.getElementById('quote-share');

function announce(message: string) {
  if (!announcer) return;
  // Clearing first makes a repeated message ("Link copied") announced again.
  announcer.textContent = '';
  window.setTimeout(() => (announcer.textContent = message), 30);
}

async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    announce(`Copying is blocked here. The link is: ${text}`);
  }
}

const pageUrl = () => `${location.origin}${location.pathname}`;

// Published ids that were edited away carry data-moved-to: go to the successor.
function followMovedId() {
  const id = decodeURIComponent(location.hash.slice(1));
  const successor = id ? document.getElementById(id)?.dataset.movedTo : undefined;
  if (successor) location.replace(`#${successor}`);
}
followMovedId();
window.addEventListener('hashchange', followMovedId);

/*
 * A search result links here with ?highlight=<words>#<block>:~:text=…. The
 * browser may highlight the text fragment itself; this marks the whole phrase
 * in the block in every browser, and is what the page shows as the match.
 */
function highlightFromSearch() {
  const phrase = new URLSearchParams(location.search).get('highlight');
  if (!phrase || !body) return;
  const id = decodeURIComponent(location.hash.slice(1));
  const scope = (id && document.getElementById(id)) || body;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.block-link, .block-note__label') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const found = findLoosely(nodes.map((n) => n.data).join(''), phrase);
  if (!found) return;
  const marks: HTMLElement[] = [];
  let offset = 0;
  for (const node of nodes) {
    const start = Math.max(found[0] - offset, 0);
    const end = Math.min(found[1] - offset, node.data.length);
    offset += node.data.length;
    if (start >= end) continue;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    range.surroundContents(mark);
    marks.push(mark);
  }
  if (scope === body) marks[0]?.scrollIntoView({ block: 'center' });
}
highlightFromSearch();

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.block-link');
  if (!link) return;
  event.preventDefault();
  const url = `${pageUrl()}${link.getAttribute('href')}`;
  history.replaceState(null, '', link.getAttribute('href'));
  link.dataset.copied = '';
  window.setTimeout(() => delete link.dataset.copied, 2000);
  void copy(url, 'Link copied');
});

// Copy buttons for the citations; hidden in the HTML, as they need this script.
document.querySelectorAll<HTMLButtonElement>('button[data-copy]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => {
    const text = document.getElementById(button.dataset.copy ?? '')?.textContent?.trim();
    if (text) void copy(text, 'Citation copied');
  });
});

// --- Sharing a selected quote ---------------------------------------------

interface Selected {
  text: string;
  url: string;
  source: QuoteSource;
}
let selected: Selected | undefined;

const blockOf = (node: Node | null) =>
  (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-block]') ?? null;

function textOfRange(start: Node, startOffset: number, end: Node, endOffset: number): string {
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  return range.toString();
}

/** The speaker of the marked quotation the selection is in (inline or whole block), else the article's. */
function whoSaid(range: Range, block: HTMLElement): string | undefined {
  const node = range.commonAncestorContainer;
  const inside = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-speaker]');
  const speaker = (inside ?? block.closest<HTMLElement>('[data-speaker]'))?.dataset.speaker;
  return (speaker && data.speakers[speaker]) || data.who;
}

function hideToolbar() {
  if (toolbar) toolbar.hidden = true;
  selected = undefined;
}

function showToolbar() {
  if (!toolbar || !body) return;
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return hideToolbar();
  const range = selection.getRangeAt(0);
  const startBlock = blockOf(range.startContainer);
  const endBlock = blockOf(range.endContainer);
  const text = selection.toString().replace(/\s+/g, ' ').trim();
  if (!startBlock || !endBlock || !body.contains(startBlock) || text === '') return hideToolbar();

  const directive = textDirective({
    selected: text,
    before: textOfRange(startBlock, 0, range.startContainer, range.startOffset),
    after: textOfRange(range.endContainer, range.endOffset, endBlock, endBlock.childNodes.length),
    pageText: document.body.innerText,
  });
  const url = `${pageUrl()}#${startBlock.id}${directive}`;
  selected = { text, url, source: { who: whoSaid(range, startBlock), organisation: data.organisation, title: data.title, date: data.date, url } };

  // In the document right after the selected block, so Tab reaches it next;
  // on screen, just below the selection.
  let top: Element = endBlock;
  while (top.parentElement && top.parentElement !== body) top = top.parentElement;
  if (top.nextElementSibling !== toolbar) top.after(toolbar);
  const box = range.getBoundingClientRect();
  const origin = body.getBoundingClientRect();
  toolbar.style.top = `${box.bottom - origin.top + 6}px`;
  toolbar.style.left = `${Math.max(0, Math.min(box.left - origin.left, origin.width - 320))}px`;
  toolbar.hidden = false;
}

if (toolbar && body) {
  let timer: number | undefined;
  document.addEventListener('selectionchange', () => {
    if (toolbar.contains(document.activeElement)) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(showToolbar, 120);
  });
  // Keep the selection when a button is pressed with the mouse.
  toolbar.addEventListener('mousedown', (event) => event.preventDefault());
  toolbar.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button || !selected) return;
    const { text, url, source } = selected;
    if (button.dataset.action === 'link') void copy(url, 'Link to quote copied');
    if (button.dataset.action === 'text') void copy(quoteAsText(text, source), 'Quote with citation copied');
    if (button.dataset.action === 'markdown') void copy(quoteAsMarkdown(text, source), 'Quote copied as Markdown');
  });
  document.addEventListener('keydown', (event) => {
    if (toolbar.hidden) return;
    if (event.key === 'Escape') {
      hideToolbar();
      document.getSelection()?.removeAllRanges();
      return;
    }
    // From a selection, Tab goes to the share buttons first.
    if (event.key === 'Tab' && !event.shiftKey && !toolbar.contains(document.activeElement)) {
      event.preventDefault();
      toolbar.querySelector<HTMLButtonElement>('button')?.focus();
    }
  });
  toolbar.addEventListener('focusout', (event) => {
    if (!toolbar.contains(event.relatedTarget as Node | null) && document.getSelection()?.isCollapsed) hideToolbar();
  });
}
