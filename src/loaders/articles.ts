import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { noArticlesProblem, readArticleFiles } from '../content-files/articles';
import { collectionInputs, readYamlFolders, type YamlFolders } from '../content-files/collection-inputs';
import { captureIdentity, readCapture } from '../content-files/captures';
import { readCollectionDescription, readFurniture, readSynonyms } from '../content-files/config-files';
import { contentDir, sourcesDir } from '../content-files/paths';
import { entryFileNames } from '../content-files/entries';
import { registerName } from '../content-files/permalinks';
import { articleSchema } from '../content-files/schemas/article';
import { explainIssue } from '../content-files/yaml-source';
import type { ArticleRecord, StoredRendering } from '../lib/article-record';
import { contentError, fieldName } from '../lib/content-error';
import { countOf, listed } from '../lib/text';
import { describeDanglingReference, findDanglingReferences, type EntryLike } from '../lib/references';
import { slugProblem } from '../lib/slugs';
import { articleDateIso, articleDateKey, type DatedLike } from '../lib/article-dates';
import { articleVocabulary } from '../lib/did-you-mean';
import { fidelityProblems } from '../lib/fidelity';
import { resolveStatedIn, type StatedIn } from '../lib/stated-in';
import { checkRegister } from '../lib/permalink-register';
import { renderArticles, type ArticleSource, type CachedArticle, type RenderCache } from '../markdown/render';
import { HELPED_FROM, renderThread } from './render-thread';
import { digestFiles, keyFile, renderCache, storeOnThread, writeOnThread } from './render-cache';
import { keepCollectionVocabulary } from './collection-vocabulary';
import { Worker } from 'node:worker_threads';
import { cardText, type CardFacts, type CardText } from '../lib/article-card';
import { CARD_WORKER, cardCacheDir } from '../lib/card-painter';

/**
 * The articles collection, rendered once. Astro's glob loader would render
 * each article on its own when a page asks for it, with no view of the
 * others; here every article is validated, then the whole collection is
 * rendered in one pass (src/markdown/render.ts), and each entry is stored
 * with its headings and the files of its HTML and its record (blocks and
 * quotations), which data/catalogue reads, so that pages and collection-wide
 * derivation read them instead of rendering again.
 *
 * Every problem in every content file is reported here, together, then the
 * build stops: the articles' own, and (since Astro shows only the first
 * loader that fails) those of the YAML folders, references between files,
 * names two entries claim and timeline events.
 */
export function articleLoader(): Loader {
  // Renderings kept for the next load: in `astro dev`, each edit reloads the whole collection.
  const memory = new Map<string, CachedArticle>();
  // Articles found faithful to their captures, by a digest of everything the check reads: not checked again.
  const faithful = new Set<string>();
  return {
    name: 'policy-reader:articles',
    load: async (context) => {
      const cacheDir = fileURLToPath(context.config.cacheDir);
      // A build (scripts/build.mjs says where it writes) leaves the cache's new files to a thread (render-cache, writeOnThread).
      const cache = () =>
        renderCache({
          later: process.env.POLICY_READER_OUT ? [] : undefined,
          dir: path.join(cacheDir, 'article-render'),
          root: fileURLToPath(context.config.root),
          digest: context.generateDigest,
          memory,
          // The pages' HTML, in this run's folder (loadArticles) or the other's: `astro dev` started after a build renders nothing again.
          htmlDirs: [!!context.watcher, !context.watcher].map((dev) => digestFolder(cacheDir, 'article-html', dev)),
        });
      await loadArticles(context, cache(), faithful, true);
      // In `astro dev`, any content file can change mentions, quotes or links on any article.
      // Changes that come together (an article and its capture, saved at once) make one reload, and reloads never overlap.
      context.watcher?.add(contentDir);
      let pending: ReturnType<typeof setTimeout> | undefined;
      let running: Promise<void> = Promise.resolve();
      context.watcher?.on('all', (_event, changed) => {
        if (!path.resolve(changed).startsWith(contentDir + path.sep)) return;
        clearTimeout(pending);
        pending = setTimeout(() => {
          running = running.then(() => loadArticles(context, cache(), faithful, false)).catch((error: Error) => context.logger.error(error.message));
        }, 30);
      });
    },
  };
}

/** A folder of files named by their digests (digestFiles): `astro dev`'s apart from the builds'. */
const digestFolder = (cacheDir: string, name: string, dev: boolean) => path.join(cacheDir, dev ? `${name}-dev` : name);

async function loadArticles(
  { store, generateDigest, logger, config, watcher }: LoaderContext,
  cache: RenderCache & { later?: [string, string][] | undefined; kept(): number },
  faithful = new Set<string>(),
  firstLoad = true,
): Promise<void> {
  const cacheDir = fileURLToPath(config.cacheDir);
  const started = performance.now();
  // When that many articles have no rendering kept (a first build), the second thread that will share their
  // rendering (loaders/render-thread) starts now, and loads while the articles are read and validated.
  const early = entryFileNames('articles', '.md').length - cache.kept() >= HELPED_FROM ? renderThread() : undefined;
  const { articles, problems } = readArticleFiles();
  if (articles.length === 0 && problems.length === 0) problems.push(noArticlesProblem());
  // The collection's own schema, applied here so each problem can name its file and line.
  // Each capture is read once: the schema checks its dropped lines, the fidelity check its sentences.
  const captures = new Map<string, ReturnType<typeof readCapture>>();
  const captureOf = (file: string) => {
    if (!captures.has(file)) captures.set(file, readCapture(file));
    return captures.get(file);
  };
  const schema = articleSchema({ readCapture: captureOf });
  const claimedBy = new Map<string, string>();
  // scripts/build.mjs says when a build is to be published; dev, npm run check and local builds show drafts.
  const publishing = process.env.POLICY_READER_PUBLISH === '1';
  const drafts = new Set<string>();
  const valid: { source: ArticleSource; data: Record<string, unknown>; digest: string; lineOf: (typeof articles)[number]['lineOf'] }[] = [];
  for (const article of articles) {
    const slug = article.frontmatter.slug;
    const id = typeof slug === 'string' ? slug : article.name;
    const problem = slugProblem(id);
    if (problem) {
      problems.push(`${article.file}: ${typeof slug === 'string' ? 'slug' : 'file name'}: ${problem}`);
      continue;
    }
    const other = claimedBy.get(id);
    if (other) {
      problems.push(
        `${article.file}: slug "${id}" is already used by ${other}. Slugs are permanent public URLs and must be unique: give one of them another slug.`,
      );
      continue;
    }
    claimedBy.set(id, article.file);
    if (article.body.trim() === '') {
      problems.push(`${article.file}: the article has no body. Paste the source's text below the front matter, every sentence word for word.`);
      continue;
    }
    // The schema reads the article's file and its capture, nothing else: an article whose file and capture are as
    // the store's entry was made from, by the same code, keeps that entry's data (validating 5,000 front matters
    // again, with their captures, was half a second of a rebuild).
    const digest = validationKey(article, captureIdentity, (text) => generateDigest(`${cache.version}\0${text}`));
    const stored = digest === undefined ? undefined : store.get(id);
    let parsed: ReturnType<typeof schema.safeParse>;
    try {
      parsed = stored !== undefined && stored.digest === digest ? ({ success: true, data: stored.data } as ReturnType<typeof schema.safeParse>) : schema.safeParse(article.frontmatter);
    } catch (error) {
      // Reading the capture can fail (a file that is not UTF-8): say so, and go on to the next article.
      problems.push((error as Error).message);
      continue;
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${article.file}:${article.lineOf(issue.path)}: ${fieldName(issue.path) || 'front matter'}: ${explainIssue(issue.message, article.writtenAs(issue.path))}`);
      }
      continue;
    }
    // A published build leaves drafts out: their addresses are not promised yet.
    if (publishing && (parsed.data as { draft?: boolean }).draft) {
      drafts.add(id);
      claimedBy.delete(id);
      continue;
    }
    valid.push({
      data: parsed.data as Record<string, unknown>,
      // Undefined only for a capture that cannot be read, which the schema has failed on.
      digest: digest ?? generateDigest(article.raw),
      source: { slug: id, file: article.file, title: parsed.data.title, body: article.body, date: articleDateIso(parsed.data) },
      lineOf: article.lineOf,
    });
  }
  if (publishing && valid.length === 0 && drafts.size > 0 && problems.length === 0) {
    problems.push(
      `${path.relative(process.cwd(), path.join(contentDir, 'articles'))}/: every article is a draft (${[...drafts].sort().join(', ')}), and a build to publish leaves drafts out, so there is nothing to publish. Remove "draft: true" from the articles that are ready; npm start shows drafts.`,
    );
  }

  const { folders, problems: folderProblems, ids } = readYamlFolders();
  problems.push(...folderProblems);
  // Search reads the synonyms at query time; a mistake in them is a content problem like any other.
  problems.push(...readSynonyms().problems);
  problems.push(...readCollectionDescription().problems);
  // Entries with problems of their own still exist: a reference to one is not reported again.
  const exists = (collection: string, id: string): EntryLike => ({ collection, id, data: {} });
  const entries: EntryLike[] = [
    ...valid.map(({ source, data, lineOf }) => ({ collection: 'articles', id: source.slug, filePath: source.file, data, lineOf })),
    ...[...claimedBy.keys()].map((id) => exists('articles', id)),
    ...Object.entries(folders).flatMap(([collection, list]) => list.map(({ id, file, data, lineOf }) => ({ collection, id, filePath: file, data, lineOf }))),
    ...Object.entries(ids).flatMap(([collection, list]) => list.map((id) => exists(collection, id))),
  ];
  problems.push(
    ...findDanglingReferences(entries, ['articles', ...Object.keys(folders)]).map((d) =>
      d.target.collection === 'articles' && drafts.has(d.target.id)
        ? `${d.file}${d.line === undefined ? '' : `:${d.line}`}: ${d.field} refers to the draft article "${d.target.id}", which a published build leaves out. Publish it (remove draft: true), or refer to another article.`
        : describeDanglingReference(d),
    ),
  );

  let inputs: ReturnType<typeof collectionInputs>['inputs'] | undefined;
  // Every article's date, for the roles its speakers held then; an article with problems of its own is still an article.
  const dates = new Map<string, string | undefined>([...claimedBy.keys()].map((id) => [id, undefined]));
  try {
    for (const { source, data } of valid) {
      dates.set(source.slug, articleDateKey(data as DatedLike));
    }
    const collection = collectionInputs(folders, dates);
    problems.push(...collection.problems);
    inputs = collection.inputs;
  } catch (error) {
    // The permalink register is read here; a broken one is its own problem.
    problems.push((error as Error).message);
  }
  // Passes are remembered between builds too (the check reads every capture: 1.5 s at 5,000 articles).
  const passes = keyFile(path.join(cacheDir, 'article-fidelity.json'));
  if (faithful.size === 0) for (const key of passes.read()) faithful.add(key);
  const checker = fidelityChecker(captureOf, (validated, patterns) => generateDigest(`${validated}\0${patterns}`), faithful);
  const validBySlug = new Map(valid.map((v) => [v.source.slug, v]));
  // The articles this thread parsed are checked, and their words found, while the helper parses its share: work that
  // waited for the whole rendering fills the wait instead (about a second of a 5,000-article build).
  const checkedEarly = new Map<string, string[]>();
  const wordsEarly = new Map<string, string[]>();
  const parsedHere = (records: ArticleRecord[]) => {
    for (const record of records) {
      const entry = validBySlug.get(record.slug);
      if (!entry) continue;
      checkedEarly.set(record.slug, checker.check(entry, record));
      wordsEarly.set(record.slug, articleVocabulary(entry.source.title, record.blocks));
    }
  };
  const { rendered, problems: renderProblems, stats, notes }: Awaited<ReturnType<typeof renderArticles>> = inputs
    ? await renderArticles(
        valid.map((v) => v.source),
        inputs,
        cache,
        // A second thread renders half of a large rendering; it reads the same content files, with these dates, for its inputs.
        { helper: (toParse) => (toParse >= HELPED_FROM ? (early ?? renderThread()).forDates(dates) : undefined), parsedHere },
      )
    : { rendered: new Map<string, never>(), problems: [], stats: { changed: 0, rendered: 0, helped: 0, micromark: [] }, notes: new Map() };
  // Unless rendering took it (and has closed it), a thread started early is not needed.
  void early?.close();
  problems.push(...renderProblems);
  if (stats.helperFailure) logger.warn(`rendered on one thread after all: ${stats.helperFailure}`);
  // In the order of the articles, whichever were checked early; an article that stage 3 failed is not (its page is made again next time).
  const passed: string[] = [];
  problems.push(...checker.furnitureProblems);
  for (const entry of valid) {
    const record = rendered.get(entry.source.slug)?.record;
    if (!record) continue;
    const found = checkedEarly.get(entry.source.slug) ?? checker.check(entry, record);
    problems.push(...found);
    if (found.length === 0) {
      const key = checker.keyOf(entry);
      faithful.add(key);
      passed.push(key);
    }
  }
  passes.write(passed);
  if (inputs) {
    // Published permalinks are checked here, before any page is built, on the block ids rendering found.
    const site = new Map([...rendered].map(([slug, r]) => [slug, r.record.blocks.map((b) => b.id)]));
    const texts = new Map([...rendered].map(([slug, r]) => [slug, new Map(r.record.blocks.map((b) => [b.id, b.text]))]));
    problems.push(...checkRegister(inputs.register, site, registerName, (slug, id) => texts.get(slug)?.get(id)).map((p) => p.message));
  }
  problems.push(...eventProblems(folders.events, new Map([...rendered].map(([slug, r]) => [slug, r.record.blocks]))));
  if (problems.length > 0) {
    // What was rendered is kept for the build after the fix, as it would be without problems.
    if (cache.later) await writeOnThread(cache.later).catch(() => {});
    throw contentError(`${problems.length === 1 ? 'A problem' : countOf(problems.length, 'problem')} in the content:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  // Each article's vocabulary file as the previous load stored it: the collection's vocabulary is counted again only for those that changed.
  const previousVocabulary = new Map<string, string>();
  for (const [slug, entry] of store.entries()) {
    const file = (entry.rendered?.metadata as Partial<StoredRendering> | undefined)?.vocabularyFile;
    if (file) previousVocabulary.set(slug, file);
  }
  store.clear();
  // `astro dev` (the one with a watcher) keeps its files apart: a build to publish, run beside it, leaves drafts out and prunes their files.
  // In a build, written with the cache's entries on a thread of their own (render-cache, writeOnThread).
  const { later } = cache;
  const files = (name: string, extension: string) => digestFiles(digestFolder(cacheDir, name, !!watcher), extension, later);
  const [htmls, records, vocabularies] = [files('article-html', '.html'), files('article-records', '.json'), files('article-vocabulary', '.json')];
  const kept = new Set<string>();
  // Each article's vocabulary file, and the words of those this load makes, by file.
  const vocabulary = new Map<string, string>();
  const newWords = new Map<string, string[]>();
  for (const { data, digest, source } of valid) {
    const page = rendered.get(source.slug)!;
    const { headings, record, keys } = page;
    // Neither the Markdown body (nothing reads it once rendered) nor the HTML and the record (files of their
    // own, loaders/render-cache) is stored: the store is one module that every build compiles, and its size was theirs.
    // The files are named by the digests of their content that renderArticles gives with a cache, as here, made
    // once when the content was made and kept with it, not on every build (130 MB of HTML at 5,000 articles).
    // A page made from the same content is then known to be the same by its files' names (data/page-reuse).
    const { record: recordDigest, html: htmlDigest } = keys!;
    const metadata: StoredRendering = {
      headings,
      // A page kept from an earlier run has its HTML read only if this folder lacks its file (render-cache, htmlOf).
      htmlFile: htmls.keep(htmlDigest, () => page.html),
      recordFile: records.keep(recordDigest, () => JSON.stringify({ blocks: record.blocks, quotes: record.quotes })),
      // Its words for the search vocabulary, found only when its title or record changed.
      vocabularyFile: vocabularies.keep(generateDigest(`${source.title}\0${recordDigest}`), (file) => {
        const words = wordsEarly.get(source.slug) ?? articleVocabulary(source.title, record.blocks);
        newWords.set(file, words);
        return JSON.stringify(words);
      }),
      // Its quoted-from notes (lib/quotations): data/cross-links reads them instead of matching the collection again.
      quoted: notes.get(source.slug) ?? {},
    };
    kept.add(metadata.htmlFile).add(metadata.recordFile).add(metadata.vocabularyFile);
    vocabulary.set(source.slug, metadata.vocabularyFile);
    store.set({ id: source.slug, data, filePath: source.file, digest, rendered: { html: '', metadata } });
  }
  const vocabularyFolder = digestFolder(cacheDir, 'article-vocabulary', !!watcher);
  kept.add(
    keepCollectionVocabulary({
      folder: vocabularyFolder,
      previous: previousVocabulary,
      current: vocabulary,
      wordsOf: (file) => newWords.get(file) ?? (JSON.parse(readFileSync(file, 'utf8')) as string[]),
      later,
    }),
  );
  // A build's files are pruned to what it uses; the dev server's on its first load only, as a page may still be reading an older file.
  if (process.env.POLICY_READER_OUT || (watcher && firstLoad)) for (const kind of [htmls, records, vocabularies]) kind.prune(kept);
  // Pages read them from memory until they are on disk (lib/article-record); a failure to write one fails the build at its end.
  if (later) storeOnThread(later);
  // A build (scripts/build.mjs says where it writes) draws the cards now, beside the pages.
  if (process.env.POLICY_READER_OUT && inputs) startCardWorker(cardCacheDir(cacheDir), valid.map(({ data }) => cardText(cardFacts(data, inputs.organisations))));
  logger.info(
    `${valid.length} articles in ${((performance.now() - started) / 1000).toFixed(1)} s: ${stats.changed} changed, ${stats.rendered} rendered${stats.helped > 0 ? ` (${stats.helped} on a second thread)` : ''}, the rest as rendered before${micromarkNote(stats.micromark)}`,
  );
}

/**
 * Said of the articles micromark read: each costs ten times the parse of one
 * the native parser reads (markdown/remark-parse-gfm says which constructs
 * send an article there), so a slow load says why, and where to look first.
 */
export function micromarkNote(slugs: readonly string[]): string {
  if (slugs.length === 0) return '';
  const shown = slugs.slice(0, MICROMARK_NAMED);
  const named = listed(slugs.length > shown.length ? [...shown, countOf(slugs.length - shown.length, 'other')] : shown);
  return `; ${countOf(slugs.length, 'article')} (${named}) parsed the slower way, by micromark, for a construct Astro's native parser reads differently (markdown/remark-parse-gfm lists them)`;
}

/** How many of the articles micromark read the loader names. */
const MICROMARK_NAMED = 3;

/**
 * What the schema's result depends on: the article's file and its capture
 * (the schema checks the title, standfirst and dropped lines against its
 * lines), the file by digest and the capture by its identity
 * (captureIdentity: the capture is not read to know it unchanged); the
 * digest is also given the code's version. Undefined when the capture
 * cannot be looked at: the schema says why.
 */
function validationKey(article: { raw: string; frontmatter: Record<string, unknown> }, captureKey: (file: string) => string | undefined, digest: (text: string) => string): string | undefined {
  const capture = (article.frontmatter.source as { capture?: unknown } | undefined)?.capture;
  try {
    const key = typeof capture === 'string' ? captureKey(capture) : undefined;
    return digest(`${article.raw}\0${key === undefined ? '\0no capture' : key}`);
  } catch {
    return undefined;
  }
}

/**
 * Every sentence of each capture is in its article, and only recognised page
 * furniture is dropped (lib/fidelity): checked in the loader, on what
 * rendering recorded, so a lost sentence fails the build at once, at its line.
 * An article whose key (its file, its capture, the furniture patterns and the
 * code) passed before is not checked again; the caller records passes.
 */
function fidelityChecker(
  captureOf: (file: string) => string[] | undefined,
  /** `validated`: the article's validation key (its file, its capture and the code, validationKey). */
  digest: (validated: string, patterns: string) => string,
  faithful: ReadonlySet<string>,
) {
  const { patterns, problems: furnitureProblems } = readFurniture();
  const patternsKey = JSON.stringify(patterns.map((p) => String(p.pattern)));
  type Checked = { source: ArticleSource; digest: string; data: Record<string, unknown>; lineOf: (path: readonly PropertyKey[]) => number };
  const keyOf = (entry: Pick<Checked, 'digest'>) => digest(entry.digest, patternsKey);
  return {
    /** Problems of content/furniture.yaml itself. */
    furnitureProblems,
    keyOf,
    /** The article's problems, none if it is faithful. */
    check({ source, data, lineOf, digest: validated }: Checked, record: { blocks: { text: string }[] }): string[] {
      if (faithful.has(keyOf({ digest: validated }))) return [];
      const d = data as { title: string; standfirst?: string; source: { capture: string; citation?: string; dropped: { line: number; text: string }[] } };
      // What the page shows as the article's words: its title, standfirst, blocks and the source's own citation.
      const text = [d.title, d.standfirst ?? '', d.source.citation ?? '', ...record.blocks.map((b) => b.text)].join('\n');
      const capture = `${path.relative(process.cwd(), sourcesDir)}/${d.source.capture}`;
      return fidelityProblems(captureOf(d.source.capture) ?? [], d.source.dropped, text, patterns).map((p) => {
        if (p.kind === 'dropped') {
          const index = d.source.dropped.findIndex((x) => x.line === p.line);
          return `${source.file}:${lineOf(['source', 'dropped', index])}: source.dropped: line ${p.line} of the capture, "${p.text}", is not page furniture that content/furniture.yaml recognises. Put it back in the body; or, if it is furniture, add a pattern for it to content/furniture.yaml.`;
        }
        return `${capture}:${p.line}: this sentence is not in ${source.file}: "${p.text}". Restore it word for word, or list the line under source.dropped if it is page furniture.`;
      });
    },
  };
}

/**
 * Timeline events point at the block of an article that states them. Only
 * here, once every article is rendered, are the block ids known, so the
 * check is made here: found once, with the other content problems, rather
 * than by every page that lists events.
 */
function eventProblems(events: YamlFolders['events'], blocksOf: Map<string, { id: string; text: string }[]>): string[] {
  return events.flatMap(({ file, data, lineOf }) => {
    const { article, ...given } = data.statedIn;
    const blocks = blocksOf.get(article.id);
    // An unknown article is a dangling reference, and an article that could not be rendered has its own problem: either is reported once, elsewhere.
    if (!blocks) return [];
    const found = resolveStatedIn(given as StatedIn, blocks);
    if ('id' in found) return [];
    const field = given.block !== undefined ? 'block' : 'quote';
    return [`${file}:${lineOf(['statedIn', field])}: statedIn.${field} of article "${article.id}": ${found.problem}`];
  });
}

/** What an article's card shows (lib/article-card), from its front matter: the same facts as its row in the data export. */
function cardFacts(data: Record<string, unknown>, organisations: ReadonlyMap<string, string>): CardFacts {
  const d = data as {
    title: string;
    kind?: string;
    kindInferred?: { value: string };
    published?: { iso: string };
    publishedInferred?: { value: { iso: string } };
    publisher?: { id: string };
    publisherInferred?: { value: { id: string } };
  };
  const status = (stated: unknown, inferred: unknown) => (stated !== undefined ? 'stated' : inferred !== undefined ? 'inferred' : 'not stated');
  const publisherId = d.publisher?.id ?? d.publisherInferred?.value.id;
  return {
    title: d.title,
    kind: d.kind ?? d.kindInferred?.value ?? null,
    kindStatus: status(d.kind, d.kindInferred),
    publisher: (publisherId && organisations.get(publisherId)) || null,
    publisherStatus: status(d.publisher, d.publisherInferred),
    date: articleDateIso(d) ?? null,
    dateStatus: status(d.published, d.publishedInferred),
  };
}

/** Draws the cards on a worker thread (loaders/card-worker.mjs); integrations/article-cards waits for it. A failure here only means the integration draws them. */
function startCardWorker(cacheDir: string, texts: CardText[]) {
  const worker = new Worker(new URL('./card-worker.mjs', import.meta.url), {
    workerData: { cacheDir, texts },
    // Node's type stripping says it is experimental, once per thread: known, and not the reader's concern.
    execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
  });
  (globalThis as Record<symbol, Promise<number>>)[CARD_WORKER] = new Promise<number>((resolve) => {
    worker.once('message', (m: { drawn: number }) => resolve(m.drawn));
    worker.once('error', () => resolve(0));
    worker.once('exit', () => resolve(0));
  });
}
