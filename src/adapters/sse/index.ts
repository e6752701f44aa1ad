/**
 * Live show events over Server-Sent Events (docs/live-events.md).
 *
 * The stream is read with `fetch` (through one ky instance, in `./connection.ts`, loaded at the
 * first subscribe), not `EventSource`, so that:
 * - every reconnect sends the real `Last-Event-ID` header (a recreated `EventSource` cannot:
 *   it only resends the id on its own internal reconnects, and those have no backoff);
 * - reconnects back off exponentially with jitter, and a server's `retry:` field sets the base;
 * - a disconnect aborts the request at once (`AbortSignal`).
 *
 * Each event is parsed with `parseShowEvent`; a malformed one is reported as a recoverable
 * `show/invalid` and skipped, never thrown. `viewers` updates are coalesced, so a flood of
 * them costs one store update per window.
 */
import { VitrineError } from '../../core/errors.js';
import type { ShowEventListener } from '../../core/types.js';

export interface SseOptions {
  /**
   * First reconnect delay in milliseconds; doubles on each failed attempt. A `retry:` field
   * from the server replaces it.
   * @default 1000
   */
  retryDelay?: number;
  /**
   * Upper bound of the reconnect delay in milliseconds.
   * @default 30000
   */
  maxRetryDelay?: number;
  /**
   * How long opening the stream (until response headers) may take, in milliseconds.
   * @default 10000
   */
  connectTimeout?: number;
  /**
   * `viewers` events arriving within this window (ms) are delivered once, with the latest count.
   * @default 250
   */
  coalesceViewers?: number;
  /**
   * Longest `data` of one event, in characters; longer events are dropped with a `show/invalid`.
   * @default 1000000
   */
  maxEventSize?: number;
  /** Base URL for relative URLs inside `product` events. @default the stream URL */
  base?: string;
  /** Extra request headers (for instance an auth token). @default {} */
  headers?: Record<string, string>;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

export interface SseEvents {
  /**
   * Opens a connection and delivers parsed events until the returned function is called.
   * `onError` hears recoverable problems: `events/unavailable` once per outage (not once per
   * retry), and `show/invalid` for a malformed event (at most one a second).
   */
  subscribe(listener: ShowEventListener, onError?: (error: VitrineError) => void): () => void;
}

/** One raw Server-Sent Event. */
export interface RawSseEvent {
  type: string;
  data: string;
  id?: string;
}

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML, "Server-sent events"):
 * feed it text chunks; it calls `onEvent` per dispatched event and `onRetry` per `retry:` field.
 * Exposed for adapters that receive SSE text some other way.
 *
 * @example
 * const parser = createSseParser((e) => console.log(e.type, e.data));
 * parser.push('event: viewers\ndata: {"count": 3}\n\n');
 */
export function createSseParser(
  onEvent: (event: RawSseEvent) => void,
  options: { onRetry?: (ms: number) => void; onOversize?: () => void; maxEventSize?: number } = {},
) {
  const max = options.maxEventSize ?? 1_000_000;
  let buffer = '';
  let type = '';
  let data: string[] = [];
  let size = 0;
  let oversize = false;
  let lastEventId: string | undefined;
  let pendingCR = false;

  function line(text: string): void {
    if (text === '') {
      if (oversize) options.onOversize?.();
      else if (data.length) {
        const event: RawSseEvent = { type: type || 'message', data: data.join('\n') };
        if (lastEventId !== undefined) event.id = lastEventId;
        onEvent(event);
      }
      type = '';
      data = [];
      size = 0;
      oversize = false;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        type = value;
        break;
      case 'data':
        size += value.length + 1;
        if (size > max) {
          oversize = true;
          data = [];
        } else if (!oversize) data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) options.onRetry?.(Number(value));
        break;
      default:
    }
  }

  return {
    /** The last event id seen (what `Last-Event-ID` should carry). */
    get lastEventId(): string | undefined {
      return lastEventId;
    },
    set lastEventId(value: string | undefined) {
      lastEventId = value;
    },
    push(chunk: string): void {
      let text = chunk;
      // A CR at the end of the previous chunk may be the first half of CRLF.
      if (pendingCR && text.startsWith('\n')) text = text.slice(1);
      pendingCR = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(buffer.slice(start, i));
        if (c === 13) {
          if (i + 1 === buffer.length) pendingCR = true;
          else if (buffer.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      // A line longer than the event limit can never be valid: drop it now, bounded memory.
      if (buffer.length > max) {
        buffer = '';
        oversize = true;
      }
    },
    /** Discards a half-received event (the connection dropped). */
    reset(): void {
      buffer = '';
      type = '';
      data = [];
      size = 0;
      oversize = false;
      pendingCR = false;
    },
  };
}

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
