import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_INPUT } from '../../src/integrations/build-settings';
import { buildIndex } from '../../src/integrations/search-index';
import { articlePagesGlob } from '../../src/lib/routes';
import { DATE_SORT_META } from '../../src/lib/search-shards';

/*
 * How the build drives Pagefind's process (integrations/search-index), with a
 * Pagefind of its own, whose reading of the pages takes a while: one that
 * answers in the order it was asked, as Pagefind's service does, or, if a
 * test says so, one that answers the writing first.
 */
const pagefind = vi.hoisted(() => ({
  events: [] as string[],
  writesBeforeReading: false,
}));

vi.mock('pagefind', async () => {
  const { readdirSync: readdir } = await import('node:fs');
  const { join } = await import('node:path');
  return {
    createIndex: async () => ({
      errors: [],
      index: {
        addDirectory: ({ path: folder }: { path: string }) => {
          pagefind.events.push('reading asked for');
          const read = readdir(join(folder, 'articles')).length;
          // Its reading takes a while, in its own process.
          return new Promise((resolve) =>
            setTimeout(() => {
              pagefind.events.push('pages read');
              resolve({ errors: [], page_count: read });
            }, 100),
          );
        },
        writeFiles: ({ outputPath }: { outputPath: string }) => {
          pagefind.events.push('writing asked for');
          // Answered after the reading, as asked, unless the test says otherwise.
          return new Promise((resolve) => setTimeout(() => resolve({ errors: [], outputPath }), pagefind.writesBeforeReading ? 0 : 150));
        },
      },
    }),
    close: async () => {},
  };
});

/** A site of two article pages, as the build writes them for Pagefind. */
function site(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'search-pagefind-'));
  for (const slug of ['first', 'second']) {
    const page = path.join(folder, articlePagesGlob().replace('*', slug));
    mkdirSync(path.dirname(page), { recursive: true });
    writeFileSync(page, `<!doctype html><html lang="en"><head><meta name="${DATE_SORT_META}" content="2016-04-01"></head><body><main data-pagefind-body><p>${slug}</p></main></body></html>`);
  }
  return folder;
}

const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
  pagefind.events.length = 0;
  pagefind.writesBeforeReading = false;
});

describe('the search index, as the build drives Pagefind', () => {
  it('runs the checks while Pagefind is still reading the pages, its writing already asked for', async () => {
    const folder = site();
    made.push(folder);
    const checks = () => {
      pagefind.events.push('checks');
      throw new Error('a broken link');
    };
    await expect(buildIndex(folder, folder, path.join(folder, SEARCH_INPUT), { info: () => {} }, { checks })).rejects.toThrow('a broken link');
    expect(pagefind.events).toEqual(['reading asked for', 'writing asked for', 'checks']);
    await vi.waitFor(() => expect(pagefind.events).toContain('pages read'));
  });

  it('fails the build, rather than publish half an index, when Pagefind answers that it wrote before it had read the pages', async () => {
    const folder = site();
    made.push(folder);
    pagefind.writesBeforeReading = true;
    await expect(buildIndex(folder, folder, path.join(folder, SEARCH_INPUT), { info: () => {} })).rejects.toThrow('Pagefind wrote an index before it had read its pages');
    await vi.waitFor(() => expect(pagefind.events).toContain('pages read'));
  });
});
