import path from 'node:path';
import type { z } from 'astro/zod';
import { contentError } from '../lib/content-error';
import { nameClashes, type Nameable } from '../lib/mentions';
import { entryFileNames, readYamlEntries, type Entry } from './entries';
import { contentDir } from './paths';
import { glossaryTermSchema } from './schemas/glossary';
import { organisationSchema } from './schemas/organisation';
import { personSchema } from './schemas/person';

/**
 * The names the Markdown plugins look for and link, read once from the
 * content files and validated: people and organisations by name, alias and
 * acronym, glossary terms, and each person's display name.
 */
export interface GlossaryTerm {
  term: string;
  expansion: string;
  /** The organisation the abbreviation names, if it is one. */
  organisation?: string;
}

export interface Names {
  /** Person id → name. */
  people: Map<string, string>;
  /** People and organisations, keyed "people/<id>" and "organisations/<id>". */
  names: Nameable[];
  /** Abbreviations: the glossary files, then every organisation's acronym. */
  terms: GlossaryTerm[];
}

/** Reads people, organisations and the glossary once each, and derives every list of names from them. */
export function readNames(dir = contentDir): Names {
  const people = readYamlEntries('people', personSchema, dir);
  const organisations = readYamlEntries('organisations', organisationSchema, dir);
  const glossary = readYamlEntries('glossary', glossaryTermSchema, dir);
  return {
    people: new Map(people.map((p) => [p.id, p.data.name])),
    names: entityNames(people, organisations, dir),
    terms: glossaryTerms(glossary, organisations),
  };
}

/** The ids of each kind of entry that has a page, for link checks. */
export function entryIds(dir = contentDir): Record<'articles' | 'people' | 'organisations' | 'topics', Set<string>> {
  const ids = (folder: string, extension: string) =>
    new Set(entryFileNames(folder, extension, dir).map((name) => name.slice(0, -extension.length)));
  return {
    articles: ids('articles', '.md'),
    people: ids('people', '.yaml'),
    organisations: ids('organisations', '.yaml'),
    topics: ids('topics', '.yaml'),
  };
}

function entityNames(
  people: Entry<z.output<typeof personSchema>>[],
  organisations: Entry<z.output<typeof organisationSchema>>[],
  dir: string,
): Nameable[] {
  const all = [
    ...people.map(({ id, data }) => ({ key: `people/${id}`, names: [data.name, ...data.aliases].filter((n) => n.trim() !== '') })),
    ...organisations.flatMap(({ id, data }) => [
      { key: `organisations/${id}`, names: [data.name, ...data.aliases].filter((n) => n.trim() !== '') },
      ...(data.acronym?.trim() ? [{ key: `organisations/${id}`, names: [data.acronym], plural: true }] : []),
    ]),
  ];
  const clashes = nameClashes(all);
  if (clashes.length > 0) {
    const file = (key: string) => `${path.relative(process.cwd(), dir)}/${key}.yaml`;
    throw contentError(
      clashes
        .map(
          ({ name, keys }) =>
            `The name "${name}" belongs to ${keys.map(file).join(' and ')}, so a mention of it in an article could link to either. Remove it from the name, aliases or acronym of all but one.`,
        )
        .join('\n'),
    );
  }
  return all;
}

function glossaryTerms(
  glossary: Entry<z.output<typeof glossaryTermSchema>>[],
  organisations: Entry<z.output<typeof organisationSchema>>[],
): GlossaryTerm[] {
  const terms: GlossaryTerm[] = glossary.map(({ data }) => ({ term: data.term, expansion: data.expansion }));
  for (const { id, data } of organisations) {
    if (data.acronym?.trim() && !terms.some((t) => t.term === data.acronym)) terms.push({ term: data.acronym, expansion: data.name, organisation: id });
  }
  return terms.sort((a, b) => a.term.localeCompare(b.term, 'en'));
}
