/**
 * An independent validator of what the parsers in src/core/parse.ts return. It is
 * written from docs/ (show document, cart protocol, live events) and the types, not from the parser's
 * code, so a parser bug is not mirrored here. Each function returns the list of
 * problems found (empty: the value is valid).
 */

/** Bounds from the contract and src/core/parse.ts LIMITS (a titled cut adds one `…`). */
const MAX = { id: 256, title: 301, text: 5_001, url: 2_048, variants: 250, options: 10, optionValues: 100, lines: 500 };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** Non-negative, no leading zeros, at most 15 whole and 6 fraction digits. */
const DECIMAL = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?$/;

type Problems = string[];

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function fractionDigitsOf(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

function str(value: unknown, path: string, max: number, problems: Problems, opts: { multiline?: boolean } = {}): void {
  if (typeof value !== 'string') {
    problems.push(`${path}: not a string (${typeof value})`);
    return;
  }
  if (value.length === 0) problems.push(`${path}: empty`);
  if (value.length > max) problems.push(`${path}: longer than ${max} (${value.length})`);
  if ((opts.multiline ? CONTROL_BUT_NEWLINE_TAB : CONTROL).test(value)) problems.push(`${path}: control character`);
  if (value !== value.trim()) problems.push(`${path}: not trimmed`);
  // A text that lost all its content to a cut is not a text.
  if (value.replace(/…$/, '').trim() === '') problems.push(`${path}: only whitespace or an ellipsis`);
  // Half a surrogate pair is not text (and `encodeURIComponent` throws on it).
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) problems.push(`${path}: lone surrogate`);
}

function optionalStr(record: Record<string, unknown>, key: string, path: string, max: number, problems: Problems, multiline = false): void {
  if (!hasOwn(record, key)) return;
  str(record[key], `${path}.${key}`, max, problems, { multiline });
}

/** An absolute `http:`/`https:` URL in its normalised form, bounded. */
export function validateUrl(value: unknown, path: string, problems: Problems = []): Problems {
  if (typeof value !== 'string') {
    problems.push(`${path}: URL not a string`);
    return problems;
  }
  if (value.length > MAX.url) problems.push(`${path}: URL longer than ${MAX.url} (${value.length})`);
  if (/[\s\u0000-\u001f\u007f]/.test(value)) problems.push(`${path}: URL with whitespace or control characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${path}: not an absolute URL: ${JSON.stringify(value.slice(0, 80))}`);
    return problems;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${path}: scheme ${url.protocol} is not http(s)`);
  if (!/^https?:\/\//i.test(value)) problems.push(`${path}: does not start with http(s)://`);
  if (url.href !== value) problems.push(`${path}: not normalised`);
  return problems;
}

function optionalUrl(record: Record<string, unknown>, key: string, path: string, problems: Problems): void {
  if (hasOwn(record, key)) validateUrl(record[key], `${path}.${key}`, problems);
}

/** A decimal-string amount (non-negative, at least the currency's minor digits) and an ISO 4217 code. */
export function validateMoney(value: unknown, path: string, problems: Problems = []): Problems {
  if (!isPlainRecord(value)) {
    problems.push(`${path}: money not a plain object`);
    return problems;
  }
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'amount,currencyCode') problems.push(`${path}: money keys ${keys}`);
  const { amount, currencyCode } = value;
  if (typeof currencyCode !== 'string' || !/^[A-Z]{3}$/.test(currencyCode)) {
    problems.push(`${path}.currencyCode: not an upper-case ISO 4217 code: ${String(currencyCode)}`);
    return problems;
  }
  let digits: number;
  try {
    digits = fractionDigitsOf(currencyCode);
  } catch {
    problems.push(`${path}.currencyCode: Intl does not know ${currencyCode}`);
    return problems;
  }
  if (typeof amount !== 'string' || !DECIMAL.test(amount)) {
    problems.push(`${path}.amount: not a non-negative decimal string: ${String(amount)}`);
    return problems;
  }
  const fraction = amount.split('.')[1] ?? '';
  if (fraction.length < digits) problems.push(`${path}.amount: fewer than ${digits} minor digits: ${amount}`);
  return problems;
}

function validateOptions(value: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.push(`${path}: not an array`);
    return;
  }
  if (value.length > MAX.options) problems.push(`${path}: more than ${MAX.options}`);
  const names = new Set<unknown>();
  value.forEach((option, i) => {
    const p = `${path}[${i}]`;
    if (!isPlainRecord(option)) {
      problems.push(`${p}: not a plain object`);
      return;
    }
    str(option.name, `${p}.name`, MAX.title, problems);
    if (names.has(option.name)) problems.push(`${p}.name: duplicate`);
    names.add(option.name);
    if (!Array.isArray(option.values) || option.values.length === 0) {
      problems.push(`${p}.values: not a non-empty array`);
      return;
    }
    if (option.values.length > MAX.optionValues) problems.push(`${p}.values: more than ${MAX.optionValues}`);
    if (new Set(option.values).size !== option.values.length) problems.push(`${p}.values: duplicates`);
    option.values.forEach((v, j) => str(v, `${p}.values[${j}]`, MAX.title, problems));
  });
}

function validateCount(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || Object.is(value, -0)) {
    problems.push(`${path}: not a non-negative safe integer: ${String(value)}`);
  }
}

function validateVariant(value: unknown, path: string, currency: string | undefined, problems: Problems): void {
  if (!isPlainRecord(value)) {
    problems.push(`${path}: not a plain object`);
    return;
  }
  str(value.id, `${path}.id`, MAX.id, problems);
  str(value.title, `${path}.title`, MAX.title, problems);
  if (!isPlainRecord(value.options)) problems.push(`${path}.options: not a plain object`);
  else {
    const entries = Object.entries(value.options);
    if (entries.length > MAX.options) problems.push(`${path}.options: more than ${MAX.options}`);
    for (const [name, v] of entries) {
      str(name, `${path}.options key`, MAX.title, problems);
      str(v, `${path}.options[${JSON.stringify(name)}]`, MAX.title, problems);
    }
  }
  validateMoney(value.price, `${path}.price`, problems);
  const price = value.price as { currencyCode?: unknown } | undefined;
  if (currency && price?.currencyCode !== currency) problems.push(`${path}.price: currency differs from the product`);
  if (hasOwn(value, 'compareAtPrice')) {
    validateMoney(value.compareAtPrice, `${path}.compareAtPrice`, problems);
    if ((value.compareAtPrice as { currencyCode?: unknown }).currencyCode !== price?.currencyCode) {
      problems.push(`${path}.compareAtPrice: currency differs from the price`);
    }
  }
  if (typeof value.available !== 'boolean') problems.push(`${path}.available: not a boolean`);
  if (hasOwn(value, 'inventory')) {
    validateCount(value.inventory, `${path}.inventory`, problems);
    if (value.inventory === 0 && value.available !== false) problems.push(`${path}: inventory 0 but available`);
  }
  optionalUrl(value, 'image', path, problems);
}

/** A Product of docs/show-document.md, as the parser must hand it to the UI. */
export function validateProduct(value: unknown, path = 'product', problems: Problems = []): Problems {
  if (!isPlainRecord(value)) {
    problems.push(`${path}: not a plain object`);
    return problems;
  }
  str(value.id, `${path}.id`, MAX.id, problems);
  str(value.title, `${path}.title`, MAX.title, problems);
  validateMoney(value.price, `${path}.price`, problems);
  const currency = (value.price as { currencyCode?: unknown } | undefined)?.currencyCode;
  if (typeof value.available !== 'boolean') problems.push(`${path}.available: not a boolean`);
  optionalUrl(value, 'url', path, problems);
  optionalUrl(value, 'image', path, problems);
  optionalStr(value, 'description', path, MAX.text, problems, true);
  if (hasOwn(value, 'compareAtPrice')) {
    validateMoney(value.compareAtPrice, `${path}.compareAtPrice`, problems);
    if ((value.compareAtPrice as { currencyCode?: unknown }).currencyCode !== currency) {
      problems.push(`${path}.compareAtPrice: currency differs from the price`);
    }
  }
  if (hasOwn(value, 'inventory')) {
    validateCount(value.inventory, `${path}.inventory`, problems);
    if (value.inventory === 0 && value.available !== false) problems.push(`${path}: inventory 0 but available`);
  }
  validateOptions(value.options, `${path}.options`, problems);
  if (!Array.isArray(value.variants) || value.variants.length === 0) {
    problems.push(`${path}.variants: not a non-empty array`);
    return problems;
  }
  if (value.variants.length > MAX.variants) problems.push(`${path}.variants: more than ${MAX.variants}`);
  const ids = new Set<unknown>();
  value.variants.forEach((v: unknown, i: number) => {
    validateVariant(v, `${path}.variants[${i}]`, typeof currency === 'string' ? currency : undefined, problems);
    const variantId = (v as { id?: unknown } | null)?.id;
    if (ids.has(variantId)) problems.push(`${path}.variants[${i}].id: duplicate`);
    ids.add(variantId);
    if (value.available === false && (v as { available?: unknown }).available !== false) {
      problems.push(`${path}.variants[${i}]: available in a product that is not`);
    }
  });
  if (value.available === true && value.variants.every((v: { available?: unknown }) => v.available === false)) {
    problems.push(`${path}: available but every variant is sold out`);
  }
  return problems;
}

/** A Show of docs/show-document.md. */
export function validateShow(value: unknown, problems: Problems = []): Problems {
  if (!isPlainRecord(value)) {
    problems.push('show: not a plain object');
    return problems;
  }
  str(value.id, 'show.id', MAX.id, problems);
  str(value.title, 'show.title', MAX.title, problems);
  if (!['scheduled', 'live', 'ended'].includes(value.status as string)) problems.push(`show.status: ${String(value.status)}`);
  if (hasOwn(value, 'startsAt')) {
    const s = value.startsAt;
    if (typeof s !== 'string' || !/^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(s) || !Number.isFinite(Date.parse(s))) {
      problems.push(`show.startsAt: not an ISO date-time: ${String(s)}`);
    }
  }
  optionalUrl(value, 'poster', 'show', problems);
  optionalUrl(value, 'events', 'show', problems);
  if (hasOwn(value, 'host')) {
    const host = value.host;
    if (!isPlainRecord(host)) problems.push('show.host: not a plain object');
    else {
      str(host.name, 'show.host.name', MAX.title, problems);
      optionalUrl(host, 'avatar', 'show.host', problems);
    }
  }
  if (hasOwn(value, 'stream')) {
    const stream = value.stream;
    if (!isPlainRecord(stream)) problems.push('show.stream: not a plain object');
    else {
      validateUrl(stream.src, 'show.stream.src', problems);
      optionalStr(stream, 'type', 'show.stream', 101, problems);
    }
  }
  if (hasOwn(value, 'aspectRatio') && value.aspectRatio !== '16:9' && value.aspectRatio !== '9:16') {
    problems.push(`show.aspectRatio: ${String(value.aspectRatio)}`);
  }
  if (!Array.isArray(value.products)) problems.push('show.products: not an array');
  else {
    const ids = new Set<unknown>();
    value.products.forEach((p: unknown, i: number) => {
      validateProduct(p, `show.products[${i}]`, problems);
      const productId = (p as { id?: unknown } | null)?.id;
      if (ids.has(productId)) problems.push(`show.products[${i}].id: duplicate`);
      ids.add(productId);
    });
  }
  if (!Array.isArray(value.chapters)) problems.push('show.chapters: not an array');
  else {
    let last = -Infinity;
    value.chapters.forEach((c: unknown, i: number) => {
      if (!isPlainRecord(c)) {
        problems.push(`show.chapters[${i}]: not a plain object`);
        return;
      }
      str(c.productId, `show.chapters[${i}].productId`, MAX.id, problems);
      if (typeof c.start !== 'number' || !Number.isFinite(c.start) || c.start < 0) problems.push(`show.chapters[${i}].start: ${String(c.start)}`);
      else if (c.start < last) problems.push(`show.chapters[${i}]: not sorted`);
      else last = c.start;
    });
  }
  return problems;
}

/** A Cart of docs/cart-protocol.md. Every amount is in the subtotal's currency. */
export function validateCart(value: unknown, problems: Problems = []): Problems {
  if (!isPlainRecord(value)) {
    problems.push('cart: not a plain object');
    return problems;
  }
  str(value.id, 'cart.id', MAX.id, problems);
  validateMoney(value.subtotal, 'cart.subtotal', problems);
  const currency = (value.subtotal as { currencyCode?: unknown } | undefined)?.currencyCode;
  validateCount(value.totalQuantity, 'cart.totalQuantity', problems);
  optionalUrl(value, 'checkoutUrl', 'cart', problems);
  if (!Array.isArray(value.lines)) {
    problems.push('cart.lines: not an array');
    return problems;
  }
  if (value.lines.length > MAX.lines) problems.push(`cart.lines: more than ${MAX.lines}`);
  value.lines.forEach((line: unknown, i: number) => {
    const p = `cart.lines[${i}]`;
    if (!isPlainRecord(line)) {
      problems.push(`${p}: not a plain object`);
      return;
    }
    str(line.id, `${p}.id`, MAX.id, problems);
    str(line.productId, `${p}.productId`, MAX.id, problems);
    str(line.variantId, `${p}.variantId`, MAX.id, problems);
    str(line.title, `${p}.title`, MAX.title, problems);
    optionalStr(line, 'variantTitle', p, MAX.title, problems);
    optionalUrl(line, 'image', p, problems);
    if (typeof line.quantity !== 'number' || !Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      problems.push(`${p}.quantity: not a positive integer: ${String(line.quantity)}`);
    }
    validateMoney(line.unitPrice, `${p}.unitPrice`, problems);
    validateMoney(line.total, `${p}.total`, problems);
    for (const key of ['unitPrice', 'total'] as const) {
      if ((line[key] as { currencyCode?: unknown } | undefined)?.currencyCode !== currency) {
        problems.push(`${p}.${key}: currency differs from the subtotal`);
      }
    }
  });
  return problems;
}

/** A parsed live event of docs/live-events.md. */
export function validateShowEvent(value: unknown, problems: Problems = []): Problems {
  if (!isPlainRecord(value)) {
    problems.push('event: not a plain object');
    return problems;
  }
  switch (value.type) {
    case 'highlight':
      str(value.productId, 'highlight.productId', MAX.id, problems);
      if (hasOwn(value, 'at') && (typeof value.at !== 'number' || !Number.isFinite(value.at))) problems.push(`highlight.at: ${String(value.at)}`);
      if (hasOwn(value, 'id')) str(value.id, 'highlight.id', MAX.id, problems);
      break;
    case 'status':
      if (!['scheduled', 'live', 'ended'].includes(value.status as string)) problems.push(`status.status: ${String(value.status)}`);
      break;
    case 'product':
      validateProduct(value.product, 'product', problems);
      break;
    case 'viewers':
      validateCount(value.count, 'viewers.count', problems);
      break;
    default:
      problems.push(`event.type: ${String(value.type)}`);
  }
  return problems;
}

/** Every string anywhere in `value`, for the "no unsafe URL anywhere" check. */
export function allStrings(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const key of Object.keys(value)) {
      out.push(key);
      allStrings((value as Record<string, unknown>)[key], out, seen);
    }
  }
  return out;
}
