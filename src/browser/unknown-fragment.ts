/*
 * A link to a paragraph that is not on the page (mistyped, cut short, or a
 * block of a draft never published) would open at the top without a word.
 * Say so, above the text, and offer the block it most likely meant
 * (lib/nearest-block). Moved ids are not unknown: they stay on the page as
 * anchors (moved-anchors.ts).
 */
import { nearestBlock } from '../lib/nearest-block';
import { fragmentId } from '../lib/text-fragment';

const notice = document.createElement('p');
notice.className = 'fragment-notice';
notice.setAttribute('role', 'status');

const firstWords = (text: string) => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
};

function checkFragment() {
  // A text fragment (#:~:text=…) is the browser's, not a block id.
  const id = fragmentId(location.hash);
  if (!id || document.getElementById(id)) {
    notice.remove();
    return;
  }
  const body = document.querySelector('.article-body');
  const blocks = [...(body?.querySelectorAll<HTMLElement>('[data-block][id], h2[id], h3[id], h4[id]') ?? [])].map((el) => ({
    id: el.id,
    text: el.textContent ?? '',
  }));
  const found = nearestBlock(id, blocks);
  notice.replaceChildren(`The link you followed points to “#${id}”, which is not a paragraph of this article: it may have been mistyped or cut short. `);
  if (found) {
    const link = document.createElement('a');
    link.href = `#${found.block.id}`;
    link.textContent = `“${firstWords(found.block.text)}”`;
    notice.append('The nearest is the passage beginning ', link, '.');
  } else {
    notice.append('The whole article is below.');
  }
  body?.before(notice);
}
checkFragment();
window.addEventListener('hashchange', checkFragment);
