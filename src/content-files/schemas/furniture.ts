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
  })
  .strict();

export const furnitureSchema = z.object({ lines: z.array(line).default([]) }).strict();
