import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELPED_FROM } from '../../src/loaders/render-thread';
import { readBuilt } from '../support/built-site';
import { buildFixture, write, type Delta } from '../support/fixture-build';

/*
 * A collection large enough to share its rendering with a second thread
 * (loaders/render-thread) is built through the real build: the loader hands
 * every other article to the thread, so in each pair below one article is
 * rendered on each thread, and a quotation links its source across them,
 * one way in half the pairs and the other way in the rest. (That the pages
 * are the same as one thread's is tests/unit/render-thread.test.ts.)
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-render-thread-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const spelled = (n: number) => [...String(n).padStart(3, '0')].map((d) => NUMBERS[Number(d)]).join(' ');
const slug = (n: number) => `piece-${String(n).padStart(3, '0')}`;
// A sentence no other piece has: its number, spelled out.
const own = (n: number) => `Piece ${spelled(n)} sets out why boards of that number should meet each week.`;

function piece(n: number, quotes: number | undefined, year: number): Delta {
  const quoted = quotes === undefined ? '' : `\n:::quote{speaker="sam-author"}\n“${own(quotes)}”\n:::\n`;
  const title = `Piece number ${spelled(n)}`;
  return {
    [`articles/${slug(n)}.md`]: write(
      `---\ntitle: "${title}"\ntitleSource: source\npublished: "${year}-01-01"\nsource:\n  capture: ${slug(n)}.txt\n---\n\n${own(n)}\n${quoted}`,
    ),
    [`sources/${slug(n)}.txt`]: write(`${title}\n\n${own(n)}\n${quoted ? `\n“${own(quotes!)}”\n` : ''}`),
  };
}

describe('a collection rendered on two threads', () => {
  it('links quotations to their sources whichever thread rendered each', () => {
    const pairs = Math.ceil(HELPED_FROM / 2);
    const delta: Delta = {};
    for (let p = 0; p < pairs; p++) {
      const [a, b] = [2 * p, 2 * p + 1];
      // In even pairs the first piece quotes the second, which is older; in odd pairs the other way round.
      const [quoting, source] = p % 2 === 0 ? [a, b] : [b, a];
      Object.assign(delta, piece(source, undefined, 2015), piece(quoting, source, 2016));
    }
    const { status, output, out } = buildFixture('threads', delta, scratch);
    expect(status, output).toBe(0);
    expect(output).toMatch(/articles in [\d.]+ s: \d+ changed, \d+ rendered \([1-9]\d* on a second thread\)/);
    for (let p = 0; p < pairs; p++) {
      const [a, b] = [2 * p, 2 * p + 1];
      const [quoting, source] = p % 2 === 0 ? [a, b] : [b, a];
      expect(readBuilt(`/articles/${slug(quoting)}/index.html`, out), `${slug(quoting)} names its source`).toContain(`/articles/${slug(source)}/`);
      expect(readBuilt(`/articles/${slug(source)}/index.html`, out), `${slug(source)} says where it is quoted`).toMatch(
        new RegExp(`Quoted in[\\s\\S]*/articles/${slug(quoting)}/`),
      );
    }
  });
});
