/**
 * A `GET` with a timeout and retries, on `fetch` alone: the show document is read before a show's
 * first view, and ky (4.5 kB brotli) would be there only for this one request (the cart, the chat
 * and the live events connection, which use ky, are lazy chunks). It keeps ky's semantics, and its
 * errors' names and shapes, so `toVitrineError` (http.ts) reads both alike:
 *
 * - a failure is an `HTTPError` (any non-2xx answer) or a `TimeoutError` (no answer in time);
 *   an abort through `signal` rejects with the signal's reason, untouched;
 * - retried, up to `retries` times: a network error, a timeout, and HTTP 408, 413, 429, 500,
 *   502, 503, 504; the wait doubles from 300 ms with full jitter, at most 5 s, or what a
 *   `Retry-After` header of a 413, 429 or 503 says (at most a minute).
 */

/** A non-2xx answer (as ky's `HTTPError`: same name, message and `response`, `request`). */
export class HTTPError extends Error {
  override name = 'HTTPError';
  constructor(
    readonly response: Response,
    readonly request: Request,
  ) {
    super(`Request failed with status code ${`${response.status} ${response.statusText}`.trim()}: ${request.method} ${request.url}`);
  }
}

/** No answer in time (as ky's `TimeoutError`). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly request: Request) {
    super(`Request timed out: ${request.method} ${request.url}`);
  }
}

export interface GetOptions {
  timeout: number;
  retries: number;
  headers: Record<string, string>;
  fetch?: typeof fetch | undefined;
  signal?: AbortSignal | undefined;
}

const RETRY_STATUS = new Set([408, 413, 429, 500, 502, 503, 504]);
const RETRY_AFTER_STATUS = new Set([413, 429, 503]);
const BACKOFF_LIMIT = 5_000;
const RETRY_AFTER_LIMIT = 60_000;

/** The wait before retry number `attempt` (1-based), or `undefined` when `failure` is not retried. */
function retryDelay(failure: unknown, attempt: number): number | undefined {
  if (failure instanceof HTTPError) {
    const { status, headers } = failure.response;
    if (!RETRY_STATUS.has(status)) return undefined;
    const after = headers.get('retry-after');
    if (after && RETRY_AFTER_STATUS.has(status)) {
      const seconds = Number(after);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - Date.now();
      if (Number.isFinite(ms)) return Math.min(RETRY_AFTER_LIMIT, Math.max(0, ms));
    }
  } else if (!(failure instanceof TimeoutError) && !(failure instanceof TypeError)) {
    // Not a network failure (fetch rejects with a TypeError for those): not retried.
    return undefined;
  }
  return Math.min(BACKOFF_LIMIT, Math.random() * 300 * 2 ** (attempt - 1));
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One attempt: the response when it is 2xx; rejects with `HTTPError`, `TimeoutError` or the abort. */
async function once(url: string, options: GetOptions): Promise<Response> {
  const request = new Request(url, { method: 'GET', headers: options.headers, cache: 'no-cache' });
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(request, { signal });
    if (!response.ok) throw new HTTPError(response, request);
    return response;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeout.signal.aborted && !(error instanceof HTTPError)) throw new TimeoutError(request);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** `GET url`, retried as the module's comment says. */
export async function get(url: string, options: GetOptions): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(url, options);
    } catch (error) {
      const delay = attempt > options.retries || options.signal?.aborted ? undefined : retryDelay(error, attempt);
      if (delay === undefined) throw error;
      await wait(delay, options.signal);
    }
  }
}
