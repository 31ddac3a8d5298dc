import { editDistance } from './did-you-mean';

/**
 * The block a stale or damaged link most likely meant, when its #fragment is
 * not an id of the page. Links break in a few ordinary ways, tried in order:
 *
 * - cut short (a chat app or a line break ate the end): a block id that
 *   starts with what is left, if only one does;
 * - something stuck on the end ("p-3f9a2c1d)." pasted from prose): the
 *   longest block id the fragment starts with;
 * - mistyped: the one id within two edits (a swap of two letters is one);
 * - a heading's words changed ("#notes-to-editor" for "#notes-to-editors"
 *   or "#about-nhs-providers" for "#about-us"): the heading sharing most
 *   words with the old id, if it shares at least half of them.
 *
 * Moved ids never get here: the register maps them to their new block, and
 * the page carries them as anchors. Nothing is guessed when two blocks fit
 * equally well.
 */
export interface BlockCandidate {
  id: string;
  /** The block's first words, to show the reader what the link will open. */
  text: string;
}

export type NearestReason = 'cut-short' | 'extra-characters' | 'mistyped' | 'shared-words';

export function nearestBlock(fragment: string, blocks: readonly BlockCandidate[]): { block: BlockCandidate; reason: NearestReason } | undefined {
  const wanted = fragment.trim().toLowerCase();
  if (wanted.length < 3) return undefined;
  const only = (list: BlockCandidate[]) => (list.length === 1 ? list[0] : undefined);

  const longer = only(blocks.filter((b) => b.id.startsWith(wanted)));
  if (longer) return { block: longer, reason: 'cut-short' };

  const shorter = blocks.filter((b) => wanted.startsWith(b.id) && b.id.length >= 3).sort((a, b) => b.id.length - a.id.length);
  // Only junk may follow: a word character would make it another id ("p-1ab" is not "p-1abc").
  if (shorter[0] && !/^[\p{L}\p{N}]/u.test(wanted.slice(shorter[0].id.length))) return { block: shorter[0], reason: 'extra-characters' };

  const near = blocks.map((b) => ({ b, d: editDistance(wanted, b.id, 2) })).filter(({ d }) => d <= 2);
  const best = Math.min(...near.map(({ d }) => d));
  const closest = only(near.filter(({ d }) => d === best).map(({ b }) => b));
  if (closest) return { block: closest, reason: 'mistyped' };

  const oldWords = new Set(slugWords(wanted));
  if (oldWords.size === 0) return undefined;
  const scored = blocks
    .map((b) => ({ b, shared: slugWords(b.id).filter((w) => oldWords.has(w)).length }))
    .filter(({ shared }) => shared > 0 && shared * 2 >= oldWords.size);
  const most = Math.max(...scored.map(({ shared }) => shared));
  const winner = only(scored.filter(({ shared }) => shared === most).map(({ b }) => b));
  return winner && { block: winner, reason: 'shared-words' };
}

/** The words of a readable id (a heading's slug); a hashed block id has none. */
function slugWords(id: string): string[] {
  if (/^(p|li|pq|bq)-[0-9a-f]{6,}(-\d+)?$/.test(id)) return [];
  return id.split('-').filter((w) => /\p{L}/u.test(w) && w.length > 2);
}
