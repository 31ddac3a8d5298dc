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

describe('the register as the build writes it', () => {
  // Registers drawn at random from the characters of slugs and block ids, with the words YAML would read as something else.
  const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const odd = ['yes', 'no', 'on', 'off', 'y', 'n', 'null', 'true', 'false', '2016', '1e5', '0x1f', '0o7', '1_0', '-1', '-', '--', '-the-transfer', '1-2', '0'];
  const registerFrom = (seed: number) => {
    const next = random(seed);
    const word = () => (next() < 0.2 ? odd[Math.floor(next() * odd.length)]! : Array.from({ length: 1 + Math.floor(next() * 12) }, () => 'abcdefghijklmnopqrstuvwxyz0123456789-'[Math.floor(next() * 37)]).join(''));
    const articles: Record<string, { ids: string[]; moved?: Record<string, string> }> = {};
    for (let a = 0; a < 6; a++) {
      const ids = Array.from({ length: Math.floor(next() * 5) }, word);
      articles[word()] = next() < 0.3 ? { ids, moved: Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 3) }, () => [word(), word()])) } : { ids };
    }
    return next() < 0.3 ? { articles, movedArticles: { [word()]: word() } } : { articles };
  };

  it('is what js-yaml’s dump writes, byte for byte, for any register of slugs and ids', async () => {
    const { dump } = await import('js-yaml');
    const { registerYaml } = await anotherStep();
    for (let seed = 1; seed <= 300; seed++) {
      const register = registerFrom(seed);
      expect(registerYaml(register), JSON.stringify(register)).toBe(dump(register, { lineWidth: -1, noRefs: true }));
    }
    for (const register of [{ articles: {} }, { articles: { 'a b': { ids: ['Ünïcode id', 'p-1'] } }, movedArticles: {} }, { articles: { one: { ids: [], moved: {} } } }]) {
      expect(registerYaml(register)).toBe(dump(register, { lineWidth: -1, noRefs: true }));
    }
  });
});
