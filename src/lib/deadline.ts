/**
 * A wait with an end. A request the network leaves unanswered (a captive
 * portal, a train in a tunnel, a proxy that holds the connection) raises no
 * error: without a deadline whatever awaits it waits for the page's life.
 */

/** Said by `within` when the deadline passed first. */
export class LateError extends Error {
  constructor(ms: number) {
    super(`No answer within ${ms} ms.`);
    this.name = 'LateError';
  }
}

/**
 * The promise's answer if it comes within `ms`; otherwise a LateError, after
 * `onLate` has run (to give up whatever the promise was waiting on). The
 * timer is the page's own setTimeout, so a test's clock can move it.
 */
export function within<T>(promise: Promise<T>, ms: number, onLate?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onLate?.();
      reject(new LateError(ms));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** fetch, aborted if the whole response has not arrived within `ms`. */
export function fetchWithin(url: string, ms: number, init: RequestInit = {}): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new LateError(ms)), ms);
  return fetch(url, { ...init, signal: controller.signal }).then(
    // The body is read within the same deadline: the timer is left to run, and aborting a read response does nothing.
    (response) => response,
    (error: unknown) => {
      clearTimeout(timer);
      throw error;
    },
  );
}
