/**
 * The live moments of a show session (docs/moments.md), without any UI: the server's clock (fed by
 * the `Date` header of the show document and of the live events connection, through `fetch`), the
 * `Moments` model (flash deals, the announcement, the poll), votes and discount codes.
 *
 * Nothing of it but the clock is in the first view: the model, the vote request and the discount
 * wiring are fetched with the first moment (a `deal`, `announcement` or `poll` live event on the
 * bus) or the first `discount-request` (a code removed from a restored cart), and the events that
 * arrive meanwhile are applied in order once they are there. The element hears the model through
 * `onModel` (to render it) and each deal that starts through `onDeal` (`vitrine-deal`).
 *
 * A replay (an `ended` show) whose interaction adapter has `polls()` loads the model, which asks
 * for the show's polls and plays them back with the video (`Moments.replayFrom`).
 */
import { VitrineError } from './errors.js';
import type { Moments } from './moments.js';
import { clockedFetch, createServerClock, type ServerClock } from './server-clock.js';
import type { ShowStore, StoreEvents } from './store.js';
import type { CartAdapter, Deal, InteractionAdapter, Money, Product, Show, ShowEvent } from './types.js';

const MOMENTS = new Set<ShowEvent['type']>(['deal', 'deal-end', 'announcement', 'announcement-end', 'poll']);

export interface SessionMomentsOptions {
  /** The cart adapter in use at the time of a discount request. */
  cart(): CartAdapter | undefined;
  /** The model exists (created with the first moment). */
  onModel?(moments: Moments): void;
  /** A flash deal started. */
  onDeal?(deal: Deal, product: Product): void;
}

type Loaded = { moments: Moments; stopDiscounts: () => void };
type Queued = { event: ShowEvent } | { discount: StoreEvents['discount-request'] } | { replay: InteractionAdapter };

export class SessionMoments {
  /** The server's time, from the `Date` headers `fetch` sees. */
  readonly clock: ServerClock = createServerClock();
  /** A `fetch` that feeds `clock`: the session hands it to the REST show and SSE adapters. */
  readonly fetch: typeof fetch = clockedFetch(this.clock, (input, init) => globalThis.fetch(input, init));
  readonly #store: ShowStore;
  readonly #options: SessionMomentsOptions;
  #loaded: Loaded | undefined;
  #loading = false;
  #running = false;
  /** Moments and discount requests that arrived while the chunk loads, in order. */
  #queue: Queued[] = [];
  #vote: InteractionAdapter['vote'] | undefined;
  #adapter: InteractionAdapter | undefined;
  /** The adapter a replay's polls were asked of (once per show). */
  #replayedBy: InteractionAdapter | undefined;
  #stopStatus: (() => void) | undefined;
  #voteUrl: string | undefined;
  #restVote: { url: string; vote: InteractionAdapter['vote'] } | undefined;
  #connectDiscounts: ((store: ShowStore, cart: () => CartAdapter | undefined) => () => void) | undefined;
  #createRestVote: ((url: string, options: { fetch: typeof fetch }) => InteractionAdapter['vote']) | undefined;

  constructor(store: ShowStore, options: SessionMomentsOptions) {
    this.#store = store;
    this.#options = options;
  }

  /** The model, once the first moment arrived. */
  get model(): Moments | undefined {
    return this.#loaded?.moments;
  }

  /** The price a running deal charges for `productId` (the in-memory cart's `dealPrice`). */
  dealPrice(productId: string): Money | undefined {
    return this.#loaded?.moments.dealFor(productId)?.price;
  }

  /** Where votes go: the show's interaction adapter, else its `interactions` URL (REST). */
  setInteractions(adapter: InteractionAdapter | undefined, show: Show | null): void {
    this.#vote = adapter?.vote ? adapter.vote.bind(adapter) : undefined;
    this.#voteUrl = show?.interactions;
    this.#adapter = adapter;
    this.#replayPolls();
  }

  /** In a replay, the show's polls from its interaction adapter (asked once, by the lazy model). */
  #replayPolls(): void {
    const adapter = this.#adapter;
    if (!this.#running || this.#store.state.status !== 'ended' || !adapter?.polls || this.#replayedBy === adapter) return;
    this.#replayedBy = adapter;
    if (this.#loaded) void this.#loaded.moments.replayFrom(adapter);
    else this.#load({ replay: adapter });
  }

  /** Starts listening to the store's bus. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#store.bus.on('live-event', this.#onEvent);
    this.#stopStatus = this.#store.subscribe((now, before) => {
      if (now.status !== before.status) this.#replayPolls();
    });
    this.#replayPolls();
    if (!this.#loaded) this.#store.bus.on('discount-request', this.#onDiscount);
    else this.#loaded.stopDiscounts = this.#connectDiscounts!(this.#store, this.#options.cart);
  }

  /** Another show: what the last one had running is forgotten. */
  reset(): void {
    this.#queue = [];
    this.#replayedBy = undefined;
    this.#loaded?.moments.reset();
  }

  /** Teardown: stops listening, timers and requests. `start()` starts again. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#store.bus.off('live-event', this.#onEvent);
    this.#store.bus.off('discount-request', this.#onDiscount);
    this.#stopStatus?.();
    this.#loaded?.stopDiscounts();
    this.reset();
  }

  #onEvent = (event: ShowEvent): void => {
    if (!MOMENTS.has(event.type)) return;
    if (this.#loaded) this.#loaded.moments.apply(event);
    else this.#load({ event });
  };

  #onDiscount = (request: StoreEvents['discount-request']): void => {
    this.#load({ discount: request });
  };

  #restVoteFor(url: string | undefined): InteractionAdapter['vote'] | undefined {
    if (!url || !this.#createRestVote) return undefined;
    if (this.#restVote?.url !== url) this.#restVote = { url, vote: this.#createRestVote(url, { fetch: this.fetch }) };
    return this.#restVote.vote;
  }

  #load(item: Queued): void {
    this.#queue.push(item);
    if (this.#loading) return;
    this.#loading = true;
    Promise.all([import('./moments.js'), import('./discounts.js'), import('../adapters/rest/votes.js')]).then(
      ([{ Moments }, { connectDiscounts }, { createRestVote }]) => {
        this.#loading = false;
        this.#createRestVote = createRestVote;
        this.#connectDiscounts = connectDiscounts;
        const self = this;
        const moments = new Moments({
          store: this.#store,
          now: this.clock.now,
          // Read at each vote: the show (and its interactions) may change under one model.
          get vote() {
            return self.#vote ?? self.#restVoteFor(self.#voteUrl);
          },
          onDeal: (deal, product) => this.#options.onDeal?.(deal, product),
        });
        this.#store.bus.off('discount-request', this.#onDiscount);
        this.#loaded = { moments, stopDiscounts: () => {} };
        if (this.#running) this.#loaded.stopDiscounts = connectDiscounts(this.#store, this.#options.cart);
        this.#options.onModel?.(moments);
        const queue = this.#queue;
        this.#queue = [];
        if (!this.#running) return;
        for (const queued of queue) {
          if ('event' in queued) moments.apply(queued.event);
          else if ('replay' in queued) void moments.replayFrom(queued.replay);
          else this.#store.bus.emit('discount-request', queued.discount);
        }
      },
      (error: unknown) => {
        // A failed lazy load: said once; the next moment tries again.
        this.#loading = false;
        const queue = this.#queue;
        this.#queue = [];
        const detail = VitrineError.from(error, 'show/unavailable', true).toDetail();
        this.#store.bus.emit('error', detail);
        for (const queued of queue) if ('discount' in queued) queued.discount.done?.(detail);
      },
    );
  }
}
