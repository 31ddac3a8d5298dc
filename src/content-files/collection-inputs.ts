import type { z } from 'astro/zod';
import { readYamlFolder, type Entry, type YamlFolder } from './entries';
import { describeRole, roleAt } from '../lib/roles';
import { speakerOf } from '../lib/speakers';
import { namesOf } from './names';
import { contentDir } from './paths';
import { readRegister } from './permalinks';
import { eventSchema } from './schemas/event';
import { glossaryTermSchema } from './schemas/glossary';
import { organisationSchema } from './schemas/organisation';
import { personSchema } from './schemas/person';
import { topicSchema } from './schemas/topic';

const SCHEMAS = {
  people: personSchema,
  organisations: organisationSchema,
  topics: topicSchema,
  glossary: glossaryTermSchema,
  events: eventSchema,
} satisfies Record<YamlFolder, z.ZodType>;

export type YamlFolders = { [F in YamlFolder]: Entry<z.output<(typeof SCHEMAS)[F]>>[] };

/** Every YAML folder, read once, with every problem of every file. */
export function readYamlFolders(dir = contentDir): { folders: YamlFolders; problems: string[]; ids: Record<YamlFolder, string[]> } {
  const problems: string[] = [];
  const ids = {} as Record<YamlFolder, string[]>;
  const read = <F extends YamlFolder>(folder: F) => {
    const result = readYamlFolder(folder, SCHEMAS[folder], dir);
    problems.push(...result.problems);
    ids[folder] = result.ids;
    return result.entries as YamlFolders[F];
  };
  const folders: YamlFolders = { people: read('people'), organisations: read('organisations'), topics: read('topics'), glossary: read('glossary'), events: read('events') };
  return { folders, problems, ids };
}

/**
 * Everything the Markdown pipeline needs to know about the collection, from
 * the entries already read and validated, handed to the plugins as options.
 */
export function collectionInputs(folders: YamlFolders, articleDates: ReadonlyMap<string, string | undefined>, dir = contentDir) {
  const { names, problems } = namesOf(folders.people, folders.organisations, folders.glossary, dir);
  const ids = (entries: { id: string }[]) => new Set(entries.map((e) => e.id));
  const entries = { articles: new Set(articleDates.keys()), people: ids(folders.people), organisations: ids(folders.organisations), topics: ids(folders.topics) };
  return { inputs: { ...names, entries, register: readRegister(), speaker: speakerLabels(folders, articleDates) }, problems };
}

/** "Chris Hopson, chief executive, NHS Providers": a speaker with their role at an article's date (lib/roles); an organisation by its name. */
function speakerLabels(folders: YamlFolders, articleDates: ReadonlyMap<string, string | undefined>) {
  const organisation = new Map(folders.organisations.map((o) => [o.id, o.data.name]));
  const people = new Map(
    folders.people.map((p) => [
      p.id,
      {
        name: p.data.name,
        roles: p.data.roles.map((r) => ({
          title: r.title,
          organisation: r.organisation ? organisation.get(r.organisation.id) : undefined,
          statedIn: r.statedIn.id,
          dateKey: articleDates.get(r.statedIn.id),
        })),
      },
    ]),
  );
  return (key: string, slug: string): string => {
    const { kind, id } = speakerOf(key);
    if (kind === 'organisation') return organisation.get(id) ?? id;
    const person = people.get(id);
    if (!person) return id;
    const role = roleAt(person.roles, { slug, dateKey: articleDates.get(slug) });
    return role ? `${person.name}, ${describeRole(role)}` : person.name;
  };
}
