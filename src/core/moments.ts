/**
 * The host's live moments, without any UI (docs/live-events.md and docs/interactions.md): the flash deals running
 * (one per product, each ending by itself at its `endsAt`), the current announcement, the current
 * poll and the viewer's vote in it. The show's live events go in through `apply()`; elements read
 * `state` and `subscribe()`; a vote goes out through `vote()`, with one `Idempotency-Key` per
 * choice (a retry sends the same key), a 409 `closed` turning the poll to its results.
 *
 * Times (`endsAt`) are the server's; `clock` (see `server-clock.ts`) says what time it is there.
 * Bad moments are ignored with a recoverable `show/invalid` on the store's bus: a deal for a
 * product the show does not list, in another currency than the product's, or already over.
 *
 * A replay's polls (`replay()`) follow the store's media time instead, like the chat's replay:
 * each shows, closed with its final results, from its `offset` until its `endOffset` or the next
 * poll; a seek back takes it away again.
 */
import { VitrineError, isAbortError, type VitrineErrorDetail } from './errors.js';
import type { ShowStore } from './store.js';
import type { Announcement, Deal, InteractionAdapter, Poll, Product, ShowEvent } from './types.js';

/** How the viewer's vote in a poll is going. */
export interface VoteState {
  optionId: string;
  status: 'sending' | 'sent' | 'failed';
  /** Why it failed (`poll/closed`, `poll/unavailable`). */
  error?: VitrineErrorDetail;
  /** Kept for a retry of the same choice, so the vote is counted once. */
  key: string;
}

export interface MomentsState {
  /** The running deals, by product id. */
  deals: ReadonlyMap<string, Deal>;
  announcement: Announcement | null;
  poll: Poll | null;
  /** The viewer's vote, by poll id. */
  votes: ReadonlyMap<string, VoteState>;
}

export type MomentsListener = (state: MomentsState) => void;

export interface MomentsOptions {
  /** The show's store: its products (to check a deal) and its bus (errors go there). */
  store: ShowStore;
  /** The server's time (epoch ms). @default Date.now */
  now?: () => number;
  /** Sends a vote (the `InteractionAdapter`'s `vote`); without it, polls show results only. */
  vote?: InteractionAdapter['vote'];
  /** Hears each deal that starts (the show fires `vitrine-deal`). */
  onDeal?: (deal: Deal, product: Product) => void;
}

type MomentEvent = Extract<ShowEvent, { type: 'deal' | 'deal-end' | 'announcement' | 'announcement-end' | 'poll' }>;

const MAX_TIMER = 2 ** 31 - 1;

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class Moments {
  readonly #options: MomentsOptions;
  #state: MomentsState = { deals: new Map(), announcement: null, poll: null, votes: new Map() };
  #listeners = new Set<MomentsListener>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #abort = new AbortController();
  /** A replay's polls by `offset`, while the show is a replay. */
  #replay: readonly Poll[] | undefined;
  #stopReplay: (() => void) | undefined;

  constructor(options: MomentsOptions) {
    this.#options = options;
  }

  get state(): MomentsState {
    return this.#state;
  }

  /** The server's time now (epoch ms): what countdowns count against. */
  now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** Whether votes can be sent (the show has an interaction backend). */
  get canVote(): boolean {
    return Boolean(this.#options.vote);
  }

  /** The deal running on `productId`, if any. */
  dealFor(productId: string): Deal | undefined {
    return this.#state.deals.get(productId);
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: MomentsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Takes a live event; returns false for events that are not moments (left to the caller). */
  apply(event: ShowEvent): event is MomentEvent {
    switch (event.type) {
      case 'deal':
        this.#deal(event.deal);
        return true;
      case 'deal-end':
        this.#endDeal(event.id);
        return true;
      case 'announcement':
        this.#announce(event.announcement);
        return true;
      case 'announcement-end':
        if (this.#state.announcement?.id === event.id) this.#endAnnouncement();
        return true;
      case 'poll':
        // A replay's polls come with the media time, not live.
        if (!this.#replay) this.#poll(event.poll);
        return true;
      default:
        return false;
    }
  }

  /**
   * Votes for `optionId` in the current poll. Once per poll: a vote sent (or sending) is final; a
   * vote that failed may be retried (with the same key when it is the same option).
   */
  async vote(optionId: string): Promise<void> {
    const poll = this.#state.poll;
    const send = this.#options.vote;
    if (!poll || poll.closed || !send || !poll.options.some((o) => o.id === optionId)) return;
    const previous = this.#state.votes.get(poll.id);
    if (previous && previous.status !== 'failed') return;
    const key = previous?.optionId === optionId ? previous.key : randomKey();
    this.#setVote(poll.id, { optionId, status: 'sending', key });
    try {
      const result = await send(poll.id, optionId, this.#abort.signal, key);
      this.#setVote(poll.id, { optionId, status: 'sent', key });
      // Results newer than the answer may have arrived live in between: keep the higher counts.
      if (this.#state.poll?.id === result.id) this.#poll(merge(this.#state.poll, result));
    } catch (error) {
      if (isAbortError(error)) return;
      const detail = VitrineError.from(error, 'poll/unavailable').toDetail();
      this.#setVote(poll.id, { optionId, status: 'failed', key, error: detail });
      if (detail.code === 'poll/closed') {
        const current = this.#state.poll;
        if (current?.id === poll.id && !current.closed) this.#set({ poll: { ...current, closed: true } });
      }
      this.#options.store.bus.emit('error', detail);
    }
  }

  /**
   * The show is a replay with these polls (each with `offset`): the current poll is the one whose
   * moment playback (the store's `currentTime`) has reached, closed, with its final results.
   */
  replay(polls: readonly Poll[]): void {
    this.#stopReplay?.();
    this.#clear('poll');
    this.#replay = polls
      .filter((p) => p.offset !== undefined)
      .map((p) => ({ ...p, closed: true }))
      .sort((a, b) => a.offset! - b.offset!);
    const store = this.#options.store;
    this.#stopReplay = store.subscribe((now, before) => {
      if (now.currentTime !== before.currentTime) this.#replayAt(now.currentTime);
    });
    this.#replayAt(store.state.currentTime);
  }

  /**
   * A replay's polls from an interaction adapter's `polls()`, then `replay()`. A failure is a
   * recoverable `poll/unavailable` on the store's bus; `reset()` stops the request.
   */
  async replayFrom(adapter: Pick<InteractionAdapter, 'polls'>): Promise<void> {
    const signal = this.#abort.signal;
    try {
      const polls = (await adapter.polls?.(signal)) ?? [];
      if (!signal.aborted && polls.length) this.replay(polls);
    } catch (error) {
      if (!signal.aborted && !isAbortError(error)) this.#options.store.bus.emit('error', VitrineError.from(error, 'poll/unavailable', true).toDetail());
    }
  }

  #replayAt(seconds: number): void {
    let poll: Poll | null = null;
    for (const p of this.#replay ?? []) {
      if (p.offset! > seconds) break;
      poll = p;
    }
    if (poll?.endOffset !== undefined && seconds >= poll.endOffset) poll = null;
    if (poll !== this.#state.poll) this.#set({ poll });
  }

  /** Forgets everything (another show), stops timers and requests. */
  reset(): void {
    this.#stopReplay?.();
    this.#stopReplay = undefined;
    this.#replay = undefined;
    this.#abort.abort();
    this.#abort = new AbortController();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#set({ deals: new Map(), announcement: null, poll: null, votes: new Map() });
  }

  #deal(deal: Deal): void {
    const product = this.#options.store.product(deal.productId);
    if (!product) return this.#invalid(`a deal for ${deal.productId}, which the show does not list`);
    if (deal.price.currencyCode !== product.price.currencyCode) {
      return this.#invalid(`deal ${deal.id} is in ${deal.price.currencyCode}, its product in ${product.price.currencyCode}`);
    }
    if (deal.endsAt <= this.now()) return this.#invalid(`deal ${deal.id} ended before it arrived`);
    const before = this.#state.deals.get(deal.productId);
    const deals = new Map(this.#state.deals);
    // A product has one deal at a time: a new one replaces the old.
    deals.set(deal.productId, deal);
    this.#set({ deals });
    this.#at(`deal:${deal.productId}`, deal.endsAt, () => this.#endDeal(deal.id));
    if (before?.id !== deal.id) this.#options.onDeal?.(deal, product);
  }

  #endDeal(id: string): void {
    const entry = [...this.#state.deals].find(([, d]) => d.id === id);
    if (!entry) return;
    const deals = new Map(this.#state.deals);
    deals.delete(entry[0]);
    this.#clear(`deal:${entry[0]}`);
    this.#set({ deals });
  }

  #announce(announcement: Announcement): void {
    if (announcement.endsAt !== undefined && announcement.endsAt <= this.now()) {
      return this.#invalid(`announcement ${announcement.id} ended before it arrived`);
    }
    this.#set({ announcement });
    if (announcement.endsAt === undefined) this.#clear('announcement');
    else this.#at('announcement', announcement.endsAt, () => this.#endAnnouncement());
  }

  #endAnnouncement(): void {
    this.#clear('announcement');
    this.#set({ announcement: null });
  }

  #poll(poll: Poll): void {
    const current = this.#state.poll;
    // A closed poll stays closed, whatever a late update says.
    const closed = poll.closed || (current?.id === poll.id && current.closed) || (poll.endsAt !== undefined && poll.endsAt <= this.now());
    this.#set({ poll: closed === poll.closed ? poll : { ...poll, closed } });
    if (closed || poll.endsAt === undefined) this.#clear('poll');
    else {
      this.#at('poll', poll.endsAt, () => {
        const now = this.#state.poll;
        if (now?.id === poll.id && !now.closed) this.#set({ poll: { ...now, closed: true } });
      });
    }
  }

  #setVote(pollId: string, vote: VoteState): void {
    this.#set({ votes: new Map(this.#state.votes).set(pollId, vote) });
  }

  /** Runs `fn` when the server's clock reaches `at` (re-checked on wake: timers drift). */
  #at(name: string, at: number, fn: () => void): void {
    this.#clear(name);
    const wait = at - this.now();
    if (wait <= 0) return fn();
    this.#timers.set(
      name,
      setTimeout(() => {
        this.#timers.delete(name);
        this.#at(name, at, fn);
      }, Math.min(wait, MAX_TIMER)),
    );
  }

  #clear(name: string): void {
    clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  #invalid(message: string): void {
    this.#options.store.bus.emit('error', { code: 'show/invalid', message: `Ignored ${message}.`, recoverable: true });
  }

  #set(patch: Partial<MomentsState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of [...this.#listeners]) listener(this.#state);
  }
}

/** The same poll from two sources: the highest count of each option wins (counts only grow). */
function merge(live: Poll, answer: Poll): Poll {
  const votes = new Map(live.options.map((o) => [o.id, o.votes]));
  return {
    ...answer,
    closed: answer.closed || live.closed,
    options: answer.options.map((o) => ({ ...o, votes: Math.max(o.votes, votes.get(o.id) ?? 0) })),
  };
}

/** A poll's results: each option's share in whole percent (summing to 100 when any vote exists). */
export function pollResults(poll: Poll): { id: string; text: string; votes: number; percent: number }[] {
  const total = poll.options.reduce((n, o) => n + o.votes, 0);
  if (total === 0) return poll.options.map((o) => ({ ...o, percent: 0 }));
  // Largest remainder, so the shown percentages add up to exactly 100.
  const exact = poll.options.map((o) => (o.votes * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - floors[i]!, i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return poll.options.map((o, i) => ({ ...o, percent: floors[i]! }));
}
