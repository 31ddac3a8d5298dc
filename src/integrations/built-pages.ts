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
  // One line a page, "stamp<tab>name<tab>value as JSON": a page read last time keeps its line as it was, so a
  // rebuild writes the cache without putting every page's value into JSON again (at 5,000 articles the link
  // check's was 14 MB, half a second to write whole each time).
  const kept = new Map<string, { stamp: string; value: string; line: string }>();
  try {
    for (const line of readFileSync(cacheFile, 'utf8').split('\n')) {
      const first = line.indexOf('\t');
      const second = line.indexOf('\t', first + 1);
      if (first > 0 && second > first) kept.set(line.slice(first + 1, second), { stamp: line.slice(0, first), value: line.slice(second + 1), line });
    }
  } catch {
    // No cache yet: every page is read.
  }
  const next: string[] = [];
  return {
    /** What `read` gives for the page at `file` (a path in the site being built, which names it in the cache). */
    read(file: string, name: string): T {
      const s = statSync(file, { bigint: true });
      const stamp = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
      const before = kept.get(name);
      if (before && before.stamp === stamp) {
        try {
          const value = JSON.parse(before.value) as T;
          next.push(before.line);
          return value;
        } catch {
          // A line cut short: the page is read again.
        }
      }
      const value = read(readFileSync(file, 'utf8'));
      // A name that would break its line is not kept: that page is read every time.
      if (!/[\t\n]/.test(name)) next.push(`${stamp}\t${name}\t${JSON.stringify(value)}`);
      return value;
    },
    /** Keeps what this build read, for the next. */
    save(): void {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      writeWhole(cacheFile, next.join('\n'));
    },
  };
}
