/**
 * The `detail` of every `vitrine-*` event (README.md, "Events"), declared once
 * and registered in `GlobalEventHandlersEventMap` so `addEventListener` is typed.
 */
import type { VitrineErrorDetail } from './errors.js';
import type { Cart, Deal, Poll, Product, Show, ShowStatus, Variant } from './types.js';

export interface VitrineAddToCartDetail {
  product: Product;
  variant: Variant;
  quantity: number;
  /**
   * For a merchant who cancels the event (`preventDefault()`) and adds to their own
   * cart: pass the promise of that work, and the SDK shows the button pending until it
   * settles, then the confirmation, or the rejection's message where the shopper
   * clicked. Resolve with a `Cart` to show it in the cart. (Additive to the contract.)
   */
  respondWith(work: Promise<Cart | void | null | undefined>): void;
}

export interface VitrineEventMap {
  'vitrine-ready': { show: Show };
  'vitrine-status': { status: ShowStatus };
  'vitrine-highlight': { product: Product; at: number };
  'vitrine-product-view': { product: Product };
  'vitrine-add-to-cart': VitrineAddToCartDetail;
  'vitrine-cart-change': { cart: Cart | null };
  'vitrine-checkout': { cart: Cart | null; url: string };
  'vitrine-error': VitrineErrorDetail;
  'vitrine-chat-send': { text: string; name: string };
  'vitrine-reaction': { type: string };
  'vitrine-vote': { poll: Poll; optionId: string };
  'vitrine-coupon': { code: string; action: 'copy' | 'apply' };
  'vitrine-deal': { deal: Deal; product: Product };
  'vitrine-play': { at: number };
  'vitrine-pause': { at: number };
  'vitrine-progress': { watched: number; at: number; percent?: 25 | 50 | 75 | 100 };
  'vitrine-product-click': { product: Product; source: 'pinned' | 'rail' | 'chat' | 'stage' };
  'vitrine-share': { url: string };
}

export type VitrineEventName = keyof VitrineEventMap;

/** Events whose default action the merchant may take over with `preventDefault()`. */
export const CANCELABLE_EVENTS: ReadonlySet<VitrineEventName> = new Set([
  'vitrine-add-to-cart',
  'vitrine-checkout',
  'vitrine-chat-send',
]);

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-ready': CustomEvent<VitrineEventMap['vitrine-ready']>;
    'vitrine-status': CustomEvent<VitrineEventMap['vitrine-status']>;
    'vitrine-highlight': CustomEvent<VitrineEventMap['vitrine-highlight']>;
    'vitrine-product-view': CustomEvent<VitrineEventMap['vitrine-product-view']>;
    'vitrine-add-to-cart': CustomEvent<VitrineEventMap['vitrine-add-to-cart']>;
    'vitrine-cart-change': CustomEvent<VitrineEventMap['vitrine-cart-change']>;
    'vitrine-checkout': CustomEvent<VitrineEventMap['vitrine-checkout']>;
    'vitrine-error': CustomEvent<VitrineEventMap['vitrine-error']>;
    'vitrine-chat-send': CustomEvent<VitrineEventMap['vitrine-chat-send']>;
    'vitrine-reaction': CustomEvent<VitrineEventMap['vitrine-reaction']>;
    'vitrine-vote': CustomEvent<VitrineEventMap['vitrine-vote']>;
    'vitrine-coupon': CustomEvent<VitrineEventMap['vitrine-coupon']>;
    'vitrine-deal': CustomEvent<VitrineEventMap['vitrine-deal']>;
    'vitrine-play': CustomEvent<VitrineEventMap['vitrine-play']>;
    'vitrine-pause': CustomEvent<VitrineEventMap['vitrine-pause']>;
    'vitrine-progress': CustomEvent<VitrineEventMap['vitrine-progress']>;
    'vitrine-product-click': CustomEvent<VitrineEventMap['vitrine-product-click']>;
    'vitrine-share': CustomEvent<VitrineEventMap['vitrine-share']>;
  }
}
