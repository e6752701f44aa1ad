/**
 * Amazon IVS Chat as the show's chat: an `InteractionAdapter` over IVS Chat's WebSocket messaging
 * API (docs/recipes/aws-ivs.md). The viewer's chat token comes from the merchant's backend, which
 * calls IVS's `CreateChatToken` (with the viewer's user id, display name and capabilities); the
 * token is the WebSocket's subprotocol, as IVS documents.
 *
 * - `subscribe`: one connection per adapter; `MESSAGE` becomes a `chat` event, the `EVENT`s
 *   `aws:DELETE_MESSAGE` and `aws:DISCONNECT_USER` become `chat-delete` (one message, or all of a
 *   removed user's). Lost connections are reopened with backoff (1, 2, 4 … 30 s) and a fresh token.
 * - `sendMessage`: `SEND_MESSAGE` with a `RequestId`; it resolves with the room's echo of that
 *   message and rejects on the room's `ERROR` for it (429 `chat/rate-limited`, 403 `chat/blocked`,
 *   400 `chat/invalid`, else `chat/unavailable`).
 * - IVS keeps no chat history and has no reactions, polls or reports: `history()` answers an empty
 *   list, and `react`, `vote` and `report` go to `fallback` (say the REST interaction adapter of
 *   the merchant's own backend), or reject with `chat/unavailable` / `poll/unavailable`.
 */
import { VitrineError, type VitrineErrorCode } from '../../core/errors.js';
import type { ChatInput, ChatMessage, InteractionAdapter, Poll, ShowEventListener } from '../../core/types.js';

export interface IvsChatOptions {
  /**
   * The AWS region of the chat room; the endpoint is then `wss://edge.ivschat.<region>.amazonaws.com`.
   * @example 'us-west-2'
   */
  region?: string;
  /** The messaging endpoint itself (`wss://…`), instead of `region`. */
  endpoint?: string;
  /**
   * A chat token for this viewer, from the merchant's backend (IVS `CreateChatToken`). Called for
   * every connection: tokens are short-lived.
   */
  getToken(signal: AbortSignal): Promise<string | { token: string }>;
  /** For reactions, votes and reports, which IVS Chat does not carry. */
  fallback?: Pick<InteractionAdapter, 'react' | 'vote' | 'report'>;
  /**
   * The `Sender.Attributes` that hold the author's display name and role (set by the backend in
   * `CreateChatToken`). @default { name: 'display_name', role: 'role' }
   */
  attributes?: { name?: string; role?: string };
  /** How long a sent message waits for the room's answer. @default 10000 */
  timeout?: number;
}

interface IvsSubscribe {
  Type?: string;
  Id?: string;
  RequestId?: string;
  Content?: string;
  SendTime?: string;
  Attributes?: Record<string, string>;
  Sender?: { UserId?: string; Attributes?: Record<string, string> };
  EventName?: string;
  ErrorCode?: number;
  ErrorMessage?: string;
}

interface Pending {
  resolve(message: ChatMessage): void;
  reject(error: VitrineError): void;
  timer: ReturnType<typeof setTimeout>;
}

const BACKOFF = [1000, 2000, 4000, 8000, 16000, 30000];
const ROLES = new Set(['host', 'moderator', 'viewer']);

/**
 * @example
 *   const interactions = createIvsChat({
 *     region: 'us-west-2',
 *     getToken: () => fetch('/api/chat-token', { method: 'POST' }).then((r) => r.json()),
 *   });
 */
export function createIvsChat(options: IvsChatOptions): InteractionAdapter {
  const endpoint = options.endpoint ?? (options.region ? `wss://edge.ivschat.${options.region}.amazonaws.com` : undefined);
  if (!endpoint || !/^wss?:\/\//.test(endpoint)) throw new TypeError('createIvsChat: a region or a ws(s):// endpoint is needed');
  const names = { name: options.attributes?.name ?? 'display_name', role: options.attributes?.role ?? 'role' };
  const timeout = options.timeout ?? 10000;
  const listeners = new Set<ShowEventListener>();
  const errorHandlers = new Set<(error: Error) => void>();
  const pending = new Map<string, Pending>();
  let socket: WebSocket | undefined;
  let opening: Promise<WebSocket> | undefined;
  let controller: AbortController | undefined;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;

  const toMessage = (m: IvsSubscribe): ChatMessage | undefined => {
    if (typeof m.Id !== 'string' || typeof m.Content !== 'string') return undefined;
    const sender = m.Sender?.Attributes ?? {};
    const userId = m.Sender?.UserId ?? '';
    const role = sender[names.role] ?? '';
    const at = Date.parse(m.SendTime ?? '');
    return {
      id: m.Id,
      author: {
        id: userId,
        name: sender[names.name] || m.Attributes?.[names.name] || userId,
        role: (ROLES.has(role) ? role : 'viewer') as ChatMessage['author']['role'],
      },
      text: m.Content,
      at: Number.isFinite(at) ? at : Date.now(),
    };
  };

  const emit: ShowEventListener = (event) => {
    for (const listener of [...listeners]) listener(event);
  };

  const receive = (data: unknown) => {
    let m: IvsSubscribe;
    try {
      m = JSON.parse(String(data)) as IvsSubscribe;
    } catch {
      return;
    }
    if (!m || typeof m !== 'object') return;
    if (m.Type === 'MESSAGE') {
      const message = toMessage(m);
      if (!message) return;
      failures = 0;
      const waiting = m.RequestId ? pending.get(m.RequestId) : undefined;
      if (waiting) {
        pending.delete(m.RequestId!);
        clearTimeout(waiting.timer);
        waiting.resolve(message);
      }
      emit({ type: 'chat', message });
    } else if (m.Type === 'EVENT') {
      const a = m.Attributes ?? {};
      if (m.EventName === 'aws:DELETE_MESSAGE') {
        const id = a['MessageId'] ?? a['MessageID'];
        if (id) emit({ type: 'chat-delete', id });
      } else if (m.EventName === 'aws:DISCONNECT_USER') {
        if (a['UserId']) emit({ type: 'chat-delete', authorId: a['UserId'] });
      }
    } else if (m.Type === 'ERROR') {
      const waiting = m.RequestId ? pending.get(m.RequestId) : undefined;
      if (!waiting) return;
      pending.delete(m.RequestId!);
      clearTimeout(waiting.timer);
      waiting.reject(new VitrineError(errorCode(m.ErrorCode), m.ErrorMessage || 'The chat refused the message.', { recoverable: true }));
    }
  };

  const fail = (error: Error) => {
    for (const handler of [...errorHandlers]) handler(error);
  };

  function open(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    controller = new AbortController();
    const signal = controller.signal;
    opening = (async () => {
      const answer = await options.getToken(signal);
      const token = typeof answer === 'string' ? answer : answer?.token;
      if (!token) throw new VitrineError('chat/unavailable', 'No chat token.', { recoverable: true });
      const ws = new WebSocket(endpoint!, token);
      await new Promise<void>((resolve, reject) => {
        ws.addEventListener('open', () => resolve(), { once: true });
        ws.addEventListener('error', () => reject(new VitrineError('chat/unavailable', 'The chat connection failed.', { recoverable: true })), { once: true });
        signal.addEventListener('abort', () => {
          ws.close();
          reject(new VitrineError('chat/unavailable', 'Closed.', { recoverable: true }));
        }, { once: true });
      });
      ws.addEventListener('message', (e) => receive(e.data));
      ws.addEventListener('close', () => {
        if (socket === ws) socket = undefined;
        for (const [id, waiting] of pending) {
          pending.delete(id);
          clearTimeout(waiting.timer);
          waiting.reject(new VitrineError('chat/unavailable', 'The chat connection closed.', { recoverable: true }));
        }
        reconnect();
      });
      socket = ws;
      return ws;
    })().finally(() => {
      opening = undefined;
    });
    return opening;
  }

  function reconnect(): void {
    if (!listeners.size || retry !== undefined || controller?.signal.aborted) return;
    const delay = BACKOFF[Math.min(failures, BACKOFF.length - 1)]!;
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      open().catch((error: Error) => {
        fail(error);
        reconnect();
      });
    }, delay);
  }

  function close(): void {
    clearTimeout(retry);
    retry = undefined;
    controller?.abort();
    socket?.close();
    socket = undefined;
  }

  return {
    async history() {
      return []; // IVS Chat keeps no history (docs/recipes/aws-ivs.md).
    },

    async sendMessage(input: ChatInput, signal: AbortSignal): Promise<ChatMessage> {
      const text = input.text.trim();
      if (!text || [...text].length > 500) throw new VitrineError('chat/invalid', 'A message is 1 to 500 characters.', { recoverable: true });
      let ws: WebSocket;
      try {
        ws = await open();
      } catch (error) {
        throw VitrineError.from(error, 'chat/unavailable');
      }
      const requestId = input.idempotencyKey ?? `vitrine-${Date.now().toString(36)}-${(sequence += 1)}`;
      return new Promise<ChatMessage>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new VitrineError('chat/unavailable', 'The chat did not answer.', { recoverable: true }));
        }, timeout);
        pending.set(requestId, { resolve, reject, timer });
        signal.addEventListener('abort', () => {
          if (!pending.delete(requestId)) return;
          clearTimeout(timer);
          reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
        }, { once: true });
        ws.send(JSON.stringify({ Action: 'SEND_MESSAGE', RequestId: requestId, Content: text, Attributes: { [names.name]: input.name } }));
      });
    },

    react(type: string, count: number, signal: AbortSignal) {
      if (options.fallback) return options.fallback.react(type, count, signal);
      return Promise.reject(new VitrineError('chat/unavailable', 'IVS Chat has no reactions; give createIvsChat a fallback.', { recoverable: true }));
    },

    vote(pollId: string, optionId: string, signal: AbortSignal, idempotencyKey?: string): Promise<Poll> {
      if (options.fallback) return options.fallback.vote(pollId, optionId, signal, idempotencyKey);
      return Promise.reject(new VitrineError('poll/unavailable', 'IVS Chat has no polls; give createIvsChat a fallback.', { recoverable: true }));
    },

    report(messageId: string, reason: string, signal: AbortSignal) {
      if (options.fallback) return options.fallback.report(messageId, reason, signal);
      return Promise.reject(new VitrineError('chat/unavailable', 'IVS Chat has no reports; give createIvsChat a fallback.', { recoverable: true }));
    },

    subscribe(listener: ShowEventListener, onError?: (error: Error) => void) {
      listeners.add(listener);
      if (onError) errorHandlers.add(onError);
      open().catch((error: Error) => {
        fail(error);
        reconnect();
      });
      return () => {
        listeners.delete(listener);
        if (onError) errorHandlers.delete(onError);
        if (!listeners.size) close();
      };
    },
  };
}

function errorCode(code: number | undefined): VitrineErrorCode {
  if (code === 429) return 'chat/rate-limited';
  if (code === 403) return 'chat/blocked';
  if (code === 400) return 'chat/invalid';
  return 'chat/unavailable';
}
