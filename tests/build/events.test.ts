import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuilt } from '../support/built-site';
import { buildFixture, replace } from '../support/fixture-build';

const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-events-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a timeline event', () => {
  it('can name the block that states it by a few of its words, before the article was ever built, and links to that block', () => {
    const { status, output, out } = buildFixture('event-by-quote', { 'events/sample-event.yaml': replace('block: p-a5a2c9d7', 'quote: "the first paragraph of the sample"') }, scratch);
    expect(status, output).toBe(0);
    // The words stand in the paragraph and in the pull quote that repeats it: the paragraph is the one that states it.
    expect(readBuilt('/timeline/index.html', out)).toContain('/articles/sample/#p-a5a2c9d7');
  });
});
