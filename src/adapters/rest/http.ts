/**
 * What the REST adapters share: turning ky's failures (and get.ts's, alike) into `VitrineError`s
 * with a human message, and reading the `{ "error": { "code", "message" } }` body of
 * docs/cart-protocol.md. The errors are told by their name, not their class: importing ky's
 * classes here would pull all of ky into a show's first view (the REST show adapter uses this file).
 */
import type { HTTPError } from 'ky';
import { VitrineError, isAbortError, type VitrineErrorCode } from '../../core/errors.js';

/** The error body of docs/cart-protocol.md, when the server sent one. */
export interface ServerError {
  code?: string;
  message?: string;
}

/** Reads `{ error: { code, message } }` from a failed response, without throwing. */
export async function serverError(error: Pick<HTTPError, 'response'>): Promise<ServerError> {
  try {
    const body: unknown = await error.response.clone().json();
    const e = (body as { error?: unknown } | null)?.error;
    if (typeof e !== 'object' || e === null) return {};
    const { code, message } = e as Record<string, unknown>;
    const result: ServerError = {};
    if (typeof code === 'string') result.code = code.slice(0, 64);
    // Server text is shown as text (never HTML); bound it and strip control characters.
    // eslint-disable-next-line no-control-regex
    if (typeof message === 'string' && message.trim()) result.message = message.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 300);
    return result;
  } catch {
    return {};
  }
}

/** ky's `HTTPError`, or get.ts's: a failed answer, with its `response`. */
export function isHttpError(error: unknown): error is Pick<HTTPError, 'response' | 'message' | 'name'> {
  return error instanceof Error && error.name === 'HTTPError' && (error as { response?: unknown }).response instanceof Response;
}

/**
 * Maps a failure of a request to a `VitrineError`. An abort is passed through unchanged
 * (callers ignore it); so is a `VitrineError`.
 */
export async function toVitrineError(
  error: unknown,
  what: { unavailable: VitrineErrorCode; label: string },
  statusCodes: (status: number, server: ServerError) => VitrineErrorCode | undefined = () => undefined,
): Promise<unknown> {
  if (isAbortError(error) || error instanceof VitrineError) return error;
  if (isHttpError(error)) {
    const server = await serverError(error);
    const status = error.response.status;
    const code = statusCodes(status, server) ?? what.unavailable;
    const message = server.message ?? `The ${what.label} answered HTTP ${status}.`;
    return new VitrineError(code, message, { cause: error });
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new VitrineError(what.unavailable, `The ${what.label} did not answer in time.`, { cause: error });
  }
  if (error instanceof SyntaxError) {
    // A chat or poll server that does not answer JSON is unavailable (`chat/invalid` is a refused message).
    const code: VitrineErrorCode = what.unavailable.startsWith('show') ? 'show/invalid' : what.unavailable.startsWith('cart') ? 'cart/invalid' : what.unavailable;
    return new VitrineError(code, `The ${what.label} did not answer JSON.`, { cause: error });
  }
  return new VitrineError(what.unavailable, `The ${what.label} could not be reached.`, { cause: error });
}

/** A random idempotency key. */
export function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** An absolute URL for `url`, resolved against the page. */
export function absolute(url: string): string {
  try {
    return new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  } catch {
    return url;
  }
}
