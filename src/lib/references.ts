import { fieldName } from './content-error';

/**
 * Astro resolves `reference()` fields lazily and only logs one that points
 * nowhere; the build still succeeds. This finds every such reference so the
 * build can fail with a message an editor can act on.
 */
export interface Reference {
  collection: string;
  id: string;
}

export interface EntryLike {
  collection: string;
  id: string;
  filePath?: string | undefined;
  data: unknown;
  /** The line where a field is written, when the file's positions are known. */
  lineOf?: ((path: readonly (string | number)[]) => number) | undefined;
}

export interface DanglingReference {
  file: string;
  line?: number | undefined;
  field: string;
  target: Reference;
}

const FOLDER_FILE: Record<string, string> = {
  articles: '.md',
  people: '.yaml',
  organisations: '.yaml',
  topics: '.yaml',
};

function isReference(value: unknown, known: Map<string, Set<string>>): value is Reference {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const candidate = value as Record<string, unknown>;
  return (
    keys.length === 2 &&
    typeof candidate.id === 'string' &&
    typeof candidate.collection === 'string' &&
    known.has(candidate.collection)
  );
}

type Path = (string | number)[];

function walk(value: unknown, path: Path, known: Map<string, Set<string>>, found: (path: Path, ref: Reference) => void) {
  if (isReference(value, known)) {
    found(path, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], known, found));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], known, found);
  }
}

/** Every reference in a value (an entry's data) into one of the collections named. */
export function referencesIn(value: unknown, collections: readonly string[]): Reference[] {
  const known = new Map<string, Set<string>>(collections.map((name) => [name, new Set<string>()]));
  const found: Reference[] = [];
  walk(value, [], known, (_, ref) => found.push(ref));
  return found;
}

/** `collections` names every collection, so a reference into an empty one is still caught. */
export function findDanglingReferences(entries: EntryLike[], collections: readonly string[]): DanglingReference[] {
  const known = new Map<string, Set<string>>(collections.map((name) => [name, new Set<string>()]));
  for (const entry of entries) known.get(entry.collection)?.add(entry.id);
  const dangling: DanglingReference[] = [];
  for (const entry of entries) {
    walk(entry.data, [], known, (path, target) => {
      if (!known.get(target.collection)?.has(target.id)) {
        dangling.push({ file: entry.filePath ?? `${entry.collection}/${entry.id}`, line: entry.lineOf?.(path), field: fieldName(path), target });
      }
    });
  }
  return dangling;
}

export function describeDanglingReference({ file, line, field, target }: DanglingReference): string {
  const ext = FOLDER_FILE[target.collection] ?? '';
  return `${file}${line === undefined ? '' : `:${line}`}: ${field} refers to ${target.collection} "${target.id}", which does not exist. Add content/${target.collection}/${target.id}${ext}, or correct the id in ${field}.`;
}
