import { createHash } from 'node:crypto';
import { normaliseText } from './text';

/**
 * Permalink ids for the blocks of an article. A block's id comes from its own
 * text, so adding, removing or moving *other* blocks never changes it; only
 * editing the block itself does (and the permalink register then asks for a
 * mapping). Quote marks and spacing are normalised first, so a typographic
 * fix keeps the id.
 *
 * Node-only: the hash is node:crypto's, and ids are only made at build time.
 */
export type BlockKind = 'paragraph' | 'list-item' | 'pull-quote' | 'blockquote';

const PREFIX: Record<BlockKind, string> = {
  paragraph: 'p',
  'list-item': 'li',
  'pull-quote': 'pq',
  blockquote: 'bq',
};

/** Eight hex digits of SHA-256: 4 billion values, ample for one article's blocks. */
export function textHash(text: string): string {
  return createHash('sha256').update(normaliseText(text).toLowerCase()).digest('hex').slice(0, 8);
}

export function blockId(kind: BlockKind, text: string): string {
  return `${PREFIX[kind]}-${textHash(text)}`;
}

/**
 * Ids for blocks in document order. The second block with the same text gets
 * "-2", the third "-3": deterministic, and the first keeps the plain id.
 */
export function assignBlockIds(blocks: { kind: BlockKind; text: string }[]): string[] {
  const seen = new Map<string, number>();
  return blocks.map(({ kind, text }) => {
    const id = blockId(kind, text);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}
