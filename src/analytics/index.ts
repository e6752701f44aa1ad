/**
 * `vitrine/analytics`: Vitrine's `vitrine-*` events as Google Analytics 4 recommended events on a
 * `dataLayer` (Google Tag Manager or gtag.js). The mapping, and the same for Segment's e-commerce
 * spec, is in docs/analytics.md. Importing this module does nothing; `connectDataLayer()` listens.
 */
import { multiply, sum } from '../core/money.js';
import type { Cart, CartLine, Money, Product, Show, Variant } from '../core/types.js';
import type { VitrineEventMap } from '../core/events.js';

/** An item in GA4's shape (https://developers.google.com/analytics/devguides/collection/ga4/ecommerce). */
export interface Ga4Item {
  item_id: string;
  item_name: string;
  item_variant?: string;
  /** The unit price, as a number (GA4 takes numbers; Vitrine's money is a decimal string). */
  price: number;
  currency: string;
  quantity: number;
  item_list_id?: string;
  item_list_name?: string;
  index?: number;
  coupon?: string;
}

/** What `connectDataLayer()` pushes: `{ event, ecommerce }` for e-commerce, flat parameters for video. */
export type DataLayerEntry = Record<string, unknown>;

/** Anything with `push`: `window.dataLayer`, or an array in tests. */
export interface DataLayerLike {
  push(...entries: DataLayerEntry[]): unknown;
}

export interface DataLayerOptions {
  /**
   * Where to push. The page's `window.dataLayer` when it has one; Vitrine never creates it.
   * @default window.dataLayer
   */
  dataLayer?: DataLayerLike;
  /**
   * Push `{ ecommerce: null }` before each e-commerce event, as Google recommends for GTM, so
   * one event's items do not leak into the next.
   * @default true
   */
  clearEcommerce?: boolean;
  /**
   * In a live show (no percentages), push `video_progress` every this many seconds watched.
   * Replays push at 25, 50 and 75 % and `video_complete` at 100 %.
   * @default 60
   */
  liveProgressInterval?: number;
}

const amount = (money: Money): number => Number(money.amount);

/** A product (and the variant chosen) as a GA4 item. */
export function ga4Item(product: Product, variant?: Variant, quantity = 1): Ga4Item {
  const price = variant?.price ?? product.price;
  const chosen = variant ?? (product.variants.length === 1 ? product.variants[0] : undefined);
  return {
    item_id: product.id,
    item_name: product.title,
    ...(chosen && chosen.id !== product.id && chosen.title ? { item_variant: chosen.title } : {}),
    price: amount(price),
    currency: price.currencyCode,
    quantity,
  };
}

/** A cart line as a GA4 item. */
export function ga4CartItem(line: CartLine): Ga4Item {
  return {
    item_id: line.productId,
    item_name: line.title,
    ...(line.variantTitle ? { item_variant: line.variantTitle } : {}),
    price: amount(line.unitPrice),
    currency: line.unitPrice.currencyCode,
    quantity: line.quantity,
  };
}

function cartValue(cart: Cart): Money {
  return cart.total ?? cart.subtotal ?? sum(cart.lines.map((line) => line.total));
}

type Handler<K extends keyof VitrineEventMap> = (detail: VitrineEventMap[K], event: CustomEvent<VitrineEventMap[K]>) => void;

/**
 * Listens to a Vitrine element's events and pushes GA4's recommended events to the data layer:
 * `view_item_list` (the show's products, on `vitrine-ready`), `view_item`, `select_item`,
 * `add_to_cart`, `begin_checkout`, `share`, and the video events `video_start`,
 * `video_progress`, `video_complete`. Returns a function that stops listening.
 *
 * @example
 * import { connectDataLayer } from 'vitrine/analytics';
 * const disconnect = connectDataLayer(document.querySelector('vitrine-show')!, { dataLayer: window.dataLayer });
 */
export function connectDataLayer(element: EventTarget, options: DataLayerOptions = {}): () => void {
  const dataLayer = options.dataLayer ?? (globalThis as { dataLayer?: DataLayerLike }).dataLayer;
  if (!dataLayer || typeof dataLayer.push !== 'function') {
    throw new TypeError('connectDataLayer: no data layer (pass { dataLayer }, or load Google Tag Manager / gtag.js first)');
  }
  const clear = options.clearEcommerce ?? true;
  const liveInterval = Math.max(1, options.liveProgressInterval ?? 60);
  let show: Show | undefined;
  let started = false;
  let liveReported = 0;

  const list = () => (show ? { item_list_id: show.id, item_list_name: show.title } : {});
  const ecommerce = (event: string, data: Record<string, unknown>) => {
    if (clear) dataLayer.push({ ecommerce: null });
    dataLayer.push({ event, ecommerce: data });
  };
  const video = (event: string, data: Record<string, unknown>) =>
    dataLayer.push({
      event,
      video_provider: 'vitrine',
      video_title: show?.title ?? '',
      video_url: globalThis.location?.href ?? '',
      ...data,
    });

  const handlers: { [K in keyof VitrineEventMap]?: Handler<K> } = {
    'vitrine-ready': ({ show: loaded }) => {
      if (show?.id !== loaded.id) {
        started = false;
        liveReported = 0;
      }
      show = loaded;
      if (!loaded.products.length) return;
      ecommerce('view_item_list', {
        ...list(),
        items: loaded.products.map((product, index) => ({ ...ga4Item(product), ...list(), index })),
      });
    },
    'vitrine-product-view': ({ product }) => {
      const item = ga4Item(product);
      ecommerce('view_item', { currency: item.currency, value: item.price, items: [item] });
    },
    'vitrine-product-click': ({ product, source }) => {
      const index = show?.products.findIndex((p) => p.id === product.id) ?? -1;
      ecommerce('select_item', {
        ...list(),
        items: [{ ...ga4Item(product), ...list(), ...(index >= 0 ? { index } : {}) }],
        vitrine_source: source,
      });
    },
    'vitrine-add-to-cart': ({ product, variant, quantity }) => {
      const item = ga4Item(product, variant, quantity);
      ecommerce('add_to_cart', { currency: item.currency, value: amount(multiply(variant.price, quantity)), items: [item] });
    },
    'vitrine-checkout': ({ cart }) => {
      if (!cart || !cart.lines.length) return;
      const value = cartValue(cart);
      const coupon = cart.discounts?.map((d) => d.code).join(',');
      ecommerce('begin_checkout', {
        currency: value.currencyCode,
        value: amount(value),
        ...(coupon ? { coupon } : {}),
        items: cart.lines.map(ga4CartItem),
      });
    },
    'vitrine-play': ({ at }) => {
      if (started) return;
      started = true;
      video('video_start', { video_current_time: Math.round(at), visible: true });
    },
    'vitrine-progress': ({ watched, at, percent }) => {
      if (percent === 100) {
        video('video_complete', { video_current_time: Math.round(at), video_percent: 100, visible: true });
      } else if (percent !== undefined) {
        video('video_progress', { video_current_time: Math.round(at), video_percent: percent, visible: true });
      } else if (watched >= (liveReported + 1) * liveInterval) {
        liveReported = Math.floor(watched / liveInterval);
        video('video_progress', { video_current_time: Math.round(at), video_watched: Math.round(watched), visible: true });
      }
    },
    'vitrine-share': ({ url }) => {
      dataLayer.push({ event: 'share', method: 'vitrine', content_type: 'video', item_id: show?.id ?? url });
    },
  };

  const listeners = Object.entries(handlers).map(([name, handler]) => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent).detail;
      if (!detail) return;
      try {
        (handler as (d: unknown, e: Event) => void)(detail, event);
      } catch {
        // Analytics must never break the show: a malformed detail is skipped.
      }
    };
    element.addEventListener(name, listener);
    return [name, listener] as const;
  });
  return () => {
    for (const [name, listener] of listeners) element.removeEventListener(name, listener);
  };
}
