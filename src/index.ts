/**
 * The npm entry: what integrators build on, and nothing else. Importing it defines nothing;
 * import `vitrine/define` (or each `vitrine/components/*\/define`) for that.
 *
 * - the element classes (and the base class they share), with the types of their properties;
 * - the adapters that ship with the SDK and their options (also under `vitrine/adapters/*`);
 * - the data types of the show, products, cart and live events, and the adapter interfaces
 *   (docs/adapters.md), with the parsers that turn untrusted JSON into them;
 * - money helpers, the `vitrine-*` event types, and `VitrineError` with its closed set of codes.
 *
 * The store, the cart service, the show's wiring, the pin scheduler, the engine loader and the
 * SSE parser are internal: they change with the code. etc/vitrine.api.md is the report of this
 * API; `npm test` fails when it differs, and `npm run api` updates it.
 */
export type * from './core/types.js';
export type { VitrineAddToCartDetail, VitrineEventMap, VitrineEventName } from './core/events.js';
export { VitrineError, ERROR_CODES, isAbortError } from './core/errors.js';
export type { VitrineErrorCode, VitrineErrorDetail } from './core/errors.js';
export { parseShow, parseProduct, parseProducts, parseCart, safeUrl, LIMITS } from './core/parse.js';
export { parseShowEvent } from './core/parse-event.js';
export type { ParseResult, ParseIssue } from './core/parse.js';
export { formatMoney, multiply, sum, subtract, compare, discountPercent, currencyDigits, money } from './core/money.js';
export { VitrineElement } from './components/base.js';
export { VitrineProductCard } from './components/product-card/product-card.js';
export { VitrineProductDetail } from './components/product-detail/product-detail.js';
export { VitrineCarousel } from './components/carousel/carousel.js';
export type { CardContext, CardRenderer } from './components/carousel/carousel.js';
export { VitrineCart } from './components/cart/cart.js';
export { VitrinePlayer } from './components/player/player.js';
export type { EngineCaption } from './engine/types.js';
export { VitrineShow } from './components/show/show.js';
export type { ShowSnapshot } from './components/show/show.js';
export { createMemoryCart } from './adapters/memory/index.js';
export type { MemoryCartOptions } from './adapters/memory/index.js';
export { createRestShow, createRestCart } from './adapters/rest/index.js';
export type { RestShowOptions, RestCartOptions, RestCartAdapter } from './adapters/rest/index.js';
export { createSseEvents } from './adapters/sse/index.js';
export type { SseOptions, SseEvents } from './adapters/sse/index.js';
// Shopify adapters: `vitrine/adapters/shopify` (npm) or `dist/cdn/adapters/shopify.js` (script tag),
// kept out of this entry so storefronts that do not use Shopify do not download them.
// Chat and reactions (issue 15): types here; the values (the element, its model, parsers and adapters) are in
// `vitrine/interactions` (src/interactions.ts), kept out of this entry while the CDN bundle re-exports it, so the
// storefront's first view does not download the chat. `vitrine/define` defines <vitrine-chat> lazily.
export type { VitrineChat } from './components/chat/chat.js';
export type { ChatEntry, ChatState, ChatModelOptions, ChatListener, ChatModel } from './core/chat.js';
export type { InteractionResult } from './core/parse-interactions.js';
export type { RestInteractionsOptions } from './adapters/rest/interactions.js';
export type { MemoryInteractions, MemoryInteractionsOptions } from './adapters/memory/interactions.js';
