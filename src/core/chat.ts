/**
 * The chat of one show, without any UI (docs/interactions.md): the history on joining, the
 * live `chat` / `chat-delete` / `chat-pin` / `reactions` events, the shopper's own messages
 * (sending, sent, failed with the same `Idempotency-Key` on retry), rate limit and block,
 * moderation, authors hidden locally, the replay (messages appear as playback reaches their
 * `offset`; a seek rebuilds), flood control, and reaction taps batched into one request a second.
 *
 * `<vitrine-chat>` renders a `ChatModel`; whatever runs the show feeds it:
 *
 * @example
 * const chat = new ChatModel({ interactions: createRestInteractions(show.interactions) });
 * chat.setStatus(show.status);
 * void chat.start();
 * stream.subscribe((event) => chat.handleEvent(event));
 * player.addEventListener('timeupdate', () => chat.setTime(player.currentTime)); // replay
 * element.model = chat;
 */
import { VitrineError, isAbortError, type VitrineErrorDetail } from './errors.js';
import { FloodControl } from './chat-flood.js';
import { chatTextProblem, cleanChatText, CHAT_LIMITS, parseChatHistory } from './parse-interactions.js';
import type { ChatEntry, ChatListener, ChatModelOptions, ChatState } from './chat-types.js';
import { ReactionBatcher } from './chat-reactions.js';
import type { ChatMessage, ShowEvent, ShowStatus } from './types.js';

export type { ChatEntry, ChatListener, ChatModelOptions, ChatState } from './chat-types.js';

const NAME_KEY = 'vitrine:chat-name';

const randomKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class ChatModel {
  readonly #options: ChatModelOptions;
  readonly #now: () => number;
  readonly #max: number;
  #state: ChatState;
  readonly #listeners = new Set<ChatListener>();
  readonly #errorListeners = new Set<(error: VitrineErrorDetail) => void>();
  /** Failures reported before anyone listened (a few at most). */
  readonly #unheard: VitrineErrorDetail[] = [];
  #abort = new AbortController();
  /** All messages seen (live: the kept window; replay: the whole chat, by offset). Replaced, never mutated. */
  #all: ChatEntry[] = [];
  /** The ids of `#ids.of` (rebuilt when `#all` is replaced: a flood checks each message in O(1)). */
  #ids: { of: ChatEntry[] | null; set: Set<string> } = { of: null, set: new Set() };
  readonly #deleted = new Set<string>();
  readonly #removedAuthors = new Set<string>();
  readonly #ownIds = new Set<string>();
  #ownAuthorId: string | undefined;
  readonly #flood: FloodControl;
  #time = 0;
  #persistName = false;
  readonly #reactions: ReactionBatcher;

  constructor(options: ChatModelOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#max = options.maxMessages ?? 200;
    this.#flood = new FloodControl(
      options.rate ?? 8,
      (messages) => this.#append(messages.filter((m) => this.#visible(m)).map((m) => this.#entry(m))),
      (count) => this.#set({ sampled: this.#state.sampled + count }),
    );
    this.#reactions = new ReactionBatcher({
      interval: options.reactionInterval ?? 1000,
      now: this.#now,
      send: (type, count) => options.interactions?.react(type, count, this.#abort.signal),
      failed: (error) => this.#report(VitrineError.from(error, 'chat/unavailable')),
    });
    this.#state = {
      connection: options.interactions ? 'loading' : 'none',
      messages: [],
      pinned: null,
      hidden: new Set(),
      reactions: {},
      ownReactions: 0,
      rateLimitedUntil: null,
      blocked: false,
      replay: false,
      name: null,
      sampled: 0,
    };
  }

  get state(): ChatState {
    return this.#state;
  }

  /** True when the shopper can write (a backend, not blocked, not a replay). */
  get writable(): boolean {
    return !!this.#options.interactions && !this.#state.blocked && !this.#state.replay && this.#state.connection !== 'unavailable';
  }

  subscribe(listener: ChatListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Hears every failure worth a `vitrine-error` (the element forwards them). Failures reported
   * while nobody listened (the history failed before the element was there) go to the first listener.
   */
  onError(listener: (error: VitrineErrorDetail) => void): () => void {
    this.#errorListeners.add(listener);
    const unheard = this.#unheard.splice(0);
    for (const detail of unheard) listener(detail);
    return () => this.#errorListeners.delete(listener);
  }

  /** Loads the history (the latest messages, or a replay's whole chat). */
  async start(): Promise<void> {
    const adapter = this.#options.interactions;
    if (!adapter) return;
    this.#abort.abort();
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.#set({ connection: 'loading' });
    try {
      const raw = await adapter.history(signal);
      if (signal.aborted) return;
      const { messages, dropped } = parseChatHistory({ messages: raw }, this.#now);
      if (dropped) this.#report(new VitrineError('show/invalid', `${dropped} chat message(s) of the history were malformed and left out.`));
      const replay = this.#state.replay || (messages.length > 0 && messages.every((m) => m.offset !== undefined));
      const known = new Set(this.#all.map((e) => e.message.id));
      const older = messages.filter((m) => !known.has(m.id) && this.#visible(m)).map((message) => this.#entry(message));
      this.#all = replay ? older : [...older, ...this.#all].slice(-this.#max);
      this.#set({ connection: 'ready', replay });
      this.#rebuild();
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      this.#set({ connection: 'unavailable' });
      this.#report(VitrineError.from(error, 'chat/unavailable'));
    }
  }

  /** Stops timers and requests in flight; sends the taps still waiting. */
  dispose(): void {
    this.#reactions.flush();
    this.#abort.abort();
    this.#flood.dispose();
    this.#reactions.dispose();
  }

  /** The show's status: an `ended` show's chat is a replay, which follows `setTime()`. */
  setStatus(status: ShowStatus | null): void {
    const replay = status === 'ended';
    if (replay === this.#state.replay) return;
    this.#set({ replay });
    this.#rebuild();
  }

  /** The player's media time in seconds: in a replay, messages up to it are shown. */
  setTime(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    this.#time = Math.max(0, seconds);
    if (this.#state.replay) this.#rebuild();
  }

  /** A live event; returns true when it was a chat event. */
  handleEvent(event: ShowEvent): boolean {
    switch (event.type) {
      case 'chat':
        this.#receive(event.message);
        return true;
      case 'chat-delete':
        if (event.id) this.#deleted.add(event.id);
        if (event.authorId) this.#removedAuthors.add(event.authorId);
        this.#flood.filter((m) => this.#visible(m));
        this.#all = this.#all.filter((e) => this.#visible(e.message) || e.state !== 'sent');
        this.#set({ pinned: this.#state.pinned && this.#visible(this.#state.pinned) ? this.#state.pinned : null });
        this.#rebuild();
        return true;
      case 'chat-pin':
        this.#set({ pinned: event.message && this.#visible(event.message) ? event.message : null });
        return true;
      case 'reactions': {
        this.#set({ reactions: this.#reactions.withPending(event.counts) });
        return true;
      }
      default:
        return false;
    }
  }

  /** The shopper's name (cleaned, at most 60 characters); kept in `sessionStorage` only after consent. */
  setName(name: string): string {
    const clean = cleanChatText(name, CHAT_LIMITS.name, false);
    this.#set({ name: clean || null });
    this.#storeName();
    return clean;
  }

  /** With consent, the name survives a page load (sessionStorage); without, it is forgotten there. */
  setPersistName(persist: boolean): void {
    this.#persistName = persist;
    const storage = this.#storage;
    if (persist && !this.#state.name && storage) {
      const saved = storage.getItem(NAME_KEY);
      if (saved) this.#set({ name: cleanChatText(saved, CHAT_LIMITS.name, false) || null });
    }
    this.#storeName();
  }

  /**
   * Sends a message as `state.name`. Resolves false, with nothing sent, when it cannot be:
   * no name, empty or over 500 characters (`chat/invalid`), blocked, rate limited, read-only.
   */
  async send(text: string): Promise<boolean> {
    const refusal = this.refusal(text);
    if (refusal) {
      this.#report(refusal);
      return false;
    }
    const message: ChatMessage = {
      id: `local:${randomKey()}`,
      author: { id: this.#ownAuthorId ?? 'me', name: this.#state.name!, role: 'viewer' },
      text: cleanChatText(text),
      at: this.#now(),
    };
    const entry: ChatEntry = { message, state: 'sending', own: true, key: randomKey() };
    this.#all = [...this.#all, entry];
    this.#rebuild();
    await this.#post(entry);
    return true;
  }

  /** Why `text` cannot be sent now (as the error that `send` would report), or undefined. */
  refusal(text: string): VitrineError | undefined {
    if (!this.#options.interactions || this.#state.replay) return new VitrineError('chat/unavailable', 'This chat is read-only.');
    if (this.#state.blocked) return new VitrineError('chat/blocked', 'You can’t write in this chat.');
    const until = this.#state.rateLimitedUntil;
    if (until !== null && until > this.#now()) {
      return new VitrineError('chat/rate-limited', 'You’re writing too fast.', { retryAfter: Math.ceil((until - this.#now()) / 1000) });
    }
    const problem = chatTextProblem(text);
    if (problem === 'empty') return new VitrineError('chat/invalid', 'Write a message first.');
    if (problem === 'too-long') return new VitrineError('chat/invalid', `A message can have at most ${CHAT_LIMITS.text} characters.`);
    if (!this.#state.name) return new VitrineError('chat/invalid', 'Choose a name first.');
    return undefined;
  }

  /** Sends a failed own message again, with the same `Idempotency-Key`. */
  async retry(key: string): Promise<void> {
    const entry = this.#all.find((e) => e.key === key && e.state === 'failed');
    if (!entry || this.refusal(entry.message.text)) return;
    const again: ChatEntry = { ...entry, state: 'sending' };
    delete again.error;
    this.#replace(entry, again);
    await this.#post(again);
  }

  /** Forgets a failed own message. */
  discard(key: string): void {
    this.#all = this.#all.filter((e) => !(e.key === key && e.state === 'failed'));
    this.#rebuild();
  }

  /** Reports a message to the moderators. */
  async report(messageId: string, reason = 'inappropriate'): Promise<void> {
    const adapter = this.#options.interactions;
    if (!adapter) return;
    try {
      await adapter.report(messageId, reason, this.#abort.signal);
    } catch (error) {
      if (!isAbortError(error)) this.#report(VitrineError.from(error, 'chat/unavailable'));
    }
  }

  /** Hides (or shows again) an author's messages for this shopper only. */
  hideAuthor(authorId: string, hide = true): void {
    const hidden = new Set(this.#state.hidden);
    if (hide) hidden.add(authorId);
    else hidden.delete(authorId);
    this.#set({ hidden });
    this.#rebuild();
  }

  /** A tap on Like: counted at once, sent with the others at most once a second. */
  react(type = 'heart'): void {
    this.#set({
      reactions: { ...this.#state.reactions, [type]: (this.#state.reactions[type] ?? 0) + 1 },
      ownReactions: this.#state.ownReactions + 1,
    });
    if (this.#options.interactions) this.#reactions.tap(type);
  }

  get #storage(): Storage | undefined {
    try {
      return this.#options.storage ?? globalThis.sessionStorage;
    } catch {
      return undefined;
    }
  }

  #storeName(): void {
    try {
      const storage = this.#storage;
      if (!storage) return;
      if (this.#persistName && this.#state.name) storage.setItem(NAME_KEY, this.#state.name);
      else if (!this.#persistName) storage.removeItem(NAME_KEY);
    } catch {
      // Storage refused (private mode, quota): the name stays in memory.
    }
  }

  async #post(entry: ChatEntry): Promise<void> {
    const adapter = this.#options.interactions!;
    try {
      const sent = await adapter.sendMessage({ text: entry.message.text, name: entry.message.author.name, idempotencyKey: entry.key! }, this.#abort.signal);
      this.#ownIds.add(sent.id);
      this.#ownAuthorId = sent.author.id;
      // The live event may have brought it first.
      if (this.#known(sent.id)) {
        this.#all = this.#all.filter((e) => e.key !== entry.key || e.message.id === sent.id);
        this.#all = this.#all.map((e) => (e.message.id === sent.id ? { ...e, own: true } : e));
        this.#rebuild();
      } else {
        this.#replace(entry, { message: sent, state: 'sent', own: true, key: entry.key! });
      }
    } catch (error) {
      if (isAbortError(error)) return;
      const failure = VitrineError.from(error, 'chat/unavailable');
      if (failure.code === 'chat/blocked') this.#set({ blocked: true });
      if (failure.code === 'chat/rate-limited') this.#set({ rateLimitedUntil: this.#now() + (failure.retryAfter ?? 5) * 1000 });
      this.#replace(entry, { ...entry, state: 'failed', error: failure.toDetail() });
      this.#report(failure);
    }
  }

  #replace(from: ChatEntry, to: ChatEntry): void {
    this.#all = this.#all.map((e) => (e === from || (from.key !== undefined && e.key === from.key) ? to : e));
    this.#rebuild();
  }

  #known(id: string): boolean {
    if (this.#ids.of !== this.#all) this.#ids = { of: this.#all, set: new Set(this.#all.map((e) => e.message.id)) };
    return this.#ids.set.has(id);
  }

  #visible(message: ChatMessage): boolean {
    return !this.#deleted.has(message.id) && !this.#removedAuthors.has(message.author.id);
  }

  #entry(message: ChatMessage): ChatEntry {
    const own = this.#ownIds.has(message.id) || (this.#ownAuthorId !== undefined && message.author.id === this.#ownAuthorId);
    return { message, state: 'sent', own };
  }

  #receive(message: ChatMessage): void {
    if (!this.#visible(message) || this.#known(message.id)) return;
    // In a replay the recorded chat plays back with the video; a message arriving live joins it
    // where playback is.
    if (this.#state.replay) {
      const entry = this.#entry(message.offset === undefined ? { ...message, offset: this.#time } : message);
      this.#all = [...this.#all, entry].sort((a, b) => (a.message.offset ?? 0) - (b.message.offset ?? 0));
      return this.#rebuild();
    }
    const entry = this.#entry(message);
    if (entry.own || message.author.role !== 'viewer') return this.#append([entry]);
    this.#flood.offer(message);
  }

  #append(entries: ChatEntry[]): void {
    const all = [...this.#all, ...entries];
    // Live: keep a window; own messages still sending or failed stay.
    this.#all = all.length > this.#max * 2 ? all.filter((e, i) => i >= all.length - this.#max || e.state !== 'sent') : all;
    this.#rebuild();
  }

  #rebuild(): void {
    const hidden = this.#state.hidden;
    let source = this.#all;
    if (this.#state.replay) {
      // Binary search: the entries whose offset is reached.
      let lo = 0;
      let hi = source.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((source[mid]!.message.offset ?? 0) <= this.#time) lo = mid + 1;
        else hi = mid;
      }
      source = source.slice(0, lo);
    }
    const messages = source.filter((e) => !hidden.has(e.message.author.id) && (e.state !== 'sent' || this.#visible(e.message))).slice(-this.#max);
    const before = this.#state.messages;
    if (messages.length === before.length && messages.every((e, i) => e === before[i])) return;
    this.#set({ messages });
  }

  #set(patch: Partial<ChatState>): void {
    const previous = this.#state;
    this.#state = { ...previous, ...patch };
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state, previous);
      } catch (error) {
        this.#report(VitrineError.from(error));
      }
    }
  }

  #report(error: VitrineError): void {
    const detail = error.toDetail();
    if (this.#errorListeners.size === 0) {
      if (this.#unheard.length < 5) this.#unheard.push(detail);
      return;
    }
    for (const listener of [...this.#errorListeners]) listener(detail);
  }
}
