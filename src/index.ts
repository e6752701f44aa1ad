/**
 * The npm entry: element classes, adapters and types. Importing it defines
 * nothing; import `vitrine/define` (or each `vitrine/components/*\/define`) for that.
 */
export type * from './core/types.js';
export type * from './core/events.js';
export { VitrineError, ERROR_CODES, isAbortError } from './core/errors.js';
export type { VitrineErrorCode, VitrineErrorDetail } from './core/errors.js';
export { parseShow, parseProduct, parseProducts, parseCart, parseShowEvent, safeUrl, LIMITS } from './core/parse.js';
export type { ParseResult, ParseIssue } from './core/parse.js';
export { formatMoney, multiply, sum, subtract, compare, discountPercent, currencyDigits, money } from './core/money.js';
export { ShowStore, initialState } from './core/store.js';
export type { ShowState, StoreEvents, Highlight } from './core/store.js';
export { CartService, withAttribution } from './core/cart-service.js';
export type { AddOutcome, Attribution, CartServiceOptions, CheckoutOutcome } from './core/cart-service.js';
export { registerMessages, loadLocale } from './core/i18n.js';
export type { LocaleMessages, Text, PluralText, PluralCategory } from './core/i18n.js';
export { VitrineElement } from './components/base.js';
export { VitrineProductCard } from './components/product-card/product-card.js';
export { VitrineProductDetail } from './components/product-detail/product-detail.js';
export { VariantPicker } from './components/product-detail/variants.js';
export { VitrineCarousel } from './components/carousel/carousel.js';
export type { CardContext, CardRenderer } from './components/carousel/carousel.js';
export { VitrineCart } from './components/cart/cart.js';
export { StoreController } from './components/shared/store-controller.js';
export { LocaleController } from './components/shared/locale-controller.js';
export { createMemoryCart } from './adapters/memory/index.js';
export type { MemoryCartOptions } from './adapters/memory/index.js';
export type * from './engine/types.js';
export { VitrinePlayer, HIGHLIGHT_CLASS } from './components/player/player.js';
export { PinScheduler } from './engine/pins.js';
export type { Pin, PinSchedulerOptions } from './engine/pins.js';
export { loadEngine, prefetchEngine } from './engine/load.js';
export { VitrineShow } from './components/show/show.js';
export type { ShowSnapshot } from './components/show/show.js';
export { ShowController } from './core/show-controller.js';
export type { ShowControllerOptions, HighlightEvent } from './core/show-controller.js';
export { buildIcs } from './core/calendar.js';
export type { CalendarEvent } from './core/calendar.js';
export { createCartIdStore } from './core/cart-id-store.js';
export type { CartIdStore } from './core/cart-id-store.js';
export { createRestShow, createRestCart } from './adapters/rest/index.js';
export type { RestShowOptions, RestCartOptions, RestCartAdapter } from './adapters/rest/index.js';
export { createSseEvents, createSseParser } from './adapters/sse/index.js';
export type { SseOptions, SseEvents, RawSseEvent } from './adapters/sse/index.js';
// Shopify adapters: `vitrine/adapters/shopify` (npm) or `dist/cdn/adapters/shopify.js` (script tag),
// kept out of this entry so storefronts that do not use Shopify do not download them.
