/**
 * REST adapters: the show document + live events (CONTRACT.md sections 4 and 6) and the
 * cart protocol (section 5).
 */
export { createRestShow } from './show.js';
export type { RestShowOptions } from './show.js';
export { createRestCart } from './cart.js';
export type { RestCartOptions, RestCartAdapter } from './cart.js';
export { createSseEvents } from '../sse/index.js';
export type { SseOptions } from '../sse/index.js';
export { createRestVote } from './votes.js';
export type { RestVoteOptions } from './votes.js';
