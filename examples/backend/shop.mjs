// The shop's state: products with live prices and stock, and carts (docs/cart-protocol.md).
// Everything money is integer minor units; documents are built on demand from the state.
import { randomUUID } from 'node:crypto';
import { fromMinor, money, toMinor } from './money.mjs';

/** An error the HTTP layer turns into `{ error: { code, message } }` with this status. */
export class ShopError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Stock at or below this is published (`inventory`), so shoppers see "only 3 left". */
export const LOW_STOCK = 10;
const MAX_QUANTITY = 99;
const MAX_CARTS = 10_000;
const MAX_KEYS_PER_CART = 200;

/**
 * @param {{ products: object[], stock: Record<string, number>, urls: { image(id: string): string, product(id: string): string } }} options
 */
export function createShop({ products, stock, urls }) {
  /** id -> { ...catalog entry, priceMinor, compareAtMinor, sale: null | { priceMinor } } */
  const items = new Map();
  for (const p of products) {
    items.set(p.id, {
      ...p,
      priceMinor: toMinor(p.price),
      compareAtMinor: p.compareAtPrice === undefined ? undefined : toMinor(p.compareAtPrice),
      sale: null,
      deal: null,
    });
  }
  const units = new Map(Object.entries(stock));
  const carts = new Map();
  /** Counts the live changes (prices, stock), so a mirror of them knows when to save. */
  let liveVersion = 0;
  /** Discount codes (moments.mjs), once set with `setMoments`. */
  let moments = null;

  const variantIds = (item) => (item.variants.length ? item.variants.map((v) => v.id) : [item.id]);
  const unitsOf = (variantId) => Math.max(0, units.get(variantId) ?? 0);
  const currentPrice = (item) => item.sale?.priceMinor ?? item.priceMinor;
  /** The crossed-out price: the regular price during a sale, else the catalog's compare-at. */
  function compareAt(item) {
    if (!item.sale) return item.compareAtMinor;
    return Math.max(item.priceMinor, item.compareAtMinor ?? 0);
  }

  function item(productId) {
    const found = typeof productId === 'string' ? items.get(productId) : undefined;
    if (!found) throw new ShopError(404, 'not_found', `No product ${String(productId).slice(0, 64)}`);
    return found;
  }

  /** The docs/show-document.md Product for `productId`, as it is right now. */
  function productDocument(productId) {
    const it = item(productId);
    const price = money(currentPrice(it));
    const was = compareAt(it);
    const total = variantIds(it).reduce((n, id) => n + unitsOf(id), 0);
    const doc = {
      id: it.id,
      title: it.title,
      url: urls.product(it.id),
      image: urls.image(it.id),
      description: it.description,
      price,
      available: total > 0,
    };
    if (was !== undefined && was > currentPrice(it)) doc.compareAtPrice = money(was);
    if (total <= LOW_STOCK) doc.inventory = total;
    doc.options = it.options;
    doc.variants = it.variants.map((v) => {
      const left = unitsOf(v.id);
      const variant = { id: v.id, title: v.title, options: v.options, price, available: left > 0 };
      if (doc.compareAtPrice) variant.compareAtPrice = doc.compareAtPrice;
      if (left <= LOW_STOCK) variant.inventory = left;
      return variant;
    });
    return doc;
  }

  function variantOf(it, variantId) {
    if (it.variants.length === 0) {
      if (variantId !== undefined && variantId !== it.id) throw new ShopError(404, 'not_found', `No variant ${variantId}`);
      return { id: it.id, title: undefined };
    }
    const v = it.variants.find((x) => x.id === variantId);
    if (!v) throw new ShopError(404, 'not_found', `No variant ${String(variantId).slice(0, 64)} of ${it.title}`);
    return v;
  }

  function checkStock(it, variant, quantity) {
    const left = unitsOf(variant.id);
    if (quantity <= left) return;
    const name = variant.title ? `${it.title} (${variant.title})` : it.title;
    throw new ShopError(409, 'out_of_stock', left === 0 ? `${name} is sold out.` : `Only ${left} left of ${name}.`);
  }

  function quantityOf(value, { allowZero }) {
    if (!Number.isSafeInteger(value) || value < (allowZero ? 0 : 1) || value > MAX_QUANTITY) {
      throw new ShopError(400, 'invalid', `quantity must be an integer from ${allowZero ? 0 : 1} to ${MAX_QUANTITY}`);
    }
    return value;
  }

  function cart(cartId) {
    const found = typeof cartId === 'string' ? carts.get(cartId) : undefined;
    if (!found) throw new ShopError(404, 'not_found', 'No such cart (it may have expired).');
    return found;
  }

  /** The docs/cart-protocol.md Cart. `checkoutUrl` comes from the caller (it knows the origin). */
  function cartDocument(c, checkoutUrl) {
    let subtotal = 0;
    let totalQuantity = 0;
    const lines = c.lines.map((line) => {
      const it = items.get(line.productId);
      const total = line.unitPriceMinor * line.quantity;
      subtotal += total;
      totalQuantity += line.quantity;
      const doc = {
        id: line.id,
        productId: line.productId,
        variantId: line.variantId,
        title: it.title,
        image: urls.image(it.id),
        quantity: line.quantity,
        unitPrice: money(line.unitPriceMinor),
        total: money(total),
      };
      if (line.variantTitle) doc.variantTitle = line.variantTitle;
      return doc;
    });
    const doc = { id: c.id, lines, subtotal: money(subtotal), totalQuantity, checkoutUrl };
    const discounts = moments?.discounts(c, subtotal) ?? [];
    if (discounts.length) {
      doc.discounts = discounts.map((d) => ({ code: d.code, amount: money(d.minor) }));
      doc.total = money(subtotal - discounts.reduce((n, d) => n + d.minor, 0));
    }
    return doc;
  }

  function createCart() {
    if (carts.size >= MAX_CARTS) carts.delete(carts.keys().next().value); // the oldest goes
    const c = { id: randomUUID(), lines: [], keys: new Map() };
    carts.set(c.id, c);
    return c;
  }

  /**
   * Adds a line (or more of an existing line). With an idempotency key, a retry of the same
   * request is answered as the first one was and never adds again. With `deal` (`{ id, priceMinor }`,
   * its units already claimed by moments.mjs), the line is charged the deal price.
   * @returns {{ cart: object, replayed: boolean }}
   */
  function addLine(cartId, body, idempotencyKey, deal) {
    const c = cart(cartId);
    const fingerprint = JSON.stringify([body?.productId, body?.variantId, body?.quantity]);
    const replay = replayOf(cartId, body, idempotencyKey);
    if (replay) return replay;
    try {
      if (typeof body !== 'object' || body === null) throw new ShopError(400, 'invalid', 'Expected a JSON object.');
      const it = item(body.productId);
      const variant = variantOf(it, body.variantId ?? (it.variants.length ? undefined : it.id));
      const quantity = quantityOf(body.quantity ?? 1, { allowZero: false });
      const inCart = c.lines.filter((l) => l.variantId === variant.id).reduce((n, l) => n + l.quantity, 0);
      const wanted = inCart + quantity;
      if (wanted > MAX_QUANTITY) throw new ShopError(400, 'invalid', `At most ${MAX_QUANTITY} of one item.`);
      checkStock(it, variant, wanted);
      // A line per price: a deal's units apart from the regular ones.
      const existing = c.lines.find((l) => l.variantId === variant.id && l.dealId === deal?.id);
      if (existing) existing.quantity += quantity;
      else {
        c.lines.push({
          id: randomUUID().slice(0, 8),
          productId: it.id,
          variantId: variant.id,
          variantTitle: variant.title,
          quantity,
          // The price when added: a flash-sale price stays in the cart.
          unitPriceMinor: deal?.priceMinor ?? currentPrice(it),
          dealId: deal?.id,
        });
      }
      remember(c, idempotencyKey, { fingerprint });
      return { cart: c, replayed: false };
    } catch (error) {
      // A refused add is remembered too: the retry gets the same refusal, not a surprise success.
      if (error instanceof ShopError && error.status !== 404) remember(c, idempotencyKey, { fingerprint, error });
      throw error;
    }
  }

  /**
   * The answer to a retry: `{ cart, replayed: true }` when `idempotencyKey` was used for this same
   * add before (throws the refusal it got then), undefined for a new request.
   */
  function replayOf(cartId, body, idempotencyKey) {
    if (!idempotencyKey) return undefined;
    const c = cart(cartId);
    const seen = c.keys.get(idempotencyKey);
    if (!seen) return undefined;
    const fingerprint = JSON.stringify([body?.productId, body?.variantId, body?.quantity]);
    if (seen.fingerprint !== fingerprint) {
      throw new ShopError(400, 'invalid', 'This Idempotency-Key was used for a different request.');
    }
    if (seen.error) throw seen.error;
    return { cart: c, replayed: true };
  }

  /** Remembers that the add under `idempotencyKey` was refused with `error` (its retry gets the same). */
  function refuseAdd(cartId, body, idempotencyKey, error) {
    const fingerprint = JSON.stringify([body?.productId, body?.variantId, body?.quantity]);
    remember(cart(cartId), idempotencyKey, { fingerprint, error });
  }

  /** A cart as a plain JSON document (to keep it outside this process), and back. */
  function exportCart(cartId) {
    const c = cart(cartId);
    const keys = [...c.keys].map(([key, { fingerprint, error }]) => [
      key,
      error ? { fingerprint, error: { status: error.status, code: error.code, message: error.message } } : { fingerprint },
    ]);
    return { id: c.id, lines: c.lines, keys };
  }

  function importCart(doc) {
    const keys = new Map(
      doc.keys.map(([key, { fingerprint, error }]) => [
        key,
        error ? { fingerprint, error: new ShopError(error.status, error.code, error.message) } : { fingerprint },
      ]),
    );
    carts.delete(doc.id);
    if (carts.size >= MAX_CARTS) carts.delete(carts.keys().next().value);
    carts.set(doc.id, { id: doc.id, lines: doc.lines, keys });
  }

  function remember(c, key, entry) {
    if (!key) return;
    if (c.keys.size >= MAX_KEYS_PER_CART) c.keys.delete(c.keys.keys().next().value);
    c.keys.set(key, entry);
  }

  function line(c, lineId) {
    const found = c.lines.find((l) => l.id === lineId);
    if (!found) throw new ShopError(404, 'not_found', 'No such line in this cart.');
    return found;
  }

  function updateLine(cartId, lineId, body) {
    const c = cart(cartId);
    const l = line(c, lineId);
    const quantity = quantityOf(body?.quantity, { allowZero: true });
    if (quantity === 0) return removeLine(cartId, lineId);
    const it = item(l.productId);
    if (quantity > l.quantity) checkStock(it, variantOf(it, l.variantId), quantity);
    l.quantity = quantity;
    return c;
  }

  function removeLine(cartId, lineId) {
    const c = cart(cartId);
    const l = line(c, lineId);
    c.lines = c.lines.filter((x) => x !== l);
    return c;
  }

  /** The line `lineId` of cart `cartId` (to see whether it is a deal's). */
  function lineOf(cartId, lineId) {
    return line(cart(cartId), lineId);
  }

  /**
   * Live changes (the timeline uses these). Each returns true when the product changed.
   */
  const live = {
    /** Starts a sale at `priceMinor` (below the regular price: the product's price), or ends it with `null`. */
    setSale(productId, priceMinor) {
      const it = item(productId);
      const before = it.sale?.priceMinor ?? null;
      it.sale = priceMinor === null ? null : { priceMinor };
      const changed = before !== priceMinor;
      if (changed) liveVersion += 1;
      return changed;
    },
    /**
     * Starts a flash deal on `productId` (`{ id, priceMinor, endsAt, limit?, units }`; moments.mjs
     * counts its units), or ends it with `null`. The product's price stays the regular one: the
     * deal price is charged on the deal's lines.
     */
    setDeal(productId, deal) {
      item(productId).deal = deal;
      liveVersion += 1;
    },
    /** The flash deal on `productId` (running or past its `endsAt`), if any. */
    dealOf: (productId) => item(productId).deal ?? undefined,
    /** Every product's deal: `[productId, deal]`. */
    deals: () => [...items].filter(([, it]) => it.deal).map(([id, it]) => [id, it.deal]),
    /** Sets the units of one variant. */
    setUnits(variantId, count) {
      const before = unitsOf(variantId);
      units.set(variantId, Math.max(0, count));
      const changed = before !== unitsOf(variantId);
      if (changed) liveVersion += 1;
      return changed;
    },
    version: () => liveVersion,
    /** Sales and stock as a plain document, and back (instances share them through the hub's state). */
    snapshot() {
      const sales = {};
      const deals = {};
      for (const [id, it] of items) {
        if (it.sale) sales[id] = it.sale;
        if (it.deal) deals[id] = it.deal;
      }
      return { sales, deals, units: Object.fromEntries(units) };
    },
    restore(snapshot) {
      for (const [id, it] of items) {
        it.sale = snapshot.sales[id] ?? null;
        it.deal = snapshot.deals?.[id] ?? null;
      }
      units.clear();
      for (const [id, n] of Object.entries(snapshot.units)) units.set(id, n);
      liveVersion += 1;
    },
    unitsOf,
    variantIds: (productId) => variantIds(item(productId)),
    regularPrice: (productId) => item(productId).priceMinor,
  };

  return {
    has: (productId) => items.has(productId),
    productDocument,
    cart,
    cartDocument,
    createCart,
    addLine,
    replayOf,
    refuseAdd,
    exportCart,
    importCart,
    updateLine,
    removeLine,
    lineOf,
    live,
    /** Plugs in the discount codes: `{ discounts }` (moments.mjs). */
    setMoments(hooks) {
      moments = hooks;
    },
    state: { products: items, stock: units, carts },
  };
}

export { fromMinor };
