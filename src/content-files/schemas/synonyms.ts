import { z } from 'astro/zod';

/**
 * content/synonyms.yaml: groups of terms a search treats as one (lib/synonyms).
 * A term may stand in one group only, or a search for it could not say which
 * others it means.
 */
export const synonymsSchema = z
  .object({
    groups: z
      .array(
        z
          .array(z.string().trim().min(1, { error: 'a term is empty: write a word or a name.' }), { error: 'a group is a list of terms: [merger, merge, merging].' })
          .min(2, { error: 'a group needs at least two terms that mean the same.' }),
      )
      .default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Map<string, number>();
    data.groups.forEach((group, i) =>
      group.forEach((term, j) => {
        const key = term.toLowerCase();
        const other = seen.get(key);
        if (other !== undefined && other !== i) {
          ctx.addIssue({ code: 'custom', path: ['groups', i, j], message: `"${term}" is also in group ${other + 1}: a term may stand in one group only. Merge the two groups, or remove it from one.` });
        }
        seen.set(key, i);
      }),
    );
  });
