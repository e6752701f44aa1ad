/**
 * The live events connection behind `createSseEvents()`: a lazy chunk of the storefront bundle,
 * fetched when a show with an `events` URL (a live show) subscribes, not with the page.
 */
import ky, { HTTPError } from 'ky';
import { VitrineError, isAbortError } from '../../core/errors.js';
import { parseShowEvent } from '../../core/parse.js';
import { MOMENT_EVENTS, parseMomentEvent } from '../../core/parse-moments.js';
import type { ShowEvent } from '../../core/types.js';
import { createSseParser, type RawSseEvent, type SseEvents, type SseOptions } from './index.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Opens the connection (see `createSseEvents` in `./index.ts`). */
export function connectSseEvents(url: string, options: SseOptions = {}): SseEvents {
  const baseDelay = options.retryDelay ?? 1000;
  const maxDelay = options.maxRetryDelay ?? 30_000;
  const coalesce = options.coalesceViewers ?? 250;
  const base = options.base ?? url;
  const api = ky.create({
    timeout: options.connectTimeout ?? 10_000,
    // Reconnection is ours (with Last-Event-ID); ky must not retry on its own.
    retry: 0,
    cache: 'no-store',
    headers: { accept: 'text/event-stream', ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    subscribe(listener, onError) {
      const controller = new AbortController();
      const signal = controller.signal;
      let pendingViewers: ShowEvent | undefined;
      let viewersTimer: ReturnType<typeof setTimeout> | undefined;
      let lastInvalidAt = -Infinity;

      function report(error: VitrineError): void {
        if (signal.aborted) return;
        try {
          onError?.(error);
        } catch {
          // A failing error handler must not stop the stream.
        }
      }

      function deliver(event: ShowEvent): void {
        if (signal.aborted) return;
        try {
          listener(event);
        } catch (error) {
          report(VitrineError.from(error, 'internal'));
        }
      }

      function invalid(message: string): void {
        const now = Date.now();
        if (now - lastInvalidAt < 1000) return;
        lastInvalidAt = now;
        report(new VitrineError('show/invalid', message, { recoverable: true }));
      }

      function onRaw(raw: RawSseEvent): void {
        // Deals, polls, announcements: parsed here, in this lazy chunk, not in the page's first bytes.
        const result = MOMENT_EVENTS.has(raw.type) ? parseMomentEvent(raw.type, raw.data) : parseShowEvent(raw.type, raw.data, base, raw.id);
        if (!result.ok) return invalid(`A live event was ignored: ${result.error.message}`);
        const event = result.value;
        if (event.type !== 'viewers' || coalesce <= 0) return deliver(event);
        pendingViewers = event;
        viewersTimer ??= setTimeout(() => {
          viewersTimer = undefined;
          const latest = pendingViewers;
          pendingViewers = undefined;
          if (latest) deliver(latest);
        }, coalesce);
      }

      let retryBase = baseDelay;
      const parser = createSseParser(onRaw, {
        maxEventSize: options.maxEventSize,
        onRetry: (ms) => {
          retryBase = Math.min(Math.max(ms, 100), maxDelay);
        },
        onOversize: () => invalid('A live event was ignored: larger than the allowed size.'),
      });

      async function connect(): Promise<'ended' | 'stop'> {
        const headers: Record<string, string> = {};
        if (parser.lastEventId) headers['last-event-id'] = parser.lastEventId;
        const response = await api.get(url, { signal, headers });
        // 204 No Content: the server asks the client to stop reconnecting (as EventSource does).
        if (response.status === 204) return 'stop';
        const type = response.headers.get('content-type') ?? '';
        if (!/^text\/event-stream\b/i.test(type) || !response.body) {
          await response.body?.cancel().catch(() => {});
          throw new VitrineError('events/unavailable', `Live events answered ${type || 'no content type'}, not text/event-stream.`);
        }
        attempt = 0;
        outage = false;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parser.push(value);
          }
        } finally {
          reader.releaseLock();
          parser.reset();
        }
        return 'ended';
      }

      let attempt = 0;
      let outage = false;

      async function run(): Promise<void> {
        while (!signal.aborted) {
          try {
            if ((await connect()) === 'stop') return;
          } catch (error) {
            if (signal.aborted || isAbortError(error)) return;
            if (!outage) {
              outage = true;
              const status = error instanceof HTTPError ? ` (HTTP ${error.response.status})` : '';
              report(
                error instanceof VitrineError
                  ? error
                  : new VitrineError('events/unavailable', `The live events connection failed${status}; retrying.`, {
                      cause: error,
                    }),
              );
            }
          }
          attempt++;
          const ceiling = Math.min(maxDelay, retryBase * 2 ** Math.max(0, attempt - 1));
          // "Equal jitter": half fixed, half random, so clients that dropped together spread out.
          await sleep(ceiling / 2 + Math.random() * (ceiling / 2), signal);
        }
      }

      void run();
      return () => {
        controller.abort();
        clearTimeout(viewersTimer);
        pendingViewers = undefined;
      };
    },
  };
}
