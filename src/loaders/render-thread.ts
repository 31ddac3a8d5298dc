import { Worker } from 'node:worker_threads';
import type { RenderHelper } from '../markdown/render';

/** Below this many articles to parse, a second thread costs more to start (about a second, loading the plugins) than it saves. */
export const HELPED_FROM = 200;

/**
 * A RenderHelper on a worker thread (render-worker.mjs), so that a build's
 * rendering uses the core it would leave idle: at 5,000 articles the
 * loader's Markdown rendering is most of its time, on one core. The thread
 * reads the collection's inputs itself. It starts loading at once, and is
 * given the articles' dates, which only stage 3 needs, when it is put to
 * work (`forDates`): the loader starts it before reading the articles when
 * most will be parsed, so that the second or two it takes to load the
 * plugins and read the YAML folders overlap the main thread's reading
 * instead of delaying the helper's share.
 */
export function renderThread(): { forDates(dates: ReadonlyMap<string, string | undefined>): RenderHelper; close(): Promise<unknown> } {
  const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), {
    // Node's type stripping says it is experimental, once per thread: known, and not the reader's concern.
    execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'],
  });
  // Until put to work it does not keep the process open: a loader that stops on an error need not close it.
  worker.unref();
  // Answers come in the order asked; a thread that fails fails every question still open.
  const waiting: { resolve: (value: never) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= new Error(`Rendering on a second thread failed: ${error.message}`);
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the thread stopped (exit code ${code})`)));
  const ask = <T>(message: unknown) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
      worker.postMessage(message);
    });
  const close = () => worker.terminate();
  return {
    forDates(dates) {
      // Listening for messages holds the process open as well (Node refs the worker's port while a 'message'
      // listener is attached), so the thread is listened to only from here; it answers nothing before.
      if (worker.listenerCount('message') === 0) worker.on('message', (message: unknown) => waiting.shift()?.resolve(message as never));
      worker.ref();
      worker.postMessage({ dates });
      return {
        parse: (sources, keptTrees) => ask({ parse: { sources, keptTrees } }),
        render: (slugs, collection) => ask({ render: { slugs, collection } }),
        close,
      };
    },
    close,
  };
}
