import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCollectionDescription } from '../../src/content-files/config-files';

/*
 * content/collection.yaml: what the collection is, in the editors' words. Its mistakes are content problems like any
 * other's, at the file's own line with the fix; a collection without the file describes nothing and builds.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-collection-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A content folder of its own, with the given collection.yaml (none when left out). */
const folderWith = (yaml?: string) => {
  const dir = path.join(scratch, `c${n++}`);
  mkdirSync(dir, { recursive: true });
  if (yaml !== undefined) writeFileSync(path.join(dir, 'collection.yaml'), yaml);
  return dir;
};

describe('the collection’s description', () => {
  it('reads the subject, the readers and the introduction as written', () => {
    const dir = folderWith('subject: the reform of NHS regulation\nreaders: analysts and historians\nintroduction: >-\n  Two bodies\n  became one.\n');
    expect(readCollectionDescription(dir)).toEqual({
      description: { subject: 'the reform of NHS regulation', readers: 'analysts and historians', introduction: 'Two bodies became one.' },
      problems: [],
    });
  });

  it('is empty, with no problem, when the collection has no such file', () => {
    expect(readCollectionDescription(folderWith())).toEqual({ description: {}, problems: [] });
  });

  it('says each mistake at its line, with the fix: a tag in plain text, a full stop ending the subject, a field it does not know', () => {
    const dir = folderWith('subject: the reform of <em>NHS</em> regulation.\nintro: Two bodies.\nintroduction: ""\nreaders: analysts.\n');
    const { problems } = readCollectionDescription(dir);
    const file = path.relative(process.cwd(), path.join(dir, 'collection.yaml'));
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}:1: subject: subject is plain text, shown as written: leave out the HTML tags.`,
        `${file}:1: subject: subject is part of a sentence (“Commentary on …”): leave off the full stop.`,
        expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: introduction: introduction is empty: .*Or leave the field out\\.$`)),
        expect.stringMatching(/:1: \(file\): .*intro/),
        `${file}:4: readers: readers is part of a sentence (“for … who need to read what was said”): leave off the full stop.`,
      ]),
    );
  });

  it('reads an edited file anew, even one edited within the same moment to the same length', () => {
    const file = path.join(folderWith('subject: the first subject\n'), 'collection.yaml');
    // One whole second as the file's time, before and after the edit: a stamp of time and size would not change.
    utimesSync(file, 1_000_000, 1_000_000);
    expect(readCollectionDescription(path.dirname(file)).description.subject).toBe('the first subject');
    writeFileSync(file, 'subject: the other subject\n');
    utimesSync(file, 1_000_000, 1_000_000);
    expect(statSync(file).mtimeMs).toBe(1_000_000_000);
    expect(readCollectionDescription(path.dirname(file)).description.subject).toBe('the other subject');
  });
});
