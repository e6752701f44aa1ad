/**
 * The live events connection behind `createSseEvents()`: a lazy chunk of the storefront bundle,
 * fetched when a show with an `events` URL (a live show) subscribes, not with the page.
 *
 * Health, as the loop below keeps it:
 * - a connection is healthy once it delivered one event; only then does the back-off start over
 *   (response headers alone prove nothing: a server may answer 200 and close at once);
 * - a connection that fails, or ends without one event, is a failure: the next wait grows
 *   (`retryDelay × 2^failures`, capped), with full jitter above `minRetryDelay`; an error is
 *   reported at once, an empty answer after `EMPTY_BEFORE_REPORT` in a row, once per outage;
 * - no event and no heartbeat for `idleTimeout`: reported, and the connection is reopened.
 */
import ky, { HTTPError } from 'ky';
import { VitrineError, isAbortError } from '../../core/errors.js';
import { parseShowEvent } from '../../core/parse-event.js';
import { MOMENT_EVENTS, parseMomentEvent } from '../../core/parse-moments.js';
import type { ShowEvent } from '../../core/types.js';
import { createSseParser, type RawSseEvent } from './parser.js';
import type { SseEvents, SseOptions } from './types.js';

/** Empty answers (200, then closed without an event) in a row before the outage is reported. */
const EMPTY_BEFORE_REPORT = 3;

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

/** Thrown inside a connection that stayed silent for too long. */
class Idle extends Error {}

/** Opens the connection (see `createSseEvents` in `./index.ts`). */
export function connectSseEvents(url: string, options: SseOptions = {}): SseEvents {
  const minDelay = Math.max(0, options.minRetryDelay ?? 1000);
  const maxDelay = Math.max(minDelay, options.maxRetryDelay ?? 30_000);
  const clamp = (ms: number) => Math.min(Math.max(ms, minDelay), maxDelay);
  const idleTimeout = options.idleTimeout ?? 45_000;
  const random = options.random ?? Math.random;
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
      let retry = clamp(options.retryDelay ?? 1000);
      /** Connections in a row that ended without an event. */
      let failures = 0;
      /** This outage was reported (once per outage). */
      let reported = false;
      /** The current connection delivered an event. */
      let healthy = false;
      /** Restarts the silence watchdog of the current connection. */
      let alive = () => {};

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
        healthy = true;
        failures = 0;
        reported = false;
        alive();
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

      const parser = createSseParser(onRaw, {
        maxEventSize: options.maxEventSize,
        onRetry: (ms) => {
          retry = clamp(ms);
        },
        onComment: () => alive(),
        onOversize: () => invalid('A live event was ignored: larger than the allowed size.'),
      });

      async function connect(): Promise<'ended' | 'stop'> {
        const attempt = new AbortController();
        const abort = () => attempt.abort();
        signal.addEventListener('abort', abort, { once: true });
        let idle = false;
        let watchdog: ReturnType<typeof setTimeout> | undefined;
        alive = () => {
          clearTimeout(watchdog);
          watchdog = setTimeout(() => {
            idle = true;
            attempt.abort();
          }, idleTimeout);
        };
        try {
          const headers: Record<string, string> = {};
          if (parser.lastEventId) headers['last-event-id'] = parser.lastEventId;
          const response = await api.get(url, { signal: attempt.signal, headers });
          // 204 No Content: the server asks the client to stop reconnecting (as EventSource does).
          if (response.status === 204) return 'stop';
          const type = response.headers.get('content-type') ?? '';
          if (!/^text\/event-stream\b/i.test(type) || !response.body) {
            await response.body?.cancel().catch(() => {});
            throw new VitrineError('events/unavailable', `Live events answered ${type || 'no content type'}, not text/event-stream.`);
          }
          alive();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              parser.push(value);
            }
          } finally {
            reader.releaseLock();
          }
          return 'ended';
        } catch (error) {
          if (idle && !signal.aborted) throw new Idle();
          throw error;
        } finally {
          clearTimeout(watchdog);
          alive = () => {};
          signal.removeEventListener('abort', abort);
          parser.reset();
        }
      }

      function failed(error: VitrineError, now: boolean): void {
        failures++;
        if (reported || !(now || failures >= EMPTY_BEFORE_REPORT)) return;
        reported = true;
        report(error);
      }

      async function run(): Promise<void> {
        while (!signal.aborted) {
          healthy = false;
          try {
            if ((await connect()) === 'stop') return;
            if (!healthy) {
              failed(
                new VitrineError('events/unavailable', 'The live events connection keeps closing without sending any event; retrying.'),
                false,
              );
            }
          } catch (error) {
            if (signal.aborted) return;
            if (error instanceof Idle) {
              const seconds = Math.round(idleTimeout / 1000);
              failed(new VitrineError('events/unavailable', `No live event or heartbeat for ${seconds} s; reconnecting.`), true);
            } else if (isAbortError(error)) return;
            else {
              const status = error instanceof HTTPError ? ` (HTTP ${error.response.status})` : '';
              failed(
                error instanceof VitrineError
                  ? error
                  : new VitrineError('events/unavailable', `The live events connection failed${status}; retrying.`, { cause: error }),
                true,
              );
            }
          }
          // Full jitter above the floor, growing from the first failure: viewers dropped together
          // spread out, and a server that fails (or answers nothing) is not hammered.
          const ceiling = Math.min(maxDelay, retry * 2 ** failures);
          await sleep(minDelay + random() * ceiling, signal);
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
