/**
 * Checks of what an adapter is about to send, before any request: quantities, ids that go into
 * URL paths, and URLs that the merchant wrote on the page.
 */
import { VitrineError } from './errors.js';
import { LIMITS } from './parse.js';

/**
 * Checks a quantity before any request: a safe integer of at least `min` (1 to add a line, 0 to
 * update one: 0 removes). Anything else (-3, 1.5, NaN, '2') is refused with `cart/invalid`.
 */
export function assertQuantity(quantity: unknown, min: 0 | 1): number {
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < min) {
    throw new VitrineError('cart/invalid', `Quantity must be an integer ≥ ${min}.`);
  }
  return quantity;
}

/**
 * A cart or line id as one path segment below a base URL: percent-encoded (`/`, `?`, `#` and the
 * rest), and refused with `cart/invalid` when it would be a dot segment (`.`, `..`, also written
 * `%2e`), empty or too long, so that no id can make a request outside the cart's base URL.
 */
export function pathSegment(value: string): string {
  const segment = encodeURIComponent(value);
  if (!segment || segment.length > LIMITS.url || /^(\.|%2e){1,2}$/i.test(segment)) {
    throw new VitrineError('cart/invalid', 'Unusable cart id.');
  }
  return segment;
}

/**
 * Resolves a URL that the merchant wrote on the page (such as `checkout-url="/checkout"`) against
 * the page's base URL. What it resolves to is not checked here (checkout refuses anything but
 * `http:`/`https:`); an unparsable value is returned unchanged, to be refused there.
 */
export function pageUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return new URL(value.trim(), globalThis.document?.baseURI ?? globalThis.location?.href).href;
  } catch {
    return value;
  }
}
