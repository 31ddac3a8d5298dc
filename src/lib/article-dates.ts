import { dateSortKey, formatPartialDate, type PartialDate } from './dates';
import { factOf, type Fact, type Inference } from './fact';

/** The date facts an article (or an event) can carry: stated by the source, or an editor's inference. */
export interface DatedLike {
  published?: PartialDate | undefined;
  publishedInferred?: Inference<PartialDate> | undefined;
}

/** The sort key of an article's date, stated or inferred (lib/dates' dateSortKey), or undefined when it has none. */
export function articleDateKey(article: DatedLike): string | undefined {
  const date = article.published ?? article.publishedInferred?.value;
  return date && dateSortKey(date);
}

/** An article's date as ISO text, as precise as known ("2016", "2016-03", "2016-03-04"), stated or inferred: the direction and order of quoted words. */
export function articleDateIso(article: { published?: { iso: string } | undefined; publishedInferred?: { value: { iso: string } } | undefined }): string | undefined {
  return (article.published ?? article.publishedInferred?.value)?.iso;
}

/** A date as a Fact, with the words a page shows for it. */
export type DateStatus = Fact<PartialDate> & { label: string };

/**
 * How an article's date is shown: as stated, as "c. 2016" (marked inferred
 * wherever shown), or as not stated.
 */
export function articleDate(article: DatedLike): DateStatus {
  const fact = factOf(article.published, article.publishedInferred);
  if (fact.status === 'stated') return { ...fact, label: formatPartialDate(fact.value) };
  if (fact.status === 'inferred') return { ...fact, label: `c. ${formatPartialDate(fact.value)}` };
  return { ...fact, label: 'Date not stated in the source' };
}

/**
 * An article's month (or year, when that is all that is known) for a guide
 * to a list by date: "May 2016", "c. 2016" when inferred, none when undated.
 */
export function articleMonth(article: DatedLike): string | undefined {
  const date = articleDate(article);
  if (date.status === 'none') return undefined;
  const month = formatPartialDate({ ...date.value, precision: date.value.precision === 'day' ? 'month' : date.value.precision });
  return date.status === 'inferred' ? `c. ${month}` : month;
}

/**
 * Newest first. Inferred dates take their place by the inferred date (they are
 * labelled as such wherever shown); articles with no date at all come last,
 * in title order, so none is hidden.
 */
export function compareNewestFirst<T extends DatedLike & { title: string }>(a: T, b: T): number {
  const da = articleDate(a);
  const db = articleDate(b);
  if (da.status === 'none' || db.status === 'none') {
    if (da.status !== db.status) return da.status === 'none' ? 1 : -1;
    return a.title.localeCompare(b.title);
  }
  const byDate = dateSortKey(db.value).localeCompare(dateSortKey(da.value));
  return byDate !== 0 ? byDate : a.title.localeCompare(b.title);
}
