/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML, "Server-sent events"),
 * apart from the connection so that both `./index.ts` and `./connection.ts` import it (no cycle).
 *
 * Its cost is linear in the input: a partial line is kept as a list of pieces and joined once,
 * when it ends, and a line longer than `maxEventSize` is dropped as it arrives (bounded memory),
 * so a line that never ends costs nothing more than reading it.
 */

/** One raw Server-Sent Event. */
export interface RawSseEvent {
  type: string;
  data: string;
  id?: string;
}

export interface SseParserOptions {
  /** Hears each `retry:` field (a whole number of milliseconds, as sent: unclamped). */
  onRetry?: (ms: number) => void;
  /** Hears an event (or a line) that was dropped for being larger than `maxEventSize`. */
  onOversize?: () => void;
  /** Hears each comment line (`: …`), which servers send as a heartbeat. */
  onComment?: () => void;
  /**
   * Longest `data` of one event, and longest line, in characters.
   * @default 1000000
   */
  maxEventSize?: number;
}

/** What `createSseParser` returns. */
export interface SseParser {
  /**
   * The id of the last dispatched event (what `Last-Event-ID` should carry). An `id:` field
   * counts only once the blank line that ends its event has arrived.
   */
  lastEventId: string | undefined;
  push(chunk: string): void;
  /** Discards a half-received event (the connection dropped), and an id it had not committed. */
  reset(): void;
}

/**
 * Feed it text chunks; it calls `onEvent` per dispatched event. Exposed for adapters that
 * receive SSE text some other way.
 *
 * @example
 * const parser = createSseParser((e) => console.log(e.type, e.data));
 * parser.push('event: viewers\ndata: {"count": 3}\n\n');
 */
export function createSseParser(onEvent: (event: RawSseEvent) => void, options: SseParserOptions = {}): SseParser {
  const max = options.maxEventSize ?? 1_000_000;
  // The line being received: pieces, joined when it ends.
  let pieces: string[] = [];
  let pending = 0;
  // The current line is over the limit: its rest is skipped up to its end.
  let skipping = false;
  let pendingCR = false;
  let type = '';
  let data: string[] = [];
  let size = 0;
  let oversize = false;
  // The spec's "last event ID buffer" (set by `id:`), and what was committed by a dispatch.
  let idBuffer: string | undefined;
  let lastEventId: string | undefined;

  function dispatch(): void {
    lastEventId = idBuffer;
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
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === 58 /* : */) {
      options.onComment?.();
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
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
        if (!value.includes('\0')) idBuffer = value;
        break;
      case 'retry':
        if (/^\d{1,15}$/.test(value)) options.onRetry?.(Number(value));
        break;
      default:
    }
  }

  function endLine(tail: string): void {
    if (skipping) {
      skipping = false;
      return;
    }
    const text = pieces.length ? pieces.join('') + tail : tail;
    pieces = [];
    pending = 0;
    if (text.length > max) {
      oversize = true;
      return;
    }
    line(text);
  }

  function keep(piece: string): void {
    if (skipping) return;
    pending += piece.length;
    if (pending > max) {
      // A line longer than the event limit can never be valid: drop it now.
      pieces = [];
      pending = 0;
      skipping = true;
      oversize = true;
      return;
    }
    pieces.push(piece);
  }

  return {
    get lastEventId(): string | undefined {
      return lastEventId;
    },
    set lastEventId(value: string | undefined) {
      lastEventId = value;
      idBuffer = value;
    },
    push(chunk: string): void {
      let start = 0;
      // A CR at the end of the previous chunk may be the first half of CRLF.
      if (pendingCR && chunk.charCodeAt(0) === 10) start = 1;
      pendingCR = false;
      for (let i = start; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        endLine(chunk.slice(start, i));
        if (c === 13) {
          if (i + 1 === chunk.length) pendingCR = true;
          else if (chunk.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      if (start < chunk.length) keep(start === 0 ? chunk : chunk.slice(start));
    },
    reset(): void {
      pieces = [];
      pending = 0;
      skipping = false;
      pendingCR = false;
      type = '';
      data = [];
      size = 0;
      oversize = false;
      idBuffer = lastEventId;
    },
  };
}
