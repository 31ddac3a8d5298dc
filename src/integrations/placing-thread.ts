import { Worker } from 'node:worker_threads';

export type PlaceKind = 'link' | 'write';

/** A content file to copy into the site, with the previous build's copy of it and the identity its file had then, if there is one. */
export interface CopiedFile {
  from: string;
  to: string;
  previous?: { copy: string; identity: string } | undefined;
}

/** What the thread answers for a batch: how many files it placed; for copied files, the identity of each and how many were linked. */
interface Answer {
  count: number;
  identities?: string[];
  linked?: number;
}

/**
 * Puts files in place on a thread of its own (place-files-worker.mjs), beside
 * the rendering on the main thread: `link`s a previous build's files
 * (site-files, placeFile: linked where it can be, else copied), `write`s
 * [file, text], and `copy`s content files (site-files, placeContentFile:
 * a file the previous build copied, unchanged since, is linked from its
 * copy), answering each one's identity. At 5,000 articles a rebuild places
 * 20,000 files of reused pages and 5,000 captures, and a clean build writes
 * 15,000 citation files. One thread, started with the first batch, takes
 * every batch of the build in turn; `place` answers how many files a batch
 * placed. The thread keeps the process alive only while it has work, and
 * `stop` ends it once the build has awaited everything.
 */
export function placingThread(): {
  place: (kind: PlaceKind, items: [string, string][]) => Promise<number>;
  copy: (items: CopiedFile[]) => Promise<{ identities: string[]; linked: number }>;
  stop: () => Promise<void>;
} {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = () => {
    const started = new Worker(new URL('./place-files-worker.mjs', import.meta.url), {
      // Node's type stripping says it is experimental, once per thread: known, and not the reader's concern.
      execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
    });
    started.on('message', ({ id, error, ...answer }: Answer & { id: number; error?: string }) => {
      const batch = waiting.get(id);
      waiting.delete(id);
      if (error === undefined) batch?.resolve(answer);
      else batch?.reject(new Error(`Putting the build's files in place failed: ${error}`));
      if (waiting.size === 0) started.unref();
    });
    started.on('error', (error) => failAll(new Error(`Putting the build's files in place failed: ${error.message}`)));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`Putting the build's files in place failed: the thread stopped (exit code ${code}).`));
    });
    return started;
  };
  const send = (kind: PlaceKind | 'copy', items: string[][]): Promise<Answer> => {
    if (items.length === 0) return Promise.resolve({ count: 0, identities: [], linked: 0 });
    worker ??= start();
    worker.ref();
    const id = nextId++;
    const thread = worker;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      thread.postMessage({ id, kind, items });
    });
  };
  return {
    place: (kind, items) => send(kind, items).then(({ count }) => count),
    copy: (items) => send('copy', items.map(({ from, to, previous }) => (previous ? [from, to, previous.copy, previous.identity] : [from, to]))).then(({ identities = [], linked = 0 }) => ({ identities, linked })),
    async stop() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}
