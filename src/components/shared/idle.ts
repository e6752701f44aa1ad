/**
 * Runs `fn` when the main thread is idle (and at the latest after `timeout` ms), so work that
 * nothing on screen needs yet never blocks a frame. Returns the cancel function.
 */
export function whenIdle(fn: () => void, timeout = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, Math.min(timeout, 50));
  return () => clearTimeout(id);
}
