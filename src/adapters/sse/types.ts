/**
 * The options and the interface of the SSE events adapter, apart from its code so that
 * `./index.ts` and the lazily loaded `./connection.ts` both import them (no import cycle).
 */
import type { VitrineError } from '../../core/errors.js';
import type { ShowEventListener } from '../../core/types.js';

export interface SseOptions {
  /**
   * Base reconnect delay in milliseconds: the wait before a reconnect is a random time between
   * `minRetryDelay` and `minRetryDelay + retryDelay × 2^failures` (capped by `maxRetryDelay`),
   * where `failures` counts the connections in a row that ended without one event. A `retry:`
   * field from the server replaces it, clamped between `minRetryDelay` and `maxRetryDelay`.
   * @default 1000
   */
  retryDelay?: number;
  /**
   * Shortest wait before a reconnect, in milliseconds; a `retry:` below it is raised to it.
   * Lower it only in tests and simulations (README, "Live events: reconnects").
   * @default 1000
   */
  minRetryDelay?: number;
  /**
   * Upper bound of the random part of the reconnect delay, and of a `retry:` value, in milliseconds.
   * @default 30000
   */
  maxRetryDelay?: number;
  /**
   * How long opening the stream (until response headers) may take, in milliseconds.
   * @default 10000
   */
  connectTimeout?: number;
  /**
   * With no event and no heartbeat (a comment line) for this long, in milliseconds, the
   * connection is deemed dead: it is reported (`events/unavailable`) and reopened.
   * @default 45000
   */
  idleTimeout?: number;
  /**
   * `viewers` events arriving within this window (ms) are delivered once, with the latest count.
   * @default 250
   */
  coalesceViewers?: number;
  /**
   * Longest `data` of one event (and longest line), in characters; longer events are dropped
   * with a `show/invalid`.
   * @default 1000000
   */
  maxEventSize?: number;
  /** Base URL for relative URLs inside `product` events. @default the stream URL */
  base?: string;
  /** Extra request headers (for instance an auth token). @default {} */
  headers?: Record<string, string>;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * The source of the reconnect jitter, a function like `Math.random` (for deterministic tests
   * and simulations).
   * @default Math.random
   */
  random?: () => number;
}

export interface SseEvents {
  /**
   * Opens a connection and delivers parsed events until the returned function is called.
   * `onError` hears recoverable problems: `events/unavailable` once per outage (not once per
   * retry), and `show/invalid` for a malformed event (at most one a second).
   */
  subscribe(listener: ShowEventListener, onError?: (error: VitrineError) => void): () => void;
}
