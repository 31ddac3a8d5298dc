import { describe, expect, it } from 'vitest';
import { nearestBlock } from '../../src/lib/nearest-block';

const blocks = [
  { id: 'the-new-regulator', text: 'The new regulator' },
  { id: 'p-3f9a2c1d', text: 'Monitor and the TDA will be brought together' },
  { id: 'p-3f9b0000', text: 'A second paragraph' },
  { id: 'p-77aa11bb', text: 'A third paragraph' },
  { id: 'notes-to-editors', text: 'Notes to editors' },
  { id: 'about-nhs-providers', text: 'About NHS Providers' },
];
const nearest = (fragment: string) => {
  const found = nearestBlock(fragment, blocks);
  return found && [found.block.id, found.reason];
};

describe('the paragraph a broken #fragment most likely meant', () => {
  it('finds the block a link cut short points at, when only one block starts that way', () => {
    expect(nearest('p-77aa1')).toEqual(['p-77aa11bb', 'cut-short']);
    // Two blocks start "p-3f9": guessing between them would mislead.
    expect(nearest('p-3f9')).toBeUndefined();
  });

  it('ignores punctuation pasted onto the end of a link', () => {
    expect(nearest('p-3f9a2c1d).')).toEqual(['p-3f9a2c1d', 'extra-characters']);
    expect(nearest('p-3f9a2c1d2')).toEqual(['p-3f9a2c1d', 'mistyped']);
  });

  it('finds a mistyped id within two edits, a swap of two letters counting as one', () => {
    expect(nearest('p-77aa1b1b')).toEqual(['p-77aa11bb', 'mistyped']);
    expect(nearest('notes-to-editor')).toEqual(['notes-to-editors', 'cut-short']);
    expect(nearest('notse-to-editors')).toEqual(['notes-to-editors', 'mistyped']);
  });

  it('finds a heading whose words changed by the words it shares with the old id', () => {
    expect(nearest('about-providers')).toEqual(['about-nhs-providers', 'shared-words']);
    expect(nearest('the-regulator-is-new')).toEqual(['the-new-regulator', 'shared-words']);
  });

  it('offers nothing when nothing is near, rather than a guess', () => {
    expect(nearest('p-00000000')).toBeUndefined();
    expect(nearest('funding-and-finance')).toBeUndefined();
    expect(nearest('x')).toBeUndefined();
  });
});
