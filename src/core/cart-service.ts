/**
 * Carries out cart requests against a `CartAdapter` and keeps the store's cart,
 * pending adds and add errors. The one place that talks to the cart backend.
 *
 * - A second add of the same variant while one is in flight joins the first: a
 *   double click never adds twice.
 * - Each shopper action gets one idempotency key, reused by the adapter's retries.
 * - Nothing is half-added: the store's cart only changes to what the backend answered.
 * - UI elements only ask, on the store's bus (`add-request`, `update-line-request`,
 *   `remove-line-request`, `checkout-request`); `connect()` makes this service answer.
 * - Checkout hands off to the adapter's URL, the cart's `checkoutUrl` or a fallback, only
 *   when it is `http:`/`https:`, with attribution parameters; `store.state.checkingOut` is true
 *   until the outcome is known.
 */
import { pageUrl } from './guards.js';
import { VitrineError, isAbortError, type VitrineErrorDetail } from './errors.js';
import { addKey, CART_REQUESTS, type CartRequest, type ShowStore, type StoreEvents } from './store.js';
import type { Cart, CartAdapter, Product, Variant } from './types.js';

export interface AddOutcome {
  ok: boolean;
  cart?: Cart;
  error?: VitrineErrorDetail;
}

/** Attribution added to the checkout URL as `utm_*` query parameters. */
export interface Attribution {
  /** `utm_source`. @default 'vitrine' */
  source?: string;
  /** `utm_medium`. @default 'live_shopping' */
  medium?: string;
  /** `utm_campaign`. @default the show's id */
  campaign?: string;
}

export interface CartServiceOptions {
  /** Where checkout goes when neither the adapter nor the cart gives a URL (the show's `checkout-url`). */
  checkoutFallbackUrl?: string | undefined;
  /**
   * The `utm_*` parameters added to the checkout URL, or `false` for none. Parameters the URL
   * already has are kept.
   * @default { source: 'vitrine', medium: 'live_shopping', campaign: <show id> }
   */
  attribution?: Attribution | false;
  /**
   * Leaves the page for checkout. Injectable for tests and for single-page apps.
   * @default (url) => location.assign(url)
   */
  navigate?: (url: string) => void;
}

export interface CheckoutOutcome {
  status: 'navigated' | 'cancelled' | 'failed';
  url?: string;
  error?: VitrineErrorDetail;
}

/**
 * Adds the attribution parameters to `url` (existing ones are kept).
 *
 * @example
 * withAttribution('https://shop.example/checkout', { campaign: 'show-42' });
 * // 'https://shop.example/checkout?utm_source=vitrine&utm_medium=live_shopping&utm_campaign=show-42'
 */
export function withAttribution(url: string, attribution: Attribution | false | undefined, showId?: string): string {
  if (attribution === false) return url;
  const parsed = new URL(url);
  const params: [string, string | undefined][] = [
    ['utm_source', attribution?.source ?? 'vitrine'],
    ['utm_medium', attribution?.medium ?? 'live_shopping'],
    ['utm_campaign', attribution?.campaign ?? showId],
  ];
  for (const [name, value] of params) {
    if (value && !parsed.searchParams.has(name)) parsed.searchParams.set(name, value);
  }
  return parsed.href;
}

function isHttp(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class CartService {
  #inFlight = new Map<string, Promise<AddOutcome>>();
  #abort = new AbortController();
  #unsubscribe: (() => void) | undefined;
  #disconnect: (() => void) | undefined;
  #checkingOut: Promise<CheckoutOutcome> | undefined;
  /** Mutable: the show updates them when its attributes change. */
  readonly options: CartServiceOptions;

  constructor(
    readonly store: ShowStore,
    readonly adapter: CartAdapter,
    options: CartServiceOptions = {},
  ) {
    this.options = { ...options };
    this.#unsubscribe = adapter.subscribe?.((cart) => this.store.set({ cart }));
  }

  /**
   * Answers the UI's requests on the store's bus. Returns the function that stops
   * (also called by `dispose()`). Connecting twice is a no-op.
   */
  connect(): () => void {
    if (this.#disconnect) return this.#disconnect;
    const bus = this.store.bus;
    const handlers = CART_REQUESTS.map((type) => [type, (request: StoreEvents[CartRequest]) => this.serve(type, request)] as const);
    for (const [type, handler] of handlers) bus.on(type, handler);
    this.#disconnect = () => {
      for (const [type, handler] of handlers) bus.off(type, handler);
      this.#disconnect = undefined;
    };
    return this.#disconnect;
  }

  /** Answers one request of the bus (`connect()` answers them all as they come). */
  serve<K extends CartRequest>(type: K, request: StoreEvents[K]): void {
    if (type === 'add-request') {
      const r = request as StoreEvents['add-request'];
      void (r.work ? this.track(r.product, r.variant, r.work, r.quantity) : this.add(r.product, r.variant, r.quantity));
    } else if (type === 'update-line-request') {
      const r = request as StoreEvents['update-line-request'];
      void this.updateLine(r.lineId, r.quantity);
    } else if (type === 'remove-line-request') {
      void this.removeLine((request as StoreEvents['remove-line-request']).lineId);
    } else {
      void this.checkout((request as StoreEvents['checkout-request']).confirm);
    }
  }

  /** Loads the current cart, if the backend has one. */
  async load(): Promise<void> {
    try {
      const cart = await this.adapter.getCart(this.#abort.signal);
      this.store.set({ cart });
    } catch (error) {
      this.#report(error, 'cart/unavailable');
    }
  }

  /**
   * Adds `quantity` of `variant`. Resolves with the outcome (never rejects), after
   * the store was updated.
   */
  add(product: Product, variant: Variant, quantity = 1): Promise<AddOutcome> {
    const key = addKey(product.id, variant.id);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const attempt = this.#add(product, variant, quantity, key)
      .finally(() => this.#inFlight.delete(key))
      .then((outcome) => this.#announce(product, variant, quantity, outcome));
    this.#inFlight.set(key, attempt);
    return attempt;
  }

  /**
   * Tracks an add that someone else performs (a merchant who cancelled
   * `vitrine-add-to-cart` and handles it): the pending state shows until `work`
   * settles; a resolved `Cart` replaces the store's cart.
   */
  track(
    product: Product,
    variant: Variant,
    work: Promise<Cart | void | null | undefined>,
    quantity = 1,
  ): Promise<AddOutcome> {
    const key = addKey(product.id, variant.id);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const attempt = this.#settle(product, key, Promise.resolve(work).then((cart) => cart ?? this.store.state.cart), false)
      .finally(() => this.#inFlight.delete(key))
      .then((outcome) => this.#announce(product, variant, quantity, outcome));
    this.#inFlight.set(key, attempt);
    return attempt;
  }

  #announce(product: Product, variant: Variant, quantity: number, outcome: AddOutcome): AddOutcome {
    const result: StoreEvents['add-result'] = { product, variant, quantity, ok: outcome.ok };
    if (outcome.error) result.error = outcome.error;
    this.store.bus.emit('add-result', result);
    return outcome;
  }

  async #add(product: Product, variant: Variant, quantity: number, key: string): Promise<AddOutcome> {
    if (!variant.available || !product.available) {
      const error = new VitrineError('cart/out-of-stock', `${product.title} is sold out`);
      return this.#settle(product, key, Promise.reject(error));
    }
    const idempotencyKey = randomKey();
    return this.#settle(
      product,
      key,
      this.adapter.addLine({ productId: product.id, variantId: variant.id, quantity, idempotencyKey }, this.#abort.signal),
    );
  }

  async #settle(product: Product, key: string, work: Promise<Cart | null>, report = true): Promise<AddOutcome> {
    const adding = new Set(this.store.state.adding).add(key);
    const addErrors = new Map(this.store.state.addErrors);
    addErrors.delete(product.id);
    this.store.set({ adding, addErrors });
    try {
      const cart = await work;
      this.store.set({ cart, adding: this.#without(this.store.state.adding, key) });
      return cart ? { ok: true, cart } : { ok: true };
    } catch (error) {
      const detail = VitrineError.from(error, 'cart/unavailable').toDetail();
      const errors = new Map(this.store.state.addErrors).set(product.id, detail);
      this.store.set({ adding: this.#without(this.store.state.adding, key), addErrors: errors });
      // A merchant's own rejection (respondWith) is theirs to report; ours goes to the host.
      if (report && !isAbortError(error)) this.store.bus.emit('error', detail);
      return { ok: false, error: detail };
    }
  }

  /** Sets a line's quantity (0 removes it). */
  async updateLine(lineId: string, quantity: number): Promise<void> {
    await this.#lineChange(lineId, (signal) =>
      quantity <= 0 ? this.adapter.removeLine(lineId, signal) : this.adapter.updateLine(lineId, quantity, signal),
    );
  }

  async removeLine(lineId: string): Promise<void> {
    await this.#lineChange(lineId, (signal) => this.adapter.removeLine(lineId, signal));
  }

  async #lineChange(lineId: string, change: (signal: AbortSignal) => Promise<Cart>): Promise<void> {
    if (this.store.state.updatingLines.has(lineId)) return;
    this.store.set({ updatingLines: new Set(this.store.state.updatingLines).add(lineId), cartError: null });
    try {
      const cart = await change(this.#abort.signal);
      this.store.set({ cart, updatingLines: this.#without(this.store.state.updatingLines, lineId) });
    } catch (error) {
      const detail = isAbortError(error) ? null : VitrineError.from(error, 'cart/unavailable').toDetail();
      this.store.set({ updatingLines: this.#without(this.store.state.updatingLines, lineId), cartError: detail });
      if (detail) this.store.bus.emit('error', detail);
    }
  }

  /**
   * The URL to hand checkout to: the adapter's, else the cart's `checkoutUrl`, else
   * `options.checkoutFallbackUrl`. Not yet checked nor attributed.
   */
  async checkoutUrl(): Promise<string | undefined> {
    if (this.adapter.checkout) return this.adapter.checkout(this.#abort.signal);
    return this.store.state.cart?.checkoutUrl ?? pageUrl(this.options.checkoutFallbackUrl);
  }

  /**
   * Hands the shopper to checkout: resolves the URL, refuses anything but `http:`/`https:`
   * (`checkout/unsafe-url`), adds attribution, asks `confirm` (the cart emits the cancelable
   * `vitrine-checkout` there; false means the merchant took over), then navigates.
   * A second call while one is running joins it.
   */
  checkout(confirm?: (cart: Cart | null, url: string) => boolean): Promise<CheckoutOutcome> {
    if (!this.#checkingOut) {
      // The cart shows the checkout button pending from here until the outcome is known.
      this.store.set({ checkingOut: true });
      this.#checkingOut = this.#checkout(confirm).finally(() => {
        this.#checkingOut = undefined;
        this.store.set({ checkingOut: false });
      });
    }
    return this.#checkingOut;
  }

  async #checkout(confirm?: (cart: Cart | null, url: string) => boolean): Promise<CheckoutOutcome> {
    this.store.set({ cartError: null });
    let raw: string | undefined;
    try {
      raw = await this.checkoutUrl();
    } catch (error) {
      return this.#checkoutFailed(VitrineError.from(error, 'checkout/unavailable'));
    }
    if (!raw) {
      // The backend's URL was refused when the cart was read (parseCart): say so.
      return this.#checkoutFailed(
        this.store.state.cart?.checkoutUrlRefused
          ? new VitrineError('checkout/unsafe-url', 'The checkout URL is not http(s).')
          : new VitrineError('checkout/unavailable', 'No checkout URL is known.'),
      );
    }
    if (!isHttp(raw)) {
      return this.#checkoutFailed(new VitrineError('checkout/unsafe-url', 'The checkout URL is not http(s).'));
    }
    const url = withAttribution(raw, this.options.attribution, this.store.state.show?.id);
    // Not pending while the merchant's `vitrine-checkout` listener runs: it may take over.
    this.store.set({ checkingOut: false });
    if (confirm && !confirm(this.store.state.cart, url)) return { status: 'cancelled', url };
    (this.options.navigate ?? ((to: string) => globalThis.location.assign(to)))(url);
    return { status: 'navigated', url };
  }

  #checkoutFailed(error: VitrineError): CheckoutOutcome {
    if (isAbortError(error.cause)) return { status: 'failed' };
    const detail = error.toDetail();
    // The error and the end of pending in one change: the cart never shows both.
    this.store.set({ cartError: detail, checkingOut: false });
    this.store.bus.emit('error', detail);
    return { status: 'failed', error: detail };
  }

  /** Stops listening and aborts requests in flight. */
  dispose(): void {
    this.#disconnect?.();
    this.#unsubscribe?.();
    this.#abort.abort();
  }

  #without(set: ReadonlySet<string>, key: string): Set<string> {
    const copy = new Set(set);
    copy.delete(key);
    return copy;
  }

  #report(error: unknown, code: 'cart/unavailable'): void {
    if (isAbortError(error)) return;
    this.store.bus.emit('error', VitrineError.from(error, code).toDetail());
  }
}
