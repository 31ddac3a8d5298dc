import { defineCollection } from 'astro:content';
import { readCapture } from './content-files/captures';
import { contentFolder } from './content-files/glob-loader';
import { articleSchema } from './content-files/schemas/article';
import { eventSchema } from './content-files/schemas/event';
import { glossaryTermSchema } from './content-files/schemas/glossary';
import { organisationSchema } from './content-files/schemas/organisation';
import { personSchema } from './content-files/schemas/person';
import { topicSchema } from './content-files/schemas/topic';

/* Wiring only: the shapes live in content-files/schemas, the loaders beside them. */
export const collections = {
  articles: defineCollection({ loader: contentFolder('articles', '[^_]*.md'), schema: articleSchema({ readCapture }) }),
  people: defineCollection({ loader: contentFolder('people', '[^_]*.yaml'), schema: personSchema }),
  organisations: defineCollection({ loader: contentFolder('organisations', '[^_]*.yaml'), schema: organisationSchema }),
  topics: defineCollection({ loader: contentFolder('topics', '[^_]*.yaml'), schema: topicSchema }),
  glossary: defineCollection({ loader: contentFolder('glossary', '[^_]*.yaml'), schema: glossaryTermSchema }),
  events: defineCollection({ loader: contentFolder('events', '[^_]*.yaml'), schema: eventSchema }),
};
