/*
 * Published ids that were edited away are kept as empty anchors with
 * data-moved-to (rehype-moved-anchors): without JavaScript the browser lands
 * on the anchor, at the start of the successor; this moves the address to the
 * successor's own id, so the block is marked as the target.
 */
import { fragmentId } from '../lib/text-fragment';
function followMovedId() {
  const id = fragmentId(location.hash);
  const successor = id ? document.getElementById(id)?.dataset.movedTo : undefined;
  if (successor) location.replace(`#${successor}`);
}
followMovedId();
window.addEventListener('hashchange', followMovedId);
