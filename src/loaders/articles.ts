import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readArticleFiles } from '../content-files/articles';
import { readCollectionInputs } from '../content-files/collection-inputs';
import { readCapture } from '../content-files/captures';
import { readYamlEntries } from '../content-files/entries';
import { contentDir } from '../content-files/paths';
import { eventSchema } from '../content-files/schemas/event';
import { articleSchema } from '../content-files/schemas/article';
import { contentError } from '../lib/content-error';
import { isPartialDate, parsePartialDate } from '../lib/dates';
import { slugProblem } from '../lib/slugs';
import { renderArticles, type ArticleSource } from '../markdown/render';

/**
 * The articles collection, rendered once. Astro's glob loader would render
 * each article on its own when a page asks for it, with no view of the
 * others; here every article is validated, then the whole collection is
 * rendered in one pass (src/markdown/render.ts), and each entry is stored
 * with its HTML, headings and record (blocks and quotations) so that pages
 * and collection-wide derivation read them instead of rendering again.
 *
 * Every problem in every file is reported together, then the build stops.
 */
export function articleLoader(): Loader {
  return {
    name: 'policy-reader:articles',
    load: async (context) => {
      await loadArticles(context);
      // In `astro dev`, any content file can change mentions, quotes or links on any article.
      context.watcher?.add(contentDir);
      context.watcher?.on('all', async (_event, changed) => {
        if (!path.resolve(changed).startsWith(contentDir + path.sep)) return;
        try {
          await loadArticles(context);
        } catch (error) {
          context.logger.error((error as Error).message);
        }
      });
    },
  };
}

async function loadArticles({ store, generateDigest, logger }: LoaderContext): Promise<void> {
  const started = performance.now();
  const { articles, problems } = readArticleFiles();
  // The collection's own schema, applied here so each problem can name its file and line.
  const schema = articleSchema({ readCapture });
  const claimedBy = new Map<string, string>();
  const valid: { source: ArticleSource; data: Record<string, unknown>; digest: string }[] = [];
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
    let parsed: ReturnType<typeof schema.safeParse>;
    try {
      parsed = schema.safeParse(article.frontmatter);
    } catch (error) {
      // Reading the capture can fail (a file that is not UTF-8): say so, and go on to the next article.
      problems.push((error as Error).message);
      continue;
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${article.file}:${article.lineOf(issue.path)}: ${fieldName(issue.path) || 'front matter'}: ${unquotedDate(issue, article.writtenAs(issue.path))}`);
      }
      continue;
    }
    valid.push({
      data: parsed.data as Record<string, unknown>,
      digest: generateDigest(article.raw),
      source: { slug: id, file: article.file, title: parsed.data.title, body: article.body },
    });
  }

  let inputs: ReturnType<typeof readCollectionInputs> | undefined;
  try {
    inputs = readCollectionInputs();
  } catch (error) {
    problems.push((error as Error).message);
  }
  const { rendered, problems: renderProblems } = inputs
    ? await renderArticles(valid.map((v) => v.source), inputs)
    : { rendered: new Map<string, never>(), problems: [] };
  problems.push(...renderProblems);
  problems.push(...eventProblems(new Set(claimedBy.keys()), new Map([...rendered].map(([slug, r]) => [slug, r.record.blocks.map((b) => b.id)]))));
  if (problems.length > 0) {
    throw contentError(`${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the articles:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  store.clear();
  for (const { data, digest, source } of valid) {
    const { html, headings, record } = rendered.get(source.slug)!;
    store.set({
      id: source.slug,
      data,
      body: source.body,
      filePath: source.file,
      digest,
      rendered: { html, metadata: { headings, frontmatter: { blocks: record.blocks, quotes: record.quotes } } },
    });
  }
  logger.info(`rendered ${valid.length} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * YAML reads an unquoted 2015-02-31 as a timestamp and moves it to 3 March,
 * so the schema only sees the moved date. Say what was written instead:
 * that it is no date at all, or the same date in quotes.
 */
function unquotedDate(issue: { message: string }, written: string | undefined): string {
  if (!issue.message.startsWith('write the date in quotes') || written === undefined) return issue.message;
  const date = parsePartialDate(written.trim());
  return isPartialDate(date)
    ? `write the date in quotes: "${written.trim()}". Unquoted, YAML reads it as a timestamp.`
    : `${date.error} Write the date in quotes, as the source states it: YYYY-MM-DD, YYYY-MM or YYYY.`;
}

/** "source.dropped[0].text" for a zod issue path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}


/**
 * Timeline events point at the block of an article that states them. Only
 * here, once every article is rendered, are the block ids known, so the
 * check is made here: found once, with the other content problems, rather
 * than by every page that lists events.
 */
function eventProblems(articles: ReadonlySet<string>, blocksOf: Map<string, string[]>): string[] {
  let events: ReturnType<typeof readYamlEntries<typeof eventSchema>>;
  try {
    events = readYamlEntries('events', eventSchema);
  } catch {
    // A malformed event file is reported by the events collection itself.
    return [];
  }
  return events.flatMap(({ file, data }) => {
    const { article, block } = data.statedIn;
    if (!articles.has(article.id)) return [`${file}: statedIn.article "${article.id}" is not an article. Use the slug of a file in content/articles/.`];
    const blocks = blocksOf.get(article.id);
    // An article that could not be rendered has its own problem reported; its blocks are unknown.
    if (!blocks || blocks.includes(block)) return [];
    return [
      `${file}: statedIn.block "${block}" is not a block of article "${article.id}". Copy the id from the link of the block that states the event (its blocks include ${blocks.slice(0, 4).join(', ')}…).`,
    ];
  });
}
