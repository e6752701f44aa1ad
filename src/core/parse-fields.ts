/**
 * The building blocks of the validating parsers (parse.ts, parse-cart.ts, parse-event.ts): bounded
 * and cleaned text, ids, http(s) URLs, money, lists, and the `run()` wrapper that turns a thrown
 * `Invalid` into a typed error. They never throw past `run()`, whatever the input.
 */
import { VitrineError } from './errors.js';
import { currencyDigits, isCurrencyCode, isDecimal, money } from './money.js';
import type { Money, ShowStatus } from './types.js';

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

export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new Invalid(path, 'not an object');
  return value;
}

/** Half of a surrogate pair without its other half: not text, and `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes control characters (but newlines and tabs in texts), replaces lone
 * surrogates with U+FFFD, trims, and bounds the length.
 */
export function clean(value: string, max: number, multiline = false): string {
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

export function id(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') throw new Invalid(path, 'missing id');
  if (value.length > LIMITS.id) throw new Invalid(path, `id longer than ${LIMITS.id}`);
  // An id is sent back to backends in URLs: one that is not well-formed text cannot be.
  if (new RegExp(LONE_SURROGATE.source).test(value)) throw new Invalid(path, 'id is not well-formed text');
  const result = clean(value, LIMITS.id);
  if (result === '') throw new Invalid(path, 'missing id');
  return result;
}

export function text(value: unknown, path: string, max: number = LIMITS.title): string {
  if (typeof value !== 'string') throw new Invalid(path, 'not a string');
  const result = clean(value, max, max === LIMITS.text);
  if (result === '') throw new Invalid(path, 'empty');
  return result;
}

export function optionalText(value: unknown, max: number = LIMITS.title, multiline = false): string | undefined {
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

export function url(value: unknown, path: string, base: string | undefined): string {
  const result = safeUrl(value, base);
  if (!result) throw new Invalid(path, 'not an http(s) URL');
  return result;
}

export function optionalUrl(value: unknown, path: string, base: string | undefined, issues: ParseIssue[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const result = safeUrl(value, base);
  if (!result) issues.push({ path, reason: 'not an http(s) URL, ignored' });
  return result;
}

export function moneyOf(value: unknown, path: string): Money {
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

export function optionalMoney(value: unknown, path: string, issues: ParseIssue[], currency?: string): Money | undefined {
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

export function count(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const n = Math.floor(value) + 0; // `+ 0` turns -0 into 0
  return Number.isSafeInteger(n) ? n : undefined;
}

export function list(value: unknown, path: string, max: number, issues: ParseIssue[]): unknown[] {
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

export function run<T>(parse: (issues: ParseIssue[]) => T, code: 'show/invalid' | 'cart/invalid', what: string): ParseResult<T> {
  const issues: ParseIssue[] = [];
  try {
    return { ok: true, value: parse(issues), issues };
  } catch (error) {
    const reason = error instanceof Invalid ? error.message : `unexpected input (${String(error)})`;
    issues.push({ path: error instanceof Invalid ? error.path : '', reason });
    return { ok: false, error: new VitrineError(code, `Invalid ${what}: ${reason}`, { recoverable: true }), issues };
  }
}

const STATUSES: readonly ShowStatus[] = ['scheduled', 'live', 'ended'];

export function status(value: unknown, path: string): ShowStatus {
  if (!STATUSES.includes(value as ShowStatus)) throw new Invalid(path, 'not scheduled, live or ended');
  return value as ShowStatus;
}

export function dateTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}
