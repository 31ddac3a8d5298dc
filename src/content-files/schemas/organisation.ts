import { z } from 'astro/zod';
import { required } from './common';

export const ORGANISATION_KINDS = [
  'national body',
  'regulator',
  'government department',
  'think tank',
  'membership body',
  'charity',
  'professional body',
  'NHS trust',
  'NHS foundation trust',
  'network',
  'forum',
  'news publisher',
  'university',
  'local authority',
  'parliamentary committee',
  'company',
  'type of body',
] as const;

export const organisationSchema = z
  .object({
    name: z.string(required('name', 'Add the organisation\u2019s name.')).min(1),
    acronym: z.string().optional(),
    aliases: z.array(z.string()).default([]),
    kind: z.enum(ORGANISATION_KINDS, {
      error: (issue) => `"${String(issue.input)}" is not a known kind. Use one of: ${ORGANISATION_KINDS.join(', ')}.`,
    }),
  })
  .strict();
