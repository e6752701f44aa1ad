/**
 * Discount codes on the cart (docs/cart-protocol.md): answers the store bus's `discount-request`
 * (the announcement's "Apply code", the cart's remove button) through the cart adapter's
 * `applyDiscount` / `removeDiscount`. The cart that comes back goes to the store; a failure goes to
 * `cartError` (the cart shows it: "This code can't be used") and to the bus as a `vitrine-error`,
 * and the requester hears it through `done`, so it can say so where the shopper clicked.
 */
import { VitrineError, isAbortError, type VitrineErrorDetail } from './errors.js';
import type { ShowStore } from './store.js';
import type { CartAdapter } from './types.js';

/** Whether `cart` can take discount codes (the banner shows "Apply code" only then). */
export function canApplyDiscounts(cart: CartAdapter | undefined | null): boolean {
  return typeof cart?.applyDiscount === 'function';
}

/**
 * Starts answering `discount-request`s of `store` with the adapter `cart()` returns at the time of
 * each request; returns the function that stops (and aborts requests in flight).
 *
 * @example
 * const stop = connectDiscounts(store, () => cartAdapter);
 */
export function connectDiscounts(store: ShowStore, cart: () => CartAdapter | undefined | null): () => void {
  const abort = new AbortController();
  const onRequest = async ({ code, action, done }: { code: string; action: 'apply' | 'remove'; done?: (error: VitrineErrorDetail | null) => void }) => {
    const adapter = cart();
    const run = action === 'apply' ? adapter?.applyDiscount : adapter?.removeDiscount;
    let error: VitrineErrorDetail | null = null;
    if (!adapter || !run) {
      error = new VitrineError('cart/unavailable', 'This cart does not take discount codes.').toDetail();
    } else {
      store.set({ cartError: null });
      try {
        store.set({ cart: await run.call(adapter, code, abort.signal) });
      } catch (failure) {
        if (isAbortError(failure) || abort.signal.aborted) return;
        error = VitrineError.from(failure, 'cart/unavailable').toDetail();
      }
    }
    if (error) {
      store.set({ cartError: error });
      store.bus.emit('error', error);
    }
    done?.(error);
  };
  const listener = (request: Parameters<typeof onRequest>[0]) => void onRequest(request);
  store.bus.on('discount-request', listener);
  return () => {
    abort.abort();
    store.bus.off('discount-request', listener);
  };
}
