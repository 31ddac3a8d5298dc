import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchWithin, LateError, within } from '../../src/lib/deadline';

describe('a wait with an end (lib/deadline)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('an answer that comes in time is the answer, and gives nothing up', async () => {
    const onLate = vi.fn();
    const answer = within(Promise.resolve('index'), 1000, onLate);
    await expect(answer).resolves.toBe('index');
    await vi.advanceTimersByTimeAsync(2000);
    expect(onLate).not.toHaveBeenCalled();
  });

  it('a failure in time is the failure', async () => {
    await expect(within(Promise.reject(new TypeError('Failed to fetch')), 1000)).rejects.toThrow('Failed to fetch');
  });

  it('no answer by the deadline is a LateError, after whatever was waited on is given up', async () => {
    const onLate = vi.fn();
    const answer = within(new Promise<string>(() => undefined), 1000, onLate);
    const said = expect(answer).rejects.toBeInstanceOf(LateError);
    await vi.advanceTimersByTimeAsync(999);
    expect(onLate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await said;
    expect(onLate).toHaveBeenCalledOnce();
  });

  it('a request the network leaves unanswered is aborted at the deadline', async () => {
    let signal: AbortSignal | undefined;
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal?.reason)));
    });
    const response = fetchWithin('/search/shards.json', 1000, { cache: 'no-store' });
    const said = expect(response).rejects.toBeInstanceOf(LateError);
    await vi.advanceTimersByTimeAsync(1000);
    await said;
    expect(signal?.aborted).toBe(true);
  });
});
