/**
 * An in-page cart kept in memory: the default when `<vitrine-show>` has no `cart`
 * attribute. Its checkout is the `checkout-url` it is given.
 */
import { VitrineError } from '../../core/errors.js';
import { compare, money, multiply, sum } from '../../core/money.js';
import { assertQuantity, pageUrl } from '../../core/guards.js';
import type { AddLineInput, Cart, CartAdapter, CartLine, Money, Product } from '../../core/types.js';

export interface MemoryCartOptions {
  /** Finds a product by id (the show's products). */
  lookup: (productId: string) => Product | undefined;
  /** Where checkout goes; a relative URL resolves against the page. */
  checkoutUrl?: string;
  /** Currency of an empty cart's subtotal. @default the first product's, else 'USD' */
  currencyCode?: string;
  /**
   * The discount codes the cart accepts (matched without regard to case): a percentage of the
   * subtotal, or a fixed amount off (never more than the subtotal). Without it, the cart takes no codes.
   * @example { WINTER10: { percent: 10 }, FIVEOFF: { amount: '5.00' } }
   */
  discounts?: Record<string, MemoryDiscount>;
  /**
   * The price a running flash deal charges for a product (`<vitrine-show>` passes its deals'), so
   * a line added during the deal keeps the deal price. @default none: the variant's price
   */
  dealPrice?: (productId: string) => Money | undefined;
}

/** A code of the in-memory cart: `percent` off the subtotal, or a fixed `amount` (cart currency). */
export type MemoryDiscount = { percent: number } | { amount: string };

/**
 * @example
 * const cart = createMemoryCart({ lookup: (id) => products.find((p) => p.id === id) });
 * showElement.cart = cart;
 */
export function createMemoryCart(options: MemoryCartOptions): CartAdapter & { readonly cart: Cart | null } {
  let cart: Cart | null = null;
  let nextLine = 1;
  const id = `memory-${Math.random().toString(36).slice(2, 10)}`;
  /** The codes applied, as the page configured them (their own spelling). */
  let codes: string[] = [];
  /** The code arithmetic, loaded with the first code applied. */
  let pricing: typeof import('./discounts.js') | undefined;
  const known = (code: string) => Object.keys(options.discounts ?? {}).find((c) => c.toLowerCase() === code.trim().toLowerCase());

  function build(lines: CartLine[], currencyCode: string): Cart {
    const subtotal = lines.length ? sum(lines.map((l) => l.total)) : money('0', currencyCode);
    const next: Cart = {
      id,
      lines,
      subtotal,
      totalQuantity: lines.reduce((n, l) => n + l.quantity, 0),
    };
    if (options.checkoutUrl) next.checkoutUrl = pageUrl(options.checkoutUrl)!;
    if (codes.length && pricing) Object.assign(next, pricing.discountsOf(codes, options.discounts!, subtotal));
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

  const adapter: CartAdapter & { readonly cart: Cart | null } = {
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
      const deal = options.dealPrice?.(product.id);
      const unitPrice = deal && deal.currencyCode === variant.price.currencyCode ? deal : variant.price;
      const lines = [...(cart?.lines ?? [])];
      // A line keeps the price it was added at: more of it at another price is another line.
      const index = lines.findIndex(
        (l) => l.variantId === variant.id && l.productId === product.id && compare(l.unitPrice, unitPrice) === 0,
      );
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
        unitPrice,
        total: multiply(unitPrice, quantity),
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
  // Only a page that configured codes has a cart that takes them (the banner offers "Apply code" then).
  if (!options.discounts) return adapter;
  return Object.assign(adapter, {
    async applyDiscount(code: string, signal: AbortSignal) {
      checkSignal(signal);
      const match = known(code);
      if (!match) throw new VitrineError('cart/invalid-code', `The code ${code.trim().slice(0, 64)} can’t be used on this cart.`);
      pricing ??= await import('./discounts.js');
      if (!codes.includes(match)) codes = [...codes, match];
      return commit(cart?.lines ? [...cart.lines] : [], currency());
    },
    async removeDiscount(code: string, signal: AbortSignal) {
      checkSignal(signal);
      codes = codes.filter((c) => c.toLowerCase() !== code.trim().toLowerCase());
      return commit(cart?.lines ? [...cart.lines] : [], currency());
    },
  });
}
