/**
 * The server's clock, as seen from the viewer's: deals and polls end at the server's `endsAt`
 * (docs/live-events.md), and a phone whose clock is two minutes off must still count down to the
 * right second. Every response that carries a `Date` header is a sample; the offset is the median
 * of the recent samples, each corrected by half its round trip. Framework-free and tiny: the
 * adapters feed it (`observe`), the moments model reads it (`now`).
 *
 * `Date` has a resolution of one second, so a single sample is up to a second early; the median of
 * a few keeps the countdown within about half a second. Cross-origin, the server must expose the
 * header (`Access-Control-Expose-Headers: Date`), or no sample arrives and the viewer's clock is used.
 */

export interface ServerClock {
  /** The server's time now, in epoch milliseconds (the viewer's clock until a sample arrived). */
  now(): number;
  /** Estimated server minus viewer time, in milliseconds. */
  readonly offset: number;
  /**
   * Feeds one response: its `Date` header, and when the request was sent and the answer read
   * (viewer epoch ms; `sentAt` defaults to `receivedAt`). Ignores a missing or unreadable header.
   */
  observe(dateHeader: string | null | undefined, receivedAt?: number, sentAt?: number): void;
  /** Feeds a `Response` (`fetch`, ky's `afterResponse` hook). */
  observeResponse(response: Response, sentAt?: number): void;
}

export interface ServerClockOptions {
  /** The viewer's clock. @default Date.now */
  local?: () => number;
  /** How many recent samples the median is taken over. @default 7 */
  samples?: number;
}

/** A `Date` header is trusted only within a day of the viewer's clock: beyond, it is a broken server. */
const MAX_OFFSET = 24 * 60 * 60 * 1000;

export function createServerClock(options: ServerClockOptions = {}): ServerClock {
  const local = options.local ?? Date.now;
  const size = Math.max(1, options.samples ?? 7);
  const samples: number[] = [];
  let offset = 0;

  function observe(dateHeader: string | null | undefined, receivedAt = local(), sentAt = receivedAt): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (!Number.isFinite(server)) return;
    // The header was written somewhere during the round trip; it names a whole second, so its true
    // time is on average half a second later.
    const rtt = Math.max(0, receivedAt - sentAt);
    const sample = server + 500 - (sentAt + rtt / 2);
    if (Math.abs(sample) > MAX_OFFSET) return;
    samples.push(sample);
    if (samples.length > size) samples.shift();
    const sorted = [...samples].sort((a, b) => a - b);
    offset = Math.round(sorted[Math.floor(sorted.length / 2)]!);
  }

  return {
    now: () => local() + offset,
    get offset() {
      return offset;
    },
    observe,
    observeResponse(response, sentAt) {
      observe(response.headers.get('date'), local(), sentAt);
    },
  };
}

/**
 * A `fetch` that feeds `clock` with every response's `Date` header: hand it to the REST and SSE
 * adapters (their `fetch` option) and the show's countdowns follow the server's clock.
 *
 * @example
 * const clock = createServerClock();
 * const stream = createRestShow(url, { fetch: clockedFetch(clock) });
 */
export function clockedFetch(clock: ServerClock, base: typeof fetch = globalThis.fetch.bind(globalThis)): typeof fetch {
  return async (input, init) => {
    const sentAt = Date.now();
    const response = await base(input, init);
    clock.observeResponse(response, sentAt);
    return response;
  };
}
