/** The rail's types, and the sizes and constants it lays its cards out with (src/components/carousel/carousel.ts). */
import type { TemplateResult } from 'lit';
import type { ShowStore } from '../../core/store.js';
import type { Deal, Product } from '../../core/types.js';

/** What a custom card renderer receives besides the product. */
export interface CardContext {
  pinned: boolean;
  /** In a replay: the media time (seconds) the product was shown at. */
  shownAt: number | undefined;
  store: ShowStore;
  index: number;
  /** A flash deal running on the product (`<vitrine-show>`'s `deals`). */
  deal?: Deal | undefined;
}

/** Renders one card: a Lit template, a DOM node, or anything Lit can render. */
export type CardRenderer = (product: Product, context: CardContext) => TemplateResult | Node | unknown;

/**
 * Set when a rail of the page first rendered: the one-off costs of the first rail (its and the
 * cards' styles and templates) are paid, and its warm-up (warm-up.ts) has nothing left to do.
 */
export const firstRail = { rendered: false };

/** Cards rendered beyond each edge of the viewport (added after the first paint, in an idle moment). */
export const OVERSCAN = 4;
/** The card stride assumed before the first measurement: the default card width (200px) + gap (12px). */
export const DEFAULT_STRIDE = 212;

/**
 * How many cards of `stride` px can be visible before anything is laid out: the rail is never wider
 * than the viewport, so the viewport's width over the stride (a phone: 2, a laptop: 7).
 */
export const countInView = (stride: number) => Math.max(2, Math.ceil((globalThis.innerWidth || 1280) / stride));

/** A length in CSS pixels (`200px`); undefined for any other unit or expression. */
export const pixels = (value: string): number | undefined => (/^\s*[\d.]+px\s*$/.test(value) ? parseFloat(value) : undefined);

/** Sizes read where layout is already done (a ResizeObserver callback), applied in the next frame. */
export interface Sizes {
  /** Width of one card plus the gap, in px; 0 when no card is laid out. */
  stride: number;
  gap: number;
  /** The rail's scroll position (absolute: RTL scrolls negative), visible width and scroll width. */
  position: number;
  width: number;
  scrollWidth: number;
  /** The track's height: the row's, as tall as its tallest rendered card. */
  rowHeight: number;
}

/** After the shopper scrolled, the pinned product does not pull the rail for this long (ms). */
export const USER_SCROLL_GRACE = 4000;

export const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
