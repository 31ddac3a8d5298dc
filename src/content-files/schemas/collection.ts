import { z } from 'astro/zod';

/**
 * content/collection.yaml: what the collection is, in its editors' words, for
 * the pages that describe it (the home and about pages, every page's footer,
 * the feeds). Editorial copy belongs to the content, not the code: the site's
 * subject changes as the collection grows, and an editor changes it here.
 * Plain text, shown as written: pages escape it, and a tag here would show as
 * a tag, so one is refused with the fix.
 */
const plain = (field: string, hint: string) =>
  z
    .string({ error: `${field} is text: ${hint}` })
    .trim()
    .min(1, { error: `${field} is empty: ${hint} Or leave the field out.` })
    .refine((text) => !/<\/?[a-z][^>]*>/i.test(text), { error: `${field} is plain text, shown as written: leave out the HTML tags.` });

export const collectionSchema = z
  .object({
    /** What the commentary is on, as it follows "Commentary on": "the creation and reform of NHS Improvement, 2015–2018". */
    subject: plain('subject', 'what the commentary is on, as it follows “Commentary on”, e.g. “the reform of NHS regulation, 2015–2018”.').refine((text) => !/[.!?]$/.test(text), {
      error: 'subject is part of a sentence (“Commentary on …”): leave off the full stop.',
    }),
    /** Who the collection is for, as it follows "for" on the about page: "policy analysts, journalists, researchers and NHS managers". */
    readers: plain('readers', 'who the collection is for, as it follows “for”, e.g. “policy analysts, journalists and researchers”.').refine((text) => !/[.!?]$/.test(text), {
      error: 'readers is part of a sentence (“for … who need to read what was said”): leave off the full stop.',
    }),
    /** The home page's introduction: a paragraph or more (a blank line between paragraphs), the editors' own account of what the collection covers. */
    introduction: plain('introduction', 'a paragraph or two on what the collection covers, in the editors’ words.'),
  })
  .partial()
  .strict();

export type CollectionDescription = z.output<typeof collectionSchema>;
