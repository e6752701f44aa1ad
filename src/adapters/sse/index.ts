/**
 * Live show events over Server-Sent Events (docs: README, "REST show + SSE events").
 *
 * The stream is read with `fetch` (through one ky instance, in `./connection.ts`, loaded at the
 * first subscribe), not `EventSource`, so that:
 * - every reconnect sends the real `Last-Event-ID` header (a recreated `EventSource` cannot:
 *   it only resends the id on its own internal reconnects, and those have no backoff);
 * - reconnects back off exponentially from the first failure, with jitter, so that viewers
 *   dropped together do not come back together; a server's `retry:` field sets the base,
 *   clamped to `[minRetryDelay, maxRetryDelay]`;
 * - a connection with no event and no heartbeat for `idleTimeout` is noticed and reopened;
 * - a disconnect aborts the request at once (`AbortSignal`).
 * It runs in browsers and in Node 20 (global `fetch`).
 *
 * Each event is parsed with `parseShowEvent`; a malformed one is reported as a recoverable
 * `show/invalid` and skipped, never thrown. `viewers` updates are coalesced, so a flood of
 * them costs one store update per window.
 */
import { VitrineError } from '../../core/errors.js';
import type { SseEvents, SseOptions } from './types.js';

export { createSseParser, type RawSseEvent, type SseParser, type SseParserOptions } from './parser.js';
export type { SseEvents, SseOptions } from './types.js';

/**
 * @example
 * const events = createSseEvents('https://api.example.com/shows/42/events');
 * const stop = events.subscribe((event) => console.log(event), (error) => console.warn(error.code));
 * // later
 * stop();
 */
export function createSseEvents(url: string, options: SseOptions = {}): SseEvents {
  return {
    subscribe(listener, onError) {
      // The connection code is a separate module, loaded at the first subscribe: a page whose
      // show is not live (or has no events URL) never downloads it.
      let stop: (() => void) | undefined;
      let stopped = false;
      import('./connection.js').then(
        ({ connectSseEvents }) => {
          if (!stopped) stop = connectSseEvents(url, options).subscribe(listener, onError);
        },
        (error: unknown) => {
          if (!stopped) onError?.(new VitrineError('events/unavailable', 'The live events could not be loaded.', { recoverable: true, cause: error }));
        },
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
