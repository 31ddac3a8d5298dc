/**
 * The one model of a fact about a text: stated by the source, inferred by an
 * editor (with its basis in words), or not stated. A page never shows an
 * inference as if the source stated it, and never fills a gap silently.
 *
 * In content files a fact is two fields, `x` (stated) and `xInferred`
 * (`{ value, basis }`, an Inference); factOf() reads the pair.
 */
export interface Inference<T> {
  value: T;
  basis: string;
}

export type Fact<T> = { status: 'stated'; value: T } | { status: 'inferred'; value: T; basis: string } | { status: 'none' };

export function factOf<T>(stated: T | undefined, inferred: Inference<T> | undefined): Fact<T> {
  if (stated !== undefined) return { status: 'stated', value: stated };
  if (inferred) return { status: 'inferred', value: inferred.value, basis: inferred.basis };
  return { status: 'none' };
}

/** The same fact about a different value (an id made a link, a kind capitalised); status and basis kept. */
export function mapFact<T, U>(fact: Fact<T>, show: (value: T) => U): Fact<U> {
  return fact.status === 'none' ? fact : { ...fact, value: show(fact.value) };
}

/**
 * A fact as one line of plain text shows it, where there is no room for the
 * basis (a search result, a link-preview card): an inference is marked
 * "(inferred)", never passed off as stated.
 */
export function plainFact(text: string, status: Fact<unknown>['status'] | 'not stated'): string {
  return status === 'inferred' ? `${text} (inferred)` : text;
}

/** The value whether stated or inferred: for sorting and grouping, never for showing as stated. */
export const valueOf = <T>(fact: Fact<T>): T | undefined => (fact.status === 'none' ? undefined : fact.value);
