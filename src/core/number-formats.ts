/**
 * Prices and counts for the common locales and currencies without `Intl`. The page's first
 * `Intl.NumberFormat` starts ICU, one long task that cannot be split (~55 ms on a desktop, ~220 ms
 * on a slow phone); a show's first view (prices in the rail and the pinned card, the viewer count)
 * is formatted from this table instead, with the very output of `Intl` (CLDR 47, as Chromium ships
 * it: test/core/number-formats.test.ts compares every covered locale and currency with `Intl`).
 * Anything else (another locale, currency, a negative amount, a numbering system) goes to `Intl`.
 */

const NBSP = '\u00a0';

/**
 * One entry per locale, `;`-separated: `tags [pattern] [CODEsymbol …]`, `_` for a no-break space.
 * - tags: the locale and the regional tags formatted the same, `,`-separated;
 * - pattern: `¤#` the symbol before the number, with a no-break space only after a symbol that
 *   does not end in a currency sign (CLDR's currency spacing: `CHF 12.50` but `CA$12.50`), `¤_#`
 *   before with a no-break space, `#¤` after a no-break space; then the group and the decimal
 *   separator of prices; then `2` when a group needs two digits before it (`1234,50 €` but
 *   `12.345,00 €`); then the group separator of plain numbers where it differs from that of
 *   prices. A regional tag without a pattern has its language's;
 * - the symbols that differ from `SYMBOLS` (for a regional tag: from its language's).
 */
const FORMATS =
  'en,en-US ¤#,. USD$ AUDA$ JPY¥;de,de-DE,de-LU #¤., USD$ AUDAU$ JPY¥;fr,fr-FR,fr-BE #¤\u202f, USD$US GBP£GB CAD$CA AUD$AU;' +
  'es,es-ES #¤.,2 GBPGBP CADCAD;it,it-IT #¤.,2 USDUSD AUDA$;pt,pt-BR ¤_#., AUDAU$ JPYJP¥;nl,nl-NL,nl-BE ¤_#., CADC$ AUDAU$ JPYJP¥;' +
  'sv,sv-SE #¤_, GBPGBP SEKkr NOKNkr DKKDkr;da,da-DK #¤., DKKkr. AUDAU$ JPYJP¥;nb,no,nb-NO,no-NO #¤_, USDUSD NOKkr CADCAD;' +
  'fi,fi-FI #¤_, USD$ CADCAD JPY¥;pl,pl-PL #¤_,2 USDUSD GBPGBP PLNzł CADCAD;cs,cs-CZ #¤_, CZKKč AUDAU$ JPYJP¥;' +
  'ja,ja-JP ¤#,. USD$ AUDA$ JPY￥;en-GB,en-IE USDUS$ JPYJP¥;en-CA USDUS$ CAD$ JPYJP¥;en-AU EUREUR USDUSD GBPGBP CADCAD AUD$ JPYJPY;' +
  "de-AT ¤_#.,_;de-CH ¤_#'. EUREUR;fr-CA #¤_, USD$_US GBP£ CAD$ AUD$_AU JPY¥;fr-CH #¤\u202f.;pt-PT #¤_,2";

/** A currency's symbol unless the locale says otherwise; not listed: its ISO code. */
const SYMBOLS: Record<string, string> = { EUR: '€', USD: 'US$', GBP: '£', CAD: 'CA$' };

/** The currencies formatted without `Intl`, with their minor digits. */
const CURRENCIES: Record<string, number> = { EUR: 2, USD: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, CAD: 2, AUD: 2, JPY: 0 };

interface Format {
  /** `¤#`, `¤\u00a0#` or `#¤`. */
  pattern: string;
  group: string;
  decimal: string;
  /** Digits a number needs before it is grouped: 4, or 5 where CLDR's minimum grouping is 2. */
  groupFrom: number;
  /** The group separator of plain numbers. */
  numberGroup: string;
  symbols: Record<string, string>;
}

let formats: Map<string, Format> | undefined;

function parse(): Map<string, Format> {
  const byTag = new Map<string, Format>();
  for (const entry of FORMATS.split(';')) {
    const [tags = '', ...fields] = entry.replace(/_/g, NBSP).split(' ');
    const names = tags.split(',');
    const parent = byTag.get(names[0]!.split('-')[0]!);
    const pattern = /^(¤\u00a0?#|#¤)(.)(.)(2?)(.?)$/u.exec(fields[0] ?? '');
    if (pattern) fields.shift();
    const group = pattern?.[2] ?? parent!.group;
    const format: Format = pattern
      ? { pattern: pattern[1]!, group, decimal: pattern[3]!, groupFrom: pattern[4] ? 5 : 4, numberGroup: pattern[5] || group, symbols: {} }
      : { ...parent!, symbols: {} };
    Object.assign(format.symbols, parent?.symbols ?? SYMBOLS);
    for (const o of fields) format.symbols[o.slice(0, 3)] = o.slice(3);
    for (const name of names) byTag.set(name, format);
  }
  return byTag;
}

/** The locale's format when it is covered: a plain `language` or `language-REGION` tag of the table. */
function formatOf(locale: string | undefined): Format | undefined {
  if (!locale) return undefined;
  formats ??= parse();
  return formats.get(locale);
}

function group(digits: string, format: Format, separator: string): string {
  if (digits.length < format.groupFrom) return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** The minor digits of a covered currency, or `undefined`. */
export function knownCurrencyDigits(currencyCode: string): number | undefined {
  return CURRENCIES[currencyCode];
}

/**
 * A non-negative decimal amount string as `Intl.NumberFormat(locale, { style: 'currency' })` shows
 * it, or `undefined` when the locale, the currency or the amount is not covered.
 */
export function formatMoneyFast(amount: string, currencyCode: string, locale: string | undefined): string | undefined {
  const format = formatOf(locale);
  const digits = CURRENCIES[currencyCode];
  const number = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!format || digits === undefined || !number) return undefined;
  // Rounded half away from zero to the currency's digits, as Intl does.
  const fraction = number[2] ?? '';
  let units = BigInt(number[1]! + fraction.slice(0, digits).padEnd(digits, '0'));
  if (fraction.charCodeAt(digits) >= 53 /* '5' */) units += 1n;
  const text = units.toString().padStart(digits + 1, '0');
  const whole = group(text.slice(0, text.length - digits), format, format.group);
  const value = digits ? `${whole}${format.decimal}${text.slice(-digits)}` : whole;
  const symbol = format.symbols[currencyCode] ?? currencyCode;
  if (format.pattern === '#¤') return `${value}${NBSP}${symbol}`;
  const space = format.pattern !== '¤#' || !/[\p{S}\p{Z}]$/u.test(symbol) ? NBSP : '';
  return `${symbol}${space}${value}`;
}

/** A non-negative safe integer as `Intl.NumberFormat(locale)` shows it, or `undefined` when not covered. */
export function formatIntegerFast(value: number, locale: string): string | undefined {
  const format = formatOf(locale);
  if (!format || !Number.isSafeInteger(value) || value < 0 || Object.is(value, -0)) return undefined;
  return group(String(value), format, format.numberGroup);
}

/**
 * The covered locale tags and currencies.
 * @internal for tests
 */
export function fastFormats(): { locales: string[]; currencies: string[] } {
  formats ??= parse();
  return { locales: [...formats.keys()], currencies: Object.keys(CURRENCIES) };
}
