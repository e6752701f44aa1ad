import { isAbortError } from './errors.js';

export interface ReactionBatcherOptions {
  /** Shortest time between two requests (ms). */
  interval: number;
  now: () => number;
  /** Sends `count` taps of `type` (one request). */
  send: (type: string, count: number) => Promise<unknown> | undefined;
  /** A request failed (aborts aside). */
  failed: (error: unknown) => void;
}

/**
 * A shopper's reaction taps, batched: the first tap is sent at once (or when the interval since
 * the last request has passed), the taps that follow within the interval go together in the next
 * request, one per reaction type.
 */
export class ReactionBatcher {
  readonly #options: ReactionBatcherOptions;
  readonly #pending = new Map<string, number>();
  #lastSentAt = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ReactionBatcherOptions) {
    this.#options = options;
  }

  tap(type: string): void {
    this.#pending.set(type, (this.#pending.get(type) ?? 0) + 1);
    if (this.#timer) return;
    const wait = Math.max(0, this.#lastSentAt + this.#options.interval - this.#options.now());
    this.#timer = setTimeout(() => this.flush(), wait);
  }

  /** The server's totals plus the taps not sent yet (the server cannot have counted them). */
  withPending(counts: Readonly<Record<string, number>>): Record<string, number> {
    const totals: Record<string, number> = { ...counts };
    for (const [type, n] of this.#pending) totals[type] = (totals[type] ?? 0) + n;
    return totals;
  }

  /** Sends the waiting taps now. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.size === 0) return;
    this.#lastSentAt = this.#options.now();
    // Out of the pending taps before the request: totals that arrive meanwhile may count them.
    const batch = [...this.#pending];
    this.#pending.clear();
    for (const [type, count] of batch) {
      this.#options.send(type, count)?.catch((error: unknown) => {
        if (!isAbortError(error)) this.#options.failed(error);
      });
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
