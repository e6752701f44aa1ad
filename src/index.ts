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
export { CartService } from './core/cart-service.js';
export type { AddOutcome } from './core/cart-service.js';
export { VitrineElement } from './components/base.js';
export { createMemoryCart } from './adapters/memory/index.js';
export type { MemoryCartOptions } from './adapters/memory/index.js';
export type * from './engine/types.js';
