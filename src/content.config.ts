import { defineCollection } from 'astro:content';
import { readCapture } from './content-files/captures';
import { contentFolder } from './content-files/glob-loader';
import { articleSchema } from './content-files/schemas/article';
import { eventSchema } from './content-files/schemas/event';
import { glossaryTermSchema } from './content-files/schemas/glossary';
import { organisationSchema } from './content-files/schemas/organisation';
import { personSchema } from './content-files/schemas/person';
import { topicSchema } from './content-files/schemas/topic';
import { articleLoader } from './loaders/articles';

/* Wiring only: the shapes live in content-files/schemas; articles are rendered once by loaders/articles. */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema({ readCapture }) }),
  people: defineCollection({ loader: contentFolder('people', '[^_]*.yaml'), schema: personSchema }),
  organisations: defineCollection({ loader: contentFolder('organisations', '[^_]*.yaml'), schema: organisationSchema }),
  topics: defineCollection({ loader: contentFolder('topics', '[^_]*.yaml'), schema: topicSchema }),
  glossary: defineCollection({ loader: contentFolder('glossary', '[^_]*.yaml'), schema: glossaryTermSchema }),
  events: defineCollection({ loader: contentFolder('events', '[^_]*.yaml'), schema: eventSchema }),
};
