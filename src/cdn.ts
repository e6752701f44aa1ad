/**
 * The storefront bundle (`dist/cdn/vitrine.js`): defines every element and
 * re-exports the npm API. The video engine stays a lazy chunk.
 */
import './define.js';

export * from './index.js';
