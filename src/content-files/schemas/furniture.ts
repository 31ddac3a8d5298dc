import { z } from 'astro/zod';

/**
 * content/furniture.yaml: the shapes of page-furniture lines (kind labels,
 * publication lines, comment sections…) that an article may drop from its
 * capture. A pattern is a regular expression for the whole line; it is
 * anchored here, so an editor writes only the line's shape.
 */
const line = z
  .object({
    pattern: z.string({ error: 'pattern is missing: write the shape of the line as a regular expression, e.g. "Published: \\\\d{2}/\\\\d{2}/\\\\d{4}".' }).transform((source, ctx) => {
      try {
        return new RegExp(`^(?:${source})$`, 'u');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `"${source}" is not a valid regular expression: ${(error as Error).message}.` });
        return z.NEVER;
      }
    }),
    what: z.string({ error: 'what is missing: say in a few words what kind of furniture the line is.' }).min(3),
    /**
     * What `npm run new` reads from such a line: the article's kind (the
     * label is a kind), its date, the series it is part of (the pattern's
     * `(?<value>…)` group), or a suggested citation (on the next line).
     */
    records: z
      .enum(['kind', 'published', 'partOf', 'citation'], { error: 'records must be one of: kind, published, partOf, citation (or left out).' })
      .optional(),
  })
  .strict();

export const furnitureSchema = z.object({ lines: z.array(line).default([]) }).strict();
