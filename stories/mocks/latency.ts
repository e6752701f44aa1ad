/**
 * Simulated network time for the mock adapters. `Infinity` (or anything beyond what a timer
 * can hold) never settles until the signal aborts: a pending state that stays on screen.
 */
export const FOREVER = Number.POSITIVE_INFINITY;

export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    const timer = Number.isFinite(ms) && ms <= 2 ** 31 - 1 ? setTimeout(resolve, Math.max(0, ms)) : undefined;
    signal?.addEventListener('abort', abort, { once: true });
  });
}
