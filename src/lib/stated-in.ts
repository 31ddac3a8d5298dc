import { foldForMatching } from './text';

/**
 * The block of an article that states an event: given by its id, or by a
 * short quotation of its words, so an event can be written before the
 * article has ever been built (block ids come from rendering). The words
 * are compared folded (quotes, dashes, case, spacing), and must stand in
 * exactly one block.
 */
export type StatedIn = { block: string; quote?: undefined } | { quote: string; block?: undefined };

export function resolveStatedIn(statedIn: StatedIn, blocks: readonly { id: string; text: string; kind?: string }[]): { id: string } | { problem: string } {
  if (statedIn.block !== undefined) {
    return blocks.some((b) => b.id === statedIn.block)
      ? { id: statedIn.block }
      : { problem: `"${statedIn.block}" is not a block of the article. Copy the id from the link of the block that states the event, or give statedIn.quote: a few of its words instead (its blocks include ${blocks.slice(0, 4).map((b) => b.id).join(', ')}…).` };
  }
  const wanted = foldForMatching(statedIn.quote);
  // A pull quote repeats words of the text: the text itself is what states the event.
  const found = blocks.filter((b) => b.kind !== 'pull-quote' && foldForMatching(b.text).includes(wanted));
  if (found.length === 1) return { id: found[0]!.id };
  if (found.length === 0) return { problem: `no block of the article has the words "${statedIn.quote}". Copy a few words exactly as the article writes them.` };
  return { problem: `the words "${statedIn.quote}" stand in ${found.length} blocks (${found.map((b) => b.id).join(', ')}). Quote more of the words, enough to name one block.` };
}
