/**
 * The add-to-cart flow as an element sees it (a Lit ReactiveController):
 *
 * 1. `add()` emits the cancelable `vitrine-add-to-cart` from the element. A merchant who
 *    calls `preventDefault()` takes over; if they also call `detail.respondWith(promise)`
 *    (synchronously, in the listener), the element shows the pending state until the promise
 *    settles, then the confirmation or the rejection's message.
 * 2. Otherwise the element asks the store's bus (`add-request`); the `CartService` adds.
 * 3. Pending comes from `store.state.adding` (so a double click is ignored, and the service
 *    joins an add in flight); the outcome from the bus's `add-result`, shown at this element
 *    only: a brief confirmation, or the reason ("Sold out", "Only 2 left").
 */
import type { ReactiveController } from 'lit';
import { addKey } from '../../core/store.js';
import type { StoreEvents } from '../../core/store.js';
import type { Cart, Product, Variant } from '../../core/types.js';
import type { StoreController, StoreHost } from './store-controller.js';
import { addMessages } from './shared.messages.js';

/** How long the "Added to cart" confirmation stays, in ms. */
export const CONFIRMATION_MS = 2500;

export interface AddFeedback {
  kind: 'added' | 'error';
  productId: string;
  variantId: string;
  message: string;
}

export class AddController implements ReactiveController {
  #host: StoreHost;
  #store: StoreController;
  #locale: () => string;
  /** Adds this element asked for, by key, and whether the merchant performs them. */
  #mine = new Map<string, { merchant: boolean }>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #bus: StoreController['store']['bus'] | undefined;
  #connected = false;
  feedback: AddFeedback | undefined;

  constructor(host: StoreHost, store: StoreController, locale: () => string) {
    this.#host = host;
    this.#store = store;
    this.#locale = locale;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  /**
   * Follows a store that changed, while connected only: an element taken out before its first
   * render (a windowed rail drops the cards of a range it jumped past) still renders once, and a
   * listener added then would keep it on the store's bus for good.
   */
  hostUpdate(): void {
    if (this.#connected && this.#bus !== this.#store.store.bus) this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#bus?.off('add-result', this.#onResult);
    this.#bus = undefined;
    clearTimeout(this.#timer);
  }

  /** True while an add of this variant is in flight (anyone's). */
  pending(product: Product, variant: Variant | undefined): boolean {
    return !!variant && this.#store.state.adding.has(addKey(product.id, variant.id));
  }

  /** The feedback to show for this product (and variant, when given). */
  feedbackFor(product: Product, variant?: Variant): AddFeedback | undefined {
    const f = this.feedback;
    if (!f || f.productId !== product.id || (variant && f.variantId !== variant.id)) return undefined;
    return f;
  }

  /**
   * Starts an add of `quantity` of `variant`. Returns false when nothing was started
   * (one is in flight already, or the merchant took over without `respondWith`).
   */
  add(product: Product, variant: Variant, quantity = 1): boolean {
    const store = this.#store.store;
    const key = addKey(product.id, variant.id);
    if (store.state.adding.has(key)) return false;
    this.#clear();
    let work: Promise<Cart | void | null | undefined> | undefined;
    let open = true;
    const event = this.#host.emit('vitrine-add-to-cart', {
      product,
      variant,
      quantity,
      respondWith(promise) {
        if (!open) throw new DOMException('respondWith() must be called synchronously in the listener', 'InvalidStateError');
        if (work) throw new DOMException('respondWith() was already called', 'InvalidStateError');
        work = Promise.resolve(promise);
      },
    });
    open = false;
    if (event.defaultPrevented && !work) return false;
    this.#mine.set(key, { merchant: !!work });
    const request: StoreEvents['add-request'] = { product, variant, quantity, source: this.#host };
    if (work) request.work = work;
    store.bus.emit('add-request', request);
    this.#host.requestUpdate();
    return true;
  }

  #listen(): void {
    this.#bus?.off('add-result', this.#onResult);
    this.#bus = this.#store.store.bus;
    this.#bus.on('add-result', this.#onResult);
  }

  #onResult = (result: StoreEvents['add-result']): void => {
    const key = addKey(result.product.id, result.variant.id);
    const mine = this.#mine.get(key);
    if (!mine) return;
    this.#mine.delete(key);
    const locale = this.#locale();
    const base = { productId: result.product.id, variantId: result.variant.id };
    if (result.ok) {
      this.feedback = { ...base, kind: 'added', message: addMessages(locale, 'added') };
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#clear(), CONFIRMATION_MS);
    } else {
      this.feedback = { ...base, kind: 'error', message: this.#reason(result, mine.merchant, locale) };
    }
    this.#host.requestUpdate();
  };

  #reason(result: StoreEvents['add-result'], merchant: boolean, locale: string): string {
    const error = result.error;
    if (error?.code === 'cart/out-of-stock') {
      const product = this.#store.store.product(result.product.id) ?? result.product;
      const variant = product.variants.find((v) => v.id === result.variant.id) ?? result.variant;
      const stock = variant.inventory ?? product.inventory;
      return stock && stock > 0 && variant.available && product.available
        ? addMessages(locale, 'onlyLeft', { count: stock })
        : addMessages(locale, 'soldOut');
    }
    if (merchant && error?.message) return error.message;
    return addMessages(locale, 'addFailed');
  }

  #clear(): void {
    clearTimeout(this.#timer);
    if (this.feedback) {
      this.feedback = undefined;
      this.#host.requestUpdate();
    }
  }
}
