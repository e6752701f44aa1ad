/**
 * How a show is put together, without any UI: the one place that builds a show's parts from what
 * an element's attributes and properties say, and tears them down.
 *
 * ```
 *   element (attributes, properties)                     ShowStore (state + request bus)
 *        │ configure({ src, stream, cartUrl, cart, ... })      ▲            │
 *        ▼                                                      │            │ add / update / remove /
 *   ShowSession ── stream adapter (REST show + SSE, or yours) ──► ShowRunner ─┤ checkout requests
 *        │      ── cart adapter (REST cart, in-memory, or yours) ► CartService ◄┘
 *        │      ── catalog adapter (hydrates products listed by id)
 *        │      ── interaction adapter (chat, reactions, votes), from the show's `interactions` URL
 *        └─ live `highlight` ──► `pin-request` on the bus (the player holds it until playback gets there),
 *                                or pinned at once when no player is there to wait for
 * ```
 *
 * - Every part reports failures on the store's bus (`error`), once; the element that owns the
 *   store turns each into one `vitrine-error`. Cart changes reach the store through the cart
 *   service (also those the host's own cart adapter announces).
 * - `attach()` builds what is missing and starts; `detach()` stops everything (requests aborted,
 *   the live connection closed, timers cleared). Both are explicit, so an element decides when (it
 *   may keep a session across a move in the DOM); a detached session can be attached again.
 * - Adapters come from `factories` (injectable): the next capability plugs in here. A show document
 *   with an `interactions` URL gets an `InteractionAdapter` from `factories.interactions`
 *   (docs/adapters.md); its live messages, like the stream's chat, poll and deal events, reach the
 *   bus as `live-event` for the part that shows them.
 */
import { createRestShow } from '../adapters/rest/show.js';
import { absoluteUrl, answeringFirst, type EarlyDocument } from './early-document.js';
import { LazyCartService, lazyCartAdapter } from './lazy-cart.js';
import type { ChatModel } from './chat.js';
import type { SessionChat } from './session-chat.js';
import { SessionMoments } from './session-moments.js';
import { VitrineError } from './errors.js';
import { clockedFetch } from './server-clock.js';
import { ShowRunner, type HighlightEvent } from './show-runner.js';
import type { ShowStore } from './store.js';
import type { Moments } from './moments.js';
import type { CartAdapter, CatalogAdapter, Deal, InteractionAdapter, Money, Product, Show, ShowEvent, StreamAdapter } from './types.js';

/** What the element's attributes and properties say. An adapter given here wins over a URL. */
export interface SessionConfig {
  /** URL of the show document (docs/show-document.md): a REST show adapter is built from it. */
  src?: string | undefined;
  /** A stream adapter of your own (the `stream` property). */
  stream?: StreamAdapter | undefined;
  /** Base URL of a REST cart backend (docs/rest-cart.md). Absent: an in-page cart kept in memory. */
  cartUrl?: string | undefined;
  /** A cart adapter of your own (the `cart` property). */
  cart?: CartAdapter | undefined;
  /** Hydrates products the show lists by id. */
  catalog?: CatalogAdapter | undefined;
  /** The shopper consented to storage: the REST cart keeps its id in `sessionStorage`. */
  consent?: boolean | undefined;
  /** Where checkout goes when the cart backend gives no `checkoutUrl`. */
  checkoutUrl?: string | undefined;
  /** An interaction adapter of your own: wins over what `factories.interactions` builds. */
  interactions?: InteractionAdapter | undefined;
  /** How often the show document is re-read around the start and while live events are down (ms). */
  refreshInterval?: number | undefined;
}

/** How the session builds the adapters it is not given. */
export interface AdapterFactories {
  /** `options.fetch` feeds the server's clock (the moments' countdowns): pass it to the adapter. */
  show(url: string, options?: { fetch?: typeof fetch }): StreamAdapter;
  restCart(url: string, options: { persist: boolean; scope?: string | undefined }): CartAdapter;
  /** `options.dealPrice`: the price a running flash deal charges for a product. */
  memoryCart(store: ShowStore, options?: { dealPrice?: (productId: string) => Money | undefined }): CartAdapter;
  /**
   * The interaction adapter of a show whose document has an `interactions` URL.
   * @default the REST interaction adapter (docs/interactions.md), fetched with `import()`
   */
  interactions?: (url: string, show: Show) => InteractionAdapter | Promise<InteractionAdapter>;
}

/** What the element hears from the session (all optional). */
export interface SessionHooks {
  /** A show starts loading (after `attach()`, a new `src` or adapter, or `reload()`). */
  loading?(): void;
  /** The show document loaded (each first load, not re-reads). */
  ready?(show: Show): void;
  /** The show could not be loaded at all (the failure is on the bus too); `reload()` retries. */
  unavailable?(): void;
  /** Whether the live events connection works (false while it reconnects). */
  eventsHealth?(healthy: boolean): void;
  /** A live highlight was pinned at once: there was no player to wait for. */
  pinned?(product: Product, at: number): void;
  /** The show's chat model was built (the show has a chat), or `null` when it went. */
  chat?(model: ChatModel | null): void;
  /** The live moments' model exists (the first deal, announcement or poll arrived). */
  moments?(moments: Moments): void;
  /** A flash deal started. */
  deal?(deal: Deal, product: Product): void;
}

const defaultFactories: AdapterFactories = {
  show: (url, options) => createRestShow(url, options?.fetch ? { fetch: options.fetch, events: { fetch: options.fetch } } : {}),
  // Both carts are lazy chunks (lazy-cart.ts): their code is fetched when the page is idle, or
  // with the first cart request, and only the one in use.
  restCart: (url, options) =>
    lazyCartAdapter(async () => (await import('../adapters/rest/cart.js')).createRestCart(url, options), {
      methods: ['getCart', 'addLine', 'updateLine', 'removeLine', 'applyDiscount', 'removeDiscount'],
      subscribe: true,
      commands: ['setPersist'],
      getters: ['baseUrl', 'cartId'],
    }),
  memoryCart: (store, options) =>
    lazyCartAdapter(
      async () =>
        (await import('../adapters/memory/cart.js')).createMemoryCart({
          ...(options?.dealPrice ? { dealPrice: options.dealPrice } : {}),
          lookup: (id) => store.product(id),
          // Read when needed: an emptied cart shows its subtotal in the show's currency.
          get currencyCode() {
            return store.state.products[0]?.price.currencyCode;
          },
        }),
      { methods: ['getCart', 'addLine', 'updateLine', 'removeLine', 'applyDiscount', 'removeDiscount'], getters: ['cart'] },
    ),
  interactions: async (url) => (await import('../adapters/rest/interactions.js')).createRestInteractions(url),
};

let pinSequence = 0;
/** For a chat whose import failed (already reported). */
const ignore = () => undefined;
/** The page leaving into, and coming back from, the back/forward cache. */
const PAGE_TRANSITIONS = ['pagehide', 'pageshow'] as const;

export class ShowSession {
  readonly store: ShowStore;
  readonly #hooks: SessionHooks;
  readonly #factories: AdapterFactories;
  #config: SessionConfig = {};
  #attached = false;
  #streamDirty = true;
  #cartDirty = true;
  /** The adapters this session built (not those it was given). */
  #builtStream: StreamAdapter | undefined;
  #builtCart: CartAdapter | undefined;
  #builtInteractions: InteractionAdapter | undefined;
  #runner: ShowRunner | undefined;
  #service: LazyCartService | undefined;
  #stopInteractions: (() => void) | undefined;
  /** The store holds a show of this session (cleared when the source goes). */
  #showing = false;
  /** The show's chat (session-chat.ts, a lazy chunk): imported when the show has a chat. */
  #chat: Promise<SessionChat> | undefined;
  /** The interactions' connection was closed at the last `pagehide` into the back/forward cache. */
  #suspendedInteractions = false;
  #chatModel: ChatModel | undefined;
  #stopChat: (() => void) | undefined;
  /** Flash deals, announcements and polls, the server's clock, votes and discount codes (session-moments.ts). */
  readonly moments: SessionMoments;
  /** The loader's request for the document (early-document.ts), until the stream is set up. */
  #early: EarlyDocument | undefined;

  constructor(store: ShowStore, options: { hooks?: SessionHooks; factories?: Partial<AdapterFactories> } = {}) {
    this.store = store;
    this.#hooks = options.hooks ?? {};
    this.#factories = { ...defaultFactories, ...options.factories };
    this.moments = new SessionMoments(store, {
      cart: () => this.cart,
      onModel: (moments) => this.#hooks.moments?.(moments),
      onDeal: (deal, product) => this.#hooks.deal?.(deal, product),
    });
  }

  /** The chat model of the current show, once it has a chat (docs/interactions.md). */
  get chat(): ChatModel | undefined {
    return this.#chatModel;
  }

  /** Runs `use` with the show's chat, importing its chunk first (a failed import is reported once). */
  #withChat(use: (chat: SessionChat) => void): void {
    this.#chat ??= import('./session-chat.js').then(
      ({ SessionChat }) =>
        new SessionChat(
          this.store,
          (model) => {
            this.#chatModel = model ?? undefined;
            this.#hooks.chat?.(model);
          },
          this.#config.consent === true,
        ),
      (error: unknown) => {
        this.#chat = undefined;
        this.store.bus.emit('error', VitrineError.from(error, 'chat/unavailable', true).toDetail());
        throw error;
      },
    );
    this.#chat.then(use, ignore);
  }

  /** The stream adapter in use: the one given, else the one built from `src`. */
  get stream(): StreamAdapter | undefined {
    return this.#config.stream ?? this.#builtStream;
  }

  /** The cart adapter in use: the one given, else the REST or in-memory cart built. */
  get cart(): CartAdapter | undefined {
    return this.#config.cart ?? this.#builtCart;
  }

  /** The interaction adapter of the current show, if it has one. */
  get interactions(): InteractionAdapter | undefined {
    return this.#config.interactions ?? this.#builtInteractions;
  }

  /** Takes the element's current settings; while attached, rebuilds only the parts they changed. */
  configure(next: SessionConfig): void {
    const before = this.#config;
    this.#config = { ...next };
    if (before.src !== next.src || before.stream !== next.stream || before.catalog !== next.catalog) this.#streamDirty = true;
    if (before.cartUrl !== next.cartUrl || before.cart !== next.cart) this.#cartDirty = true;
    if (before.consent !== next.consent && this.#builtCart && 'setPersist' in this.#builtCart) {
      (this.#builtCart as CartAdapter & { setPersist(on: boolean): void }).setPersist(next.consent === true);
    }
    if (before.checkoutUrl !== next.checkoutUrl && this.#service) this.#service.options.checkoutFallbackUrl = next.checkoutUrl;
    if (before.interactions !== next.interactions && this.#attached && this.store.state.show) this.#setUpInteractions(this.store.state.show);
    if (before.consent !== next.consent) this.#chat?.then((chat) => chat.setPersistName(next.consent === true), ignore);
    if (this.#attached) this.#build();
  }

  /**
   * A request for the show document already on its way: the CDN loader makes it while the
   * elements' code downloads. When the next show set up reads that URL with the REST show adapter,
   * its first read uses this response instead of a new request.
   */
  offerDocument(early: EarlyDocument | undefined): void {
    if (early) this.#early = early;
  }

  /** Builds what is missing and starts: the cart is loaded, the show loaded and followed. */
  attach(): void {
    if (this.#attached) return;
    this.#attached = true;
    // Live chat events go to the chat; the first one of a watch-only show brings a read-only chat.
    const onEvent = (event: ShowEvent) => /^(chat|chat-delete|chat-pin|reactions)$/.test(event.type) && this.#withChat((chat) => chat.event(event));
    this.store.bus.on('live-event', onEvent);
    this.#stopChat = () => this.store.bus.off('live-event', onEvent);
    this.moments.start();
    this.#build();
    // (A session may run without a window: in a worker, or in Node for tests.)
    for (const type of PAGE_TRANSITIONS) globalThis.addEventListener?.(type, this.#onPageTransition);
  }

  /**
   * The back/forward cache. Into it (`pagehide`, persisted), the live connections close: the show
   * and its cart stay as they are. Back from it (`pageshow`, persisted), the document is read again
   * and followed, the interactions' connection and the chat (with the messages sent meanwhile) open
   * again, and the cart is read again (another page may have changed it).
   */
  #onPageTransition = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    if (event.type === 'pagehide') {
      this.#runner?.suspend();
      this.#suspendedInteractions = Boolean(this.#stopInteractions);
      this.#stopInteractions?.();
      this.#stopInteractions = undefined;
      return;
    }
    this.#runner?.resume();
    const show = this.store.state.show;
    if (show && this.#suspendedInteractions) this.#setUpInteractions(show);
    this.#service?.reload();
  };

  /**
   * Stops every part (requests aborted, live connection closed, timers cleared); `attach()` starts
   * again: the show is loaded afresh, and the cart adapter built for these settings is kept, so the
   * same cart (and its lines) comes back, even without consent to store its id.
   */
  detach(): void {
    if (!this.#attached) return;
    this.#attached = false;
    for (const type of PAGE_TRANSITIONS) globalThis.removeEventListener?.(type, this.#onPageTransition);
    this.#runner?.stop();
    this.#runner = undefined;
    this.#service?.dispose();
    this.#service = undefined;
    this.#stopInteractions?.();
    this.#stopInteractions = undefined;
    this.#stopChat?.();
    this.#stopChat = undefined;
    this.#chat?.then((chat) => chat.close(), ignore);
    this.moments.stop();
    this.#streamDirty = true;
  }

  /** Loads the show again (the "Try again" after a failure). */
  reload(): void {
    this.#streamDirty = true;
    if (this.#attached) this.#build();
  }

  #build(): void {
    if (this.#cartDirty) this.#setUpCart();
    else if (!this.#service) this.#startCart();
    if (this.#streamDirty) this.#setUpStream();
  }

  #setUpCart(): void {
    this.#cartDirty = false;
    this.#service?.dispose();
    const { cart, cartUrl, consent, src } = this.#config;
    this.#builtCart = cart
      ? undefined
      : cartUrl
        ? // Twin shows with one cart URL keep their own carts: the stored id is scoped by the show.
          this.#factories.restCart(cartUrl, { persist: consent === true, scope: src || undefined })
        : this.#factories.memoryCart(this.store, { dealPrice: (id) => this.moments.dealPrice(id) });
    this.store.set({ cart: null, cartError: null, checkingOut: false, adding: new Set(), addErrors: new Map() });
    this.#startCart();
  }

  /** Serves the cart requests of the bus with the cart adapter in use, and loads the cart. */
  #startCart(): void {
    this.#service = new LazyCartService(this.store, this.cart!, { checkoutFallbackUrl: this.#config.checkoutUrl });
    this.#service.start();
  }

  #setUpStream(): void {
    this.#streamDirty = false;
    this.#runner?.stop();
    this.#runner = undefined;
    this.#stopInteractions?.();
    this.#stopInteractions = undefined;
    this.#builtInteractions = undefined;
    this.#chat?.then((chat) => chat.close(), ignore);
    const { src, stream, catalog, refreshInterval } = this.#config;
    // The loader's request for this document, if it made one: the adapter's first read uses it.
    const early = this.#early;
    this.#early = undefined;
    const fetch = early && src && early.url === absoluteUrl(src) ? clockedFetch(this.moments.clock, answeringFirst(early, globalThis.fetch.bind(globalThis))) : this.moments.fetch;
    this.#builtStream = stream || !src ? undefined : this.#factories.show(src, { fetch });
    this.moments.reset();
    const adapter = this.stream;
    if (!adapter && !this.#showing) return;
    this.#showing = Boolean(adapter);
    this.#hooks.loading?.();
    this.store.set({ show: null, status: null, products: [], highlight: null, viewers: null, openProductId: null });
    if (!adapter) return;
    const runner = new ShowRunner({
      store: this.store,
      stream: adapter,
      catalog,
      ...(refreshInterval !== undefined ? { refreshInterval } : {}),
      onHighlight: (event) => this.#highlight(event),
      onEventsHealth: (healthy) => this.#hooks.eventsHealth?.(healthy),
      onLoad: (show) => {
        this.#setUpInteractions(show);
        this.#hooks.ready?.(show);
      },
    });
    this.#runner = runner;
    void runner.start().then((show) => {
      if (!show && this.#runner === runner) this.#hooks.unavailable?.();
    });
  }

  /**
   * The extension point for interactions: the adapter given, or one built from the show's
   * `interactions` URL (possibly with `import()`). With one, the show's chat starts now; without,
   * the show is watch-only and its chat starts, read-only, with the first chat event.
   */
  #setUpInteractions(show: Show): void {
    this.#stopInteractions?.();
    this.#stopInteractions = undefined;
    this.#builtInteractions = undefined;
    this.#chat?.then((chat) => chat.close(), ignore);
    const build = this.#factories.interactions;
    const given = this.#config.interactions;
    // Votes: through the given adapter, else the show's `interactions` URL (until the built one is there).
    this.moments.setInteractions(given, show);
    if (!given && !(show.interactions && build)) return;
    let current = true;
    this.#stopInteractions = () => (current = false);
    const adapter = Promise.resolve(given ?? build!(show.interactions!, show)).then((adapter) => {
      if (!current) return adapter;
      if (!given) {
        this.#builtInteractions = adapter;
        this.moments.setInteractions(adapter, show);
      }
      if (adapter.subscribe) {
        const bus = this.store.bus;
        const stop = adapter.subscribe(
          (event) => bus.emit('live-event', event),
          (error) => bus.emit('error', VitrineError.from(error, 'chat/unavailable', true).toDetail()),
        );
        this.#stopInteractions = () => ((current = false), stop());
      }
      return adapter;
    });
    this.#withChat((chat) => chat.open(adapter));
  }

  /**
   * A live highlight is a request on the bus: the player schedules it like a seek and pins the product
   * when playback reaches the moment. With no player listening (a scheduled show, an ended show
   * without replay), there is nothing to wait for: pinned now.
   */
  #highlight(event: HighlightEvent): void {
    const product = this.store.product(event.productId);
    if (!product) return;
    const bus = this.store.bus;
    if (bus.all.get('pin-request')?.length) {
      bus.emit('pin-request', {
        id: event.id ?? `sse-${event.productId}-${event.at ?? ++pinSequence}`,
        productId: event.productId,
        ...(event.at !== undefined ? { programDateTime: event.at } : {}),
      });
      return;
    }
    const at = this.store.state.currentTime;
    this.store.set({ highlight: { productId: product.id, at } });
    this.#hooks.pinned?.(product, at);
  }
}
