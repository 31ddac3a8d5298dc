/*
 * Sharing a selection: beside selected words of the article, a toolbar
 * copies a link to exactly those words (a text fragment), or the quote with
 * its citation as text or Markdown, the speaker named when the words are a
 * marked quotation. The facts the citation needs come from #article-data.
 */
import { quoteAsMarkdown, quoteAsText, type QuoteSource } from '../lib/quote-citation';
import { textDirective } from '../lib/text-fragment';
import { copy, pageUrl } from './clipboard';

interface ArticleData {
  title: string;
  date: string;
  who?: string;
  organisation?: string;
  speakers: Record<string, string>;
}

const data = JSON.parse(document.getElementById('article-data')?.textContent ?? '{}') as ArticleData;
const body = document.querySelector<HTMLElement>('.article-body');
const toolbar = document.getElementById('quote-share');

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
