/**
 * The closed set of error codes that `vitrine-error` carries (docs/errors.md).
 *
 * | code | when |
 * | --- | --- |
 * | `show/unavailable` | the show document could not be loaded (network, 4xx, 5xx, timeout) |
 * | `show/invalid` | the show document, a product or a live event is malformed; a dropped product or event is recoverable |
 * | `stream/unavailable` | the video could not be played (playlist or segments missing, decoder error) |
 * | `stream/offline` | the shopper's device went offline; playback resumes when it is back |
 * | `events/unavailable` | the live events connection failed; it is retried with backoff |
 * | `cart/unavailable` | the cart backend failed or timed out |
 * | `cart/out-of-stock` | the variant cannot be added in that quantity |
 * | `cart/not-found` | the cart or line no longer exists (a new cart is started) |
 * | `cart/invalid` | the cart backend refused the request or answered garbage |
 * | `checkout/unsafe-url` | a checkout or product URL is not `http:` or `https:` |
 * | `checkout/unavailable` | no checkout URL is known |
 * | `cart/invalid-code` | a discount code does not apply (unknown, expired, not for this cart) |
 * | `chat/unavailable` | the chat backend failed or timed out; the show and its shopping go on |
 * | `chat/rate-limited` | the shopper writes too fast; the detail says when they can write again |
 * | `chat/blocked` | the shopper may not write in this show |
 * | `chat/invalid` | the message was refused (empty, over 500 characters) |
 * | `poll/closed` | the poll closed before the vote arrived |
 * | `poll/unavailable` | a vote could not be sent |
 * | `internal` | a bug in Vitrine, caught before it reached the page |
 */
export const ERROR_CODES = [
  'show/unavailable',
  'show/invalid',
  'stream/unavailable',
  'stream/offline',
  'events/unavailable',
  'cart/unavailable',
  'cart/out-of-stock',
  'cart/not-found',
  'cart/invalid',
  'checkout/unsafe-url',
  'checkout/unavailable',
  'cart/invalid-code',
  'chat/unavailable',
  'chat/rate-limited',
  'chat/blocked',
  'chat/invalid',
  'poll/closed',
  'poll/unavailable',
  'internal',
] as const;

export type VitrineErrorCode = (typeof ERROR_CODES)[number];

/** The `detail` of a `vitrine-error` event. */
export interface VitrineErrorDetail {
  code: VitrineErrorCode;
  message: string;
  /** True when the show keeps working around the failure. */
  recoverable: boolean;
  /** `chat/rate-limited`: seconds until the shopper can write again (the server's `Retry-After`). */
  retryAfter?: number;
}

/** The one error type that adapters reject with and that `vitrine-error` reports. */
export class VitrineError extends Error {
  override name = 'VitrineError';
  readonly code: VitrineErrorCode;
  readonly recoverable: boolean;
  /** `chat/rate-limited`: seconds until the shopper can write again. */
  readonly retryAfter?: number;

  constructor(
    code: VitrineErrorCode,
    message: string,
    options: { recoverable?: boolean; cause?: unknown; retryAfter?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.recoverable = options.recoverable ?? true;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }

  /** The serialisable detail for a `vitrine-error` event. */
  toDetail(): VitrineErrorDetail {
    const detail: VitrineErrorDetail = { code: this.code, message: this.message, recoverable: this.recoverable };
    if (this.retryAfter !== undefined) detail.retryAfter = this.retryAfter;
    return detail;
  }

  /** Wraps anything thrown into a `VitrineError`, keeping one that already is. */
  static from(error: unknown, code: VitrineErrorCode = 'internal', recoverable = true): VitrineError {
    if (error instanceof VitrineError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new VitrineError(code, message, { recoverable, cause: error });
  }
}

/** True when `error` is the rejection of an aborted signal (not worth reporting). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
