/**
 * A `CartAdapter` over the Shopify Storefront API cart: `cartCreate`, `cartLinesAdd`,
 * `cartLinesUpdate`, `cartLinesRemove`, the `cart` query, and checkout at the cart's
 * `checkoutUrl`. Shopify money, variants and lines are mapped to Vitrine's types and then
 * validated by `parseCart` like any backend's answer.
 */
import { createCartIdStore } from '../../core/cart-id-store.js';
import { VitrineError } from '../../core/errors.js';
import { assertQuantity } from '../../core/guards.js';
import { sum } from '../../core/money.js';
import { parseCart } from '../../core/parse-cart.js';
import type { Cart, CartAdapter } from '../../core/types.js';
import { createClient, gid, type ShopifyOptions } from './client.js';
import { CART_CREATE, CART_DISCOUNT_CODES_UPDATE, CART_LINES_ADD, CART_LINES_REMOVE, CART_LINES_UPDATE, CART_QUERY } from './documents.js';

export interface ShopifyCartOptions extends ShopifyOptions {
  /**
   * Keep the cart id in `sessionStorage` across page loads (only with the shopper's consent;
   * `<vitrine-show consent="granted">` turns it on).
   * @default false
   */
  persist?: boolean;
  /** Where a persisted cart id goes. @default globalThis.sessionStorage */
  storage?: Storage;
  /** What this cart belongs to (such as the show's URL): one persisted cart id per scope. */
  scope?: string;
}

export interface ShopifyCartAdapter extends CartAdapter {
  readonly cartId: string | null;
  setPersist(persist: boolean): void;
}

interface ShopifyMoney {
  amount: string;
  currencyCode: string;
}
/** A discount allocation; `code` only on a `CartCodeDiscountAllocation`. */
interface ShopifyAllocation {
  discountedAmount: ShopifyMoney;
  code?: string;
}
interface ShopifyCart {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  cost: { subtotalAmount: ShopifyMoney; totalAmount?: ShopifyMoney };
  discountCodes?: { code: string; applicable: boolean }[];
  discountAllocations?: ShopifyAllocation[];
  lines: {
    nodes: {
      id: string;
      quantity: number;
      cost: { amountPerQuantity: ShopifyMoney; totalAmount: ShopifyMoney };
      discountAllocations?: ShopifyAllocation[];
      merchandise: {
        id?: string;
        title?: string;
        image?: { url: string } | null;
        product?: { id: string; title: string; featuredImage?: { url: string } | null };
      };
    }[];
  };
}
interface Payload {
  cart: ShopifyCart | null;
  userErrors: { code?: string | null; field?: string[] | null; message: string }[];
  warnings: { code: string; message: string; target?: string }[];
}

const STOCK_WARNINGS = new Set(['MERCHANDISE_NOT_ENOUGH_STOCK', 'MERCHANDISE_OUT_OF_STOCK']);

/**
 * The applicable codes of a Storefront cart with what each takes off: Shopify allocates a code's
 * discount to the cart and to lines, so the amounts of one code are added up.
 */
function codeDiscounts(cart: ShopifyCart): { code: string; amount: ShopifyMoney }[] {
  const allocations = [...(cart.discountAllocations ?? []), ...cart.lines.nodes.flatMap((l) => l.discountAllocations ?? [])];
  return (cart.discountCodes ?? [])
    .filter((d) => d.applicable)
    .map((d) => {
      const amounts = allocations.filter((a) => a.code?.toLowerCase() === d.code.toLowerCase()).map((a) => a.discountedAmount);
      return { code: d.code, amount: amounts.length ? sum(amounts) : { amount: '0', currencyCode: cart.cost.subtotalAmount.currencyCode } };
    });
}

/** Maps a Storefront `Cart` to the shape of docs/cart-protocol.md (then parsed like any other). */
export function fromShopifyCart(cart: ShopifyCart): unknown {
  const discounts = codeDiscounts(cart);
  return {
    ...(discounts.length ? { discounts, total: cart.cost.totalAmount } : {}),
    id: cart.id,
    checkoutUrl: cart.checkoutUrl,
    totalQuantity: cart.totalQuantity,
    subtotal: cart.cost.subtotalAmount,
    lines: cart.lines.nodes.map((line) => {
      const m = line.merchandise;
      return {
        id: line.id,
        productId: m.product?.id,
        variantId: m.id,
        title: m.product?.title ?? m.title,
        variantTitle: m.title && m.title !== 'Default Title' ? m.title : undefined,
        image: m.image?.url ?? m.product?.featuredImage?.url,
        quantity: line.quantity,
        unitPrice: line.cost.amountPerQuantity,
        total: line.cost.totalAmount,
      };
    }),
  };
}

/**
 * @example
 * import { createShopifyCart } from 'vitrine/adapters/shopify';
 * document.querySelector('vitrine-show').cart = createShopifyCart({
 *   domain: 'my-shop.myshopify.com',
 *   token: 'public-storefront-token',
 *   apiVersion: '2026-04',
 * });
 */
export function createShopifyCart(options: ShopifyCartOptions): ShopifyCartAdapter {
  const client = createClient(options, 'cart/unavailable');
  const ids = createCartIdStore(`vitrine:shopify-cart:${options.domain}`, {
    persist: options.persist ?? false,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
  });
  const listeners = new Set<(cart: Cart | null) => void>();
  /** The codes on the cart as last seen (Shopify replaces the whole list). */
  let codes: { code: string; applicable: boolean }[] = [];

  function toCart(raw: ShopifyCart): Cart {
    const result = parseCart(fromShopifyCart(raw));
    if (!result.ok) throw result.error;
    ids.set(result.value.id);
    codes = raw.discountCodes ?? [];
    return result.value;
  }

  const updateCodes = (list: string[], signal: AbortSignal) =>
    mutate('VitrineCartDiscountCodesUpdate', CART_DISCOUNT_CODES_UPDATE, 'cartDiscountCodesUpdate', { cartId: current(), discountCodes: list }, signal);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  /** Runs a cart mutation; user errors and stock warnings become `VitrineError`s. */
  async function mutate(name: string, query: string, field: string, variables: Record<string, unknown>, signal: AbortSignal): Promise<Cart> {
    const data = await client.request<Record<string, Payload>>(name, query, variables, signal, false);
    const payload = data[field];
    if (!payload) throw new VitrineError('cart/invalid', 'The shop answered without a cart.');
    const userError = payload.userErrors[0];
    if (userError) {
      const notFound = userError.code === 'INVALID_MERCHANDISE_LINE' || /does not exist|not found/i.test(userError.message);
      if (notFound && /cart/i.test(userError.message)) ids.set(null);
      throw new VitrineError(notFound ? 'cart/not-found' : 'cart/invalid', userError.message.slice(0, 300));
    }
    if (!payload.cart) {
      ids.set(null);
      throw new VitrineError('cart/not-found', 'This cart no longer exists.');
    }
    const cart = toCart(payload.cart);
    const stock = payload.warnings.find((w) => STOCK_WARNINGS.has(w.code));
    if (stock) {
      // Shopify kept what it could: show that cart, and say why it is not what was asked.
      for (const listener of [...listeners]) listener(cart);
      throw new VitrineError('cart/out-of-stock', stock.message.slice(0, 300));
    }
    return cart;
  }

  function current(): string {
    const id = ids.get();
    if (!id) throw new VitrineError('cart/not-found', 'This cart no longer exists.');
    return id;
  }

  return {
    get cartId() {
      return ids.get();
    },
    setPersist(persist) {
      ids.setPersist(persist);
    },
    async getCart(signal) {
      const id = ids.get();
      if (!id) return null;
      const data = await client.request<{ cart: ShopifyCart | null }>('VitrineCart', CART_QUERY, { id }, signal, true);
      if (!data.cart) {
        ids.set(null); // expired or completed: start over
        return null;
      }
      return toCart(data.cart);
    },
    async addLine(input, signal) {
      assertQuantity(input.quantity, 1);
      const lines = [{ merchandiseId: gid('ProductVariant', input.variantId), quantity: input.quantity }];
      const id = ids.get();
      if (!id) {
        // One round trip: create the cart with the line in it.
        return mutate('VitrineCartCreate', CART_CREATE, 'cartCreate', { input: { lines } }, signal);
      }
      try {
        return await mutate('VitrineCartLinesAdd', CART_LINES_ADD, 'cartLinesAdd', { cartId: id, lines }, signal);
      } catch (error) {
        if (!(error instanceof VitrineError) || error.code !== 'cart/not-found' || ids.get()) throw error;
        return mutate('VitrineCartCreate', CART_CREATE, 'cartCreate', { input: { lines } }, signal);
      }
    },
    async updateLine(lineId, quantity, signal) {
      assertQuantity(quantity, 0);
      return mutate(
        'VitrineCartLinesUpdate',
        CART_LINES_UPDATE,
        'cartLinesUpdate',
        { cartId: current(), lines: [{ id: lineId, quantity }] },
        signal,
      );
    },
    removeLine(lineId, signal) {
      return mutate('VitrineCartLinesRemove', CART_LINES_REMOVE, 'cartLinesRemove', { cartId: current(), lineIds: [lineId] }, signal);
    },
    async applyDiscount(code, signal) {
      const kept = codes.filter((d) => d.applicable && !same(d.code, code)).map((d) => d.code);
      const cart = await updateCodes([...kept, code], signal);
      // Shopify keeps a code that does not apply, marked `applicable: false`: take it off again.
      if (!codes.some((d) => same(d.code, code) && d.applicable)) {
        await updateCodes(kept, signal).catch(() => undefined);
        throw new VitrineError('cart/invalid-code', `The code ${code} can't be used on this cart.`);
      }
      return cart;
    },
    removeDiscount(code, signal) {
      return updateCodes(codes.filter((d) => !same(d.code, code)).map((d) => d.code), signal);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
