/**
 * The REST interaction adapter: docs/interactions.md.
 *
 * | request | errors |
 * | --- | --- |
 * | `GET {interactions}/chat?limit=50` (a replay: the whole chat) | `chat/unavailable` |
 * | `POST {interactions}/chat` `{ text, name }` + `Idempotency-Key` | 429 `chat/rate-limited` (with `retryAfter` from `Retry-After`), 403 `chat/blocked`, 400 `chat/invalid` |
 * | `POST {interactions}/chat/{id}/reports` `{ reason }` | `chat/unavailable` |
 * | `POST {interactions}/reactions` `{ type, count }` | `chat/unavailable` |
 * | `POST {interactions}/polls/{pollId}/votes` `{ optionId }` + `Idempotency-Key` | 409 `poll/closed`, else `poll/unavailable` |
 * | `GET {interactions}/polls` (a replay's polls, each with `offset`) | 404: none; else `poll/unavailable` |
 *
 * A message post that failed on the network or with 502/503/504 is retried once with the same
 * `Idempotency-Key`, so it is posted once.
 */
import ky, { HTTPError, type KyInstance } from 'ky';
import { VitrineError, type VitrineErrorCode } from '../../core/errors.js';
import { parseChatHistory, parseChatMessage } from '../../core/parse-interactions.js';
import { parseReplayPolls } from '../../core/parse-moments.js';
import type { ChatMessage, InteractionAdapter, Poll } from '../../core/types.js';
import { absolute, randomKey, toVitrineError, type ServerError } from './http.js';

export interface RestInteractionsOptions {
  /** Extra request headers (the merchant's own viewer authentication). @default {} */
  headers?: Record<string, string>;
  /**
   * Time allowed for one request, in milliseconds.
   * @default 10000
   */
  timeout?: number;
  /**
   * Messages asked for on joining a live show (`?limit=`); a replay gets its whole chat.
   * @default 50
   */
  limit?: number;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

const CHAT_CODES = (status: number, server: ServerError): VitrineErrorCode | undefined => {
  if (status === 429 || server.code === 'rate_limited') return 'chat/rate-limited';
  if (status === 403 || server.code === 'blocked') return 'chat/blocked';
  if (status === 400 || server.code === 'invalid') return 'chat/invalid';
  return undefined; // chat/unavailable
};

const FRIENDLY: Partial<Record<VitrineErrorCode, string>> = {
  'chat/rate-limited': 'You’re writing too fast.',
  'chat/blocked': 'You can’t write in this chat.',
  'chat/invalid': 'This message can’t be sent.',
};

/** Seconds from a `Retry-After` header (seconds or an HTTP date); undefined when absent or odd. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d{1,6}$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : undefined;
}

async function mapped(error: unknown, code: VitrineErrorCode, label: string, codes = CHAT_CODES): Promise<unknown> {
  const result = await toVitrineError(error, { unavailable: code, label }, codes);
  if (!(result instanceof VitrineError) || !(error instanceof HTTPError)) return result;
  const retryAfter = result.code === 'chat/rate-limited' ? (retryAfterSeconds(error.response.headers.get('retry-after')) ?? 5) : undefined;
  const message = result.message.startsWith(`The ${label} answered`) ? (FRIENDLY[result.code] ?? result.message) : result.message;
  return new VitrineError(result.code, message, { cause: error, ...(retryAfter === undefined ? {} : { retryAfter }) });
}

/**
 * @example
 * import { createRestInteractions } from 'vitrine/adapters/rest';
 * const interactions = createRestInteractions('https://api.example.com/shows/42/interactions', {
 *   headers: { authorization: `Bearer ${viewerToken}` },
 * });
 */
export function createRestInteractions(baseUrl: string, options: RestInteractionsOptions = {}): InteractionAdapter {
  const base = absolute(baseUrl).replace(/\/+$/, '');
  const api: KyInstance = ky.create({
    timeout: options.timeout ?? 10_000,
    retry: { limit: 2, methods: ['get'], statusCodes: [408, 500, 502, 503, 504], retryOnTimeout: true, jitter: true, backoffLimit: 4_000 },
    headers: { accept: 'application/json', ...options.headers },
    cache: 'no-store',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function postMessage(text: string, name: string, key: string, signal: AbortSignal): Promise<ChatMessage> {
    const body = await api
      .post(`${base}/chat`, {
        json: { text, name },
        headers: { 'idempotency-key': key },
        signal,
        // Safe to repeat: the key makes the server answer the first message again.
        retry: { limit: 1, methods: ['post'], statusCodes: [502, 503, 504], retryOnTimeout: true },
      })
      .json();
    const result = parseChatMessage(body);
    if (!result.ok) throw new VitrineError('chat/unavailable', `The chat answered a malformed message: ${result.reason}.`);
    return result.value;
  }

  return {
    async history(signal) {
      try {
        const body = await api.get(`${base}/chat`, { searchParams: { limit: options.limit ?? 50 }, signal }).json();
        return parseChatHistory(body).messages;
      } catch (error) {
        throw await mapped(error, 'chat/unavailable', 'chat');
      }
    },
    async sendMessage(input, signal) {
      try {
        return await postMessage(input.text, input.name, input.idempotencyKey ?? randomKey(), signal);
      } catch (error) {
        throw await mapped(error, 'chat/unavailable', 'chat');
      }
    },
    async react(type, count, signal) {
      try {
        await api.post(`${base}/reactions`, { json: { type, count }, signal, retry: 0 });
      } catch (error) {
        throw await mapped(error, 'chat/unavailable', 'chat');
      }
    },
    async report(messageId, reason, signal) {
      try {
        await api.post(`${base}/chat/${encodeURIComponent(messageId)}/reports`, { json: { reason }, signal, retry: 0 });
      } catch (error) {
        throw await mapped(error, 'chat/unavailable', 'chat');
      }
    },
    async polls(signal) {
      try {
        return parseReplayPolls(await api.get(`${base}/polls`, { signal }).json()).polls;
      } catch (error) {
        // A backend without replay polls: none to show, nothing wrong.
        if (error instanceof HTTPError && error.response.status === 404) return [];
        throw await mapped(error, 'poll/unavailable', 'poll', () => undefined);
      }
    },
    async vote(pollId, optionId, signal, idempotencyKey) {
      try {
        return await api
          .post(`${base}/polls/${encodeURIComponent(pollId)}/votes`, {
            json: { optionId },
            headers: { 'idempotency-key': idempotencyKey ?? randomKey() },
            signal,
            retry: { limit: 1, methods: ['post'], statusCodes: [502, 503, 504], retryOnTimeout: true },
          })
          .json<Poll>();
      } catch (error) {
        throw await mapped(error, 'poll/unavailable', 'poll', (status, server) =>
          status === 409 || server.code === 'closed' ? 'poll/closed' : undefined,
        );
      }
    },
  };
}
