/**
 * Carries out cart requests against a `CartAdapter` and keeps the store's cart,
 * pending adds and add errors. The one place that talks to the cart backend.
 *
 * - A second add of the same variant while one is in flight joins the first: a
 *   double click never adds twice.
 * - Each shopper action gets one idempotency key, reused by the adapter's retries.
 * - Nothing is half-added: the store's cart only changes to what the backend answered.
 */
import { VitrineError, isAbortError, type VitrineErrorDetail } from './errors.js';
import { addKey, type ShowStore } from './store.js';
import type { Cart, CartAdapter, Product, Variant } from './types.js';

export interface AddOutcome {
  ok: boolean;
  cart?: Cart;
  error?: VitrineErrorDetail;
}

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class CartService {
  #inFlight = new Map<string, Promise<AddOutcome>>();
  #abort = new AbortController();
  #unsubscribe: (() => void) | undefined;

  constructor(
    readonly store: ShowStore,
    readonly adapter: CartAdapter,
  ) {
    this.#unsubscribe = adapter.subscribe?.((cart) => this.store.set({ cart }));
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
    const attempt = this.#add(product, variant, quantity, key).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, attempt);
    return attempt;
  }

  /**
   * Tracks an add that someone else performs (a merchant who cancelled
   * `vitrine-add-to-cart` and handles it): the pending state shows until `work`
   * settles; a resolved `Cart` replaces the store's cart.
   */
  track(product: Product, variant: Variant, work: Promise<Cart | void | null | undefined>): Promise<AddOutcome> {
    const key = addKey(product.id, variant.id);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const attempt = this.#settle(product, key, work.then((cart) => cart ?? this.store.state.cart)).finally(() =>
      this.#inFlight.delete(key),
    );
    this.#inFlight.set(key, attempt);
    return attempt;
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

  async #settle(product: Product, key: string, work: Promise<Cart | null>): Promise<AddOutcome> {
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
      if (!isAbortError(error)) this.store.bus.emit('error', detail);
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
    this.store.set({ updatingLines: new Set(this.store.state.updatingLines).add(lineId) });
    try {
      const cart = await change(this.#abort.signal);
      this.store.set({ cart, updatingLines: this.#without(this.store.state.updatingLines, lineId) });
    } catch (error) {
      this.store.set({ updatingLines: this.#without(this.store.state.updatingLines, lineId) });
      this.#report(error, 'cart/unavailable');
    }
  }

  /** The URL to hand checkout to: the adapter's, else the cart's `checkoutUrl`. */
  async checkoutUrl(): Promise<string | undefined> {
    if (this.adapter.checkout) return this.adapter.checkout(this.#abort.signal);
    return this.store.state.cart?.checkoutUrl;
  }

  /** Stops listening and aborts requests in flight. */
  dispose(): void {
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
