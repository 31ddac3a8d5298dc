import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { fieldName } from '../lib/content-error';
import type { FurniturePattern } from '../lib/fidelity';
import { contentDir } from './paths';
import { furnitureSchema } from './schemas/furniture';
import { readContentText } from './text-file';
import { yamlPositions } from './yaml-source';

/** The page furniture an article may drop (content/furniture.yaml), with every problem of the file at its line. */
export function readFurniture(dir = contentDir): { patterns: FurniturePattern[]; problems: string[] } {
  const full = path.join(dir, 'furniture.yaml');
  if (!existsSync(full)) return { patterns: [], problems: [] };
  const file = path.relative(process.cwd(), full);
  let text: string;
  try {
    text = readContentText(full, file);
  } catch (error) {
    return { patterns: [], problems: [(error as Error).message] };
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { patterns: [], problems: doc.errors.map((e) => `${file}: not valid YAML: ${e.message.split('\n')[0]}`) };
  const parsed = furnitureSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const { lineOf } = yamlPositions(text, doc);
    return { patterns: [], problems: parsed.error.issues.map((i) => `${file}:${lineOf(i.path)}: ${fieldName(i.path) || '(file)'}: ${i.message}`) };
  }
  return { patterns: parsed.data.lines, problems: [] };
}
