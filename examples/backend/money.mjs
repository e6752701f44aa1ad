// Money for the demo backend: decimal strings in, integer minor units inside, never floats.
// EUR only (2 decimals), as the demo shop sells in euros.

export const CURRENCY = 'EUR';
const DIGITS = 2;

/** "29.90" -> 2990. Throws on anything that is not a plain non-negative decimal. */
export function toMinor(amount) {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(amount));
  if (!match) throw new TypeError(`not an amount: ${amount}`);
  return Number(match[1]) * 10 ** DIGITS + Number((match[2] ?? '').padEnd(DIGITS, '0'));
}

/** 2990 -> "29.90". */
export function fromMinor(minor) {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new TypeError(`not a minor amount: ${minor}`);
  const units = Math.floor(minor / 10 ** DIGITS);
  const cents = String(minor % 10 ** DIGITS).padStart(DIGITS, '0');
  return `${units}.${cents}`;
}

/** A Money object (docs/show-document.md) from minor units. */
export const money = (minor) => ({ amount: fromMinor(minor), currencyCode: CURRENCY });

/** "€29.90" for the HTML checkout page. */
export const formatMoney = (minor) =>
  new Intl.NumberFormat('en-IE', { style: 'currency', currency: CURRENCY }).format(minor / 10 ** DIGITS);
