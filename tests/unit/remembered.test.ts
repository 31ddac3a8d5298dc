import { describe, expect, it } from 'vitest';
import { forgetUnanswered, remembered, rememberedByKey } from '../../src/lib/remembered';

/** A file on a server whose connection drops: each ask is counted, and fails while `down`. */
function flakyFile(answer: string) {
  const file = {
    asked: 0,
    down: false,
    load: async () => {
      file.asked++;
      if (file.down) throw new TypeError('Failed to fetch');
      return answer;
    },
  };
  return file;
}

describe('loads kept for a page’s life (lib/remembered)', () => {
  it('an answer is loaded once, however often and however soon it is asked for', async () => {
    const file = flakyFile('index');
    const load = remembered(file.load);
    expect(await Promise.all([load(), load()])).toEqual(['index', 'index']);
    expect(await load()).toBe('index');
    expect(file.asked).toBe(1);
  });

  it('a failure reaches everyone waiting for it, and the next ask loads again', async () => {
    const file = flakyFile('index');
    const load = remembered(file.load);
    file.down = true;
    await expect(Promise.all([load(), load()])).rejects.toThrow('Failed to fetch');
    file.down = false;
    expect(await load()).toBe('index');
    expect(await load()).toBe('index');
    expect(file.asked).toBe(2);
  });

  it('by key: each key is loaded once, and only the key that failed is loaded again', async () => {
    const files = { a: flakyFile('A'), b: flakyFile('B') };
    const load = rememberedByKey<'a' | 'b', string>();
    files.b.down = true;
    expect(await load('a', files.a.load)).toBe('A');
    await expect(load('b', files.b.load)).rejects.toThrow('Failed to fetch');
    files.b.down = false;
    expect(await load('a', files.a.load)).toBe('A');
    expect(await load('b', files.b.load)).toBe('B');
    expect([files.a.asked, files.b.asked]).toEqual([1, 2]);
  });

  it('after forgetUnanswered, a load still waiting is asked for afresh by the next caller, and its first callers still hear its answer', async () => {
    let asked = 0;
    const waiting: ((answer: string) => void)[] = [];
    const load = remembered(() => {
      asked++;
      return new Promise<string>((resolve) => waiting.push(resolve));
    });
    const first = load();
    expect(load()).toBe(first);
    forgetUnanswered();
    const second = load();
    expect(second).not.toBe(first);
    expect(asked).toBe(2);
    waiting[1]!('afresh');
    waiting[0]!('late');
    expect([await first, await second]).toEqual(['late', 'afresh']);
    // The answer kept is the newer load's; the late one replaces nothing.
    expect(await load()).toBe('afresh');
    expect(asked).toBe(2);
  });

  it('forgetUnanswered leaves an answer already had', async () => {
    const file = flakyFile('index');
    const load = remembered(file.load);
    expect(await load()).toBe('index');
    forgetUnanswered();
    expect(await load()).toBe('index');
    expect(file.asked).toBe(1);
  });
});
