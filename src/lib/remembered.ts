/**
 * Loads kept for a page's life, whose failures are not kept: a file that did
 * not arrive (a dropped connection, a server that failed once) is asked for
 * again the next time it is needed, instead of failing from memory until the
 * reader loads the page again. An answer, even an empty one, is kept.
 */

/** One load: its answer once it has one. */
export function remembered<T>(load: () => Promise<T>): () => Promise<T> {
  const byKey = rememberedByKey<null, T>();
  return () => byKey(null, load);
}

/** How to forget each load still waiting for its answer, of every remembered load of the page. */
const unanswered = new Set<() => void>();

/**
 * Forgets every load still waiting for its answer, so that whatever asks next asks afresh: after a search that could
 * not be finished, a load begun just before (which may wait on a stalled connection until its deadline) is not joined
 * by the reader's next try. Whoever awaits it still hears its answer.
 */
export function forgetUnanswered(): void {
  for (const forget of [...unanswered]) forget();
}

/** Loads by key: each key's answer once it has one. */
export function rememberedByKey<K, T>(): (key: K, load: () => Promise<T>) => Promise<T> {
  const answers = new Map<K, Promise<T>>();
  return (key, load) => {
    let answer = answers.get(key);
    if (!answer) {
      const asked = load();
      answer = asked;
      answers.set(key, asked);
      const forget = () => {
        unanswered.delete(forget);
        if (answers.get(key) === asked) answers.delete(key);
      };
      unanswered.add(forget);
      // Forgotten before anyone awaiting it hears of the failure (this handler was attached first).
      asked.then(() => unanswered.delete(forget), forget);
    }
    return answer;
  };
}
