import { defineCollection } from 'astro:content';
import { loadTypeScript } from './lib/load-typescript.mjs';

/*
 * Wiring only: the shapes live in content-files/schemas; articles are rendered once by loaders/articles, which also
 * reports every content problem.
 *
 * Astro evaluates this file through Vite's module runner, which would transform every module the loaders import
 * (the Markdown pipeline, the content files' readers, their schemas) one by one on every build, before the first
 * article is read: they are imported by Node instead, as the rendering thread imports them (loadTypeScript), from
 * Node's compile cache once a build has compiled them. Their import is written in a function of its own because
 * Vite rewrites every import() of a module it loads into one of its own. Measured in a rebuild of 5,000 articles:
 * the loader started 3.10 s after Astro's process (median of 8) against 3.59 s (docs/performance.md, fifty-eighth
 * entry).
 */
loadTypeScript();
const importByNode = new Function('url', 'return import(url)') as <T>(url: string) => Promise<T>;
const here = (file: string) => new URL(file, import.meta.url).href;
const [{ readCapture }, { articleSchema }, { eventSchema }, { glossaryTermSchema }, { organisationSchema }, { personSchema }, { topicSchema }, { articleLoader }, { yamlFolderLoader }] =
  await Promise.all([
    importByNode<typeof import('./content-files/captures')>(here('./content-files/captures.ts')),
    importByNode<typeof import('./content-files/schemas/article')>(here('./content-files/schemas/article.ts')),
    importByNode<typeof import('./content-files/schemas/event')>(here('./content-files/schemas/event.ts')),
    importByNode<typeof import('./content-files/schemas/glossary')>(here('./content-files/schemas/glossary.ts')),
    importByNode<typeof import('./content-files/schemas/organisation')>(here('./content-files/schemas/organisation.ts')),
    importByNode<typeof import('./content-files/schemas/person')>(here('./content-files/schemas/person.ts')),
    importByNode<typeof import('./content-files/schemas/topic')>(here('./content-files/schemas/topic.ts')),
    importByNode<typeof import('./loaders/articles')>(here('./loaders/articles.ts')),
    importByNode<typeof import('./loaders/yaml-folder')>(here('./loaders/yaml-folder.ts')),
  ]);

export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema({ readCapture }) }),
  people: defineCollection({ loader: yamlFolderLoader('people', personSchema), schema: personSchema }),
  organisations: defineCollection({ loader: yamlFolderLoader('organisations', organisationSchema), schema: organisationSchema }),
  topics: defineCollection({ loader: yamlFolderLoader('topics', topicSchema), schema: topicSchema }),
  glossary: defineCollection({ loader: yamlFolderLoader('glossary', glossaryTermSchema), schema: glossaryTermSchema }),
  events: defineCollection({ loader: yamlFolderLoader('events', eventSchema), schema: eventSchema }),
};
