/**
 * A mock `CartAdapter` for stories: the in-memory cart (`createMemoryCart`) behind a simulated
 * network, with controls for latency and failures, and lines to start with.
 */
import { createMemoryCart } from '../../src/adapters/memory/index.js';
import { VitrineError } from '../../src/core/errors.js';
import type { CartAdapter, Product } from '../../src/core/types.js';
import { wait } from './latency.js';

/**
 * - `none`: works like a real cart;
 * - `out-of-stock`: every add and quantity change is refused (409 `out_of_stock`);
 * - `server-error`: every request fails like a 500;
 * - `offline`: every request fails like a network error.
 */
export type CartFailure = 'none' | 'out-of-stock' | 'server-error' | 'offline';
export const CART_FAILURES: CartFailure[] = ['none', 'out-of-stock', 'server-error', 'offline'];

export interface MockCartOptions {
  products: readonly Product[];
  /** Milliseconds each request takes; `Infinity`: never answers. @default 400 */
  latency?: number;
  failure?: CartFailure;
  /** Lines already in the cart: product id, optional variant id (default: the first available), quantity. */
  lines?: { productId: string; variantId?: string; quantity?: number }[];
  /** @default 'https://shop.example.com/checkout' */
  checkoutUrl?: string;
}

function failure(kind: CartFailure): VitrineError | undefined {
  switch (kind) {
    case 'out-of-stock':
      return new VitrineError('cart/out-of-stock', 'Only 1 left.');
    case 'server-error':
      return new VitrineError('cart/unavailable', 'The cart service answered 500 Internal Server Error.');
    case 'offline':
      return new VitrineError('cart/unavailable', 'Failed to fetch: the network is unreachable.');
    default:
      return undefined;
  }
}

/** Resolves once the starting lines are in. */
export async function createMockCart(options: MockCartOptions): Promise<CartAdapter> {
  const byId = new Map(options.products.map((p) => [p.id, p]));
  const memory = createMemoryCart({
    lookup: (id) => byId.get(id),
    checkoutUrl: options.checkoutUrl ?? 'https://shop.example.com/checkout',
    currencyCode: options.products[0]?.price.currencyCode ?? 'EUR',
  });
  const setup = new AbortController().signal;
  for (const line of options.lines ?? []) {
    const product = byId.get(line.productId);
    const variant = product?.variants.find((v) => v.id === line.variantId) ?? product?.variants.find((v) => v.available);
    if (!product || !variant) throw new Error(`mock cart: no available variant of ${line.productId}`);
    await memory.addLine({ productId: product.id, variantId: variant.id, quantity: line.quantity ?? 1 }, setup);
  }
  const latency = options.latency ?? 400;
  const kind = options.failure ?? 'none';
  const network = async (signal: AbortSignal, { canFail = true } = {}) => {
    await wait(latency, signal);
    const error = canFail ? failure(kind) : undefined;
    if (error) throw error;
  };
  return {
    async getCart(signal) {
      await wait(Math.min(latency, 300), signal);
      return memory.getCart(signal);
    },
    async addLine(input, signal) {
      await network(signal);
      return memory.addLine(input, signal);
    },
    async updateLine(lineId, quantity, signal) {
      await network(signal);
      return memory.updateLine(lineId, quantity, signal);
    },
    async removeLine(lineId, signal) {
      await network(signal, { canFail: kind !== 'out-of-stock' });
      return memory.removeLine(lineId, signal);
    },
  };
}
