import { dateSortKey, formatPartialDate, type PartialDate } from './dates';

/** The date facts an article can carry: stated by the source, or an editor's inference. */
export interface DatedLike {
  published?: PartialDate | undefined;
  publishedInferred?: { value: PartialDate; basis: string } | undefined;
}

export type DateStatus =
  | { status: 'stated'; date: PartialDate; label: string }
  | { status: 'inferred'; date: PartialDate; label: string; basis: string }
  | { status: 'none'; label: string };

/**
 * How an article's date is shown: as stated, as "c. 2016 (inferred)", or as
 * not stated. A page never shows an inference as if the source stated it.
 */
export function articleDate(article: DatedLike): DateStatus {
  if (article.published) {
    return { status: 'stated', date: article.published, label: formatPartialDate(article.published) };
  }
  if (article.publishedInferred) {
    const date = article.publishedInferred.value;
    return { status: 'inferred', date, label: `c. ${formatPartialDate(date)}`, basis: article.publishedInferred.basis };
  }
  return { status: 'none', label: 'Date not stated in the source' };
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
  const byDate = dateSortKey(db.date).localeCompare(dateSortKey(da.date));
  return byDate !== 0 ? byDate : a.title.localeCompare(b.title);
}
