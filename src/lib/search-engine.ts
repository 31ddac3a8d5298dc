import { landing, type HitData, type Landing } from './search-landing';
import { isEmptyQuery, pagefindQueries, parseQuery, type ParsedQuery } from './search-query';

/**
 * The search itself, over Pagefind's JavaScript API: runs the searches a
 * query needs (phrase and words must both match; a pasted passage's exact
 * source first), loads the hits, lands each on its block, and filters and
 * counts facets from the hits themselves so the counts always agree with
 * the list (Pagefind's own counts ignore phrase quotes).
 */
export interface PagefindResult {
  id: string;
  data(): Promise<HitData & { filters: Record<string, string[]> }>;
}

export interface PagefindLike {
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export type Selected = Record<string, string[]>;

export interface SearchOutcome {
  query: ParsedQuery;
  /** Nothing to search for: no words and no filters. */
  empty: boolean;
  results: (Landing & { filters: Record<string, string[]> })[];
  /** Facet → value → how many results there would be with that value chosen. */
  counts: Record<string, Record<string, number>>;
  /** More hits than were loaded: counts cover the loaded ones only. */
  truncated: boolean;
}

export const FACETS = ['organisation', 'person', 'topic', 'year', 'kind'] as const;

function matches(filters: Record<string, string[]>, selected: Selected, except?: string): boolean {
  return Object.entries(selected).every(
    ([facet, values]) => facet === except || values.length === 0 || values.some((v) => filters[facet]?.includes(v)),
  );
}

export async function runSearch(
  pagefind: PagefindLike,
  raw: string,
  { selected = {}, sort = 'relevance', limit = 200 }: { selected?: Selected; sort?: 'relevance' | 'date'; limit?: number } = {},
): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  const anySelected = Object.values(selected).some((v) => v.length > 0);
  const allValues = await pagefind.filters();
  const zeroCounts = () =>
    Object.fromEntries(Object.entries(allValues).map(([facet, values]) => [facet, Object.fromEntries(Object.keys(values).map((v) => [v, 0]))]));
  if (isEmptyQuery(query) && !anySelected) {
    return { query, empty: true, results: [], counts: zeroCounts(), truncated: false };
  }

  const options = sort === 'date' ? { sort: { date: 'desc' } } : {};
  let hits: PagefindResult[];
  if (isEmptyQuery(query)) {
    hits = (await pagefind.search(null, options)).results;
  } else {
    const { all, preferred } = pagefindQueries(query);
    const searches = await Promise.all(all.map((q) => pagefind.search(q, options)));
    const others = searches.slice(1).map((s) => new Set(s.results.map((r) => r.id)));
    hits = searches[0]!.results.filter((r) => others.every((ids) => ids.has(r.id)));
    if (preferred && sort === 'relevance') {
      // The passage's exact source first, with the phrase's own hit locations: every run of it must match.
      const runs = await Promise.all(preferred.map((q) => pagefind.search(q)));
      const inAll = runs.slice(1).map((s) => new Set(s.results.map((r) => r.id)));
      const exact = runs[0]!.results.filter((r) => inAll.every((ids) => ids.has(r.id)));
      const exactIds = new Set(exact.map((r) => r.id));
      hits = [...exact, ...hits.filter((r) => !exactIds.has(r.id))];
    }
  }

  const loaded = await Promise.all(hits.slice(0, limit).map((r) => r.data()));
  const counts = zeroCounts();
  for (const data of loaded) {
    for (const [facet, values] of Object.entries(data.filters)) {
      if (!matches(data.filters, selected, facet)) continue;
      for (const value of values) {
        counts[facet] ??= {};
        counts[facet][value] = (counts[facet][value] ?? 0) + 1;
      }
    }
  }
  const results = loaded.filter((d) => matches(d.filters, selected)).map((d) => ({ ...landing(d, { preferSpeakers: selected.person }), filters: d.filters }));
  return { query, empty: false, results, counts, truncated: hits.length > limit };
}
