import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeWhole } from '../lib/whole-file';

/**
 * What a build step read from each built page, kept between builds under the
 * page file's identity (device, inode, size and modification time). A
 * rebuild links unchanged pages from the previous build (integrations/
 * page-reuse), so such a page is the very file read last time and is not
 * read again; a page written anew is a new file, read afresh. At 5,000
 * articles, reading every page again was most of the link check's and the
 * permalink register's time in a rebuild.
 */
export function builtPageReader<T>(cacheFile: string, read: (html: string) => T) {
  let kept: Record<string, [stamp: string, value: T]> = {};
  try {
    kept = JSON.parse(readFileSync(cacheFile, 'utf8')) as typeof kept;
  } catch {
    // No cache yet, or one cut short: every page is read.
  }
  const next: Record<string, [string, T]> = {};
  return {
    /** What `read` gives for the page at `file` (a path in the site being built, which names it in the cache). */
    read(file: string, name: string): T {
      const s = statSync(file, { bigint: true });
      const stamp = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
      const before = kept[name];
      const value = before && before[0] === stamp ? before[1] : read(readFileSync(file, 'utf8'));
      next[name] = [stamp, value];
      return value;
    },
    /** Keeps what this build read, for the next. */
    save(): void {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      writeWhole(cacheFile, JSON.stringify(next));
    },
  };
}
