/**
 * Money as decimal strings and ISO 4217 codes. Arithmetic is done on integers of
 * minor units (bigint), never on floats, so 3 x 19.99 is exactly 59.97.
 */
import { formatMoneyFast, knownCurrencyDigits } from './number-formats.js';
import type { Money } from './types.js';

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const CURRENCY = /^[A-Z]{3}$/;

const digitsCache = new Map<string, number>();

/**
 * The number of minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for KWD.
 * The storefront currencies of core/number-formats.ts from its table (no ICU start-up while a
 * show is parsed), any other code from `Intl`, so every ISO 4217 code the browser knows is right.
 */
export function currencyDigits(currencyCode: string): number {
  let digits = knownCurrencyDigits(currencyCode) ?? digitsCache.get(currencyCode);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currencyCode, digits);
  }
  return digits;
}

/** True when `value` is a well-formed decimal amount string. */
export function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

/**
 * True when `code` is an ISO 4217 code as `Intl` takes one: three letters, upper case here
 * (ECMA-402 accepts every well-formed code, so constructing a formatter to ask would only start
 * ICU, a long task, while a show is parsed).
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && CURRENCY.test(code);
}

/** A decimal amount as an integer scaled by 10^scale. */
interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(amount: string): Scaled {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const units = BigInt(whole + fraction) * (negative ? -1n : 1n);
  return { units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function fromScaled(units: bigint, scale: number, minScale: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  // Trim trailing zeros beyond the currency's own digits.
  let s = scale;
  while (s > minScale && digits.endsWith('0') && digits.length > 1) {
    digits = digits.slice(0, -1);
    s--;
  }
  if (s === 0) return (negative ? '-' : '') + digits;
  digits = digits.padStart(s + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -s)}.${digits.slice(-s)}`;
}

/** Normalises an amount to at least the currency's minor digits: `money('5', 'EUR')` is `5.00`. */
export function money(amount: string, currencyCode: string): Money {
  return multiply({ amount, currencyCode }, 1);
}

/** `price` times an integer `quantity`, exactly. */
export function multiply(price: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
  const scaled = toScaled(price.amount);
  const digits = currencyDigits(price.currencyCode);
  const scale = Math.max(scaled.scale, digits);
  return {
    amount: fromScaled(rescale(scaled, scale) * BigInt(quantity), scale, digits),
    currencyCode: price.currencyCode,
  };
}

/**
 * The exact sum of amounts in one currency. Throws a `RangeError` when currencies
 * differ: a cart in two currencies has no subtotal.
 */
export function sum(amounts: Money[], currencyCode = amounts[0]?.currencyCode ?? 'USD'): Money {
  const digits = currencyDigits(currencyCode);
  const parts = amounts.map((m) => {
    if (m.currencyCode !== currencyCode) {
      throw new RangeError(`cannot add ${m.currencyCode} to ${currencyCode}`);
    }
    return toScaled(m.amount);
  });
  const scale = Math.max(digits, ...parts.map((p) => p.scale));
  const total = parts.reduce((acc, p) => acc + rescale(p, scale), 0n);
  return { amount: fromScaled(total, scale, digits), currencyCode };
}

/** `a - b` in one currency, exactly. */
export function subtract(a: Money, b: Money): Money {
  return sum([a, { amount: negate(b.amount), currencyCode: b.currencyCode }], a.currencyCode);
}

function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

/** Compares two amounts of one currency: negative, 0 or positive. */
export function compare(a: Money, b: Money): number {
  const difference = toScaled(subtract(a, b).amount).units;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The saving of `compareAt` over `price` in whole percent (rounded down), or 0. */
export function discountPercent(price: Money, compareAt: Money | undefined): number {
  if (!compareAt || compareAt.currencyCode !== price.currencyCode || compare(compareAt, price) <= 0) return 0;
  const scale = 6;
  const p = rescale(toScaled(price.amount), scale);
  const c = rescale(toScaled(compareAt.amount), scale);
  return Number(((c - p) * 100n) / c);
}

/** `percent` % of `value`, rounded down to the currency's minor unit (a discount never overshoots). */
export function percentOf(value: Money, percent: number): Money {
  const digits = currencyDigits(value.currencyCode);
  const hundredths = BigInt(Math.round(Math.min(100, Math.max(0, percent)) * 100));
  const units = (rescale(toScaled(value.amount), digits) * hundredths) / 10_000n;
  return { amount: fromScaled(units, digits, digits), currencyCode: value.currencyCode };
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for a locale as `Intl.NumberFormat` does, from the decimal string
 * itself (no float rounding): `formatMoney({ amount: '1500', currencyCode: 'JPY' }, 'ja')`
 * is `￥1,500`. The common locales and currencies are formatted from a table, to the same text,
 * without starting ICU (core/number-formats.ts); the rest by `Intl`.
 */
export function formatMoney(value: Money, locale?: string): string {
  const fast = formatMoneyFast(value.amount, value.currencyCode, locale);
  if (fast !== undefined) return fast;
  const key = `${locale ?? ''}|${value.currencyCode}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currencyCode });
    } catch {
      format = new Intl.NumberFormat('en', { style: 'currency', currency: value.currencyCode });
    }
    formatters.set(key, format);
  }
  // Intl.NumberFormat formats decimal strings exactly (ECMA-402 NumberFormat v3).
  return format.format(value.amount as unknown as number);
}
