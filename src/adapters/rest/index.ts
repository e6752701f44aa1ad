/**
 * REST adapters: the show document + live events (docs/show-document.md and docs/live-events.md) and the
 * cart protocol (section 5).
 */
export { createRestShow } from './show.js';
export type { RestShowOptions } from './show.js';
export { createRestCart } from './cart.js';
export type { RestCartOptions, RestCartAdapter } from './cart.js';
export { createSseEvents } from '../sse/index.js';
export type { SseOptions } from '../sse/index.js';
export { createRestInteractions } from './interactions.js';
export type { RestInteractionsOptions } from './interactions.js';
export { createRestVote } from './votes.js';
export type { RestVoteOptions } from './votes.js';
