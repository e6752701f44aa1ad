/** The shapes of a show's chat (core/chat.ts). */
import type { VitrineErrorDetail } from './errors.js';
import type { ChatMessage, InteractionAdapter } from './types.js';

/** One line of the chat as shown. */
export interface ChatEntry {
  message: ChatMessage;
  /** `sending` and `failed` are the shopper's own messages not (yet) accepted. */
  state: 'sent' | 'sending' | 'failed';
  own: boolean;
  /** The `Idempotency-Key` of an own message (the same on retry). */
  key?: string;
  /** Why an own message failed. */
  error?: VitrineErrorDetail;
}

export interface ChatState {
  /** `none`: no interactions backend (read-only); `unavailable`: the history could not be loaded. */
  connection: 'none' | 'loading' | 'ready' | 'unavailable';
  /** Oldest first; at most `maxMessages`; hidden authors left out. */
  messages: readonly ChatEntry[];
  pinned: ChatMessage | null;
  /** Author ids the shopper hid (kept in memory only). */
  hidden: ReadonlySet<string>;
  /** Totals by reaction type (the server's, plus the shopper's taps not yet counted). */
  reactions: Readonly<Record<string, number>>;
  /** The shopper's own taps since the model started. */
  ownReactions: number;
  /** Epoch ms until which sending is refused (429 `Retry-After`), else null. */
  rateLimitedUntil: number | null;
  /** The shopper may not write in this show (403). */
  blocked: boolean;
  /** The chat follows the replay's media time. */
  replay: boolean;
  /** The shopper's chat name, once given. */
  name: string | null;
  /** Viewers' messages left out by flood control since the start. */
  sampled: number;
}

export interface ChatModelOptions {
  /** The chat backend; without it the chat is read-only (live events only). */
  interactions?: InteractionAdapter | undefined;
  /** Most messages kept. @default 200 */
  maxMessages?: number;
  /** Viewers' messages shown per second at most (the host's, moderators' and own always show). @default 8 */
  rate?: number;
  /** Shortest time between two reaction requests (ms). @default 1000 */
  reactionInterval?: number;
  /** Where the chat name is kept after consent. @default globalThis.sessionStorage */
  storage?: Storage;
  /** The clock. @default Date.now */
  now?: () => number;
}

export type ChatListener = (state: ChatState, previous: ChatState) => void;
