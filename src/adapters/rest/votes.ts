/**
 * Votes over the REST interaction protocol (docs/interactions.md):
 * `POST {interactions}/polls/{pollId}/votes` `{ optionId }` + `Idempotency-Key`, answered by the
 * Poll; 409 `closed` when voting has closed. A vote that failed on the way (network, timeout,
 * 502/503/504) is retried once with the same key, so it is counted once.
 */
import ky, { HTTPError, type KyInstance } from 'ky';
import { VitrineError } from '../../core/errors.js';
import { parsePoll } from '../../core/parse-moments.js';
import type { InteractionAdapter } from '../../core/types.js';
import { absolute, randomKey, toVitrineError } from './http.js';

export interface RestVoteOptions {
  /** Time allowed for one request (ms). @default 10000 */
  timeout?: number;
  /** Extra request headers (the merchant's viewer authentication). @default {} */
  headers?: Record<string, string>;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * The `vote` of an `InteractionAdapter` for the interaction base URL `interactions`.
 *
 * @example
 * const vote = createRestVote('https://api.example.com/shows/42/interactions');
 * const poll = await vote('colour', 'navy', AbortSignal.timeout(10_000));
 */
export function createRestVote(interactions: string, options: RestVoteOptions = {}): InteractionAdapter['vote'] {
  const base = absolute(interactions).replace(/\/+$/, '');
  const api: KyInstance = ky.create({
    timeout: options.timeout ?? 10_000,
    headers: { accept: 'application/json', ...options.headers },
    cache: 'no-store',
    retry: {
      limit: 1,
      methods: ['post'],
      retryOnTimeout: true,
      // Safe to repeat only because the key is the same.
      shouldRetry: ({ error }) => (error instanceof HTTPError ? [502, 503, 504].includes(error.response.status) : undefined),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return async (pollId, optionId, signal, idempotencyKey) => {
    let body: unknown;
    try {
      const response = await api.post(`${base}/polls/${encodeURIComponent(pollId)}/votes`, {
        json: { optionId },
        headers: { 'idempotency-key': idempotencyKey ?? randomKey() },
        signal,
      });
      body = await response.json();
    } catch (error) {
      const mapped = await toVitrineError(error, { unavailable: 'poll/unavailable', label: 'poll' }, (status, server) =>
        status === 409 || server.code === 'closed' ? 'poll/closed' : undefined,
      );
      // An answer that is not JSON maps to a cart code in the shared helper: for a vote it is unavailable.
      throw mapped instanceof VitrineError && mapped.code.startsWith('cart/') ? new VitrineError('poll/unavailable', mapped.message) : mapped;
    }
    const result = parsePoll(body);
    if (!result.ok) throw new VitrineError('poll/unavailable', result.error.message);
    return result.value;
  };
}
