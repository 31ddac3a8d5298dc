import { z } from 'astro/zod';
import { required } from './common';

export const glossaryTermSchema = z
  .object({
    term: z.string(required('term', 'Write the abbreviation as the texts use it, e.g. "A&E".')).min(1),
    expansion: z.string(required('expansion', 'Write what the abbreviation stands for.')).min(1),
  })
  .strict();
