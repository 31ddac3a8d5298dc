import { z } from 'astro/zod';
import { required } from './common';

export const topicSchema = z
  .object({
    name: z.string(required('name', 'Add the topic\u2019s name.')).min(1),
    description: z.string(required('description', 'Add a one-line description.')).min(1),
  })
  .strict();
