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
}

export interface DanglingReference {
  file: string;
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

function walk(value: unknown, field: string, known: Map<string, Set<string>>, found: (field: string, ref: Reference) => void) {
  if (isReference(value, known)) {
    found(field, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${field}[${index}]`, known, found));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) walk(item, field ? `${field}.${key}` : key, known, found);
  }
}

/** `collections` names every collection, so a reference into an empty one is still caught. */
export function findDanglingReferences(entries: EntryLike[], collections: readonly string[]): DanglingReference[] {
  const known = new Map<string, Set<string>>(collections.map((name) => [name, new Set<string>()]));
  for (const entry of entries) known.get(entry.collection)?.add(entry.id);
  const dangling: DanglingReference[] = [];
  for (const entry of entries) {
    walk(entry.data, '', known, (field, target) => {
      if (!known.get(target.collection)?.has(target.id)) {
        dangling.push({ file: entry.filePath ?? `${entry.collection}/${entry.id}`, field, target });
      }
    });
  }
  return dangling;
}

export function describeDanglingReference({ file, field, target }: DanglingReference): string {
  const ext = FOLDER_FILE[target.collection] ?? '';
  return `${file}: ${field} refers to ${target.collection} "${target.id}", which does not exist. Add content/${target.collection}/${target.id}${ext}, or correct the id in ${field}.`;
}
