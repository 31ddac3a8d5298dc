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

/** Loads by key: each key's answer once it has one. */
export function rememberedByKey<K, T>(): (key: K, load: () => Promise<T>) => Promise<T> {
  const answers = new Map<K, Promise<T>>();
  return (key, load) => {
    let answer = answers.get(key);
    if (!answer) {
      const asked = load();
      answer = asked;
      answers.set(key, asked);
      // Forgotten before anyone awaiting it hears of the failure (this handler was attached first).
      asked.catch(() => {
        if (answers.get(key) === asked) answers.delete(key);
      });
    }
    return answer;
  };
}
