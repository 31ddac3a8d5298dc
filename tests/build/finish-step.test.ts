import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_INPUT } from '../../src/integrations/build-settings';
import { articlePagesNow, clearIndex } from '../../src/integrations/search-index';
import { fragmentData } from '../../src/lib/search-index-files';
import { articlePagesFolder, pagefindEntryUrl, pagefindFolderUrl, pagefindShardUrl, phraseIndexUrl, searchShardsUrl } from '../../src/lib/routes';
import { pageMonth, planShards, shardCount, type ShardPage } from '../../src/lib/search-shards';
import { builtFiles, dist } from '../support/built-site';
import { root } from '../support/fixture-build';

// scripts/build.mjs starts the step after Astro (the search index and the checks) beside Astro, tells it which
// article pages Astro will write when it renders them all ("plan") and each once written ("written"), when the
// article pages are all written ("articles": it may start the search index on them), and to go once Astro has written
// the site. Every build test goes through the telling; these are the cases a build rarely or never shows.
const script = path.resolve('scripts/finish-build.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'policy-reader-finish-step-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const finish = (input: string) =>
  spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, path.join(scratch, 'never-built'), '--when-told'], { input, encoding: 'utf8', timeout: 60_000 });

/** A copy of the built site (dist/, of the seed articles or any), without its search index, and of the content it was built from. */
function unindexedSite(name: string): { site: string; env: NodeJS.ProcessEnv } {
  const site = path.join(scratch, name, 'site');
  cpSync(dist, site, { recursive: true, dereference: true });
  clearIndex(site, path.join(site, SEARCH_INPUT));
  const content = path.join(scratch, name, 'content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  return { site, env: { ...process.env, POLICY_READER_CONTENT: content, POLICY_READER_CACHE: path.join(scratch, name, 'cache'), POLICY_READER_PREVIOUS: '', SITE_URL: 'http://localhost:4321', NO_COLOR: '1' } };
}

/** The step after Astro on a site, told what it is told when `tell` says; its exit code and output. */
function finishTold(site: string, env: NodeJS.ProcessEnv, tell: (say: (words: string | null) => void) => Promise<void>) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script, site, '--when-told'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const ended = new Promise<{ status: number | null; output: string }>((resolve) => child.on('exit', (status) => resolve({ status, output })));
  return tell((words) => (words === null ? child.stdin.end() : child.stdin.write(words))).then(() => ended);
}

const until = async (done: () => boolean) => {
  for (let tries = 0; !done(); tries++) {
    if (tries > 600) throw new Error('waited 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Every word of the site's search fragments, as Pagefind wrote them. */
const indexedText = (site: string) => {
  const folder = path.join(site, pagefindFolderUrl, 'fragment');
  return readdirSync(folder)
    .map((file) => fragmentData<{ content: string }>(gunzipSync(readFileSync(path.join(folder, file))), file).content)
    .join('\n');
};

describe('the step after Astro, started before the site is built', () => {
  it('ends without a word and writes nothing when it is never told to go (Astro failed)', () => {
    const run = finish('');
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('told to go where no site was written, says what it needs and fails', () => {
    const run = finish('go\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Give the folder of a built site (one with an index.html)');
  });

  it('told the article pages are written, starts the search index on them, and stops it without a word if never told to go', async () => {
    const { site, env } = unindexedSite('never-go');
    const run = await finishTold(site, env, async (say) => {
      say('articles\n');
      await until(() => existsSync(path.join(site, SEARCH_INPUT)) || existsSync(path.join(site, pagefindFolderUrl)));
      say(null);
    });
    expect([run.status, run.output]).toEqual([0, '']);
    // Its last step, the list of shards the search page reads, is never written: build.mjs removes the folder.
    expect(existsSync(path.join(site, searchShardsUrl))).toBe(false);
  });

  it('indexes the site again when an article page is written after the index started on it, so search finds what the page says', async () => {
    const { site, env } = unindexedSite('written-again');
    const [folder, file] = articlePagesFolder();
    const page = path.join(site, folder, readdirSync(path.join(site, folder)).sort().find((name) => existsSync(path.join(site, folder, name, file)))!, file);
    const word = 'Zanzibarification';
    const run = await finishTold(site, env, async (say) => {
      say('articles\n');
      // Pagefind has read the pages once it writes its index.
      await until(() => existsSync(path.join(site, pagefindEntryUrl)));
      const html = readFileSync(page, 'utf8');
      writeFileSync(page, html.replace(/(<p [^>]*data-block[^>]*>)/, `$1${word} `));
      say('go\n');
      say(null);
    });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('the article pages changed after the search index started on them: indexed again');
    expect(indexedText(site)).toContain(word);
  });

  it('keeps the index it started on the article pages when they are the finished site’s', async () => {
    const { site, env } = unindexedSite('unchanged');
    const run = await finishTold(site, env, async (say) => {
      say('articles\n');
      await until(() => existsSync(path.join(site, pagefindEntryUrl)));
      say('go\n');
      say(null);
    });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/started on the article pages while Astro wrote the rest of the site/);
    expect(run.output).not.toContain('indexed again');
    expect(existsSync(path.join(site, searchShardsUrl))).toBe(true);
  });
  // One page a shard: each month of the articles is a shard of its own.
  const oneAPage = (env: NodeJS.ProcessEnv) => ({ ...env, POLICY_READER_SEARCH_SHARD_PAGES: '1' });
  /** The article pages of a site as Astro's build plans them: each with the month its head says. */
  const planOf = (site: string): ShardPage[] => [...articlePagesNow(site).keys()].map((page) => ({ page, month: pageMonth(readFileSync(path.join(site, page), 'utf8')) }));
  const entryOf = (site: string, folder: string) => path.join(site, pagefindShardUrl(folder), 'pagefind-entry.json');
  /** Every file of a site's search index (Pagefind's shards, the list of shards, the index of adjacent words) and its bytes. */
  const indexFiles = (site: string) => {
    const phrases = `${path.posix.dirname(phraseIndexUrl)}/`;
    const ofIndex = (file: string) => file.startsWith(pagefindFolderUrl) || file === searchShardsUrl || file.startsWith(phrases);
    return Object.fromEntries(
      builtFiles(site)
        .filter(ofIndex)
        .map((file) => [file, readFileSync(path.join(site, file)).toString('base64')]),
    );
  };

  it('told which article pages Astro will write, indexes each shard once its pages are written, before the others are, and writes the index it writes after Astro (seed articles)', async () => {
    const { site, env } = unindexedSite('planned');
    const plan = planOf(site);
    const shards = planShards(plan, shardCount(plan.length, 1));
    expect(shards.length, 'the seed articles are of more than one month').toBeGreaterThan(1);
    const [oldest, newest] = [shards[0]!, shards.at(-1)!];
    let oldestBeforeWritten: boolean | undefined;
    const run = await finishTold(site, oneAPage(env), async (say) => {
      say(`plan ${JSON.stringify(plan)}\n`);
      for (const page of newest.pages) say(`written ${page}\n`);
      await until(() => existsSync(entryOf(site, newest.folder)));
      oldestBeforeWritten = existsSync(entryOf(site, oldest.folder));
      for (const { page } of plan) if (!newest.pages.includes(page)) say(`written ${page}\n`);
      say('articles\ngo\n');
      say(null);
    });
    expect(run.status, run.output).toBe(0);
    expect(oldestBeforeWritten).toBe(false);
    expect(run.output).toMatch(/started on the article pages as Astro wrote them/);
    expect(run.output).not.toContain('indexed again');

    const after = unindexedSite('planned-after');
    expect((await finishTold(after.site, oneAPage(after.env), async (say) => (say('go\n'), say(null)))).status).toBe(0);
    expect(indexFiles(site)).toEqual(indexFiles(after.site));
  });

  it('indexes the site again when an article page is not of the month Astro planned, so results sorted by date stay in order (seed articles)', async () => {
    const { site, env } = unindexedSite('planned-wrong');
    const plan = planOf(site);
    const wrong = plan.map((p, i) => (i === 0 ? { ...p, month: '1900-01' } : p));
    const run = await finishTold(site, oneAPage(env), async (say) => {
      say(`plan ${JSON.stringify(wrong)}\n`);
      for (const { page } of plan) say(`written ${page}\n`);
      say('articles\ngo\n');
      say(null);
    });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain(`${plan[0]!.page} is of ${plan[0]!.month}, not as planned): indexed again`);
    expect(JSON.parse(readFileSync(path.join(site, searchShardsUrl), 'utf8')).shards).toHaveLength(planShards(plan, shardCount(plan.length, 1)).length);
  });

  it('told which article pages Astro will write, stops without a word if never told to go', async () => {
    const { site, env } = unindexedSite('planned-never-go');
    const plan = planOf(site);
    const run = await finishTold(site, oneAPage(env), async (say) => {
      say(`plan ${JSON.stringify(plan)}\n`);
      for (const { page } of plan.slice(0, 1)) say(`written ${page}\n`);
      say(null);
    });
    expect([run.status, run.output]).toEqual([0, '']);
    expect(existsSync(path.join(site, searchShardsUrl))).toBe(false);
  });

  it('told which article pages Astro will write where a published build is there (every page rendered after a code change), still starts the search index once they are all written', async () => {
    const { site, env } = unindexedSite('planned-published');
    const published = path.join(scratch, 'planned-published', 'published');
    cpSync(dist, published, { recursive: true, dereference: true });
    const plan = planOf(site);
    const run = await finishTold(site, { ...env, POLICY_READER_PREVIOUS: published }, async (say) => {
      say(`plan ${JSON.stringify(plan)}\n`);
      for (const { page } of plan) say(`written ${page}\n`);
      say('articles\ngo\n');
      say(null);
    });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/started on the article pages while Astro wrote the rest of the site/);
  });
});
