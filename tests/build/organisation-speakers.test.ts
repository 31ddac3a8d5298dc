import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, write, type Delta } from '../support/fixture-build';

/*
 * "The Department of Health said": an organisation can be the speaker of a
 * quotation, and it is then shown, listed and exported as the organisation's
 * words, never as a person's or the article's author's.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-organisation-speakers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STATEMENT: Delta = {
  'sources/statement.txt': write('Trust responds to the plan\n\nResponding, the Sample Trust said:\n\n“We welcome the plan and will say more soon.”\n\nIt called the plan “a fair start”.\n'),
  'articles/statement.md': write(
    [
      '---',
      'title: "Trust responds to the plan"',
      'titleSource: source',
      'published: "2016-01-05"',
      'source:',
      '  capture: statement.txt',
      '---',
      '',
      'Responding, the Sample Trust said:',
      '',
      ':::quote{speaker="sample-trust"}',
      '“We welcome the plan and will say more soon.”',
      ':::',
      '',
      'It called the plan “:quote[a fair start]{speaker="sample-trust"}”.',
      '',
    ].join('\n'),
  ),
};

let out = '';
beforeAll(() => {
  const built = buildFixture('statement', STATEMENT, scratch);
  expect(built.status, built.output).toBe(0);
  out = built.out;
});
const page = (file: string) => readFileSync(path.join(out, file), 'utf8');

describe('an organisation as the speaker of a quotation', () => {
  it('the article names the organisation as the speaker of its words', () => {
    const html = page('articles/statement/index.html');
    expect(html).toMatch(/class="quotation__speaker"[^>]*><span class="visually-hidden">Speaker: <\/span>Sample Trust<\/p>/);
    expect(html).toMatch(/Quoting:<\/span> Sample Trust/);
  });

  it('the quotes page lists its words under the organisation, linked to the organisation’s page', () => {
    expect(page('quotes/index.html')).toContain('<a href="/organisations/sample-trust/">Sample Trust</a>');
  });

  it('the organisation’s page lists its words as quoted', () => {
    const html = page('organisations/sample-trust/index.html');
    expect(html).toContain('Its words, as quoted');
    expect(html).toContain('We welcome the plan and will say more soon.');
  });

  it('the quotations data gives the organisation’s name and its key as the speaker', () => {
    const rows = JSON.parse(page('data/quotations.json')) as { text: string; speaker: string; speakerId: string }[];
    const ours = rows.filter((r) => r.text.includes('fair start') || r.text.includes('We welcome the plan'));
    expect(ours).toHaveLength(2);
    for (const row of ours) expect(row).toMatchObject({ speaker: 'Sample Trust', speakerId: 'organisations/sample-trust' });
  });
});
