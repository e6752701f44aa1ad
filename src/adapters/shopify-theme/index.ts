/**
 * The Shopify theme's own cart, on the AJAX Cart API that every Online Store theme serves on the
 * shop's origin, so the theme's cart drawer and Vitrine show one cart (README "The Shopify theme's
 * own cart"):
 *
 * | adapter | request |
 * | --- | --- |
 * | `getCart` | `GET {root}cart.js` |
 * | `addLine` | `POST {root}cart/add.js` `{ items: [{ id: variantId, quantity }] }`, then `GET cart.js` |
 * | `updateLine`, `removeLine` | `POST {root}cart/change.js` `{ id: lineKey, quantity }` |
 * | `applyDiscount`, `removeDiscount` | `POST {root}cart/update.js` `{ discount: "A,B" }` (the whole set) |
 *
 * Money in the AJAX API is in the currency's subunit (cents), also for currencies without one;
 * it becomes Vitrine's decimal strings. `subscribe` re-reads the cart when the page regains focus
 * or visibility, and on the cart events themes dispatch on `document` (THEME_CART_EVENTS).
 */
import ky, { HTTPError } from 'ky';
import { VitrineError, type VitrineErrorCode } from '../../core/errors.js';
import { currencyDigits } from '../../core/money.js';
import type { AddLineInput, Cart, CartAdapter, CartLine, Money } from '../../core/types.js';
import { toVitrineError, type ServerError } from '../rest/http.js';

/**
 * Events that themes dispatch on `document` when their cart changed; `subscribe` re-reads the
 * cart on each. `cart:updated`, `cart:refresh` and `cart:change` are the names common themes and
 * cart apps use; `shopify:cart:*` are Shopify's storefront events. Add a theme's own with `events`.
 */
export const THEME_CART_EVENTS = [
  'cart:updated',
  'cart:refresh',
  'cart:change',
  'shopify:cart:lines-update',
  'shopify:cart:discount-update',
] as const;

export interface ShopifyThemeCartOptions {
  /**
   * The shop's routes root (`window.Shopify.routes.root`: `/`, or `/fr/` on a localized URL).
   * @default '/'
   */
  root?: string;
  /** More `document` events after which the theme's cart is re-read. @default [] */
  events?: string[];
  /**
   * After Vitrine changed the cart, dispatch this event on `document` so the theme's drawer and
   * cart count refresh (themes differ: pick the one yours listens to), or `null` for none.
   * @default 'cart:refresh'
   */
  notifyEvent?: string | null;
  /** Time allowed for one request, in milliseconds. @default 10000 */
  timeout?: number;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The AJAX API's cart (`/cart.js`), the fields Vitrine reads. */
interface AjaxCart {
  token?: string;
  currency?: string;
  item_count?: number;
  items_subtotal_price?: number;
  total_price?: number;
  items?: AjaxItem[];
  discount_codes?: { code: string; applicable: boolean }[];
  cart_level_discount_applications?: { type?: string; title?: string; key?: string; total_allocated_amount?: number }[];
}

interface AjaxItem {
  key: string;
  product_id: number | string;
  variant_id: number | string;
  product_title?: string;
  title?: string;
  variant_title?: string | null;
  product_has_only_default_variant?: boolean;
  quantity: number;
  final_price?: number;
  price?: number;
  final_line_price?: number;
  line_price?: number;
  featured_image?: { url?: string | null } | null;
  image?: string | null;
}

/** The numeric id Shopify's AJAX API wants, from `123` or `gid://shopify/ProductVariant/123`. */
export function numericId(id: string | number): string {
  const text = String(id);
  return /(\d+)(?:\?.*)?$/.exec(text)?.[1] ?? text;
}

function subunits(value: number | undefined, currencyCode: string): Money {
  const digits = currencyDigits(currencyCode);
  const amount = (Number.isFinite(value) ? (value as number) : 0) / 100;
  return { amount: amount.toFixed(digits), currencyCode };
}

const https = (url: string | null | undefined): string | undefined => {
  if (!url) return undefined;
  const absolute = url.startsWith('//') ? `https:${url}` : url;
  return /^https?:\/\//.test(absolute) ? absolute : undefined;
};

/** A `/cart.js` answer as a Vitrine `Cart`. */
export function toCart(ajax: AjaxCart, checkoutUrl: string): Cart {
  const currency = ajax.currency ?? 'USD';
  const lines: CartLine[] = (ajax.items ?? []).map((item) => {
    const line: CartLine = {
      id: item.key,
      productId: String(item.product_id),
      variantId: String(item.variant_id),
      title: item.product_title ?? item.title ?? '',
      quantity: item.quantity,
      unitPrice: subunits(item.final_price ?? item.price, currency),
      total: subunits(item.final_line_price ?? item.line_price, currency),
    };
    if (item.variant_title && !item.product_has_only_default_variant) line.variantTitle = item.variant_title;
    const image = https(item.featured_image?.url ?? item.image);
    if (image) line.image = image;
    return line;
  });
  const cart: Cart = {
    id: ajax.token ?? 'shopify-theme-cart',
    lines,
    subtotal: subunits(ajax.items_subtotal_price, currency),
    totalQuantity: ajax.item_count ?? lines.reduce((n, l) => n + l.quantity, 0),
    checkoutUrl,
  };
  const codes = (ajax.discount_codes ?? []).filter((d) => d.applicable);
  if (codes.length) {
    cart.discounts = codes.map(({ code }) => {
      const application = ajax.cart_level_discount_applications?.find(
        (a) => a.type === 'discount_code' && (a.title === code || a.key === code),
      );
      return { code, amount: subunits(application?.total_allocated_amount ?? 0, currency) };
    });
  }
  if (ajax.total_price !== undefined) cart.total = subunits(ajax.total_price, currency);
  return cart;
}

const STATUS_CODES = (status: number, _server: ServerError): VitrineErrorCode | undefined => {
  if (status === 422) return 'cart/out-of-stock'; // "All 5 Red Beanie are in your cart."
  if (status === 404) return 'cart/not-found';
  if (status === 400) return 'cart/invalid'; // e.g. a line key that is no longer in the cart
  return undefined;
};

/**
 * @example
 * import { createShopifyThemeCart } from 'vitrine/adapters/shopify-theme';
 * document.querySelector('vitrine-show').cart = createShopifyThemeCart({ root: window.Shopify?.routes?.root });
 */
export function createShopifyThemeCart(options: ShopifyThemeCartOptions = {}): CartAdapter {
  const root = (options.root ?? '/').replace(/\/*$/, '/');
  const base = new URL(root, globalThis.location?.href ?? 'http://localhost/').href;
  const checkoutUrl = new URL('checkout', new URL('/', base)).href;
  const notify = options.notifyEvent === undefined ? 'cart:refresh' : options.notifyEvent;
  const http = ky.create({
    prefixUrl: base,
    timeout: options.timeout ?? 10_000,
    retry: { limit: 1, methods: ['get'] },
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeError: [
        async (error: HTTPError) => {
          // The AJAX API's errors: `{ status, message, description }`; the description is for shoppers.
          try {
            const body = (await error.response.clone().json()) as { description?: unknown; message?: unknown };
            const text = typeof body.description === 'string' ? body.description : typeof body.message === 'string' ? body.message : '';
            // eslint-disable-next-line no-control-regex
            if (text) error.message = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 300);
          } catch {
            /* not JSON */
          }
          return error;
        },
      ],
    },
  });
  let last: AjaxCart | null = null;
  let dispatching = false;

  const fail = async (error: unknown) => {
    const mapped = await toVitrineError(error, { unavailable: 'cart/unavailable', label: 'shop’s cart' }, STATUS_CODES);
    if (mapped instanceof VitrineError && error instanceof HTTPError && error.message && !error.message.startsWith('Request failed')) {
      return new VitrineError(mapped.code, error.message, { cause: error });
    }
    return mapped;
  };
  const read = async (signal?: AbortSignal): Promise<Cart> => {
    try {
      last = await http.get('cart.js', { signal, cache: 'no-store' }).json<AjaxCart>();
      return toCart(last, checkoutUrl);
    } catch (error) {
      throw await fail(error);
    }
  };
  const write = async (path: string, body: unknown, signal: AbortSignal): Promise<AjaxCart> => {
    try {
      return await http.post(path, { json: body, signal }).json<AjaxCart>();
    } catch (error) {
      throw await fail(error);
    }
  };
  const changed = (cart: Cart): Cart => {
    if (notify && typeof document !== 'undefined') {
      dispatching = true;
      try {
        document.dispatchEvent(new CustomEvent(notify, { bubbles: true, detail: { source: 'vitrine' } }));
      } finally {
        dispatching = false;
      }
    }
    return cart;
  };
  const setCodes = async (codes: string[], signal: AbortSignal) => {
    last = await write('cart/update.js', { discount: codes.join(',') }, signal);
    return last;
  };

  return {
    async getCart(signal) {
      const cart = await read(signal);
      return cart.lines.length || cart.discounts?.length ? cart : null;
    },
    async addLine(input: AddLineInput, signal) {
      await write('cart/add.js', { items: [{ id: Number(numericId(input.variantId)), quantity: input.quantity }] }, signal);
      return changed(await read(signal));
    },
    async updateLine(lineId, quantity, signal) {
      last = await write('cart/change.js', { id: lineId, quantity }, signal);
      return changed(toCart(last, checkoutUrl));
    },
    async removeLine(lineId, signal) {
      last = await write('cart/change.js', { id: lineId, quantity: 0 }, signal);
      return changed(toCart(last, checkoutUrl));
    },
    async applyDiscount(code, signal) {
      const current = (last ?? (await read(signal), last))?.discount_codes?.filter((d) => d.applicable).map((d) => d.code) ?? [];
      const wanted = code.trim();
      const answer = await setCodes([...current.filter((c) => c.toLowerCase() !== wanted.toLowerCase()), wanted], signal);
      const entry = answer.discount_codes?.find((d) => d.code.toLowerCase() === wanted.toLowerCase());
      if (!entry?.applicable) {
        await setCodes(current, signal); // leave no inapplicable code behind in the theme's cart
        throw new VitrineError('cart/invalid-code', `The code ${wanted} does not apply to this cart.`);
      }
      return changed(toCart(answer, checkoutUrl));
    },
    async removeDiscount(code, signal) {
      const current = (last ?? (await read(signal), last))?.discount_codes?.map((d) => d.code) ?? [];
      const answer = await setCodes(current.filter((c) => c.toLowerCase() !== code.toLowerCase()), signal);
      return changed(toCart(answer, checkoutUrl));
    },
    async checkout() {
      return checkoutUrl;
    },
    subscribe(listener) {
      if (typeof document === 'undefined') return () => {};
      let controller: AbortController | undefined;
      const refresh = () => {
        if (dispatching) return; // our own notification
        controller?.abort();
        const current = (controller = new AbortController());
        const before = last ? JSON.stringify(toCart(last, checkoutUrl)) : '';
        read(current.signal).then(
          (cart) => {
            if (JSON.stringify(cart) === before) return; // focus without a change: nothing to tell
            listener(cart.lines.length || cart.discounts?.length ? cart : null);
          },
          () => {
            /* offline or the shop is down: the next focus tries again */
          },
        );
      };
      const onVisibility = () => {
        if (document.visibilityState === 'visible') refresh();
      };
      const names = [...THEME_CART_EVENTS, ...(options.events ?? [])];
      for (const name of names) document.addEventListener(name, refresh);
      document.addEventListener('visibilitychange', onVisibility);
      globalThis.addEventListener?.('focus', refresh);
      return () => {
        controller?.abort();
        for (const name of names) document.removeEventListener(name, refresh);
        document.removeEventListener('visibilitychange', onVisibility);
        globalThis.removeEventListener?.('focus', refresh);
      };
    },
  };
}
