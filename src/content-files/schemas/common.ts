import { z } from 'astro/zod';
import { isPartialDate, parsePartialDate } from '../../lib/dates';

/*
 * Shapes shared by the content schemas. Every message is read by an editor
 * whose build has just failed, so each says what is wrong and what to write.
 * Pure zod: the same shapes validate content in Astro's collections, in the
 * article loader and in Node scripts and tests.
 */

export const required = (field: string, fix: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `${field} is missing. ${fix}` : `${field} must be text. ${fix}`,
});

/**
 * A reference to another entry by its id, read as `{ collection, id }` like
 * Astro's `reference()`. Whether the entry exists is checked once the whole
 * collection is known (lib/references), since Astro only logs a dangling one.
 */
export const reference = <C extends string>(collection: C) =>
  z.string({ error: `must be the id of a file in content/${collection}/` }).transform((id) => ({ collection, id }));

/**
 * A partial ISO date in quotes. Unquoted, a YAML 1.1 reader (Astro's front
 * matter) reads 2015-02-31 as a timestamp and silently moves it to 3 March,
 * so a bare timestamp is refused. An unquoted year is read as the number it
 * looks like, which loses nothing.
 */
export const partialDate = z.union([z.string(), z.number().int(), z.date()]).transform((value, ctx) => {
  if (value instanceof Date) {
    ctx.addIssue({
      code: 'custom',
      message: `write the date in quotes, e.g. "${value.toISOString().slice(0, 10)}": unquoted, YAML silently turns impossible dates such as 2015-02-31 into real ones.`,
    });
    return z.NEVER;
  }
  const parsed = parsePartialDate(String(value));
  if (!isPartialDate(parsed)) {
    ctx.addIssue({ code: 'custom', message: `${parsed.error} Write the date as the source states it: YYYY-MM-DD, YYYY-MM or YYYY.` });
    return z.NEVER;
  }
  return parsed;
});

/**
 * An editor's inference, lib/fact's Inference: `{ value, basis }`. Shown as
 * one, never as a stated fact; factOf() reads it with its stated twin.
 */
export const inference = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      basis: z.string({ error: 'an inference needs its basis: say in words what in the source supports it.' }).min(20, {
        error: 'the basis of an inference must say in words what supports it (at least 20 characters).',
      }),
    })
    .strict();
