import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * Each case in tests/fixtures/<case>/ overlays one defect on the small valid
 * content set in tests/fixtures/base/. The build must fail, say which file and
 * field are wrong and what to do, and publish nothing.
 */
const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-fixtures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function buildFixture(name: string) {
  const content = path.join(scratch, name, 'content');
  cpSync(path.join(root, 'tests/fixtures/base/content'), content, { recursive: true });
  if (name !== 'base') cpSync(path.join(root, 'tests/fixtures', name, 'content'), content, { recursive: true });
  const out = path.join(scratch, name, 'dist');
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      POLICY_READER_CONTENT: content,
      POLICY_READER_CACHE: path.join(scratch, name, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, out };
}

describe('content fixtures', () => {
  it('the valid base content set builds, so each failure below is caused by its one defect', () => {
    const { status, output, out } = buildFixture('base');
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/sample/index.html'))).toBe(true);
  });

  const cases: { name: string; says: (string | RegExp)[] }[] = [
    {
      name: 'missing-title',
      says: ['articles/sample.md', 'title is missing', 'Add "title:" to the front matter'],
    },
    {
      name: 'impossible-date',
      says: ['articles/sample.md', 'published', '"2015-02-31" is not a real date: February 2015 has 28 days'],
    },
    {
      name: 'unknown-reference',
      says: ['articles/sample.md', 'authors[1] refers to people "nobody-known", which does not exist', 'Add content/people/nobody-known.yaml'],
    },
    {
      name: 'duplicate-slug',
      says: [/articles\/(sample|another-file)\.md: slug "sample" is already used by .*articles\/(sample|another-file)\.md/, 'give one of them another slug'],
    },
    {
      name: 'unknown-kind',
      says: ['articles/sample.md', 'kind: "podcast" is not a known kind', 'Use one of: blog post, press release'],
    },
    {
      name: 'missing-capture',
      says: ['articles/sample.md', 'source.capture', 'sample-missing.txt does not exist', 'Copy the raw capture there'],
    },
    {
      name: 'broken-link',
      says: ['articles/sample.md:17', 'broken link to /people/sam-auther/', 'correct the link'],
    },
    {
      name: 'unknown-directive',
      says: ['articles/sample.md:17', 'unknown directive "pullqoute"', 'Use one of :::pullquote'],
    },
  ];

  for (const { name, says } of cases) {
    it(`a build with ${name.replace(/-/g, ' ')} fails, names the file, the field and the fix, and publishes nothing`, () => {
      const { status, output, out } = buildFixture(name);
      expect(status, output).not.toBe(0);
      for (const text of says) {
        if (typeof text === 'string') expect(output).toContain(text);
        else expect(output).toMatch(text);
      }
      expect(existsSync(out), 'a failed build must not leave an output folder').toBe(false);
    });
  }
});
