import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { EntityKind } from '../lib/routes';

/**
 * The Markdown plugins run before Astro's collections are available to them,
 * so they look entries up on disk, in the same folders the loaders read.
 */

const EXTENSION: Record<EntityKind, string> = {
  articles: '.md',
  people: '.yaml',
  organisations: '.yaml',
  topics: '.yaml',
};

export function entryFile(contentDir: string, kind: EntityKind, id: string): string {
  return path.join(contentDir, kind, id + EXTENSION[kind]);
}

export function entryExists(contentDir: string, kind: EntityKind, id: string): boolean {
  return existsSync(entryFile(contentDir, kind, id));
}

export function personName(contentDir: string, id: string): string | undefined {
  const file = entryFile(contentDir, 'people', id);
  if (!existsSync(file)) return undefined;
  const data = loadYaml(readFileSync(file, 'utf8')) as { name?: unknown } | null;
  return typeof data?.name === 'string' ? data.name : undefined;
}

/** "content/articles/x.md:12" for messages that send an editor to the line. */
export function where(
  file: { path?: string | undefined },
  node: { position?: { start: { line: number } } | undefined },
): string {
  const name = file.path ? path.relative(process.cwd(), file.path) : '(unknown file)';
  return node.position ? `${name}:${node.position.start.line}` : name;
}
