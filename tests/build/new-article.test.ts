import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticleFiles } from '../../src/content-files/articles';
import { readFurniture } from '../../src/content-files/config-files';
import { draftInputs } from '../../src/content-files/new-article';
import { sourcesDir } from '../../src/content-files/paths';
import { draftArticle } from '../../src/lib/draft-article';
import { fidelityProblems } from '../../src/lib/fidelity';
import { normaliseText } from '../../src/lib/text';
import { fixtureContent, root } from '../support/fixture-build';
import { sourceLines } from '../support/source-lines';

/*
 * npm run new drafts an article from a raw capture. Drafting the five seed
 * captures again gives what the editors published: the same body, the same
 * furniture found, the same stated facts. These tests are about those five
 * seed articles by name; articles added later are not drafts to compare.
 */
const SEED_CAPTURES = ['000_3e0adf041d1e99ab.txt', '001_32960e168572bf63.txt', '002_574079f0502f485f.txt', '003_c5ccf2482159b060.txt', '004_488e421e8d1af47f.txt'];

type Published = {
  title: string;
  titleSource: string;
  standfirst?: string;
  kind?: string;
  published?: string;
  partOf?: { name: string; relation: string };
  source: { capture: string; url?: string; citation?: string; dropped?: { line: number; text: string }[] };
};
const published = readArticleFiles().articles.map((a) => ({ ...a, data: a.frontmatter as Published }));
const { patterns } = readFurniture();
const norm = (lines: string[]) => lines.map((l) => normaliseText(l));
const speakersIn = (body: string) => new Set([...body.matchAll(/speaker="([^"]+)"/g)].map((m) => m[1]));

describe('drafting the seed captures again (npm run new)', () => {
  for (const capture of SEED_CAPTURES) {
    const article = published.find((a) => a.data.source.capture === capture);
    it.skipIf(!article)(`${capture}: the draft has the published body, furniture and stated facts, and keeps every sentence`, () => {
      const { data, body } = article!;
      const draft = draftArticle(draftInputs(path.join(sourcesDir, capture), data.source.url));
      // The body: the same source lines, in the same order, whatever markup each has.
      expect(norm(sourceLines(draft.body))).toEqual(norm(sourceLines(body)));
      // The furniture: the lines the editors dropped.
      expect(draft.dropped.map((d) => d.line)).toEqual((data.source.dropped ?? []).map((d) => d.line));
      // The stated facts the editors recorded, found where the text states them.
      expect({ title: draft.title.value, titleSource: draft.title.source }).toEqual({ title: data.title, titleSource: data.titleSource });
      expect(draft.standfirst?.value).toBe(data.standfirst);
      expect(draft.kind?.value).toBe(data.kind);
      expect(draft.published?.value).toBe(data.published);
      // A series the page states on a "Part of" line; an extract is the editors' reading of the text.
      expect(draft.partOf?.value).toBe(data.partOf?.relation === 'series' ? data.partOf.name : undefined);
      expect(draft.citation?.value).toBe(data.source.citation);
      // The quotation markup proposed names the speakers the editors marked.
      expect(speakersIn(draft.body)).toEqual(speakersIn(body));
      // And nothing of the capture is lost.
      const lines = readFileSync(path.join(sourcesDir, capture), 'utf8').split('\n');
      const text = [draft.title.value, draft.standfirst?.value ?? '', draft.citation?.value ?? '', ...sourceLines(draft.body)].join('\n');
      expect(fidelityProblems(lines, draft.dropped, text, patterns)).toEqual([]);
    });
  }
});

const PUBLISHER_FURNITURE = [
  "  - pattern: '\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}'",
  '    what: a date line',
  '    records: published',
  "  - pattern: 'Comments are closed\\.'",
  '    what: the comment section',
  '',
].join('\n');

const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-new-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run new', () => {
  it('drafts an article, a stub for a new speaker, and leaves a collection that npm run check passes', () => {
    // This publisher's furniture, as an editor would add it to content/furniture.yaml.
    const content = fixtureContent('new', { 'furniture.yaml': (before) => `${before}${PUBLISHER_FURNITURE}` }, scratch);
    const capture = path.join(scratch, 'trust-statement.txt');
    writeFileSync(
      capture,
      [
        'Trust welcomes the new plan',
        '',
        '12.03.16',
        '',
        'Responding to the plan, Pat Newcomer, director of the Sample Trust, said:',
        '',
        '“We welcome the plan, and at 10:30 today we will set out what it means.”',
        '',
        'Comments are closed.',
        '',
      ].join('\n'),
    );
    const env = { ...process.env, POLICY_READER_CONTENT: content, NO_COLOR: '1' };
    const run = spawnSync(process.execPath, ['scripts/new.mjs', capture, '--url', 'https://trust.example.org/news/plan'], { cwd: root, encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Drafted ');
    expect(run.stdout).toContain('date: 2016-03-12 (line 3: “12.03.16”)');
    expect(run.stdout).toContain('Still to decide:');
    expect(readFileSync(path.join(content, 'sources/trust-statement.txt'), 'utf8')).toBe(readFileSync(capture, 'utf8'));
    const article = readFileSync(path.join(content, 'articles/trust-welcomes-the-new-plan.md'), 'utf8');
    expect(article).toContain('draft: true');
    expect(article).toContain(':::quote{speaker="pat-newcomer"}');
    expect(article).toContain('at 10\\:30 today');
    expect(existsSync(path.join(content, 'people/pat-newcomer.yaml'))).toBe(true);
    const check = spawnSync(process.execPath, ['scripts/check.mjs'], { cwd: root, encoding: 'utf8', env: { ...env, POLICY_READER_CACHE: path.join(scratch, 'new', 'cache') } });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).toContain('No problems in the content');
  });

  it('refuses a capture whose name is taken by a different capture, and changes nothing', () => {
    const content = fixtureContent('taken', {}, scratch);
    const capture = path.join(scratch, 'sample.txt');
    writeFileSync(capture, 'A different headline\n\nA different text.\n');
    const run = spawnSync(process.execPath, ['scripts/new.mjs', capture], { cwd: root, encoding: 'utf8', env: { ...process.env, POLICY_READER_CONTENT: content } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('already exists and differs');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(content, 'articles/a-different-headline.md'))).toBe(false);
  });
});
