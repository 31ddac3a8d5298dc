import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileIdentity } from '../lib/file-identity';
import { writeWhole } from '../lib/whole-file';

/** One built page, as a build step's reader found it (builtPageReader's `look`). */
export interface PageLook<T> {
  /** Whether the page is not as it was read last time (a page changed, or one the last run did not read). */
  fresh: boolean;
  /** What `read` gives for the page: kept from last time, unless fresh. */
  value(): T;
  /** Whether the last run read a page of this name. */
  seenBefore: boolean;
  /** What `read` gave for a page of this name last time, if there was one and it is still to be had. */
  before(): T | undefined;
}

/**
 * What a build step read from each built page, kept between builds under the
 * page file's identity (lib/file-identity) and a
 * digest of its text. A rebuild links unchanged pages from the previous
 * build (integrations/page-reuse), so such a page is the very file read last
 * time and is not read again; a page written anew is read, and what was read
 * of it before holds if its text is the same (Astro writes every listing
 * page again, most of them as they were). At 5,000 articles, reading every
 * page again was most of the link check's and the permalink register's time
 * in a rebuild.
 *
 * The step may keep a value of its own about the whole site with the pages
 * (`save`'s `state`), in the same file, so the two are always of one run.
 */
export function builtPageReader<T, S = never>(cacheFile: string, read: (html: string) => T) {
  // One line a page, "identity/digest<tab>name<tab>value as JSON": a page read last time keeps its line as it was, so a
  // rebuild writes the cache without putting every page's value into JSON again (at 5,000 articles the link
  // check's was 14 MB, half a second to write whole each time). The state, if any, is the first line, as JSON.
  const kept = new Map<string, { stamp: string; value: string; line: string }>();
  let state: S | undefined;
  try {
    const lines = readFileSync(cacheFile, 'utf8').split('\n');
    if (lines[0]?.startsWith('{')) state = JSON.parse(lines.shift()!) as S;
    for (const line of lines) {
      const first = line.indexOf('\t');
      const second = line.indexOf('\t', first + 1);
      if (first > 0 && second > first) kept.set(line.slice(first + 1, second), { stamp: line.slice(0, first), value: line.slice(second + 1), line });
    }
  } catch {
    // No cache yet (or a state cut short): every page is read.
    kept.clear();
    state = undefined;
  }
  const looked = new Set<string>();
  const next: string[] = [];
  const parsed = (value: string): T | undefined => {
    try {
      return JSON.parse(value) as T;
    } catch {
      // A line cut short: the page is read again.
      return undefined;
    }
  };
  return {
    /** The page at `file` (a path in the site being built, which names it in the cache), read only when it is not the file read last time. */
    look(file: string, name: string): PageLook<T> {
      looked.add(name);
      const identity = fileIdentity(statSync(file));
      const before = kept.get(name);
      const [identityBefore, digestBefore] = (before?.stamp ?? '').split('/');
      // Where this page's line goes, filled in once its value is known.
      const at = next.push('') - 1;
      // A name that would break its line is not kept: that page is read every time.
      const line = (digest: string, value: string) => (next[at] = /[\t\n]/.test(name) ? '' : `${identity}/${digest}\t${name}\t${value}`);
      let html: string | undefined;
      let digest = digestBefore;
      if (before && identityBefore === identity) {
        next[at] = before.line;
      } else {
        // The digest of the bytes as read, the same as of the text: hashing the text cost as much again as reading
        // it (Node turns it back into UTF-8 first), a quarter of a second of each check at 5,000 articles.
        const bytes = readFileSync(file);
        digest = createHash('sha256').update(bytes).digest('base64url');
        html = bytes.toString('utf8');
        // Another file with the same text (a page Astro wrote again, as it was): what was read of it holds.
        if (before && digestBefore === digest) line(digest, before.value);
      }
      const fresh = !before || digestBefore !== digest;
      // A page written again as it was needs none of its text (its value is kept): the checks keep every look to their
      // end, and a look holding its text would keep it alive that long (the same reason `value` parses its JSON back).
      if (!fresh) html = undefined;
      let value: { of: T } | undefined;
      const look: PageLook<T> = {
        fresh,
        seenBefore: before !== undefined,
        value() {
          if (!value) {
            const known = fresh ? undefined : parsed(before!.value);
            if (known !== undefined) {
              value = { of: known };
            } else {
              html ??= readFileSync(file, 'utf8');
              const json = JSON.stringify(read(html));
              line(digest ?? createHash('sha256').update(html).digest('base64url'), json);
              // Kept as the JSON gives it, as a kept value is: what `read` matched are slices of the page's text, and V8
              // keeps a whole string alive while a slice of it is. The checks keep every page's value to the end, so
              // every page's text was kept: at 5,000 articles some 340 MB that the collector copied and marked, over half
              // of the two checks' processor time (8.5 s against 3.4 s read this way).
              html = undefined;
              value = { of: JSON.parse(json) as T };
            }
          }
          return value.of;
        },
        before: () => (before ? parsed(before.value) : undefined),
      };
      // A fresh page is read now, so that saving keeps what it says.
      if (fresh) look.value();
      return look;
    },
    /** What `read` gives for the page at `file`. */
    read(file: string, name: string): T {
      return this.look(file, name).value();
    },
    /** The names of pages read last time that this run has not looked at. */
    unseen(): string[] {
      return [...kept.keys()].filter((name) => !looked.has(name));
    },
    /** What the step kept about the whole site last time, with these pages. */
    state(): S | undefined {
      return state;
    },
    /** Keeps what this build read, for the next, with the step's state if given. */
    save(newState?: S): void {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const lines = next.filter((line) => line !== '');
      writeWhole(cacheFile, (newState === undefined ? lines : [JSON.stringify(newState), ...lines]).join('\n'));
    },
  };
}
