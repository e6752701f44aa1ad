/**
 * The REST cart adapter: docs/cart-protocol.md, exactly.
 *
 * | request | when |
 * | --- | --- |
 * | `POST {cart}` `{}` → 201 Cart | the first add, or after the cart was lost (404) |
 * | `GET {cart}/{id}` | loading the cart (retried with backoff: it is safe) |
 * | `POST {cart}/{id}/lines` + `Idempotency-Key` | an add; retried once, with the SAME key, after a network failure, timeout or 502/503/504, so a line is never added twice |
 * | `PATCH {cart}/{id}/lines/{lineId}` `{ quantity }` | a quantity change (0 removes) |
 * | `DELETE {cart}/{id}/lines/{lineId}` | a removal |
 * | `POST {cart}/{id}/discounts` `{ code }` | a discount code (4xx `invalid_code`: `cart/invalid-code`) |
 * | `DELETE {cart}/{id}/discounts/{code}` | a code removed |
 *
 * The cart id is kept in memory; in `sessionStorage` (key `vitrine:cart:<base URL>`, then the
 * `scope` if any) only while persistence is on, which `<vitrine-show>` turns on with `consent="granted"`.
 */
import ky, { HTTPError, type Options } from 'ky';
import { VitrineError, type VitrineErrorCode } from '../../core/errors.js';
import { createCartIdStore } from '../../core/cart-id-store.js';
import { assertQuantity, pathSegment } from '../../core/guards.js';
import { parseCart } from '../../core/parse-cart.js';
import type { AddLineInput, Cart, CartAdapter } from '../../core/types.js';
import { absolute, randomKey, toVitrineError, type ServerError } from './http.js';

export interface RestCartOptions {
  /**
   * Time allowed for one request, in milliseconds.
   * @default 10000
   */
  timeout?: number;
  /**
   * Retries of a failed `GET` (network error, timeout, 408/429/5xx) with exponential backoff
   * and jitter. Writes are not retried, except an add: once, with the same `Idempotency-Key`.
   * @default 2
   */
  retries?: number;
  /**
   * Keep the cart id in `storage` so it survives a page load. Only turn this on when the
   * shopper consented (`<vitrine-show consent="granted">` does it).
   * @default false
   */
  persist?: boolean;
  /** Where a persisted cart id goes. @default globalThis.sessionStorage */
  storage?: Storage;
  /**
   * What this cart belongs to, such as the show's URL: two adapters with the same base URL and
   * different scopes keep their own persisted cart ids (twin shows on one page). Without it, one
   * id per base URL.
   * @default undefined
   */
  scope?: string;
  /** Extra request headers (for instance an auth token). @default {} */
  headers?: Record<string, string>;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** A REST cart: a `CartAdapter` plus control over where the cart id is kept. */
export interface RestCartAdapter extends CartAdapter {
  /** The absolute base URL. */
  readonly baseUrl: string;
  /** The current cart id, if a cart was created or restored. */
  readonly cartId: string | null;
  /**
   * Turns keeping the cart id in `sessionStorage` on (writes the current id) or off (removes it).
   */
  setPersist(persist: boolean): void;
}

const CART_CODES = (status: number, server: ServerError): VitrineErrorCode | undefined => {
  if (server.code === 'invalid_code' && status >= 400 && status < 500) return 'cart/invalid-code';
  if (server.code === 'out_of_stock' || status === 409) return 'cart/out-of-stock';
  if (status >= 500 || status === 408 || status === 429) return undefined; // cart/unavailable
  if (server.code === 'not_found' || status === 404) return 'cart/not-found';
  if (server.code === 'invalid' || (status >= 400 && status < 500 && status !== 408 && status !== 429)) return 'cart/invalid';
  return undefined;
};

const MESSAGES: Partial<Record<VitrineErrorCode, string>> = {
  'cart/out-of-stock': 'Not enough stock for that quantity.',
  'cart/not-found': 'This cart no longer exists.',
  'cart/invalid-code': 'This code can’t be used on this cart.',
};

/**
 * @example
 * import { createRestCart } from 'vitrine/adapters/rest';
 * const show = document.querySelector('vitrine-show');
 * show.cart = createRestCart('https://api.example.com/cart', { headers: { 'x-shop': 'eu' } });
 */
export function createRestCart(baseUrl: string, options: RestCartOptions = {}): RestCartAdapter {
  const base = absolute(baseUrl).replace(/\/+$/, '');
  const storageKey = `vitrine:cart:${base}`;
  const listeners = new Set<(cart: Cart | null) => void>();

  const ids = createCartIdStore(storageKey, {
    persist: options.persist ?? false,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
  });
  const setId = (id: string | null) => ids.set(id);

  const api = ky.create({
    timeout: options.timeout ?? 10_000,
    retry: { limit: options.retries ?? 2, methods: ['get'], retryOnTimeout: true, jitter: true, backoffLimit: 4_000 },
    headers: { accept: 'application/json', ...options.headers },
    cache: 'no-store',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function request(url: string, init: Options): Promise<Cart> {
    let body: unknown;
    try {
      const response = await api(url, init);
      body = await response.json();
    } catch (error) {
      const mapped = await toVitrineError(error, { unavailable: 'cart/unavailable', label: 'cart' }, CART_CODES);
      if (mapped instanceof VitrineError && error instanceof HTTPError && mapped.message.startsWith('The cart answered')) {
        const friendly = MESSAGES[mapped.code];
        if (friendly) throw new VitrineError(mapped.code, friendly, { cause: error });
      }
      throw mapped;
    }
    const result = parseCart(body, base);
    if (!result.ok) throw result.error;
    pathSegment(result.value.id); // an id that would leave the base URL is never kept
    setId(result.value.id);
    return result.value;
  }

  const cartUrl = (id: string) => `${base}/${pathSegment(id)}`;
  const isNotFound = (error: unknown) => error instanceof VitrineError && error.code === 'cart/not-found';

  function notify(cart: Cart | null): void {
    for (const listener of [...listeners]) listener(cart);
  }

  async function create(signal: AbortSignal): Promise<string> {
    const cart = await request(base, { method: 'post', json: {}, signal });
    return cart.id;
  }

  async function postLine(id: string, input: AddLineInput, key: string, signal: AbortSignal): Promise<Cart> {
    return request(`${cartUrl(id)}/lines`, {
      method: 'post',
      json: { productId: input.productId, variantId: input.variantId, quantity: input.quantity },
      headers: { 'idempotency-key': key },
      signal,
      // Safe to repeat ONLY because the key is the same: the server answers the first result.
      retry: {
        limit: 1,
        methods: ['post'],
        retryOnTimeout: true,
        shouldRetry: ({ error }) =>
          error instanceof HTTPError ? [502, 503, 504].includes(error.response.status) : undefined,
      },
    });
  }

  /** Runs `change` on the current cart; a lost cart (404) is forgotten, and reported. */
  async function onCart(change: (id: string) => Promise<Cart>): Promise<Cart> {
    const cartId = ids.get();
    if (!cartId) throw new VitrineError('cart/not-found', MESSAGES['cart/not-found']!);
    try {
      return await change(cartId);
    } catch (error) {
      if (isNotFound(error)) await refresh();
      throw error;
    }
  }

  /** After a 404 on a line: the cart may be gone (start over) or only the line (reload it). */
  async function refresh(): Promise<void> {
    const id = ids.get();
    if (!id) return;
    try {
      notify(await request(cartUrl(id), { method: 'get' }));
    } catch (error) {
      if (isNotFound(error)) {
        setId(null);
        notify(null);
      }
    }
  }

  return {
    get baseUrl() {
      return base;
    },
    get cartId() {
      return ids.get();
    },
    setPersist(on) {
      ids.setPersist(on);
    },
    async getCart(signal) {
      const cartId = ids.get();
      if (!cartId) return null;
      try {
        return await request(cartUrl(cartId), { method: 'get', signal });
      } catch (error) {
        if (!isNotFound(error)) throw error;
        // The server forgot this cart (expired): start over with none.
        setId(null);
        return null;
      }
    },
    async addLine(input, signal) {
      assertQuantity(input.quantity, 1);
      const key = input.idempotencyKey ?? randomKey();
      const id = ids.get() ?? (await create(signal));
      try {
        return await postLine(id, input, key, signal);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        // The cart expired: a new cart, and the same add (a new cart cannot hold it already).
        setId(null);
        return postLine(await create(signal), input, key, signal);
      }
    },
    async updateLine(lineId, quantity, signal) {
      assertQuantity(quantity, 0);
      return onCart((id) =>
        request(`${cartUrl(id)}/lines/${pathSegment(lineId)}`, {
          method: 'patch',
          json: { quantity },
          signal,
        }),
      );
    },
    removeLine(lineId, signal) {
      return onCart((id) => request(`${cartUrl(id)}/lines/${pathSegment(lineId)}`, { method: 'delete', signal }));
    },
    async applyDiscount(code, signal) {
      // A code may come before the first product (the host announces it): it starts the cart.
      if (!ids.get()) await create(signal);
      return onCart((id) => request(`${cartUrl(id)}/discounts`, { method: 'post', json: { code }, signal }));
    },
    removeDiscount(code, signal) {
      return onCart((id) => request(`${cartUrl(id)}/discounts/${encodeURIComponent(code)}`, { method: 'delete', signal }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
