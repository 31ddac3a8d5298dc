import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { STORED_FILES_PENDING, STORED_FILES_WRITTEN } from '../lib/article-record';
import type { QuotedFromMemo } from '../lib/quoted-from';
import { writeWhole } from '../lib/whole-file';
import type { CachedArticle, NameList, RenderCache } from '../markdown/render';

/**
 * The articles' renderings kept between runs (markdown/render's cache): in
 * memory, for `astro dev`, where one edit reloads the collection, and in
 * the cache folder, one file an article, for the next build. A file that
 * cannot be read (a build interrupted while writing, another version) is a
 * miss, never an error: the article is rendered again.
 */
export function renderCache(options: {
  dir: string;
  root: string;
  digest: (value: string) => string;
  memory: Map<string, CachedArticle>;
  /**
   * The folders of HTML files named by their digests (digestFiles), this
   * run's first: a page's HTML is not in its entry's file but there.
   */
  htmlDirs: string[];
  /** Given, the entries' files are put here for the caller to write (writeOnThread), not written at once. */
  later?: [file: string, text: string][] | undefined;
}): RenderCache & { later?: [file: string, text: string][] | undefined; kept(): number } {
  const { dir, memory, digest } = options;
  mkdirSync(dir, { recursive: true });
  const fileOf = (slug: string) => path.join(dir, `${slug}.json`);
  // Beside the articles' files, not among them: a slug may be any name.
  const quotedFromFile = path.join(path.dirname(dir), `${path.basename(dir)}-quoted-from.json`);
  const namesFile = path.join(path.dirname(dir), `${path.basename(dir)}-names.json`);
  const version = codeVersion(options.root, digest);
  // Each folder listed once, when first asked (a folder that is not there has nothing).
  let listed: [folder: string, names: Set<string>][] | undefined;
  const htmlFolders = () =>
    (listed ??= options.htmlDirs.map((folder) => {
      try {
        return [folder, new Set(readdirSync(folder))];
      } catch {
        return [folder, new Set<string>()];
      }
    }));
  return {
    digest,
    version,
    later: options.later,
    /** How many articles have a rendering kept, of whatever version: one listing, before any is read. */
    kept() {
      try {
        return Math.max(memory.size, readdirSync(dir).length);
      } catch {
        return memory.size;
      }
    },
    quotedFrom: {
      read() {
        try {
          const kept = JSON.parse(readFileSync(quotedFromFile, 'utf8')) as { version: string; memo: QuotedFromMemo };
          return kept.version === version ? kept.memo : undefined;
        } catch {
          return undefined;
        }
      },
      write(memo) {
        writeWhole(quotedFromFile, JSON.stringify({ version, memo }));
      },
    },
    names: {
      read() {
        try {
          const kept = JSON.parse(readFileSync(namesFile, 'utf8')) as { version: string; lists: Record<string, NameList> };
          return kept.version === version ? kept.lists : {};
        } catch {
          return {};
        }
      },
      write(lists) {
        writeWhole(namesFile, JSON.stringify({ version, lists }));
      },
    },
    get(slug) {
      let entry = memory.get(slug);
      if (!entry) {
        try {
          // Read without asking first whether the file is there: a missing one is a miss like any other (5,000 stats were 0.1 s of a rebuild).
          entry = JSON.parse(readFileSync(fileOf(slug), 'utf8')) as CachedArticle;
          memory.set(slug, entry);
        } catch {
          return undefined;
        }
      }
      return entry;
    },
    set(slug, entry) {
      memory.set(slug, entry);
      // Without the HTML, which the loader keeps in a file named by its digest (htmlOf reads it from there).
      const { html: _html, ...kept } = entry;
      if (options.later) options.later.push([fileOf(slug), JSON.stringify(kept)]);
      else writeWhole(fileOf(slug), JSON.stringify(kept));
    },
    htmlOf(entry) {
      if (entry.html !== undefined) {
        const html = entry.html;
        return () => html;
      }
      if (!entry.htmlDigest) return undefined;
      const name = `${entry.htmlDigest}.html`;
      const folder = htmlFolders().find(([, names]) => names.has(name))?.[0];
      if (folder === undefined) return undefined;
      const file = path.join(folder, name);
      return () => {
        try {
          return readFileSync(file, 'utf8');
        } catch (error) {
          throw new Error(`The HTML of a page kept from an earlier run could not be read from ${file} (${(error as NodeJS.ErrnoException).code}): another build may have removed it. Build again.`);
        }
      };
    },
  };
}

/**
 * A digest of the code that renders articles, of the schemas that validate
 * them (the articles loader keeps a valid article's data under it) and of
 * the installed packages: a change to any renders every article again.
 */
function codeVersion(root: string, digest: (value: string) => string): string {
  const files = ['src/markdown', 'src/lib', 'src/content-files/schemas'].flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => path.join(root, dir, name)),
  );
  const lock = path.join(root, 'package-lock.json');
  return digest([...files, ...(existsSync(lock) ? [lock] : [])].map((file) => `${file}\n${readFileSync(file, 'utf8')}`).join('\n'));
}

/**
 * Each article's HTML and its record (blocks and quotations) as files of
 * their own, named by their digests, which pages and collection-wide
 * derivation read (data/catalogue) instead of Astro's content store. The
 * store is written with devalue, read back and bundled as one module that
 * V8 compiles on every build: with the HTML in it, at 5,000 articles, that
 * was about 12 s of a 77 s rebuild, and the records' text was most of what
 * was left (docs/performance.md). A file's name changes with its text, so a
 * page never reads one that is being written.
 */
export function digestFiles(dir: string, extension: string, later?: [file: string, text: string][]) {
  mkdirSync(dir, { recursive: true });
  // The folder's files, listed once: asking for each of 15,000 whether it exists was 0.15 s of a rebuild.
  const present = new Set(readdirSync(dir));
  return {
    /**
     * The file that holds `text`, written unless it exists (or, given `later`, put there for the caller to
     * write); `text` is worked out only to write it.
     */
    keep(digest: string, text: string | ((file: string) => string)): string {
      const name = `${digest}${extension}`;
      const file = path.join(dir, name);
      if (!present.has(name)) {
        const whole = typeof text === 'string' ? text : text(file);
        if (later) later.push([file, whole]);
        else writeWhole(file, whole);
        present.add(name);
      }
      return file;
    },
    /** Removes the files no article has now (the loader says when: a page may still be reading an older one). */
    prune(kept: Set<string>): void {
      for (const name of readdirSync(dir)) if (!kept.has(path.join(dir, name))) rmSync(path.join(dir, name), { force: true });
    },
  };
}

/**
 * Writes files (digestFiles' `later`: each new rendering's HTML, record and
 * words) on a thread of their own, each whole (lib/whole-file), while the
 * loader finishes and Astro bundles: at 5,000 articles, 15,000 files were
 * 3.3 s of the main thread at the end of the loader, while the other core
 * had nothing to do. Settles with how many once all are on disk; rejects,
 * saying why, if one cannot be written. Never an unhandled rejection: the
 * caller awaits it when it needs the files.
 */
export function writeOnThread(files: [file: string, text: string][]): Promise<number> {
  if (files.length === 0) return Promise.resolve(0);
  const written = new Promise<number>((resolve, reject) => {
    const worker = new Worker(new URL('./write-files-worker.mjs', import.meta.url), {
      workerData: { files },
      // Node's type stripping says it is experimental, once per thread: known, and not the reader's concern.
      execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
    });
    const failed = (why: string) => reject(new Error(`Writing the articles' rendered files to the cache folder failed: ${why}`));
    worker.once('message', (count: number) => resolve(count));
    worker.once('error', (error) => failed(error.message));
    // After its answer the thread ends, and a settled promise ignores this.
    worker.once('exit', (code) => failed(`the thread stopped (exit code ${code}).`));
  });
  written.catch(() => {});
  return written;
}

/**
 * A build's new stored files (HTML, records, vocabularies), written on a
 * thread (writeOnThread) while Astro bundles and renders. Until they are
 * all on disk, pages read them from memory (lib/article-record,
 * pendingStoredFile) rather than wait for the thread, and their texts are
 * let go once it is done; the build awaits the writing at its end
 * (storedFilesWritten), which fails it if a file could not be written.
 */
export function storeOnThread(files: [file: string, text: string][]): Promise<number> {
  const globals = globalThis as Record<symbol, unknown>;
  const pending = new Map(files);
  const written = writeOnThread(files);
  globals[STORED_FILES_PENDING] = pending;
  globals[STORED_FILES_WRITTEN] = written;
  written.then(
    () => {
      if (globals[STORED_FILES_PENDING] === pending) delete globals[STORED_FILES_PENDING];
    },
    () => {},
  );
  return written;
}

/** A list of keys kept in one file between runs; a file that cannot be read is an empty list. */
export function keyFile(file: string) {
  return {
    read(): string[] {
      try {
        const keys = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
      } catch {
        return [];
      }
    },
    write(keys: string[]): void {
      mkdirSync(path.dirname(file), { recursive: true });
      writeWhole(file, JSON.stringify(keys));
    },
  };
}
