import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir, sourcesDir } from './data/paths';
import { isPartialDate, parsePartialDate } from './lib/dates';
import { slugProblem } from './lib/slugs';
import { normaliseText } from './lib/text';

/*
 * The content model. Every message below is read by an editor whose build has
 * just failed, so each one says what is wrong and what to write instead.
 */

export const ARTICLE_KINDS = [
  'blog post',
  'press release',
  'press statement',
  'briefing',
  'report',
  'comment',
] as const;

export const ORGANISATION_KINDS = [
  'national body',
  'regulator',
  'government department',
  'think tank',
  'membership body',
  'charity',
  'professional body',
  'NHS trust',
  'NHS foundation trust',
  'network',
  'forum',
  'type of body',
] as const;

const required = (field: string, fix: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `${field} is missing. ${fix}` : `${field} must be text. ${fix}`,
});

/**
 * A partial ISO date in quotes. Unquoted, YAML reads 2015-02-31 as a timestamp
 * and silently moves it to 3 March, so a bare timestamp is refused.
 */
const partialDate = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      ctx.addIssue({
        code: 'custom',
        message: `write the date in quotes, e.g. "${value.toISOString().slice(0, 10)}": unquoted, YAML silently turns impossible dates such as 2015-02-31 into real ones.`,
      });
      return z.NEVER;
    }
    const parsed = parsePartialDate(value);
    if (!isPartialDate(parsed)) {
      ctx.addIssue({ code: 'custom', message: `${parsed.error} Write the date as the source states it: YYYY-MM-DD, YYYY-MM or YYYY.` });
      return z.NEVER;
    }
    return parsed;
  });

/** An editor's inference: shown as one, never as a stated fact. */
const inference = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      basis: z.string({ error: 'an inference needs its basis: say in words what in the source supports it.' }).min(20, {
        error: 'the basis of an inference must say in words what supports it (at least 20 characters).',
      }),
    })
    .strict();

const articleKind = z.enum(ARTICLE_KINDS, {
  error: (issue) => `"${String(issue.input)}" is not a known kind. Use one of: ${ARTICLE_KINDS.join(', ')}.`,
});

const droppedLine = z
  .object({
    line: z.number().int().positive(),
    text: z.string(),
    reason: z.string().min(1),
  })
  .strict();

const articleSource = z
  .object({
    capture: z.string(required('source.capture', 'Name the raw capture file in content/sources/.')),
    url: z.url({ error: 'source.url must be a full URL (https://…) as the source states it.' }).optional(),
    citation: z.string().optional(),
    dropped: z.array(droppedLine).default([]),
  })
  .strict();

/** What a capture says, line by line, or undefined when the file is missing. */
function readCapture(file: string): string[] | undefined {
  const full = path.join(sourcesDir, file);
  return existsSync(full) ? readFileSync(full, 'utf8').split('\n') : undefined;
}

const article = z
  .object({
    slug: z.string().optional(),
    title: z.string(
      required('title', 'Add "title:" to the front matter; if the source states no title, supply one and set titleSource: editor.'),
    ).min(1, { error: 'title is empty. Write the title the source states, or supply one and set titleSource: editor.' }),
    titleSource: z.enum(['source', 'editor'], {
      error: 'titleSource must be "source" (the capture states the title) or "editor" (an editor supplied it).',
    }),
    titleBasis: z.string().optional(),
    standfirst: z.string().optional(),
    kind: articleKind.optional(),
    kindInferred: inference(articleKind).optional(),
    published: partialDate.optional(),
    publishedInferred: inference(partialDate).optional(),
    authors: z.array(reference('people')).default([]),
    speakers: z.array(reference('people')).default([]),
    publisher: reference('organisations').optional(),
    publisherInferred: inference(reference('organisations')).optional(),
    organisations: z.array(reference('organisations')).default([]),
    partOf: z
      .object({ name: z.string().min(1), relation: z.enum(['series', 'extract']) })
      .strict()
      .optional(),
    topics: z.array(reference('topics')).default([]),
    source: articleSource,
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    const conflict = (stated: string, inferred: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [inferred],
        message: `${stated} and ${inferred} are both set. Keep ${stated} if the source states it, otherwise keep only the inference.`,
      });
    if (data.published && data.publishedInferred) conflict('published', 'publishedInferred');
    if (data.kind && data.kindInferred) conflict('kind', 'kindInferred');
    if (data.publisher && data.publisherInferred) conflict('publisher', 'publisherInferred');
    if (data.titleSource === 'editor' && !data.titleBasis) {
      ctx.addIssue({
        code: 'custom',
        path: ['titleBasis'],
        message: 'an editor-supplied title needs titleBasis: say where it comes from (e.g. "the first sentence of the text").',
      });
    }

    const lines = readCapture(data.source.capture);
    if (!lines) {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'capture'],
        message: `content/sources/${data.source.capture} does not exist. Copy the raw capture there byte for byte, or correct the file name.`,
      });
      return;
    }
    const capture = normaliseText(lines.join('\n'));
    if (data.titleSource === 'source' && !capture.includes(normaliseText(data.title))) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: `titleSource is "source" but the capture does not contain this title. Copy the title exactly, or set titleSource: editor.`,
      });
    }
    if (data.standfirst && !capture.includes(normaliseText(data.standfirst))) {
      ctx.addIssue({
        code: 'custom',
        path: ['standfirst'],
        message: 'the standfirst is not in the capture. Copy it word for word from the source.',
      });
    }
    data.source.dropped.forEach((dropped, index) => {
      const actual = lines[dropped.line - 1];
      if (actual === undefined || normaliseText(actual) !== normaliseText(dropped.text)) {
        ctx.addIssue({
          code: 'custom',
          path: ['source', 'dropped', index, 'text'],
          message: `line ${dropped.line} of ${data.source.capture} reads ${JSON.stringify(actual ?? '(no such line)')}, not ${JSON.stringify(dropped.text)}. List each dropped line with its number and exact text.`,
        });
      }
    });
  });

const role = z
  .object({
    title: z.string().min(1),
    organisation: reference('organisations').optional(),
    statedIn: reference('articles'),
    asStated: z.string().min(1),
  })
  .strict();

const person = z
  .object({
    name: z.string(required('name', 'Add the name as the sources give it.')).min(1),
    aliases: z.array(z.string()).default([]),
    roles: z.array(role).default([]),
  })
  .strict();

const organisation = z
  .object({
    name: z.string(required('name', 'Add the organisation\u2019s name.')).min(1),
    acronym: z.string().optional(),
    aliases: z.array(z.string()).default([]),
    kind: z.enum(ORGANISATION_KINDS, {
      error: (issue) => `"${String(issue.input)}" is not a known kind. Use one of: ${ORGANISATION_KINDS.join(', ')}.`,
    }),
  })
  .strict();

const topic = z
  .object({
    name: z.string(required('name', 'Add the topic\u2019s name.')).min(1),
    description: z.string(required('description', 'Add a one-line description.')).min(1),
  })
  .strict();

const glossaryTerm = z
  .object({
    term: z.string(required('term', 'Write the abbreviation as the texts use it, e.g. "A&E".')).min(1),
    expansion: z.string(required('expansion', 'Write what the abbreviation stands for.')).min(1),
  })
  .strict();

/**
 * Something that happened, as an article states it: the date it gives (with
 * its precision), and the block that says so, which the build checks exists.
 */
const event = z
  .object({
    date: partialDate.optional(),
    dateInferred: inference(partialDate).optional(),
    label: z.string(required('label', 'Say in a few words what happened, e.g. "Review commissioned".')).min(1),
    statedIn: z
      .object({
        article: reference('articles'),
        block: z.string(required('statedIn.block', 'Give the id of the block that states the event (copy it from the block’s link).')).min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((data, ctx) => {
    if (!data.date === !data.dateInferred) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: data.date
          ? 'date and dateInferred are both set. Keep date if the article states it, otherwise keep only the inference.'
          : 'an event needs its date: date: "YYYY-MM-DD" (or "YYYY-MM", "YYYY") as the article states it, or dateInferred: { value, basis } when the article implies it.',
      });
    }
  });

/**
 * Ids are the slugs in every public URL, so they are checked here, where the
 * file is known: the file name (or an article's `slug:`) must be a valid slug
 * and no two files may claim the same one.
 */
function from(folder: string, pattern: string) {
  const claimedBy = new Map<string, string>();
  return glob({
    base: path.join(contentDir, folder),
    pattern,
    // Rendered eagerly, a Markdown error is only logged and the article is
    // published with an empty body; deferred, the error fails the build.
    deferRender: true,
    generateId: ({ entry, data }) => {
      const file = `${path.relative(process.cwd(), contentDir)}/${folder}/${entry}`;
      const id = typeof data.slug === 'string' ? data.slug : entry.replace(/\.[^.]+$/, '');
      const problem = slugProblem(id);
      if (problem) {
        throw new Error(`${file}: ${typeof data.slug === 'string' ? 'slug' : 'file name'}: ${problem}`);
      }
      const other = claimedBy.get(id);
      if (other && other !== file && existsSync(path.resolve(other))) {
        throw new Error(
          `${file}: slug "${id}" is already used by ${other}. Slugs are permanent public URLs and must be unique: give one of them another slug.`,
        );
      }
      claimedBy.set(id, file);
      return id;
    },
  });
}

export const collections = {
  articles: defineCollection({ loader: from('articles', '[^_]*.md'), schema: article }),
  people: defineCollection({ loader: from('people', '[^_]*.yaml'), schema: person }),
  organisations: defineCollection({ loader: from('organisations', '[^_]*.yaml'), schema: organisation }),
  topics: defineCollection({ loader: from('topics', '[^_]*.yaml'), schema: topic }),
  glossary: defineCollection({ loader: from('glossary', '[^_]*.yaml'), schema: glossaryTerm }),
  events: defineCollection({ loader: from('events', '[^_]*.yaml'), schema: event }),
};
