import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placingThread } from '../../src/integrations/placing-thread';

/*
 * A build puts its files in place on one thread beside the rendering
 * (integrations/placing-thread): the previous build's pages linked, the
 * captures copied (or the previous build's copy linked, for a capture
 * unchanged since), the citation files written, batch after batch.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'placing-thread-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (...parts: string[]) => path.join(root, ...parts);

describe('the thread that puts a build’s files in place', () => {
  it('links, copies and writes batch after batch, each batch answering how many files it placed', async () => {
    mkdirSync(at('previous', 'articles', 'a'), { recursive: true });
    writeFileSync(at('previous', 'articles', 'a', 'index.html'), '<p>A page of the previous build</p>');
    mkdirSync(at('content'), { recursive: true });
    writeFileSync(at('content', 'capture.html'), '<p>A capture</p>');
    const thread = placingThread();
    try {
      const counts = await Promise.all([
        thread.place('link', [[at('previous', 'articles', 'a', 'index.html'), at('site', 'articles', 'a', 'index.html')]]),
        thread.copy([{ from: at('content', 'capture.html'), to: at('site', 'sources', 'capture.html') }]).then(({ identities }) => identities.length),
        thread.place('write', [
          [at('site', 'articles', 'b', 'cite.bib'), '@article{b}'],
          [at('site', 'articles', 'b', 'cite.ris'), 'TY  - JOUR'],
        ]),
        thread.place('write', []),
      ]);
      expect(counts).toEqual([1, 1, 2, 0]);
    } finally {
      await thread.stop();
    }
    // Linked: the same file; copied: a file of its own, which an editor's change to the capture leaves alone.
    expect(statSync(at('site', 'articles', 'a', 'index.html')).ino).toBe(statSync(at('previous', 'articles', 'a', 'index.html')).ino);
    expect(statSync(at('site', 'sources', 'capture.html')).ino).not.toBe(statSync(at('content', 'capture.html')).ino);
    expect(readFileSync(at('site', 'sources', 'capture.html'), 'utf8')).toBe('<p>A capture</p>');
    expect(readFileSync(at('site', 'articles', 'b', 'cite.ris'), 'utf8')).toBe('TY  - JOUR');
  });

  it('fails a batch that cannot be placed with the reason, and places the batches after it', async () => {
    const thread = placingThread();
    try {
      await expect(thread.copy([{ from: at('content', 'no-such-capture.html'), to: at('site', 'sources', 'none.html') }])).rejects.toThrow(
        /Putting the build's files in place failed: .*no-such-capture\.html/,
      );
      await expect(thread.place('write', [[at('site', 'after.txt'), 'written after the failure']])).resolves.toBe(1);
    } finally {
      await thread.stop();
    }
    expect(readFileSync(at('site', 'after.txt'), 'utf8')).toBe('written after the failure');
  });

  it('links the previous build’s copy of a capture only while the capture is the very file it copied, and copies a capture changed since', async () => {
    mkdirSync(at('captures'), { recursive: true });
    const capture = at('captures', 'reply.txt');
    writeFileSync(capture, 'The text as first captured.');
    const thread = placingThread();
    try {
      // The first build copies it, and says which file it copied.
      const first = await thread.copy([{ from: capture, to: at('first', 'sources', 'reply.txt') }]);
      expect(first.linked).toBe(0);
      // The next build, the capture untouched: the first build's copy is linked, not copied again.
      const second = await thread.copy([{ from: capture, to: at('second', 'sources', 'reply.txt'), previous: { copy: at('first', 'sources', 'reply.txt'), identity: first.identities[0]! } }]);
      expect(second).toEqual({ identities: first.identities, linked: 1 });
      expect(statSync(at('second', 'sources', 'reply.txt')).ino).toBe(statSync(at('first', 'sources', 'reply.txt')).ino);
      // An editor corrects the capture in place: the same file, whose size and time of last write a save changes.
      writeFileSync(capture, 'The text as corrected by an editor, in place.');
      const third = await thread.copy([{ from: capture, to: at('third', 'sources', 'reply.txt'), previous: { copy: at('second', 'sources', 'reply.txt'), identity: second.identities[0]! } }]);
      expect(third.linked).toBe(0);
      expect(third.identities[0]).not.toBe(second.identities[0]);
      expect(readFileSync(at('third', 'sources', 'reply.txt'), 'utf8')).toBe('The text as corrected by an editor, in place.');
      // The earlier sites keep what they published.
      expect(readFileSync(at('second', 'sources', 'reply.txt'), 'utf8')).toBe('The text as first captured.');
      // A previous copy that is gone (its build removed): the capture is copied.
      const fourth = await thread.copy([{ from: capture, to: at('fourth', 'sources', 'reply.txt'), previous: { copy: at('gone', 'sources', 'reply.txt'), identity: third.identities[0]! } }]);
      expect(fourth.linked).toBe(0);
      expect(readFileSync(at('fourth', 'sources', 'reply.txt'), 'utf8')).toBe('The text as corrected by an editor, in place.');
    } finally {
      await thread.stop();
    }
  });

  it('starts again after being stopped, for the next build of the same process', async () => {
    const thread = placingThread();
    await thread.place('write', [[at('site', 'first.txt'), 'one']]);
    await thread.stop();
    await expect(thread.place('write', [[at('site', 'second.txt'), 'two']])).resolves.toBe(1);
    await thread.stop();
    expect(readFileSync(at('site', 'second.txt'), 'utf8')).toBe('two');
  });
});
