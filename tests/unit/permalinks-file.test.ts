import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/*
 * The register of published anchors is read by several steps of a build, in
 * other processes and bundles: its parsed copy, kept in the cache folder
 * under the file's stamp, spares each the YAML. An edited file is read anew.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-register-'));
const content = path.join(scratch, 'content');
const cache = path.join(scratch, 'cache');
const yaml = path.join(content, 'permalinks.yaml');
const copy = path.join(cache, 'permalinks-parsed.json');
const saved = { content: process.env.POLICY_READER_CONTENT, cache: process.env.POLICY_READER_CACHE };

beforeAll(() => {
  mkdirSync(content, { recursive: true });
  process.env.POLICY_READER_CONTENT = content;
  process.env.POLICY_READER_CACHE = cache;
});
afterAll(() => {
  for (const [name, value] of [['POLICY_READER_CONTENT', saved.content], ['POLICY_READER_CACHE', saved.cache]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** The module as another step of the build loads it: its own memory, the same files. */
async function anotherStep() {
  vi.resetModules();
  return import('../../src/content-files/permalinks');
}

describe('the register of published anchors, read by each step of a build', () => {
  it('is read from its parsed copy while the file is unchanged, and from the file once it is edited', async () => {
    writeFileSync(yaml, 'articles:\n  one:\n    ids: [p-1]\n');
    expect((await anotherStep()).readRegister().articles).toEqual({ one: { ids: ['p-1'] } });
    // The copy is what the next step reads: changed here by hand, it shows.
    const kept = JSON.parse(readFileSync(copy, 'utf8')) as { stamp: string; register: { articles: Record<string, { ids: string[] }> } };
    kept.register.articles.one!.ids = ['p-1', 'from-the-copy'];
    writeFileSync(copy, JSON.stringify(kept));
    expect((await anotherStep()).readRegister().articles.one?.ids).toEqual(['p-1', 'from-the-copy']);
    writeFileSync(yaml, 'articles:\n  one:\n    ids: [p-1, p-2]\n');
    expect((await anotherStep()).readRegister().articles.one?.ids).toEqual(['p-1', 'p-2']);
  });

  it('passes over a copy that is not whole, or not a register, for the file', async () => {
    writeFileSync(yaml, 'articles:\n  two:\n    ids: [p-9]\n');
    const { readRegister } = await anotherStep();
    readRegister();
    const { stamp } = JSON.parse(readFileSync(copy, 'utf8')) as { stamp: string };
    for (const broken of ['{"stamp":', JSON.stringify({ stamp, register: { articles: { two: { ids: 'p-9' } } } })]) {
      writeFileSync(copy, broken);
      expect((await anotherStep()).readRegister().articles).toEqual({ two: { ids: ['p-9'] } });
    }
  });

  it('leaves, once written by a build, a copy the next step reads', async () => {
    const { writeRegister } = await anotherStep();
    writeRegister({ articles: { three: { ids: ['p-3'] } } });
    const kept = JSON.parse(readFileSync(copy, 'utf8')) as { register: unknown };
    expect(kept.register).toEqual({ articles: { three: { ids: ['p-3'] } } });
    expect((await anotherStep()).readRegister().articles).toEqual({ three: { ids: ['p-3'] } });
  });
});
