/**
 * Live show events over Server-Sent Events (docs/live-events.md).
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
export { createSseEvents } from './events.js';
export { createSseParser, type RawSseEvent, type SseParser, type SseParserOptions } from './parser.js';
export type { SseEvents, SseOptions } from './types.js';
