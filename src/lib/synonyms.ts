/**
 * Synonyms at query time (content/synonyms.yaml): a query that uses a term of
 * a group is also run with each other term in its place, and the results are
 * joined, the query as typed first. A term of several words is searched as a
 * phrase. Whole words only, case aside: "FT" does not match inside "FTSE".
 */
export interface Expansion {
  /** The queries to run: the one typed first. */
  queries: string[];
  /** The terms searched besides those typed, to say so ("Including merge, merging"). */
  alternatives: string[];
  /** The typed terms that have synonyms (lower-cased words), which are not "unmatched" when only a synonym is found. */
  covered: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function expandSynonyms(raw: string, groups: readonly (readonly string[])[], max = 6): Expansion {
  let queries = [raw];
  const alternatives: string[] = [];
  const covered: string[] = [];
  for (const group of groups) {
    // The longest term first, so "NHS Trust Development Authority" is taken whole before "Trust Development Authority".
    const terms = [...group].sort((a, b) => b.length - a.length);
    const found = terms.find((term) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').test(raw));
    if (!found) continue;
    const pattern = new RegExp(`(["“”]?)(?<![\\p{L}\\p{N}])${escape(found)}(?![\\p{L}\\p{N}])`, 'giu');
    const others = group.filter((t) => t.toLowerCase() !== found.toLowerCase());
    const next: string[] = [];
    for (const query of queries) {
      next.push(query);
      for (const other of others) {
        // Inside a quoted phrase the term stays part of it; alone, a term of several words becomes a phrase of its own.
        const inPhrase = (at: number) => (query.slice(0, at).match(/["“”]/g)?.length ?? 0) % 2 === 1;
        next.push(query.replace(pattern, (_m, quote: string, at: number) => `${quote}${inPhrase(at + quote.length) || !other.includes(' ') ? other : `"${other}"`}`));
      }
    }
    queries = [...new Set(next)].slice(0, max);
    alternatives.push(...others);
    covered.push(...found.toLowerCase().split(/\s+/));
  }
  return { queries, alternatives, covered };
}
