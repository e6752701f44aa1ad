/**
 * Validating parsers for everything that comes from a backend: show documents,
 * products, carts and live events. They never throw, whatever the input; they
 * return typed values or a typed error, drop what is invalid with a reason, ignore
 * unknown fields, bound string lengths and let only `http:`/`https:` URLs through.
 */
import { VitrineError } from './errors.js';
import { currencyDigits, isCurrencyCode, isDecimal, money } from './money.js';
import { parseInteractionEvent } from './parse-interactions.js';
import type {
  Cart,
  CartDiscount,
  CartLine,
  Chapter,
  Host,
  Money,
  Product,
  ProductOption,
  Show,
  ShowEvent,
  ShowStatus,
  StreamSource,
  Variant,
} from './types.js';

/** Longest string kept from a backend, by kind. Longer ones are cut (titles) or refused (ids). */
export const LIMITS = {
  id: 256,
  title: 300,
  text: 5_000,
  url: 2_048,
  products: 5_000,
  variants: 250,
  options: 10,
  optionValues: 100,
  lines: 500,
  chapters: 5_000,
} as const;

/** Something that was dropped or refused, with the reason. */
export interface ParseIssue {
  /** Where, such as `products[3]` or `products[3].variants[0].price`. */
  path: string;
  reason: string;
}

export type ParseResult<T> =
  | { ok: true; value: T; issues: ParseIssue[] }
  | { ok: false; error: VitrineError; issues: ParseIssue[] };

class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new Invalid(path, 'not an object');
  return value;
}

/** Half of a surrogate pair without its other half: not text, and `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes control characters (but newlines and tabs in texts), replaces lone
 * surrogates with U+FFFD, trims, and bounds the length.
 */
function clean(value: string, max: number, multiline = false): string {
  const stripped = value
    // eslint-disable-next-line no-control-regex
    .replace(multiline ? /[\u0000-\u0008\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .trim();
  if (stripped.length <= max) return stripped;
  // Do not cut a surrogate pair in half.
  const cut = stripped.slice(0, max);
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut).trim() + '…';
}

function id(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') throw new Invalid(path, 'missing id');
  if (value.length > LIMITS.id) throw new Invalid(path, `id longer than ${LIMITS.id}`);
  // An id is sent back to backends in URLs: one that is not well-formed text cannot be.
  if (new RegExp(LONE_SURROGATE.source).test(value)) throw new Invalid(path, 'id is not well-formed text');
  const result = clean(value, LIMITS.id);
  if (result === '') throw new Invalid(path, 'missing id');
  return result;
}

function text(value: unknown, path: string, max: number = LIMITS.title): string {
  if (typeof value !== 'string') throw new Invalid(path, 'not a string');
  const result = clean(value, max, max === LIMITS.text);
  if (result === '') throw new Invalid(path, 'empty');
  return result;
}

function optionalText(value: unknown, max: number = LIMITS.title, multiline = false): string | undefined {
  if (typeof value !== 'string') return undefined;
  const result = clean(value, max, multiline);
  return result === '' ? undefined : result;
}

/**
 * Resolves `value` against `base` and returns it only when it is an `http:` or
 * `https:` URL; anything else (`javascript:`, `data:`, garbage) is `undefined`.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || value.length > LIMITS.url) return undefined;
  let url: URL;
  try {
    url = base ? new URL(value.trim(), base) : new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Percent-encoding can make the normalised URL much longer than what was sent.
  return url.href.length <= LIMITS.url ? url.href : undefined;
}

function url(value: unknown, path: string, base: string | undefined): string {
  const result = safeUrl(value, base);
  if (!result) throw new Invalid(path, 'not an http(s) URL');
  return result;
}

function optionalUrl(value: unknown, path: string, base: string | undefined, issues: ParseIssue[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const result = safeUrl(value, base);
  if (!result) issues.push({ path, reason: 'not an http(s) URL, ignored' });
  return result;
}

function moneyOf(value: unknown, path: string): Money {
  const m = object(value, path);
  const code = typeof m.currencyCode === 'string' ? m.currencyCode.toUpperCase() : m.currencyCode;
  if (!isCurrencyCode(code)) throw new Invalid(`${path}.currencyCode`, 'not an ISO 4217 code');
  let amount = m.amount;
  if (typeof amount === 'number' && Number.isFinite(amount)) {
    // Tolerate a number only when it is exact in the currency's minor units.
    const fixed = amount.toFixed(currencyDigits(code));
    if (Number(fixed) !== amount) throw new Invalid(`${path}.amount`, 'not a decimal string');
    amount = fixed;
  }
  if (!isDecimal(amount)) throw new Invalid(`${path}.amount`, 'not a decimal string');
  if (amount.startsWith('-')) throw new Invalid(`${path}.amount`, 'negative');
  return money(amount, code);
}

function optionalMoney(value: unknown, path: string, issues: ParseIssue[], currency?: string): Money | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const result = moneyOf(value, path);
    if (currency && result.currencyCode !== currency) {
      issues.push({ path, reason: 'currency differs from the price, ignored' });
      return undefined;
    }
    return result;
  } catch (error) {
    if (error instanceof Invalid) {
      issues.push({ path: error.path, reason: `${error.reason}, ignored` });
      return undefined;
    }
    throw error;
  }
}

function count(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const n = Math.floor(value) + 0; // `+ 0` turns -0 into 0
  return Number.isSafeInteger(n) ? n : undefined;
}

function list(value: unknown, path: string, max: number, issues: ParseIssue[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push({ path, reason: 'not an array, ignored' });
    return [];
  }
  if (value.length > max) {
    issues.push({ path, reason: `more than ${max} entries, the rest ignored` });
    return value.slice(0, max);
  }
  return value;
}

function options(value: unknown, path: string, issues: ParseIssue[]): ProductOption[] {
  const result: ProductOption[] = [];
  const seen = new Set<string>();
  list(value, path, LIMITS.options, issues).forEach((raw, i) => {
    if (!isObject(raw) || typeof raw.name !== 'string') {
      issues.push({ path: `${path}[${i}]`, reason: 'invalid option, ignored' });
      return;
    }
    const name = optionalText(raw.name);
    if (!name || seen.has(name)) return;
    const values = [
      ...new Set(
        list(raw.values, `${path}[${i}].values`, LIMITS.optionValues, issues)
          .map((v) => optionalText(typeof v === 'number' ? String(v) : v))
          .filter((v): v is string => v !== undefined),
      ),
    ];
    if (values.length === 0) return;
    seen.add(name);
    result.push({ name, values });
  });
  return result;
}

function variant(raw: unknown, path: string, base: string | undefined, currency: string, issues: ParseIssue[]): Variant {
  const v = object(raw, path);
  const price = moneyOf(v.price, `${path}.price`);
  if (price.currencyCode !== currency) throw new Invalid(`${path}.price`, 'currency differs from the product');
  const selected: Record<string, string> = {};
  if (isObject(v.options)) {
    for (const [name, value] of Object.entries(v.options).slice(0, LIMITS.options)) {
      const n = optionalText(name);
      const val = optionalText(typeof value === 'number' ? String(value) : value);
      if (n && val) selected[n] = val;
    }
  }
  const title = optionalText(v.title) ?? (optionalText(Object.values(selected).join(' / ')) || 'Default');
  const result: Variant = {
    id: id(v.id, `${path}.id`),
    title,
    options: selected,
    price,
    available: v.available !== false,
  };
  const compareAt = optionalMoney(v.compareAtPrice, `${path}.compareAtPrice`, issues, currency);
  if (compareAt) result.compareAtPrice = compareAt;
  const inventory = count(v.inventory);
  if (inventory !== undefined) {
    result.inventory = inventory;
    if (inventory === 0) result.available = false;
  }
  const image = optionalUrl(v.image, `${path}.image`, base, issues);
  if (image) result.image = image;
  return result;
}

function productOf(raw: unknown, path: string, base: string | undefined, issues: ParseIssue[]): Product {
  const p = object(raw, path);
  const productId = id(p.id, `${path}.id`);
  const price = moneyOf(p.price, `${path}.price`);
  const product: Product = {
    id: productId,
    title: text(p.title, `${path}.title`),
    price,
    available: p.available !== false,
    options: options(p.options, `${path}.options`, issues),
    variants: [],
  };
  const productUrl = optionalUrl(p.url, `${path}.url`, base, issues);
  if (productUrl) product.url = productUrl;
  const image = optionalUrl(p.image, `${path}.image`, base, issues);
  if (image) product.image = image;
  const description = optionalText(p.description, LIMITS.text, true);
  if (description) product.description = description;
  const compareAt = optionalMoney(p.compareAtPrice, `${path}.compareAtPrice`, issues, price.currencyCode);
  if (compareAt) product.compareAtPrice = compareAt;
  const inventory = count(p.inventory);
  if (inventory !== undefined) {
    product.inventory = inventory;
    if (inventory === 0) product.available = false;
  }

  const variantIds = new Set<string>();
  list(p.variants, `${path}.variants`, LIMITS.variants, issues).forEach((rawVariant, i) => {
    try {
      const v = variant(rawVariant, `${path}.variants[${i}]`, base, price.currencyCode, issues);
      if (variantIds.has(v.id)) throw new Invalid(`${path}.variants[${i}].id`, 'duplicate id');
      variantIds.add(v.id);
      if (!product.available) v.available = false;
      product.variants.push(v);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      issues.push({ path: error.path, reason: `${error.reason}, variant dropped` });
    }
  });
  if (product.variants.length === 0) {
    const implicit: Variant = { id: productId, title: product.title, options: {}, price, available: product.available };
    if (product.compareAtPrice) implicit.compareAtPrice = product.compareAtPrice;
    if (product.inventory !== undefined) implicit.inventory = product.inventory;
    product.variants.push(implicit);
  } else if (product.variants.every((v) => !v.available)) {
    product.available = false;
  }
  return product;
}

function run<T>(parse: (issues: ParseIssue[]) => T, code: 'show/invalid' | 'cart/invalid', what: string): ParseResult<T> {
  const issues: ParseIssue[] = [];
  try {
    return { ok: true, value: parse(issues), issues };
  } catch (error) {
    const reason = error instanceof Invalid ? error.message : `unexpected input (${String(error)})`;
    issues.push({ path: error instanceof Invalid ? error.path : '', reason });
    return { ok: false, error: new VitrineError(code, `Invalid ${what}: ${reason}`, { recoverable: true }), issues };
  }
}

/** Parses one product. `base` resolves relative URLs. */
export function parseProduct(input: unknown, base?: string): ParseResult<Product> {
  return run((issues) => productOf(input, 'product', base, issues), 'show/invalid', 'product');
}

/** Parses a list of products, dropping invalid ones (each with an issue). */
export function parseProducts(input: unknown, base?: string, path = 'products'): { value: Product[]; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const products: Product[] = [];
  const ids = new Set<string>();
  const items = list(input, path, LIMITS.products, issues);
  for (let i = 0; i < items.length; i++) {
    try {
      const product = productOf(items[i], `${path}[${i}]`, base, issues);
      if (ids.has(product.id)) throw new Invalid(`${path}[${i}].id`, 'duplicate id');
      ids.add(product.id);
      products.push(product);
    } catch (error) {
      // Never throw, whatever the input (a catalog adapter may hand over objects with getters).
      if (error instanceof Invalid) issues.push({ path: error.path, reason: `${error.reason}, product dropped` });
      else issues.push({ path: `${path}[${i}]`, reason: `unreadable (${String(error)}), product dropped` });
    }
  }
  return { value: products, issues };
}

const STATUSES: readonly ShowStatus[] = ['scheduled', 'live', 'ended'];

function status(value: unknown, path: string): ShowStatus {
  if (!STATUSES.includes(value as ShowStatus)) throw new Invalid(path, 'not scheduled, live or ended');
  return value as ShowStatus;
}

function dateTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/**
 * Parses a show document (docs/show-document.md). `documentUrl` is where it was
 * loaded from; relative URLs inside are resolved against it. Invalid products are
 * dropped with an issue; a document without id, title or status is an error.
 */
export function parseShow(input: unknown, documentUrl?: string): ParseResult<Show> {
  return run(
    (issues) => {
      const doc = object(input, 'show');
      const show: Show = {
        id: id(doc.id, 'id'),
        title: text(doc.title, 'title'),
        status: status(doc.status, 'status'),
        products: [],
        chapters: [],
      };
      const startsAt = dateTime(doc.startsAt);
      if (startsAt !== undefined) show.startsAt = new Date(startsAt).toISOString();
      else if (doc.startsAt !== undefined) issues.push({ path: 'startsAt', reason: 'not a date-time, ignored' });
      const poster = optionalUrl(doc.poster, 'poster', documentUrl, issues);
      if (poster) show.poster = poster;
      if (isObject(doc.host)) {
        const name = optionalText(doc.host.name);
        if (name) {
          const host: Host = { name };
          const avatar = optionalUrl(doc.host.avatar, 'host.avatar', documentUrl, issues);
          if (avatar) host.avatar = avatar;
          show.host = host;
        }
      }
      if (doc.stream !== undefined && doc.stream !== null) {
        try {
          const s = object(doc.stream, 'stream');
          const stream: StreamSource = { src: url(s.src, 'stream.src', documentUrl) };
          const type = optionalText(s.type, 100);
          if (type) stream.type = type;
          show.stream = stream;
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          issues.push({ path: error.path, reason: `${error.reason}, stream ignored` });
        }
      }
      const events = optionalUrl(doc.events, 'events', documentUrl, issues);
      if (events) show.events = events;
      const interactions = optionalUrl(doc.interactions, 'interactions', documentUrl, issues);
      if (interactions) show.interactions = interactions;
      if (doc.aspectRatio === '9:16' || doc.aspectRatio === '16:9') show.aspectRatio = doc.aspectRatio;

      const products = parseProducts(doc.products, documentUrl);
      show.products = products.value;
      issues.push(...products.issues);

      const chapters: Chapter[] = [];
      list(doc.chapters, 'chapters', LIMITS.chapters, issues).forEach((raw, i) => {
        if (!isObject(raw) || typeof raw.start !== 'number' || !Number.isFinite(raw.start) || raw.start < 0) {
          issues.push({ path: `chapters[${i}]`, reason: 'invalid chapter, ignored' });
          return;
        }
        try {
          chapters.push({ productId: id(raw.productId, `chapters[${i}].productId`), start: raw.start });
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          issues.push({ path: error.path, reason: `${error.reason}, chapter ignored` });
        }
      });
      show.chapters = chapters.sort((a, b) => a.start - b.start);
      return show;
    },
    'show/invalid',
    'show document',
  );
}

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

/**
 * Parses one Server-Sent Event (docs/live-events.md) from its `event:` name and
 * `data:` text. Unknown event names and malformed data are an error (which the
 * caller reports as recoverable and otherwise ignores).
 */
export function parseShowEvent(type: string, data: string, base?: string, eventId?: string): ParseResult<ShowEvent> {
  return run(
    (issues) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        throw new Invalid(type, 'data is not JSON');
      }
      switch (type) {
        case 'highlight': {
          const h = object(payload, type);
          const event: ShowEvent = { type, productId: id(h.productId, 'highlight.productId') };
          if (h.at !== undefined) {
            const at = dateTime(h.at);
            if (at === undefined) throw new Invalid('highlight.at', 'not a date-time');
            event.at = at;
          }
          const stableId = eventId ? clean(eventId.slice(0, LIMITS.id), LIMITS.id) : '';
          if (stableId) event.id = stableId;
          return event;
        }
        case 'status':
          return { type, status: status(object(payload, type).status, 'status.status') };
        case 'product': {
          const product = productOf(payload, 'product', base, issues);
          return { type, product };
        }
        case 'viewers': {
          const n = count(object(payload, type).count);
          if (n === undefined) throw new Invalid('viewers.count', 'not a count');
          return { type, count: n };
        }
        default: {
          // Chat, deletions, pins and reactions (parse-interactions.ts).
          const interaction = parseInteractionEvent(type, payload);
          if (interaction?.ok) return interaction.value;
          throw new Invalid(type.slice(0, 64), interaction ? interaction.reason : 'unknown event');
        }
      }
    },
    'show/invalid',
    'live event',
  );
}
