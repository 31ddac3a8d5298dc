import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { fieldName } from '../lib/content-error';
import type { FurniturePattern } from '../lib/fidelity';
import { contentDir } from './paths';
import type { z } from 'astro/zod';
import { collectionSchema, type CollectionDescription } from './schemas/collection';
import { furnitureSchema } from './schemas/furniture';
import { synonymsSchema } from './schemas/synonyms';
import { readContentText } from './text-file';
import { yamlPositions } from './yaml-source';

/**
 * One YAML file of the collection's configuration (content/<name>.yaml),
 * validated, with every problem of the file at its line; a file that does not
 * exist is the schema's defaults.
 */
export function readConfigFile<S extends z.ZodType>(name: string, schema: S, dir = contentDir): { data?: z.output<S>; problems: string[] } {
  const full = path.join(dir, name);
  const file = path.relative(process.cwd(), full);
  let text = '';
  try {
    if (existsSync(full)) text = readContentText(full, file);
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { problems: doc.errors.map((e) => `${file}: not valid YAML: ${e.message.split('\n')[0]}`) };
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const { lineOf } = yamlPositions(text, doc);
    return { problems: parsed.error.issues.map((i) => `${file}:${lineOf(i.path)}: ${fieldName(i.path) || '(file)'}: ${i.message}`) };
  }
  return { data: parsed.data, problems: [] };
}

/** The page furniture an article may drop (content/furniture.yaml). */
export function readFurniture(dir = contentDir): { patterns: FurniturePattern[]; problems: string[] } {
  const { data, problems } = readConfigFile('furniture.yaml', furnitureSchema, dir);
  return { patterns: data?.lines ?? [], problems };
}

/** Groups of terms a search treats as one (content/synonyms.yaml). */
export function readSynonyms(dir = contentDir): { groups: string[][]; problems: string[] } {
  const { data, problems } = readConfigFile('synonyms.yaml', synonymsSchema, dir);
  return { groups: data?.groups ?? [], problems };
}

// The description as last read, under the file's text: every page's footer shows it, so a build of thousands of pages
// parses it once (a read of a few hundred bytes a page), and `astro dev` sees any edit, however quick.
let lastDescription: { key: string; read: { description: CollectionDescription; problems: string[] } } | undefined;

/** What the collection is, in the editors' words (content/collection.yaml); a file left out describes nothing. */
export function readCollectionDescription(dir = contentDir): { description: CollectionDescription; problems: string[] } {
  const full = path.join(dir, 'collection.yaml');
  const key = `${full}\0${existsSync(full) ? readFileSync(full, 'utf8') : '\0none'}`;
  if (lastDescription?.key !== key) {
    const { data, problems } = readConfigFile('collection.yaml', collectionSchema, dir);
    lastDescription = { key, read: { description: data ?? {}, problems } };
  }
  return lastDescription.read;
}
