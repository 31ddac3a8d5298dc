import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '../../src/content-files/articles';
import { collectionInputs, readYamlFolders } from '../../src/content-files/collection-inputs';
import { renderThread } from '../../src/loaders/render-thread';
import type { ArticleRecord } from '../../src/lib/article-record';
import { renderArticles, type ArticleSource, type RenderHelper } from '../../src/markdown/render';

/*
 * A large rendering is shared with a second thread (loaders/render-thread),
 * which renders every other article. Readers must get the same pages either
 * way: the same HTML, records, quoted-from links, and the same problems in
 * the same order. These use the seed articles, as the content folder holds
 * them, and keep passing whatever articles are added.
 */
const seed: ArticleSource[] = readArticleFiles().articles.map((a) => ({
  slug: typeof a.frontmatter.slug === 'string' ? a.frontmatter.slug : a.name,
  file: a.file,
  title: String(a.frontmatter.title),
  body: a.body,
}));
// Two articles with a mistake each: one found while parsing (a quotation's unknown speaker), one while linking (a broken link).
const mistakes: ArticleSource[] = [
  { slug: 'zz-unknown-speaker', file: 'content/articles/zz-unknown-speaker.md', title: 'Unknown speaker', body: 'They said “:quote[nothing at all]{speaker="nobody-known"}”.\n' },
  { slug: 'zz-broken-link', file: 'content/articles/zz-broken-link.md', title: 'Broken link', body: 'See [this piece](/articles/no-such-article/).\n' },
];
const sources = [...mistakes.slice(0, 1), ...seed, ...mistakes.slice(1)];
const dates = new Map<string, string | undefined>(sources.map((s) => [s.slug, undefined]));
const { inputs } = collectionInputs(readYamlFolders().folders, dates);

describe('rendering on two threads', () => {
  it('gives the same pages, records, quoted-from notes and problems as rendering on one', async () => {
    const one = await renderArticles(sources, inputs);
    const two = await renderArticles(sources, inputs, undefined, { helper: () => renderThread().forDates(dates) });
    expect(two.stats.helped).toBe(Math.floor(sources.length / 2));
    expect(one.problems).toHaveLength(2);
    expect(two.problems).toEqual(one.problems);
    expect([...two.rendered]).toEqual([...one.rendered]);
    expect([...two.notes]).toEqual([...one.notes]);
    expect({ ...two.stats, helped: 0 }).toEqual(one.stats);
    expect(two.stats.helperFailure).toBeUndefined();
  });

  it('counts the articles micromark read, on either thread', async () => {
    // Two articles with an address in their text (an autolink literal, which only micromark reads as the site must), side by side: one for each thread.
    const addressed: ArticleSource[] = ['zz-address-1', 'zz-address-2'].map((slug) => ({ slug, file: `content/articles/${slug}.md`, title: slug, body: 'Write to press@example.org for the figures.\n' }));
    const without = await renderArticles(seed, inputs, undefined, { helper: () => renderThread().forDates(dates) });
    const withThem = await renderArticles([...seed, ...addressed], inputs, undefined, { helper: () => renderThread().forDates(dates) });
    const here = await renderArticles([...seed, ...addressed], inputs);
    expect(withThem.stats.helped).toBeGreaterThan(0);
    expect(withThem.stats.micromark.filter((slug) => !without.stats.micromark.includes(slug))).toEqual(['zz-address-1', 'zz-address-2']);
    expect(here.stats.micromark).toEqual(withThem.stats.micromark);
  });

  it('hands over the records it parsed itself, each once, before it waits for the helper’s', async () => {
    const events: string[] = [];
    let handedOver = () => {};
    // The helper's answers wait for the hand-over, or 3 s: handing over after the wait would come second.
    const gate = new Promise<void>((resolve) => {
      handedOver = resolve;
      setTimeout(resolve, 3000);
    });
    const thread = renderThread().forDates(dates);
    const gated: RenderHelper = {
      ...thread,
      parse: async (...args) => {
        const answers = await thread.parse(...args);
        await gate;
        events.push('helper answered');
        return answers;
      },
    };
    const handed: ArticleRecord[] = [];
    const two = await renderArticles(sources, inputs, undefined, {
      helper: () => gated,
      parsedHere: (records) => {
        events.push('handed over');
        handed.push(...records);
        handedOver();
      },
    });
    expect(events).toEqual(['handed over', 'helper answered']);
    const slugs = handed.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    // Every article is parsed on one side or the other; the one whose speaker is unknown has no record to hand over.
    expect(slugs).not.toContain('zz-unknown-speaker');
    expect(slugs.length + two.stats.helped).toBe(sources.length - 1);
    for (const record of handed) if (two.rendered.has(record.slug)) expect(record).toEqual(two.rendered.get(record.slug)!.record);
  });

  it('renders the helper’s share on this thread when the helper fails, at either stage, and ends it', async () => {
    const one = await renderArticles(sources, inputs);
    const stopped = () => Promise.reject(new Error('Rendering on a second thread failed: the thread stopped (exit code 1)'));
    for (const stage of ['parse', 'render'] as const) {
      let closed = false;
      const thread = renderThread().forDates(dates);
      const failing: RenderHelper = {
        ...thread,
        [stage]: stopped,
        close: async () => {
          closed = true;
          return thread.close();
        },
      };
      const fallen = await renderArticles(sources, inputs, undefined, { helper: () => failing });
      expect(fallen.stats.helperFailure, stage).toContain('the thread stopped');
      expect(fallen.stats.helped, stage).toBe(0);
      expect(fallen.problems, stage).toEqual(one.problems);
      expect([...fallen.rendered], stage).toEqual([...one.rendered]);
      expect([...fallen.notes], stage).toEqual([...one.notes]);
      expect(closed, stage).toBe(true);
    }
  });

  it('lets a build that stops before rendering end, though its thread was started early and never put to work', () => {
    // The loader starts the thread before reading the articles; a content mistake then throws before any rendering.
    // A script of its own (not node -e, whose arguments a worker refuses to inherit).
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'render-thread-')), 'idle.mjs');
    writeFileSync(script, `import { renderThread } from ${JSON.stringify(pathToFileURL(path.resolve('src/loaders/render-thread.ts')).href)};\nrenderThread();\n`);
    // Generous: a process held open by the idle thread never ends, and this is how the test sees that.
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.error?.message, run.stderr).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
  });
});
