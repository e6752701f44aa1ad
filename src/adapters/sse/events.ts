/**
 * `createSseEvents`, apart from the parser (which only the lazy connection chunk needs), so that
 * a storefront's first script does not carry the parser. Documented in `./index.ts`.
 */
import { VitrineError } from '../../core/errors.js';
import type { SseEvents, SseOptions } from './types.js';


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
