import { z } from 'astro/zod';
import { inference, partialDate, reference, required } from './common';

/**
 * Something that happened, as an article states it: the date it gives (with
 * its precision), and the block that says so, by id or by a few of its words
 * (lib/stated-in), which the build checks.
 */
export const eventSchema = z
  .object({
    date: partialDate.optional(),
    dateInferred: inference(partialDate).optional(),
    label: z.string(required('label', 'Say in a few words what happened, e.g. "Review commissioned".')).min(1),
    statedIn: z
      .object({
        article: reference('articles'),
        /** The id of the block that states the event… */
        block: z.string().min(1).optional(),
        /** …or a few of its words, exactly as the article writes them (lib/stated-in). */
        quote: z.string().min(1).optional(),
      })
      .strict()
      .refine((s) => (s.block === undefined) !== (s.quote === undefined), {
        error: 'statedIn needs the block that states the event: block: its id (copied from the block’s link), or quote: a few of its words. Give one of the two.',
      }),
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
