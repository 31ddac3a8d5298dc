import { z } from 'astro/zod';
import { reference, required } from './common';

/** A role as an article states it; that article's date is the role's date. */
const role = z
  .object({
    title: z.string().min(1),
    organisation: reference('organisations').optional(),
    statedIn: reference('articles'),
    asStated: z.string().min(1),
  })
  .strict();

export const personSchema = z
  .object({
    name: z.string(required('name', 'Add the name as the sources give it.')).min(1),
    aliases: z.array(z.string()).default([]),
    roles: z.array(role).default([]),
  })
  .strict();
