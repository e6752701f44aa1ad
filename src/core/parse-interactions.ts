/**
 * Validating parsers for the interaction layer's untrusted data (docs/interactions.md): chat
 * messages, the chat history, and the `chat`, `chat-delete`, `chat-pin` and `reactions` live
 * events. Like `parse.ts`, they never throw: a message text is plain text of at most 500
 * characters, a name at most 60, both without control characters or bidi embeddings/overrides
 * (which could reorder the text around them; the chat also isolates each name and text with
 * `dir="auto"`), and an unknown role is a viewer's.
 */
import type { ChatAuthor, ChatMessage, ShowEvent } from './types.js';

export const CHAT_LIMITS = {
  /** Characters of a message text (docs/interactions.md): longer is cut from backends, refused from the shopper. */
  text: 500,
  /** Characters of an author's name. */
  name: 60,
  id: 256,
  /** Messages of one history (a replay's whole chat). */
  history: 5_000,
  /** Reaction types in one `reactions` event. */
  reactionTypes: 16,
} as const;

export type InteractionResult<T> = { ok: true; value: T } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Controls (but newline in texts), bidi embeddings, overrides and isolates (U+202A-202E,
 * U+2066-2069), marks that reorder (U+200E, U+200F, U+061C), and lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_NEWLINES = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, for `test()` (a global regex keeps a `lastIndex` between calls). */
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** Cleans untrusted text and bounds it to `max` characters (a cut ends with "…"). */
export function cleanChatText(value: string, max: number = CHAT_LIMITS.text, multiline = true): string {
  const stripped = value
    .replace(multiline ? CONTROLS : CONTROLS_AND_NEWLINES, (c) => (c === '\t' ? ' ' : ''))
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (stripped.length <= max) return stripped;
  const cut = stripped.slice(0, max - 1);
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd() + '…';
}

/** What the shopper typed, checked before sending: the reason it cannot be sent, or undefined. */
export function chatTextProblem(text: string): 'empty' | 'too-long' | undefined {
  const cleaned = cleanChatText(text, Number.MAX_SAFE_INTEGER);
  if (cleaned === '') return 'empty';
  if (cleaned.length > CHAT_LIMITS.text) return 'too-long';
  return undefined;
}

function chatId(value: unknown, what: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value.length > CHAT_LIMITS.id) throw new Error(`${what} is not an id`);
  const id = cleanChatText(value, CHAT_LIMITS.id, false);
  if (id === '' || id !== value.trim() || HAS_LONE_SURROGATE.test(value)) throw new Error(`${what} is not an id`);
  return id;
}

function author(value: unknown): ChatAuthor {
  if (!isObject(value)) throw new Error('author is not an object');
  const name = typeof value.name === 'string' ? cleanChatText(value.name, CHAT_LIMITS.name, false) : '';
  if (!name) throw new Error('author has no name');
  const role = value.role === 'host' || value.role === 'moderator' ? value.role : 'viewer';
  return { id: chatId(value.id, 'author.id'), name, role };
}

function when(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

function messageOf(value: unknown, now: () => number): ChatMessage {
  if (!isObject(value)) throw new Error('message is not an object');
  if (typeof value.text !== 'string') throw new Error('message has no text');
  const text = cleanChatText(value.text);
  if (!text) throw new Error('message text is empty');
  const message: ChatMessage = { id: chatId(value.id, 'id'), author: author(value.author), text, at: when(value.at) ?? now() };
  const offset = value.offset;
  if (typeof offset === 'number' && Number.isFinite(offset) && offset >= 0) message.offset = offset;
  return message;
}

function attempt<T>(parse: () => T): InteractionResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Parses one ChatMessage (docs/live-events.md). A missing or invalid `at` becomes now. */
export function parseChatMessage(input: unknown, now: () => number = Date.now): InteractionResult<ChatMessage> {
  return attempt(() => messageOf(input, now));
}

/**
 * Parses `GET {interactions}/chat`'s `{ "messages": [...] }` (or a bare array): invalid
 * messages are dropped (counted in `dropped`), the rest sorted oldest first (by `offset` in a
 * replay, else by `at`), duplicates by id kept once.
 */
export function parseChatHistory(input: unknown, now: () => number = Date.now): { messages: ChatMessage[]; dropped: number } {
  const raw = Array.isArray(input) ? input : isObject(input) && Array.isArray(input.messages) ? input.messages : null;
  if (!raw) return { messages: [], dropped: 1 };
  const seen = new Set<string>();
  const messages: ChatMessage[] = [];
  let dropped = Math.max(0, raw.length - CHAT_LIMITS.history);
  for (const item of raw.slice(-CHAT_LIMITS.history)) {
    const result = parseChatMessage(item, now);
    if (!result.ok || seen.has(result.value.id)) {
      dropped += 1;
      continue;
    }
    seen.add(result.value.id);
    messages.push(result.value);
  }
  const replay = messages.length > 0 && messages.every((m) => m.offset !== undefined);
  messages.sort(replay ? (a, b) => a.offset! - b.offset! : (a, b) => a.at - b.at);
  return { messages, dropped };
}

/**
 * Parses the `data` (already JSON-decoded) of a `chat`, `chat-delete`, `chat-pin` or
 * `reactions` event. Returns undefined for any other event type.
 */
export function parseInteractionEvent(type: string, payload: unknown, now: () => number = Date.now): InteractionResult<ShowEvent> | undefined {
  switch (type) {
    case 'chat':
      return attempt(() => ({ type, message: messageOf(payload, now) }));
    case 'chat-delete':
      return attempt(() => {
        if (!isObject(payload)) throw new Error('not an object');
        if (payload.id !== undefined && payload.id !== null) return { type, id: chatId(payload.id, 'id') };
        if (payload.authorId !== undefined && payload.authorId !== null) return { type, authorId: chatId(payload.authorId, 'authorId') };
        throw new Error('neither id nor authorId');
      });
    case 'chat-pin':
      return attempt(() => {
        if (!isObject(payload)) throw new Error('not an object');
        const message = payload.message === null || payload.message === undefined ? null : messageOf(payload.message, now);
        return { type, message };
      });
    case 'reactions':
      return attempt(() => {
        if (!isObject(payload) || !isObject(payload.counts)) throw new Error('counts is not an object');
        const counts: Record<string, number> = Object.create(null) as Record<string, number>;
        for (const [key, value] of Object.entries(payload.counts).slice(0, CHAT_LIMITS.reactionTypes)) {
          if (!/^[a-z][a-z0-9_-]{0,31}$/.test(key)) continue;
          if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) counts[key] = value;
        }
        return { type, counts: { ...counts } };
      });
    default:
      return undefined;
  }
}
