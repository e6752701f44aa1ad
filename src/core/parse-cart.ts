/**
 * The validating parser of a cart (docs/cart-protocol.md), with the rules of parse.ts: it never
 * throws, drops what is invalid with a reason, lets only `http:`/`https:` URLs through. Its own
 * module: the cart adapters need it, a show's first view does not.
 */
import { count, id, Invalid, isObject, LIMITS, list, moneyOf, object, optionalMoney, optionalText, optionalUrl, run, safeUrl, text, type ParseIssue, type ParseResult } from './parse-fields.js';
import type { Cart, CartDiscount, CartLine } from './types.js';

function cartLine(raw: unknown, path: string, base: string | undefined, issues: ParseIssue[]): CartLine {
  const l = object(raw, path);
  const quantity = l.quantity;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
    throw new Invalid(`${path}.quantity`, 'not a positive integer');
  }
  const line: CartLine = {
    id: id(l.id, `${path}.id`),
    productId: id(l.productId, `${path}.productId`),
    variantId: id(l.variantId ?? l.productId, `${path}.variantId`),
    title: text(l.title, `${path}.title`),
    quantity,
    unitPrice: moneyOf(l.unitPrice, `${path}.unitPrice`),
    total: moneyOf(l.total, `${path}.total`),
  };
  const variantTitle = optionalText(l.variantTitle);
  if (variantTitle) line.variantTitle = variantTitle;
  const image = optionalUrl(l.image, `${path}.image`, base, issues);
  if (image) line.image = image;
  return line;
}

/** A cart's discount codes, in its currency; an unreadable one is left out with an issue. */
function discounts(value: unknown, currency: string, issues: ParseIssue[]): CartDiscount[] {
  return list(value, 'discounts', 20, issues).flatMap((raw, i) => {
    const code = isObject(raw) ? optionalText(raw.code, 64) : undefined;
    const amount = isObject(raw) ? optionalMoney(raw.amount, `discounts[${i}].amount`, issues, currency) : undefined;
    if (code && amount) return [{ code, amount }];
    issues.push({ path: `discounts[${i}]`, reason: 'invalid discount, ignored' });
    return [];
  });
}

/**
 * Parses a cart (docs/cart-protocol.md). A cart with an invalid line is an error,
 * not a partial cart: a shopper must never see a total that does not add up.
 */
export function parseCart(input: unknown, base?: string): ParseResult<Cart> {
  return run(
    (issues) => {
      const c = object(input, 'cart');
      const lines = list(c.lines, 'lines', LIMITS.lines, issues).map((raw, i) => cartLine(raw, `lines[${i}]`, base, issues));
      const subtotal = moneyOf(c.subtotal, 'subtotal');
      lines.forEach((line, i) => {
        if (line.unitPrice.currencyCode !== subtotal.currencyCode || line.total.currencyCode !== subtotal.currencyCode) {
          throw new Invalid(`lines[${i}]`, 'currency differs from the subtotal');
        }
      });
      const total = lines.reduce((n, line) => n + line.quantity, 0);
      const cart: Cart = {
        id: id(c.id, 'id'),
        lines,
        subtotal,
        totalQuantity: count(c.totalQuantity) ?? total,
      };
      if (c.checkoutUrl !== undefined && c.checkoutUrl !== null) {
        // An unsafe checkout URL is kept out of the model, but the refusal is remembered so that
        // checkout reports `checkout/unsafe-url` (not "unavailable").
        const checkout = safeUrl(c.checkoutUrl, base);
        if (checkout) cart.checkoutUrl = checkout;
        else {
          cart.checkoutUrlRefused = true;
          issues.push({ path: 'checkoutUrl', reason: 'not an http(s) URL' });
        }
      }
      cart.discounts = discounts(c.discounts, subtotal.currencyCode, issues);
      if (!cart.discounts.length) delete cart.discounts;
      const after = optionalMoney(c.total, 'total', issues, subtotal.currencyCode);
      if (after) cart.total = after;
      return cart;
    },
    'cart/invalid',
    'cart',
  );
}
