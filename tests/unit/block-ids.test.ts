import { describe, expect, it } from 'vitest';
import { assignBlockIds, blockId } from '../../src/lib/block-ids';

describe('block ids', () => {
  it('derives a short id from the block’s own text, prefixed by its kind', () => {
    expect(blockId('paragraph', 'But there are some big risks to manage here too.')).toMatch(/^p-[0-9a-f]{8}$/);
    expect(blockId('list-item', 'refreshing the NHS graduate scheme')).toMatch(/^li-[0-9a-f]{8}$/);
    expect(blockId('pull-quote', 'x')).toMatch(/^pq-/);
    expect(blockId('blockquote', 'x')).toMatch(/^bq-/);
  });

  it('gives the same id whatever the quote marks or spacing', () => {
    expect(blockId('paragraph', '“This could herald a profound shift”')).toBe(
      blockId('paragraph', ' "This could  herald a profound shift" '),
    );
  });

  it('changes the id when a word of the block changes', () => {
    expect(blockId('paragraph', 'genuine service improvement')).not.toBe(blockId('paragraph', 'genuine service improvements'));
  });

  it('keeps every other block’s id when a block is added or removed', () => {
    const blocks = ['First.', 'Second.', 'Third.'].map((text) => ({ kind: 'paragraph' as const, text }));
    const before = assignBlockIds(blocks);
    const after = assignBlockIds([blocks[0]!, { kind: 'paragraph', text: 'Inserted.' }, blocks[2]!]);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
  });

  it('numbers blocks with identical text in document order', () => {
    const ids = assignBlockIds([
      { kind: 'paragraph', text: 'Same.' },
      { kind: 'paragraph', text: 'Other.' },
      { kind: 'paragraph', text: 'Same.' },
      { kind: 'paragraph', text: 'Same.' },
    ]);
    expect(ids[2]).toBe(`${ids[0]}-2`);
    expect(ids[3]).toBe(`${ids[0]}-3`);
  });
});
