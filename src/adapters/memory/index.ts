/**
 * An in-page cart kept in memory: the default when `<vitrine-show>` has no `cart`
 * attribute. Its checkout is the `checkout-url` it is given.
 */
import { VitrineError } from '../../core/errors.js';
import { money, multiply, sum } from '../../core/money.js';
import { assertQuantity, pageUrl } from '../../core/guards.js';
import type { AddLineInput, Cart, CartAdapter, CartLine, Product } from '../../core/types.js';

export interface MemoryCartOptions {
  /** Finds a product by id (the show's products). */
  lookup: (productId: string) => Product | undefined;
  /** Where checkout goes; a relative URL resolves against the page. */
  checkoutUrl?: string;
  /** Currency of an empty cart's subtotal. @default the first product's, else 'USD' */
  currencyCode?: string;
}

/**
 * @example
 * const cart = createMemoryCart({ lookup: (id) => products.find((p) => p.id === id) });
 * showElement.cart = cart;
 */
export function createMemoryCart(options: MemoryCartOptions): CartAdapter & { readonly cart: Cart | null } {
  let cart: Cart | null = null;
  let nextLine = 1;
  const id = `memory-${Math.random().toString(36).slice(2, 10)}`;

  function build(lines: CartLine[], currencyCode: string): Cart {
    const next: Cart = {
      id,
      lines,
      subtotal: lines.length ? sum(lines.map((l) => l.total)) : money('0', currencyCode),
      totalQuantity: lines.reduce((n, l) => n + l.quantity, 0),
    };
    if (options.checkoutUrl) next.checkoutUrl = pageUrl(options.checkoutUrl)!;
    return next;
  }

  function commit(lines: CartLine[], currencyCode: string): Cart {
    cart = build(lines, currencyCode);
    return cart;
  }

  function currency(): string {
    return cart?.subtotal.currencyCode ?? options.currencyCode ?? 'USD';
  }

  function checkSignal(signal: AbortSignal): void {
    if (signal.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
  }

  return {
    get cart() {
      return cart;
    },
    async getCart(signal) {
      checkSignal(signal);
      return cart;
    },
    async addLine(input: AddLineInput, signal) {
      checkSignal(signal);
      assertQuantity(input.quantity, 1);
      const product = options.lookup(input.productId);
      const variant = product?.variants.find((v) => v.id === input.variantId);
      if (!product || !variant) throw new VitrineError('cart/not-found', 'This product is no longer available.');
      const lines = [...(cart?.lines ?? [])];
      const index = lines.findIndex((l) => l.variantId === variant.id && l.productId === product.id);
      const quantity = (index >= 0 ? lines[index].quantity : 0) + input.quantity;
      const stock = variant.inventory ?? product.inventory;
      if (!variant.available || !product.available || (stock !== undefined && quantity > stock)) {
        throw new VitrineError('cart/out-of-stock', stock ? `Only ${stock} left.` : `${product.title} is sold out.`);
      }
      if (cart && cart.lines.length && cart.subtotal.currencyCode !== variant.price.currencyCode) {
        throw new VitrineError('cart/invalid', 'This cart holds another currency.');
      }
      const line: CartLine = {
        id: index >= 0 ? lines[index].id : `line-${nextLine++}`,
        productId: product.id,
        variantId: variant.id,
        title: product.title,
        quantity,
        unitPrice: variant.price,
        total: multiply(variant.price, quantity),
      };
      if (product.variants.length > 1 || variant.title !== product.title) line.variantTitle = variant.title;
      const image = variant.image ?? product.image;
      if (image) line.image = image;
      if (index >= 0) lines[index] = line;
      else lines.push(line);
      return commit(lines, variant.price.currencyCode);
    },
    async updateLine(lineId, quantity, signal) {
      checkSignal(signal);
      assertQuantity(quantity, 0);
      const lines = [...(cart?.lines ?? [])];
      const index = lines.findIndex((l) => l.id === lineId);
      if (index === -1) throw new VitrineError('cart/not-found', 'This line is no longer in the cart.');
      if (quantity <= 0) {
        lines.splice(index, 1);
        return commit(lines, currency());
      }
      const line = lines[index];
      const product = options.lookup(line.productId);
      const variant = product?.variants.find((v) => v.id === line.variantId);
      const stock = variant?.inventory ?? product?.inventory;
      if (stock !== undefined && quantity > stock) throw new VitrineError('cart/out-of-stock', `Only ${stock} left.`);
      lines[index] = { ...line, quantity, total: multiply(line.unitPrice, quantity) };
      return commit(lines, currency());
    },
    async removeLine(lineId, signal) {
      return this.updateLine(lineId, 0, signal);
    },
  };
}

export { createMemoryInteractions } from './interactions.js';
export type { MemoryInteractions, MemoryInteractionsOptions } from './interactions.js';
