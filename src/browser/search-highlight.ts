/*
 * A search result links here with ?highlight=<words>#<block>:~:text=…. The
 * browser may highlight the text fragment itself; this marks the whole phrase
 * in the block in every browser, and is what the page shows as the match.
 */
import { findLoosely } from '../lib/text';
import { fragmentId } from '../lib/text-fragment';

function highlightFromSearch() {
  const body = document.querySelector<HTMLElement>('.article-body');
  const phrase = new URLSearchParams(location.search).get('highlight');
  if (!phrase || !body) return;
  const id = fragmentId(location.hash);
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
