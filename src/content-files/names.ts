import path from 'node:path';
import type { z } from 'astro/zod';
import { contentError } from '../lib/content-error';
import { nameClashes, type Nameable } from '../lib/mentions';
import { compareNames } from '../lib/text';
import { readYamlEntries, type Entry } from './entries';
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
  /** Organisation id → name (an organisation can be a quotation's speaker). */
  organisations: Map<string, string>;
  /** People and organisations, keyed "people/<id>" and "organisations/<id>". */
  names: Nameable[];
  /** Abbreviations: the glossary files, then every organisation's acronym. */
  terms: GlossaryTerm[];
}

type People = Entry<z.output<typeof personSchema>>[];
type Organisations = Entry<z.output<typeof organisationSchema>>[];
type Glossary = Entry<z.output<typeof glossaryTermSchema>>[];

/** Reads people, organisations and the glossary once each, and derives every list of names from them; any problem stops it. */
export function readNames(dir = contentDir): Names {
  const { names, problems } = namesOf(
    readYamlEntries('people', personSchema, dir),
    readYamlEntries('organisations', organisationSchema, dir),
    readYamlEntries('glossary', glossaryTermSchema, dir),
    dir,
  );
  if (problems.length > 0) throw contentError(problems.join('\n'));
  return names;
}

/** Every list of names, from entries already read, with a problem for each name that two entries claim. */
export function namesOf(people: People, organisations: Organisations, glossary: Glossary, dir = contentDir): { names: Names; problems: string[] } {
  const { names, problems } = entityNames(people, organisations, dir);
  return {
    names: {
      people: new Map(people.map((p) => [p.id, p.data.name])),
      organisations: new Map(organisations.map((o) => [o.id, o.data.name])),
      names,
      terms: glossaryTerms(glossary, organisations) },
    problems,
  };
}

function entityNames(people: People, organisations: Organisations, dir: string): { names: Nameable[]; problems: string[] } {
  const all = [
    ...people.map(({ id, data }) => ({ key: `people/${id}`, names: [data.name, ...data.aliases].filter((n) => n.trim() !== '') })),
    ...organisations.flatMap(({ id, data }) => [
      { key: `organisations/${id}`, names: [data.name, ...data.aliases].filter((n) => n.trim() !== '') },
      ...(data.acronym?.trim() ? [{ key: `organisations/${id}`, names: [data.acronym], plural: true }] : []),
    ]),
  ];
  const file = (key: string) => `${path.relative(process.cwd(), dir)}/${key}.yaml`;
  const problems = nameClashes(all).map(
    ({ name, keys }) =>
      `The name "${name}" belongs to ${keys.map(file).join(' and ')}, so a mention of it in an article could link to either. Remove it from the name, aliases or acronym of all but one.`,
  );
  return { names: all, problems };
}

function glossaryTerms(glossary: Glossary, organisations: Organisations): GlossaryTerm[] {
  const terms: GlossaryTerm[] = glossary.map(({ data }) => ({ term: data.term, expansion: data.expansion }));
  for (const { id, data } of organisations) {
    if (data.acronym?.trim() && !terms.some((t) => t.term === data.acronym)) terms.push({ term: data.acronym, expansion: data.name, organisation: id });
  }
  return terms.sort((a, b) => compareNames(a.term, b.term));
}
