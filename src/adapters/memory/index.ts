/**
 * In-page adapters kept in memory: the cart (the default when `<vitrine-show>` has no `cart`
 * attribute) and the interactions (chat, reactions, votes) of a demo or a test. Each is its own
 * module, so the show's lazy cart chunk does not carry the chat's parser.
 */
export { createMemoryCart } from './cart.js';
export type { MemoryCartOptions, MemoryDiscount } from './cart.js';
export { createMemoryInteractions } from './interactions.js';
export type { MemoryInteractions, MemoryInteractionsOptions } from './interactions.js';
