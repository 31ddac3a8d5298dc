/*
 * Every block's link control (rehype-block-links) is a plain link to its
 * #id; with this script a click also copies the full permalink.
 */
import { copy, pageUrl } from './clipboard';

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
