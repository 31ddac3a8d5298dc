import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFiles, readBuilt } from '../support/built-site';
import { fixtureContent, root, write } from '../support/fixture-build';

/*
 * A rebuild reuses what an earlier build rendered (the articles loader's
 * cache, and the article cards) and must write exactly what a clean build of
 * the same content writes. The edit here changes another article's page too:
 * the reply starts quoting the sample, so the sample's block gains "Quoted in".
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const reply = `---
title: "A reply to the sample"
titleSource: source
published: "2016-01-04"
source:
  capture: reply.txt
---

A reply to the sample, in plain words.
`;

function build(content: string, name: string, cache: string) {
  const out = path.join(scratch, name);
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, POLICY_READER_CONTENT: content, POLICY_READER_CACHE: cache, SITE_URL: 'http://localhost:4321', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return { out, log: `${result.stdout}\n${result.stderr}` };
}

describe('a rebuild after an edit', () => {
  it('renders only the articles the edit touches, and writes the same files as a clean build of the edited content', () => {
    const content = fixtureContent('incremental', { 'articles/reply.md': write(reply), 'sources/reply.txt': write('A reply to the sample\n\nA reply to the sample, in plain words.\n') }, scratch);
    const cache = path.join(scratch, 'cache');
    const first = build(content, 'first', cache);
    expect(first.log).toMatch(/2 articles in [\d.]+ s: 2 changed, 2 rendered/);

    // The edit: the reply quotes the sample's first paragraph, word for word.
    const quote = '\n:::quote{speaker="sam-author"}\n“The first paragraph of the sample. It has two sentences.”\n:::\n';
    appendFileSync(path.join(content, 'articles/reply.md'), quote);
    appendFileSync(path.join(content, 'sources/reply.txt'), '\n“The first paragraph of the sample. It has two sentences.”\n');
    const again = build(content, 'again', cache);
    // The reply changed; the sample did not, but its page is made again for its new "Quoted in".
    expect(again.log).toMatch(/2 articles in [\d.]+ s: 1 changed, 2 rendered/);
    expect(readBuilt('/articles/sample/index.html', again.out)).toContain('Quoted in');

    const clean = build(content, 'clean', path.join(scratch, 'clean-cache'));
    const files = builtFiles(clean.out);
    expect(builtFiles(again.out)).toEqual(files);
    expect(files.filter((file) => readBuilt(file, again.out) !== readBuilt(file, clean.out))).toEqual([]);

    // Nothing changed: nothing is rendered.
    expect(build(content, 'unchanged', cache).log).toMatch(/2 articles in [\d.]+ s: 0 changed, 0 rendered/);
  });
});
