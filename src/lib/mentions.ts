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
  /** The mentions in a text, left to right; where names overlap, the earliest and then the longest. */
  find(text: string): Mention[];
  /** The keys of every entity one of whose names stands anywhere in the text, overlapping or not. */
  present(text: string): Set<string>;
}

const LEADING_WORD = /^[\p{L}\p{N}]+/u;
const WORD_CODE_POINT = /^[\p{L}\p{N}]$/u;
/** For each UTF-16 unit of the first plane: 0 not yet asked, 1 neither letter nor number, 2 one. */
const wordUnits = new Uint8Array(0x10000);

/**
 * How many UTF-16 units the letter or number at this index takes (2 beyond the first plane), or 0 for neither.
 * Asked of every character of every block: a regular expression of words (`/[\p{L}\p{N}]+/gu`) cost four times as
 * much, most of the collection's mentions pass.
 */
function wordCodeAt(text: string, index: number): number {
  if (index >= text.length) return 0;
  const unit = text.charCodeAt(index);
  if (unit < 128) return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) ? 1 : 0;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const point = text.codePointAt(index)!;
    return WORD_CODE_POINT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
  }
  let known = wordUnits[unit]!;
  if (known === 0) wordUnits[unit] = known = WORD_CODE_POINT.test(String.fromCharCode(unit)) ? 2 : 1;
  return known - 1;
}

/** Whether a letter or number starts at this index (what the whole-word rule looks at). */
function wordAt(text: string, index: number): boolean {
  return wordCodeAt(text, index) > 0;
}

/**
 * A name matches where it stands as a whole word or phrase: no letter or
 * number before it or after it, except a plural "s" (which is matched, and
 * dropped by the caller when the name takes none). Looked up by the name's
 * first word, so a text costs one pass over its words however many names
 * there are: a single regular expression of every name cost time in
 * proportion to text × names, which at 2,000 people was most of a build.
 */
export function nameMatcher(entities: Nameable[]): NameMatcher {
  const bySpelling = new Map<string, { keys: string[]; plural: boolean }>();
  for (const entity of entities) {
    for (const name of entity.names) {
      if (name.trim() === '') continue;
      for (const spelling of spellings(name.trim())) {
        // The first entity to claim a name is the one find() gives; names.ts refuses content where two do (see nameClashes).
        const claim = bySpelling.get(spelling) ?? { keys: [], plural: false };
        if (!claim.keys.includes(entity.key)) claim.keys.push(entity.key);
        claim.plural ||= !!entity.plural;
        bySpelling.set(spelling, claim);
      }
    }
  }
  if (bySpelling.size === 0) return { find: () => [], present: () => new Set() };
  // Longest first, as a match takes the longest name at its start ("Lord Hunt of King’s Heath" over "Lord Hunt").
  const byFirstWord = new Map<string, string[]>();
  for (const spelling of [...bySpelling.keys()].sort((a, b) => b.length - a.length)) {
    const first = LEADING_WORD.exec(spelling)?.[0];
    // A name that starts with neither letter nor number (none of the content's) would start matches between words.
    if (!first) return regexMatcher(bySpelling);
    const list = byFirstWord.get(first);
    if (list) list.push(spelling);
    else byFirstWord.set(first, [spelling]);
  }
  const candidates = (word: string): string[] => {
    const whole = byFirstWord.get(word) ?? [];
    // A one-word name followed by a plural "s" is a longer word of the text.
    const singular = word.endsWith('s') ? byFirstWord.get(word.slice(0, -1)) : undefined;
    return singular ? [...whole, ...singular].sort((a, b) => b.length - a.length) : whole;
  };
  /** Where a match of the name at this index ends, and whether it took an "s"; undefined for no match. */
  const matchAt = (text: string, index: number, spelling: string) => {
    if (!text.startsWith(spelling, index)) return undefined;
    const after = index + spelling.length;
    if (text[after] === 's' && !wordAt(text, after + 1)) return { end: after + 1, plural: true };
    if (!wordAt(text, after)) return { end: after, plural: false };
    return undefined;
  };
  // Names start with few distinct characters (mostly capitals): a word that starts with none of them is passed over
  // without being cut out of the text or looked up, which is most words.
  const starts = new Set([...byFirstWord.keys()].map((word) => word.charCodeAt(0)));
  /** Calls back with each word (a longest run of letters and numbers) that starts with a name's first character. */
  const eachCandidateWord = (text: string, visit: (start: number, end: number) => void) => {
    let start = -1;
    for (let i = 0; i <= text.length; ) {
      const size = wordCodeAt(text, i);
      if (size > 0) {
        if (start < 0) start = i;
        i += size;
        continue;
      }
      if (start >= 0 && starts.has(text.charCodeAt(start))) visit(start, i);
      start = -1;
      i += 1;
    }
  };
  return {
    find(text) {
      const found: Mention[] = [];
      let resume = 0;
      eachCandidateWord(text, (start, end) => {
        if (start < resume) return;
        for (const spelling of candidates(text.slice(start, end))) {
          const hit = matchAt(text, start, spelling);
          if (!hit) continue;
          resume = hit.end;
          const claim = bySpelling.get(spelling)!;
          if (!hit.plural || claim.plural) found.push({ key: claim.keys[0]!, start, end: hit.end, text: text.slice(start, hit.end) });
          break;
        }
      });
      return found;
    },
    present(text) {
      const keys = new Set<string>();
      eachCandidateWord(text, (start, end) => {
        for (const spelling of candidates(text.slice(start, end))) {
          const hit = matchAt(text, start, spelling);
          const claim = bySpelling.get(spelling)!;
          if (hit && (!hit.plural || claim.plural)) for (const key of claim.keys) keys.add(key);
        }
      });
      return keys;
    },
  };
}

/** The same rules as one regular expression of every name: slow for many names, kept for names that start with a symbol. */
function regexMatcher(bySpelling: Map<string, { keys: string[]; plural: boolean }>): NameMatcher {
  const patternOf = (names: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escape).join('|')})(s?)(?![\\p{L}\\p{N}])`, 'gu');
  const matches = function* (pattern: RegExp, text: string) {
    for (const match of text.matchAll(pattern)) {
      const claim = bySpelling.get(match[1]!)!;
      if (!match[2] || claim.plural) yield { match, claim };
    }
  };
  const pattern = patternOf([...bySpelling.keys()].sort((a, b) => b.length - a.length));
  return {
    find(text) {
      return [...matches(pattern, text)].map(({ match, claim }) => ({ key: claim.keys[0]!, start: match.index, end: match.index + match[0].length, text: match[0] }));
    },
    present(text) {
      const keys = new Set<string>();
      for (const spelling of bySpelling.keys()) {
        for (const { claim } of matches(patternOf([spelling]), text)) for (const key of claim.keys) keys.add(key);
      }
      return keys;
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
