import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { nameClashes, type Nameable } from '../lib/mentions';

/**
 * The names the Markdown plugins look for, read from the content folders on
 * disk (the plugins run before Astro's collections are available): people and
 * organisations by name, alias and acronym, and glossary terms.
 */
type Yaml = Record<string, unknown>;

function entries(contentDir: string, folder: string): { id: string; data: Yaml }[] {
  const dir = path.join(contentDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
    .sort()
    .map((name) => ({ id: name.replace(/\.yaml$/, ''), data: (loadYaml(readFileSync(path.join(dir, name), 'utf8')) ?? {}) as Yaml }));
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** People and organisations, keyed "people/<id>" and "organisations/<id>". */
export function entityNames(contentDir: string): Nameable[] {
  const people = entries(contentDir, 'people').map(({ id, data }) => ({
    key: `people/${id}`,
    names: [text(data.name), ...strings(data.aliases)].filter((n): n is string => n !== undefined),
  }));
  const organisations = entries(contentDir, 'organisations').flatMap(({ id, data }) => {
    const acronym = text(data.acronym);
    return [
      { key: `organisations/${id}`, names: [text(data.name), ...strings(data.aliases)].filter((n): n is string => n !== undefined) },
      ...(acronym ? [{ key: `organisations/${id}`, names: [acronym], plural: true }] : []),
    ];
  });
  const all = [...people, ...organisations];
  const clashes = nameClashes(all);
  if (clashes.length > 0) {
    const file = (key: string) => `${path.relative(process.cwd(), contentDir)}/${key}.yaml`;
    throw new Error(
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

export interface GlossaryTerm {
  term: string;
  expansion: string;
  /** The organisation the abbreviation names, if it is one. */
  organisation?: string;
}

/** Abbreviations: the glossary files, then every organisation's acronym. */
export function glossaryTerms(contentDir: string): GlossaryTerm[] {
  const terms: GlossaryTerm[] = entries(contentDir, 'glossary').flatMap(({ data }) => {
    const term = text(data.term);
    const expansion = text(data.expansion);
    return term && expansion ? [{ term, expansion }] : [];
  });
  for (const { id, data } of entries(contentDir, 'organisations')) {
    const acronym = text(data.acronym);
    const name = text(data.name);
    if (acronym && name && !terms.some((t) => t.term === acronym)) terms.push({ term: acronym, expansion: name, organisation: id });
  }
  return terms.sort((a, b) => a.term.localeCompare(b.term, 'en'));
}
