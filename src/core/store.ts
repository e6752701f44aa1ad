/**
 * The show store: the one source of truth for a show, its status, its products,
 * the highlighted product and the cart. Components read from it and subscribe to
 * it; they never keep their own copy. Requests from the UI (add to cart, open a
 * product, seek) travel on its typed bus to the one place that carries them out.
 */
import mitt, { type Emitter } from 'mitt';
import type { Cart, Product, Show, ShowEvent, ShowStatus, Variant } from './types.js';
import type { VitrineErrorDetail } from './errors.js';

/** The highlighted (pinned) product and the media time it was pinned at. */
export interface Highlight {
  productId: string;
  /** Media time in seconds, when known. */
  at?: number;
}

/** A product pin to show when playback reaches it (`pin-request`). */
export interface PinRequest {
  /** Pins are shown once per id. */
  id: string;
  productId: string;
  mediaTime?: number;
  programDateTime?: number;
}

/** A product being added to the cart, and how that is going. */
export interface PendingAdd {
  productId: string;
  variantId: string;
  quantity: number;
}

/** What the store holds. Always replaced, never mutated, so identity tells change. */
export interface ShowState {
  show: Show | null;
  status: ShowStatus | null;
  /** In the show's order. */
  products: readonly Product[];
  highlight: Highlight | null;
  cart: Cart | null;
  /** Live viewer count, when the backend sends one. */
  viewers: number | null;
  /** Keys (`productId/variantId`) of adds in flight. */
  adding: ReadonlySet<string>;
  /** The last add's failure per product id, to show where the shopper clicked. */
  addErrors: ReadonlyMap<string, VitrineErrorDetail>;
  /** Lines whose quantity is being changed. */
  updatingLines: ReadonlySet<string>;
  /** The product whose detail is open, if any. */
  openProductId: string | null;
  cartOpen: boolean;
  /** The last failure of a cart line change or of checkout, shown in the cart; cleared by the next attempt. */
  cartError: VitrineErrorDetail | null;
  /** True while the cart service hands off to checkout (from the request to navigation, the merchant's veto or a failure). */
  checkingOut: boolean;
  /** Media time of the player in seconds (updated a few times a second while playing). */
  currentTime: number;
  /** BCP 47 locale for texts and money. */
  locale: string;
}

/** Requests from the UI to whatever carries them out, and notices back. */
export type StoreEvents = {
  /**
   * A shopper asked to add; the cart service performs it. With `work` (a merchant who
   * cancelled `vitrine-add-to-cart` and called `respondWith`), the service only tracks it.
   */
  'add-request': {
    product: Product;
    variant: Variant;
    quantity: number;
    source: EventTarget | null;
    work?: Promise<Cart | void | null | undefined>;
  };
  /** An add finished: `ok` false carries the error. */
  'add-result': { product: Product; variant: Variant; quantity: number; ok: boolean; error?: VitrineErrorDetail };
  'update-line-request': { lineId: string; quantity: number };
  'remove-line-request': { lineId: string };
  /**
   * A shopper asked to check out. `confirm` is called with the final URL before
   * navigating (the cart emits the cancelable `vitrine-checkout` there); false stops.
   */
  'checkout-request': { source: EventTarget | null; confirm?: (cart: Cart | null, url: string) => boolean };
  /**
   * Apply or remove a discount code (the announcement's "Apply code", the cart's remove button);
   * `discounts.ts` carries it out, and `done` hears the outcome (null: it worked).
   */
  'discount-request': { code: string; action: 'apply' | 'remove'; done?: (error: VitrineErrorDetail | null) => void };
  /** Seek the player to a media time (replay chapters). */
  'seek-request': { time: number };
  /**
   * Pin a product when playback reaches the moment (a live `highlight` event): the player holds it
   * until then, like a seek it carries out. `programDateTime` is epoch ms, `mediaTime` seconds.
   */
  'pin-request': PinRequest;
  /**
   * A live event that the store does not keep (chat, reactions, polls, announcements, deals): the
   * session puts it here for the part that shows it (docs/live-events.md).
   */
  'live-event': ShowEvent;
  'product-view': { product: Product };
  /** Something went wrong that the host should hear of. */
  error: VitrineErrorDetail;
};

/** The requests of the bus a cart service answers (core/cart-service.ts). */
export const CART_REQUESTS = ['add-request', 'update-line-request', 'remove-line-request', 'checkout-request'] as const;
export type CartRequest = (typeof CART_REQUESTS)[number];

export type StoreListener = (state: ShowState, previous: ShowState) => void;

export function initialState(locale = 'en'): ShowState {
  return {
    show: null,
    status: null,
    products: [],
    highlight: null,
    cart: null,
    viewers: null,
    adding: new Set(),
    addErrors: new Map(),
    updatingLines: new Set(),
    openProductId: null,
    cartOpen: false,
    cartError: null,
    checkingOut: false,
    currentTime: 0,
    locale,
  };
}

export class ShowStore {
  #state: ShowState;
  #listeners = new Set<StoreListener>();
  #byId = new Map<string, Product>();
  /** The typed request bus (mitt). */
  readonly bus: Emitter<StoreEvents> = mitt<StoreEvents>();

  constructor(initial: Partial<ShowState> = {}) {
    this.#state = { ...initialState(), ...initial };
    this.#index();
  }

  get state(): ShowState {
    return this.#state;
  }

  /** Calls `listener` after every change with the new and the previous state; returns the unsubscribe. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Applies a patch. Subscribers are notified exactly once, and only when some
   * field's value changed (by identity).
   */
  set(patch: Partial<ShowState>): void {
    const previous = this.#state;
    let changed = false;
    for (const key of Object.keys(patch) as (keyof ShowState)[]) {
      if (!Object.is(previous[key], patch[key])) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    this.#state = { ...previous, ...patch };
    if (patch.products && patch.products !== previous.products) this.#index();
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state, previous);
      } catch (error) {
        // One broken subscriber must not starve the others.
        queueMicrotask(() => this.bus.emit('error', {
          code: 'internal',
          message: `store subscriber failed: ${error instanceof Error ? error.message : String(error)}`,
          recoverable: true,
        }));
      }
    }
  }

  /** The product with this id, if the show lists it. */
  product(id: string): Product | undefined {
    return this.#byId.get(id);
  }

  /** The highlighted product, if any. */
  get highlighted(): Product | undefined {
    const h = this.#state.highlight;
    return h ? this.#byId.get(h.productId) : undefined;
  }

  /** Loads a show: its status and products replace what was there. */
  setShow(show: Show): void {
    this.set({ show, status: show.status, products: show.products, highlight: null });
  }

  /** Replaces one product (a live `product` event), keeping the show's order; adds it if new. */
  upsertProduct(product: Product): void {
    const products = [...this.#state.products];
    const index = products.findIndex((p) => p.id === product.id);
    if (index === -1) products.push(product);
    else products[index] = product;
    this.set({ products });
  }

  /** A plain loop: the store is built in the show's constructor, which must not throw on a page that broke `Array.prototype.map`. */
  #index(): void {
    const byId = new Map<string, Product>();
    for (const p of this.#state.products) byId.set(p.id, p);
    this.#byId = byId;
  }
}

/** The key of an add in flight. */
export function addKey(productId: string, variantId: string): string {
  return `${productId}/${variantId}`;
}
