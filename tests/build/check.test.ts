import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFixture, replace } from '../support/fixture-build';
import { ARTICLE, editedParagraph, REGISTER } from '../support/fixture-deltas';

/*
 * `npm run check`: the content checks of a build, without building a page.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run check', () => {
  it('says there are no problems in valid content, and writes nothing', () => {
    const { status, output, content } = checkFixture('valid', {}, scratch);
    expect(status, output).toBe(0);
    expect(output).toMatch(/No problems in the content \(checked in [\d.]+ s\)/);
    expect(() => readFileSync(path.join(content, REGISTER))).toThrow();
  });

  it('reports every mistake in every kind of file at once, each at its own line, without a stack trace', () => {
    const { status, output } = checkFixture(
      'mistakes',
      {
        [ARTICLE]: replace('kind: blog post', 'kind: podcast'),
        'people/sam-author.yaml': replace('name: "Sam Author"\n', ''),
        'events/sample-event.yaml': replace('date: "2015-09"', 'date: 2015-02-31'),
      },
      scratch,
    );
    expect(status).toBe(1);
    expect(output).toContain('3 problems in the content');
    expect(output).toContain('articles/sample.md:4: kind: "podcast" is not a known kind');
    expect(output).toContain('people/sam-author.yaml:1: name: name is missing');
    expect(output).toContain('events/sample-event.yaml:2: date: "2015-02-31" is not a real date');
    expect(output).toContain('fix them and run npm run check again');
    expect(output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$|\[ERROR\]/m);
  });

  it('checks an article again when only its capture changed since the last check, which kept its data', () => {
    const first = checkFixture('capture-changed', {}, scratch);
    expect(first.status, first.output).toBe(0);
    // The same cache: the article's file is as the last check read it; its capture no longer has the title or the dropped line.
    const { status, output } = checkFixture('capture-changed', { 'sources/sample.txt': replace('A sample headline\n\nBlog post', 'Another headline\n\nA post') }, scratch);
    expect(status).toBe(1);
    expect(output).toContain('articles/sample.md:2: title: titleSource is "source" but the capture does not contain this title');
    expect(output).toContain('articles/sample.md:12: source.dropped[0].text: line 3 of sample.txt reads "A post"');
  });

  it('says a content folder that does not exist is not there, rather than passing it as an empty collection', () => {
    const nowhere = path.join(scratch, 'nowhere', 'content');
    const { status, output } = checkFixture('nowhere-base', {}, scratch, { env: { POLICY_READER_CONTENT: nowhere } });
    expect(status).toBe(1);
    expect(output).toContain(`${path.relative(process.cwd(), nowhere)}: no such folder`);
    expect(output).not.toMatch(/No problems|^\s+at .+:\d+:\d+\)?$/m);
  });

  it('says a collection with no articles has none, and how to draft one', () => {
    const { status, output } = checkFixture('no-articles', { [ARTICLE]: () => null, 'events/sample-event.yaml': () => null }, scratch);
    expect(status).toBe(1);
    expect(output).toMatch(/articles\/: no articles\. .*npm run new -- <capture-file>/);
  });

  it('finds a sentence lost from the body and a broken published permalink, naming the blocks it may have become', () => {
    const { status, output } = checkFixture('lost', { ...editedParagraph, [ARTICLE]: (before) => editedParagraph[ARTICLE]!(before)!.toString().replace(' It has two sentences.', '') }, scratch);
    expect(status).toBe(1);
    expect(output).toContain('sources/sample.txt:5: this sentence is not in');
    expect(output).toContain('/articles/sample/#p-1ad41925 was published but the block no longer exists');
    expect(output).toMatch(/Blocks added since it was published: p-[0-9a-f]{8} \(“The first paragraph of the sample\.”\), p-edcfd2c8 \(“The second paragraph, edited, quotes someone\.”\)/);
  });
});
