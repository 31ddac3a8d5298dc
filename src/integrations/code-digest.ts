import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A digest of the project's code (every file of src/, the Astro config, the
 * lock file of packages and tsconfig) and of the settings given: what a
 * build may reuse of a previous one (its pages, its index of adjacent words)
 * depends on nothing else.
 */
export function codeDigest(root: string, settings: string[]): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else add(full);
    }
  };
  walk(path.join(root, 'src'));
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json']) if (existsSync(path.join(root, file))) add(path.join(root, file));
  hash.update(JSON.stringify(settings));
  return hash.digest('base64url');
}
