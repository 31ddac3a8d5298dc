import { z } from 'astro/zod';
import { normaliseText } from '../../lib/text';
import { inference, partialDate, reference, required } from './common';

export const ARTICLE_KINDS = [
  'blog post',
  'press release',
  'press statement',
  'news report',
  'briefing',
  'report',
  'comment',
  'speech',
  'letter',
  'consultation response',
  'evidence',
] as const;

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
    capture: z
      .string(required('source.capture', 'Name the raw capture file in content/sources/.'))
      .regex(/^(?!\.)[^/\\]+$/, { error: 'source.capture must be the name of a file in content/sources/, with no folder: move the capture there and write its name alone.' }),
    url: z.url({ error: 'source.url must be a full URL (https://…) as the source states it.' }).optional(),
    citation: z.string().optional(),
    dropped: z.array(droppedLine).default([]),
  })
  .strict();

/**
 * An article's front matter. `readCapture` gives the lines of a raw capture
 * (undefined when the file is missing), so the title, standfirst and dropped
 * lines can be checked against the source; the caller owns the file reading.
 */
export function articleSchema({ readCapture }: { readCapture: (file: string) => string[] | undefined }) {
  return z
    .object({
      slug: z.string().optional(),
      title: z
        .string(required('title', 'Add "title:" to the front matter; if the source states no title, supply one and set titleSource: editor.'))
        .min(1, { error: 'title is empty. Write the title the source states, or supply one and set titleSource: editor.' }),
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
      /** Authors the source does not name but another source does (a blog's byline elsewhere): shown as inferred, with the basis; never cited as stated. */
      authorsInferred: inference(z.array(reference('people')).min(1)).optional(),
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
      /** Not yet published: built and shown locally, marked as a draft, left out of a published build and of the permalink register. */
      draft: z.boolean({ error: 'draft must be true or false.' }).optional(),
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
      if (data.authors.length > 0 && data.authorsInferred) conflict('authors', 'authorsInferred');
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
}
