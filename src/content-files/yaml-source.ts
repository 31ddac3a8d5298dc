import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { isPartialDate, parsePartialDate } from '../lib/dates';

/**
 * Where, and how, each value of a YAML text is written, so that a problem
 * with a field can name its line and quote what the editor wrote (2015-02-31,
 * not the 3 March a YAML reader may turn it into).
 */
export interface YamlPositions {
  /** The line of a field (counted in the text given); a missing field points at its parent, a missing top-level field at line 1. */
  lineOf: (field: readonly PropertyKey[]) => number;
  /** The value exactly as written. */
  writtenAs: (field: readonly PropertyKey[]) => string | undefined;
}

/**
 * Without a parsed document, the text is parsed on the first question only:
 * positions are asked for when a field has a problem, and parsing every
 * article's front matter a second time for them was 2 s of a 5,000-article build.
 */
export function yamlPositions(text: string, parsed?: Document): YamlPositions {
  let known = parsed;
  const document = () => (known ??= parseDocument(text));
  const lineAt = (offset: number) => 1 + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  const writtenAs = (field: readonly PropertyKey[]) => {
    const node = document().getIn(field as PropertyKey[], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? text.slice(node.range[0], node.range[1]) : undefined;
  };
  const lineOf = (field: readonly PropertyKey[]) => {
    const doc = document();
    let node: unknown = doc.contents;
    let found = node as Node | null;
    for (const key of field) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (!node) break;
      found = node as Node;
    }
    if (!found || found === doc.contents) return 1;
    return lineAt(found.range?.[0] ?? 0);
  };
  return { lineOf, writtenAs };
}

/**
 * A zod message about a field, made true to what was written. A YAML 1.1
 * reader (Astro's front matter) takes an unquoted 2015-02-31 as a timestamp
 * and moves it to 3 March, so the schema only sees the moved date: say
 * instead that it is no date at all, or the same date in quotes.
 */
export function explainIssue(message: string, written: string | undefined): string {
  if (!message.startsWith('write the date in quotes') || written === undefined) return message;
  const date = parsePartialDate(written.trim());
  return isPartialDate(date)
    ? `write the date in quotes: "${written.trim()}". Unquoted, YAML reads it as a timestamp.`
    : `${date.error} Write the date in quotes, as the source states it: YYYY-MM-DD, YYYY-MM or YYYY.`;
}
