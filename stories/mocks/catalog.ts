/** A mock `CatalogAdapter` (hydration of shows that list products by id) with latency and failure. */
import { VitrineError } from '../../src/core/errors.js';
import type { CatalogAdapter, Product } from '../../src/core/types.js';
import { wait } from './latency.js';

export interface MockCatalogOptions {
  products: readonly Product[];
  /** @default 300 */
  latency?: number;
  /** `server-error`: every request fails like a 500. */
  failure?: 'none' | 'server-error';
}

export function createMockCatalog(options: MockCatalogOptions): CatalogAdapter {
  const byId = new Map(options.products.map((p) => [p.id, p]));
  return {
    async getProducts(ids, signal) {
      await wait(options.latency ?? 300, signal);
      if (options.failure === 'server-error') {
        throw new VitrineError('show/unavailable', 'The catalog answered 500 Internal Server Error.');
      }
      return ids.map((id) => byId.get(id)).filter((p): p is Product => !!p);
    },
  };
}
