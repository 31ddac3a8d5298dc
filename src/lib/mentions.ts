/**
 * Finding names in running text: people and organisations by name, alias or
 * acronym, and glossary terms. Case matters ("NHS Providers" the body, not
 * "NHS providers" the trusts); a match must be a whole word or phrase; where
 * names overlap, the earliest and then the longest wins ("Lord Hunt of King’s
 * Heath" over "Lord Hunt").
 */
export interface Nameable {
  /** Whatever the caller uses to tell entities apart, e.g. "people/chris-hopson". */
  key: string;
  names: string[];
  /** Also match a plural "s" (acronyms: "CCGs", "AHSNs"). */
  plural?: boolean;
}

export interface Mention {
  key: string;
  start: number;
  end: number;
  /** The words as they stand in the text. */
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name with its apostrophes either way, as sources mix ’ and '. */
function spellings(name: string): string[] {
  const curly = name.replace(/'/g, '\u2019');
  const straight = name.replace(/\u2019/g, "'");
  return [...new Set([name, curly, straight])];
}

/** Names (in either apostrophe spelling) that more than one entity claims: a mention of them could link to either. */
export function nameClashes(entities: Nameable[]): { name: string; keys: string[] }[] {
  const claims = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const name of entity.names) {
      const folded = name.trim().replace(/\u2019/g, "'");
      if (folded === '') continue;
      if (!claims.has(folded)) claims.set(folded, new Set());
      claims.get(folded)!.add(entity.key);
    }
  }
  return [...claims].filter(([, keys]) => keys.size > 1).map(([name, keys]) => ({ name, keys: [...keys] }));
}

export interface NameMatcher {
  find(text: string): Mention[];
}

export function nameMatcher(entities: Nameable[]): NameMatcher {
  const byName = new Map<string, string>();
  const plural = new Set<string>();
  for (const entity of entities) {
    for (const name of entity.names) {
      if (name.trim() === '') continue;
      for (const spelling of spellings(name.trim())) {
        // The first entity to claim a name keeps it; names.ts refuses content where two do (see nameClashes).
        if (!byName.has(spelling)) byName.set(spelling, entity.key);
        if (entity.plural) plural.add(spelling);
      }
    }
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return { find: () => [] };
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escape).join('|')})(s?)(?![\\p{L}\\p{N}])`, 'gu');
  return {
    find(text) {
      const found: Mention[] = [];
      for (const match of text.matchAll(pattern)) {
        const name = match[1]!;
        const s = match[2]!;
        if (s && !plural.has(name)) continue;
        found.push({ key: byName.get(name)!, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
      return found;
    },
  };
}

/**
 * Every spelling of every name of the entities that differ between two lists
 * (added, removed, or with any field changed), as nameMatcher would look for
 * them. A text that contains none of them has the same mentions under either
 * list: whatever it matches under one it matches under the other, since a
 * match is the name's own characters (markdown/render keeps an article's
 * HTML through a change to the people it does not name).
 */
export function namesChanged<T extends Nameable>(before: readonly T[], after: readonly T[]): string[] {
  const shape = (entities: readonly T[]) => new Map(entities.map((e) => [e.key, JSON.stringify(e)]));
  const [was, now] = [shape(before), shape(after)];
  const changed = [...before, ...after].filter((e) => was.get(e.key) !== now.get(e.key));
  return [...new Set(changed.flatMap((e) => e.names.map((n) => n.trim()).filter((n) => n !== '').flatMap(spellings)))];
}
