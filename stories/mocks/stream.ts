/**
 * A mock `StreamAdapter` for stories: serves a fixture show document after a simulated
 * latency (or fails), and plays a script of live events: the viewer count moving and, for
 * live shows without in-band pins, a product highlighted every few seconds.
 */
import { VitrineError } from '../../src/core/errors.js';
import type { Show, ShowEvent, StreamAdapter } from '../../src/core/types.js';
import { wait } from './latency.js';

/** `unavailable`: the show cannot be loaded (a 500); `invalid`: the document is malformed. */
export type StreamFailure = 'none' | 'unavailable' | 'invalid';
export const STREAM_FAILURES: StreamFailure[] = ['none', 'unavailable', 'invalid'];

export interface MockStreamOptions {
  show: Show;
  /** Milliseconds before the show loads; `Infinity`: it never does. @default 300 */
  latency?: number;
  failure?: StreamFailure;
  /** Viewer count to start from (live shows); `null`: no viewer events. @default 1284 */
  viewers?: number | null;
  /** Highlight the show's products in turn every this many ms (SSE-style, `at` = now); 0: never. @default 0 */
  highlightEvery?: number;
  /** More live events, sent once after subscribing (a deal, chat messages…). */
  events?: (show: Show) => ShowEvent[];
}

export function createMockStream(options: MockStreamOptions): StreamAdapter {
  return {
    async loadShow(signal) {
      await wait(options.latency ?? 300, signal);
      if (options.failure === 'unavailable') {
        throw new VitrineError('show/unavailable', 'The show service answered 500 Internal Server Error.', { recoverable: false });
      }
      if (options.failure === 'invalid') {
        throw new VitrineError('show/invalid', 'The show document has no title.', { recoverable: false });
      }
      return structuredClone(options.show);
    },
    subscribe(show, listener) {
      if (show.status !== 'live') return () => {};
      const timers: ReturnType<typeof setInterval>[] = [];
      let viewers = options.viewers === undefined ? 1284 : options.viewers;
      if (viewers !== null) {
        const emit = (event: ShowEvent) => listener(event);
        queueMicrotask(() => emit({ type: 'viewers', count: viewers! }));
        timers.push(
          setInterval(() => {
            viewers = Math.max(1, viewers! + Math.round((Math.random() - 0.4) * 40));
            emit({ type: 'viewers', count: viewers });
          }, 4000),
        );
      }
      const every = options.highlightEvery ?? 0;
      if (every > 0 && show.products.length) {
        let next = 0;
        const pin = () => {
          const product = show.products[next++ % show.products.length];
          listener({ type: 'highlight', productId: product.id, at: Date.now(), id: `mock-${next}` });
        };
        queueMicrotask(pin);
        timers.push(setInterval(pin, every));
      }
      const more = options.events?.(show) ?? [];
      if (more.length) queueMicrotask(() => more.forEach((event) => listener(event)));
      return () => timers.forEach(clearInterval);
    },
  };
}
