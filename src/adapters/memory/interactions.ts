/**
 * An in-memory interaction backend for tests, Storybook and the docs: it keeps the chat,
 * answers like the REST protocol (docs/interactions.md) and delivers what happens to its
 * subscribers as live events (`chat`, `chat-delete`, `chat-pin`, `reactions`), so a
 * `ChatModel` fed by `subscribe()` behaves as in a real show.
 */
import { VitrineError } from '../../core/errors.js';
import { chatTextProblem, cleanChatText, CHAT_LIMITS } from '../../core/parse-interactions.js';
import type { ChatAuthor, ChatMessage, InteractionAdapter, Poll, ShowEvent, ShowEventListener } from '../../core/types.js';

export interface MemoryInteractionsOptions {
  /** The chat at the start (oldest first; with `offset`s for a replay). */
  messages?: ChatMessage[];
  /** Reaction totals at the start. */
  reactions?: Record<string, number>;
  /** Polls by id (those with an `offset` are a replay's: `polls()` answers them). */
  polls?: Poll[];
  /** Messages the shopper may post per `window` ms before a 429. @default Infinity */
  rateLimit?: number;
  /** @default 10000 */
  window?: number;
  /** The shopper is blocked (403). @default false */
  blocked?: boolean;
  /** Every call fails with `chat/unavailable` (the backend is down). @default false */
  down?: boolean;
  /** Delay of every answer in ms (to see "sending"). @default 0 */
  latency?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

export interface MemoryInteractions extends InteractionAdapter {
  subscribe(listener: ShowEventListener): () => void;
  /** The chat as the backend holds it. */
  readonly messages: readonly ChatMessage[];
  readonly reactions: Readonly<Record<string, number>>;
  /** Every `react()` call, as `[type, count]`. */
  readonly reactionRequests: readonly [string, number][];
  /** Every report, as `[messageId, reason]`. */
  readonly reports: readonly [string, string][];
  /** What the host or an audience member says (delivered live). */
  post(author: ChatAuthor, text: string, offset?: number): ChatMessage;
  /** Deletes one message, or all of an author's. */
  remove(target: { id: string } | { authorId: string }): void;
  pin(messageId: string | null): void;
  /** Changes the failure modes. */
  configure(patch: Pick<MemoryInteractionsOptions, 'blocked' | 'down' | 'rateLimit' | 'latency'>): void;
}

/**
 * @example
 * const interactions = createMemoryInteractions({ messages: [...] });
 * const chat = new ChatModel({ interactions });
 * interactions.subscribe((event) => chat.handleEvent(event));
 */
export function createMemoryInteractions(options: MemoryInteractionsOptions = {}): MemoryInteractions {
  const settings = { ...options };
  const now = options.now ?? Date.now;
  let messages = [...(options.messages ?? [])];
  const reactions: Record<string, number> = { ...options.reactions };
  const polls = new Map((options.polls ?? []).map((p) => [p.id, structuredClone(p)]));
  const listeners = new Set<ShowEventListener>();
  const keys = new Map<string, ChatMessage>();
  const reactionRequests: [string, number][] = [];
  const reports: [string, string][] = [];
  let posts: number[] = [];
  let seq = 0;
  const viewer: ChatAuthor = { id: `viewer-${Math.random().toString(36).slice(2, 8)}`, name: '', role: 'viewer' };

  const emit = (event: ShowEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  async function answer<T>(signal: AbortSignal, work: () => T): Promise<T> {
    if (settings.latency) await new Promise((resolve) => setTimeout(resolve, settings.latency));
    if (signal.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    if (settings.down) throw new VitrineError('chat/unavailable', 'The chat could not be reached.');
    return work();
  }

  const adapter: MemoryInteractions = {
    get messages() {
      return messages;
    },
    get reactions() {
      return reactions;
    },
    reactionRequests,
    reports,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    history(signal) {
      return answer(signal, () => messages.slice(messages.some((m) => m.offset !== undefined) ? 0 : -50));
    },
    sendMessage(input, signal) {
      return answer(signal, () => {
        const known = input.idempotencyKey ? keys.get(input.idempotencyKey) : undefined;
        if (known) return known;
        if (settings.blocked) throw new VitrineError('chat/blocked', 'You can’t write in this chat.');
        const problem = chatTextProblem(input.text);
        if (problem) throw new VitrineError('chat/invalid', problem === 'empty' ? 'The message is empty.' : `At most ${CHAT_LIMITS.text} characters.`);
        const t = now();
        const window = settings.window ?? 10_000;
        posts = posts.filter((at) => at > t - window);
        if (posts.length >= (settings.rateLimit ?? Infinity)) {
          throw new VitrineError('chat/rate-limited', 'You’re writing too fast.', { retryAfter: Math.ceil((posts[0]! + window - t) / 1000) });
        }
        posts.push(t);
        const name = cleanChatText(input.name, CHAT_LIMITS.name, false) || 'Guest';
        const message = adapter.post({ ...viewer, name }, input.text);
        if (input.idempotencyKey) keys.set(input.idempotencyKey, message);
        return message;
      });
    },
    react(type, count, signal) {
      return answer(signal, () => {
        reactionRequests.push([type, count]);
        reactions[type] = (reactions[type] ?? 0) + count;
        emit({ type: 'reactions', counts: { ...reactions } });
      });
    },
    report(messageId, reason, signal) {
      return answer(signal, () => {
        reports.push([messageId, reason]);
      });
    },
    polls(signal) {
      return answer(signal, () => [...polls.values()].filter((p) => p.offset !== undefined).map((p) => ({ ...structuredClone(p), closed: true })));
    },
    vote(pollId, optionId, signal) {
      return answer(signal, () => {
        const poll = polls.get(pollId);
        if (!poll || poll.closed) throw new VitrineError('poll/closed', 'This poll is closed.');
        const option = poll.options.find((o) => o.id === optionId);
        if (!option) throw new VitrineError('poll/unavailable', 'No such option.');
        option.votes += 1;
        emit({ type: 'poll', poll: structuredClone(poll) });
        return structuredClone(poll);
      });
    },
    post(author, text, offset) {
      const message: ChatMessage = { id: `m${++seq}-${now().toString(36)}`, author, text: cleanChatText(text), at: now() };
      if (offset !== undefined) message.offset = offset;
      messages = [...messages, message];
      emit({ type: 'chat', message });
      return message;
    },
    remove(target) {
      messages = messages.filter((m) => ('id' in target ? m.id !== target.id : m.author.id !== target.authorId));
      emit('id' in target ? { type: 'chat-delete', id: target.id } : { type: 'chat-delete', authorId: target.authorId });
    },
    pin(messageId) {
      emit({ type: 'chat-pin', message: messages.find((m) => m.id === messageId) ?? null });
    },
    configure(patch) {
      Object.assign(settings, patch);
    },
  };
  return adapter;
}
