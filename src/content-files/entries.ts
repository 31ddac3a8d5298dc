import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { contentDir } from './paths';
import { readContentText } from './text-file';
import { contentError, fieldName } from '../lib/content-error';
import { slugProblem } from '../lib/slugs';
import { explainIssue, yamlPositions, type YamlPositions } from './yaml-source';

/** The YAML collections: each a folder of `<id>.yaml` files. */
export type YamlFolder = 'people' | 'organisations' | 'topics' | 'glossary' | 'events';

export interface Entry<T> {
  id: string;
  /** The file, relative to the working directory, for messages. */
  file: string;
  /** The file as written, for the digest. */
  raw: string;
  data: T;
  lineOf: YamlPositions['lineOf'];
}

/** The file names a collection folder holds; files starting with "_" are set aside. */
export function entryFileNames(folder: string, extension: string, dir = contentDir): string[] {
  const full = path.join(dir, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith(extension) && !name.startsWith('_'))
    .sort();
}

/**
 * Every entry of a YAML folder, validated by the same zod shape as its Astro
 * collection, with every problem of every file at its file:line. Read as
 * YAML 1.2, where a date is text as written (YAML 1.1 readers turn an
 * unquoted 2015-02-31 into 3 March).
 */
export function readYamlFolder<S extends z.ZodType>(
  folder: YamlFolder,
  schema: S,
  dir = contentDir,
): { entries: Entry<z.output<S>>[]; problems: string[]; ids: string[] } {
  const problems: string[] = [];
  // Every entry that exists, valid or not, so that a reference to a broken entry is not also reported as missing.
  const ids: string[] = [];
  const entries = entryFileNames(folder, '.yaml', dir).flatMap((name): Entry<z.output<S>>[] => {
    const full = path.join(dir, folder, name);
    const file = path.relative(process.cwd(), full);
    const id = name.replace(/\.yaml$/, '');
    const badName = slugProblem(id);
    if (badName) {
      problems.push(`${file}: file name: ${badName}`);
      return [];
    }
    ids.push(id);
    let text: string;
    try {
      text = readContentText(full, file);
    } catch (error) {
      problems.push((error as Error).message);
      return [];
    }
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = 1 + (text.slice(0, error.pos[0]).match(/\n/g)?.length ?? 0);
        problems.push(`${file}:${line}: not valid YAML: ${error.message.split('\n')[0]}`);
      }
      return [];
    }
    const positions = yamlPositions(text, doc);
    const parsed = schema.safeParse(doc.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${file}:${positions.lineOf(issue.path)}: ${fieldName(issue.path) || '(file)'}: ${explainIssue(issue.message, positions.writtenAs(issue.path))}`);
      }
      return [];
    }
    return [{ id, file, raw: text, data: parsed.data as z.output<S>, lineOf: positions.lineOf }];
  });
  return { entries, problems, ids };
}

/** The same, for code that needs only valid entries: any problem stops it. */
export function readYamlEntries<S extends z.ZodType>(folder: YamlFolder, schema: S, dir = contentDir): Entry<z.output<S>>[] {
  const { entries, problems } = readYamlFolder(folder, schema, dir);
  if (problems.length > 0) throw contentError(`Content problems in content/${folder}/:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return entries;
}
