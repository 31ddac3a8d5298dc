import { defineCollection } from 'astro:content';
import { readCapture } from './content-files/captures';
import { articleSchema } from './content-files/schemas/article';
import { eventSchema } from './content-files/schemas/event';
import { glossaryTermSchema } from './content-files/schemas/glossary';
import { organisationSchema } from './content-files/schemas/organisation';
import { personSchema } from './content-files/schemas/person';
import { topicSchema } from './content-files/schemas/topic';
import { articleLoader } from './loaders/articles';
import { yamlFolderLoader } from './loaders/yaml-folder';

/* Wiring only: the shapes live in content-files/schemas; articles are rendered once by loaders/articles, which also reports every content problem. */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema({ readCapture }) }),
  people: defineCollection({ loader: yamlFolderLoader('people', personSchema), schema: personSchema }),
  organisations: defineCollection({ loader: yamlFolderLoader('organisations', organisationSchema), schema: organisationSchema }),
  topics: defineCollection({ loader: yamlFolderLoader('topics', topicSchema), schema: topicSchema }),
  glossary: defineCollection({ loader: yamlFolderLoader('glossary', glossaryTermSchema), schema: glossaryTermSchema }),
  events: defineCollection({ loader: yamlFolderLoader('events', eventSchema), schema: eventSchema }),
};
