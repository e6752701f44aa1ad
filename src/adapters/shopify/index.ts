/**
 * Shopify Storefront API adapters: the cart (`cartCreate`, `cartLinesAdd`, `cartLinesUpdate`,
 * `cartLinesRemove`, `cart`, checkout at `checkoutUrl`) and the catalog (products by id).
 */
export { createShopifyCart, fromShopifyCart } from './cart.js';
export type { ShopifyCartOptions, ShopifyCartAdapter } from './cart.js';
export { createShopifyCatalog, fromShopifyProduct } from './catalog.js';
export type { ShopifyCatalogOptions } from './catalog.js';
export { endpoint, gid, DEFAULT_API_VERSION } from './client.js';
export type { ShopifyOptions } from './client.js';
export { DOCUMENTS } from './documents.js';
