import { z } from 'astro/zod';
import { reference, required } from './common';

/**
 * A role as an article states it; that article's date is the role's date. A
 * source may give only where someone works ("of NHS Providers"): then the
 * role has an organisation and no title, never an invented one.
 */
const role = z
  .object({
    title: z.string().min(1).optional(),
    organisation: reference('organisations').optional(),
    statedIn: reference('articles'),
    asStated: z.string().min(1),
  })
  .strict()
  .refine((r) => r.title !== undefined || r.organisation !== undefined, {
    error: 'A role needs a title, an organisation, or both, as the source states them.',
    path: ['title'],
  });

export const personSchema = z
  .object({
    name: z.string(required('name', 'Add the name as the sources give it.')).min(1),
    aliases: z.array(z.string()).default([]),
    roles: z.array(role).default([]),
  })
  .strict();
