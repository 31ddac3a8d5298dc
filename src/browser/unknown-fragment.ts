/*
 * A link to a paragraph that is not on the page (mistyped, cut short, or a
 * block of a draft never published) would open at the top without a word.
 * Say so, above the text, and offer the way on. Moved ids are not unknown:
 * they stay on the page as anchors (moved-anchors.ts).
 */
const notice = document.createElement('p');
notice.className = 'fragment-notice';
notice.setAttribute('role', 'status');

function checkFragment() {
  const raw = location.hash.slice(1);
  // A text fragment (#:~:text=…) is the browser's, not a block id.
  const id = decodeURIComponent(raw.split(':~:')[0] ?? '');
  if (!id || document.getElementById(id)) {
    notice.remove();
    return;
  }
  notice.textContent = `The link you followed points to “#${id}”, which is not a paragraph of this article: it may have been mistyped or cut short. The whole article is below.`;
  document.querySelector('.article-body')?.before(notice);
}
checkFragment();
window.addEventListener('hashchange', checkFragment);
