/**
 * Partial ISO dates: "2015", "2015-09" or "2015-09-30". Sources state dates at
 * different precisions, and a page must never show more precision than the
 * source (or the editor's inference) has.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** The date as written, ISO: "2015", "2015-09" or "2015-09-30". */
  iso: string;
  precision: DatePrecision;
  year: number;
  month?: number;
  day?: number;
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date, or explains in words why it is not one. */
export function parsePartialDate(value: string): PartialDate | { error: string } {
  const match = PATTERN.exec(value);
  if (!match) {
    return {
      error: `"${value}" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD (for example "2015-09-30", "2015-09" or "2015").`,
    };
  }
  const year = Number(match[1]);
  if (match[2] === undefined) return { iso: value, precision: 'year', year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    return { error: `"${value}" is not a real date: there is no month ${match[2]}.` };
  }
  if (match[3] === undefined) return { iso: value, precision: 'month', year, month };
  const day = Number(match[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return {
      error: `"${value}" is not a real date: ${MONTHS[month - 1]} ${year} has ${last} days.`,
    };
  }
  return { iso: value, precision: 'day', year, month, day };
}

export function isPartialDate(parsed: PartialDate | { error: string }): parsed is PartialDate {
  return !('error' in parsed);
}

/** "30 September 2015", "May 2018" or "2015": only as precise as the date is. */
export function formatPartialDate(date: PartialDate): string {
  if (date.precision === 'year') return String(date.year);
  const month = MONTHS[(date.month ?? 1) - 1];
  if (date.precision === 'month') return `${month} ${date.year}`;
  return `${date.day} ${month} ${date.year}`;
}

/**
 * A key that sorts partial dates chronologically; a less precise date sorts
 * after the precise dates it could be (as if at the end of its period), so
 * "2015" never jumps ahead of "2015-09-30" when newest come first.
 */
export function dateSortKey(date: PartialDate): string {
  const month = String(date.month ?? 12).padStart(2, '0');
  const day = String(date.day ?? 31).padStart(2, '0');
  return `${date.year}-${month}-${day}`;
}
