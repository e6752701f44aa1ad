/**
 * Validating parsers for everything that comes from a backend: show documents,
 * products and carts (live events: parse-event.ts). They never throw, whatever the input; they
 * return typed values or a typed error, drop what is invalid with a reason, ignore
 * unknown fields, bound string lengths and let only `http:`/`https:` URLs through.
 * The building blocks are in parse-fields.ts; carts are parsed in parse-cart.ts (only the cart
 * adapters, lazy chunks of the script-tag build, need it: not a show's first view).
 */
import {
  count,
  dateTime,
  id,
  Invalid,
  isObject,
  LIMITS,
  list,
  moneyOf,
  object,
  optionalMoney,
  optionalText,
  optionalUrl,
  run,
  status,
  text,
  url,
  type ParseIssue,
  type ParseResult,
} from './parse-fields.js';
import type { Chapter, Host, Product, ProductOption, Show, StreamSource, Variant } from './types.js';

export { LIMITS, safeUrl, type ParseIssue, type ParseResult } from './parse-fields.js';

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

export function productOf(raw: unknown, path: string, base: string | undefined, issues: ParseIssue[]): Product {
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
