import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { load as loadYaml } from 'js-yaml';
import { contentDir } from './paths';
import { readContentText } from './text-file';
import { contentError } from '../lib/content-error';

/** The YAML collections: each a folder of `<id>.yaml` files. */
export type YamlFolder = 'people' | 'organisations' | 'topics' | 'glossary' | 'events';

export interface Entry<T> {
  id: string;
  /** The file, relative to the working directory, for messages. */
  file: string;
  data: T;
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
 * collection. Problems are collected from every file and thrown together.
 */
export function readYamlEntries<S extends z.ZodType>(folder: YamlFolder, schema: S, dir = contentDir): Entry<z.output<S>>[] {
  const problems: string[] = [];
  const entries = entryFileNames(folder, '.yaml', dir).flatMap((name) => {
    const full = path.join(dir, folder, name);
    const file = path.relative(process.cwd(), full);
    let raw: unknown;
    try {
      raw = loadYaml(readContentText(full, file)) ?? {};
    } catch (error) {
      const message = (error as Error).message;
      problems.push(message.startsWith(file) ? message : `${file}: not valid YAML: ${message.split('\n')[0]}`);
      return [];
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      return [];
    }
    return [{ id: name.replace(/\.yaml$/, ''), file, data: parsed.data as z.output<S> }];
  });
  if (problems.length > 0) throw contentError(`Content problems in content/${folder}/:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return entries;
}
