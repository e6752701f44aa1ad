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
export { parseShow, parseProduct, parseProducts, safeUrl, LIMITS } from './core/parse.js';
export { parseCart } from './core/parse-cart.js';
export { parseShowEvent } from './core/parse-event.js';
export type { ParseResult, ParseIssue } from './core/parse.js';
export { formatMoney, multiply, sum, subtract, compare, discountPercent, currencyDigits, money } from './core/money.js';
export { registerMessages, loadLocale } from './core/i18n.js';
export type { LocaleMessages, Text, PluralText, PluralCategory } from './core/i18n.js';
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
// Chat and reactions (docs/interactions.md): the <vitrine-chat> class (importing it defines nothing; `vitrine/define`
// defines the tag, lazily), the framework-free `ChatModel` it renders, the parsers of chat data and the REST and
// in-memory interaction adapters. The storefront's script tag does not re-export this entry, so none of it is in a
// show's first view: <vitrine-show> loads the chat's code only for a show that has a chat.
export { VitrineChat } from './components/chat/chat.js';
export { loadChat } from './components/chat/load.js';
export { ChatModel } from './core/chat.js';
export type { ChatEntry, ChatState, ChatModelOptions, ChatListener } from './core/chat.js';
export { parseChatMessage, parseChatHistory, parseInteractionEvent, cleanChatText, chatTextProblem, CHAT_LIMITS } from './core/parse-interactions.js';
export type { InteractionResult } from './core/parse-interactions.js';
export { createRestInteractions, retryAfterSeconds } from './adapters/rest/interactions.js';
export type { RestInteractionsOptions } from './adapters/rest/interactions.js';
export { createMemoryInteractions } from './adapters/memory/interactions.js';
export type { MemoryInteractions, MemoryInteractionsOptions } from './adapters/memory/interactions.js';
// Live moments (flash deals, announcements and codes, polls: docs/moments.md): `<vitrine-show>` runs them by
// itself. The server's clock is here for a stream adapter of your own (its `fetch` feeds the countdowns); the
// elements are defined lazily by `vitrine/define` (types here), the model comes with them.
export { createServerClock, clockedFetch } from './core/server-clock.js';
export type { ServerClock, ServerClockOptions } from './core/server-clock.js';
export type { Moments, MomentsState, MomentsOptions, VoteState } from './core/moments.js';
export type { VitrineDealPrice } from './components/moments/deal-price.js';
export type { VitrineAnnouncement } from './components/moments/announcement.js';
export type { VitrinePoll } from './components/moments/poll.js';
