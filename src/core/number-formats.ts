/**
 * Prices and counts for the common locales and currencies without `Intl`. The page's first
 * `Intl.NumberFormat` starts ICU, one long task that cannot be split (~55 ms on a desktop, ~220 ms
 * at 4x CPU); a show's first view (prices in the rail and the pinned card, the viewer and cart
 * counts) is formatted from this table instead, to the very text of `Intl` (Chromium's CLDR data:
 * test/core/number-formats.test.ts compares every covered locale, currency and amount with `Intl`).
 * Anything else (another locale or currency, a negative amount or one to round, a numbering
 * system) goes to `Intl`.
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
 * - the symbols that differ from `SYMBOLS` (for a regional tag: from its language's); a code
 *   alone: the code is the symbol.
 */
const FORMATS =
  'en,en-US ¤#,. USD$ AUDA$ JPY¥;de,de-DE,de-LU #¤., USD$ AUDAU$ JPY¥;fr,fr-FR,fr-BE #¤\u202f, USD$US GBP£GB CAD$CA AUD$AU;' +
  'es,es-ES #¤.,2 GBP CAD;it,it-IT #¤.,2 USD AUDA$;pt,pt-BR ¤_#., AUDAU$ JPYJP¥;nl,nl-NL,nl-BE ¤_#., CADC$ AUDAU$ JPYJP¥;' +
  'sv,sv-SE #¤_, GBP SEKkr NOKNkr DKKDkr;da,da-DK #¤., DKKkr. AUDAU$ JPYJP¥;nb,no,nb-NO,no-NO #¤_, USD NOKkr CAD;' +
  'fi,fi-FI #¤_, USD$ CAD JPY¥;pl,pl-PL #¤_,2 USD GBP PLNzł CAD;cs,cs-CZ #¤_, CZKKč AUDAU$ JPYJP¥;' +
  'ja,ja-JP ¤#,. USD$ AUDA$ JPY￥;en-GB,en-IE USDUS$ JPYJP¥;en-CA USDUS$ CAD$ JPYJP¥;en-AU EUR USD GBP CAD AUD$ JPY;' +
  "de-AT ¤_#.,_;de-CH ¤_#'. EUR;fr-CA #¤_, USD$_US GBP£ CAD$ AUD$_AU JPY¥;fr-CH #¤\u202f.;pt-PT #¤_,2";

/** A currency's symbol unless the locale says otherwise; not listed: its ISO code. */
const SYMBOLS: Record<string, string> = { EUR: '€', USD: 'US$', GBP: '£', CAD: 'CA$' };

/** The currencies formatted without `Intl`: two minor digits, JPY none. */
const CURRENCIES = 'EUR USD GBP CHF SEK NOK DKK PLN CZK CAD AUD JPY'.split(' ');

/** A pattern of `FORMATS`: position, group and decimal separators, minimum grouping, group of plain numbers. */
const PATTERN = /^(¤\u00a0?#|#¤)(.)(.)(2?)(.?)$/u;

/** A locale's pattern (`PATTERN`'s groups) and currency symbols. */
type Format = [pattern: string[], symbols: Record<string, string>];

let formats: Map<string, Format> | undefined;

function parse(): Map<string, Format> {
  const byTag = new Map<string, Format>();
  for (const entry of FORMATS.replace(/_/g, NBSP).split(';')) {
    const [tags = '', ...fields] = entry.split(' ');
    const names = tags.split(',');
    const parent = byTag.get(names[0]!.split('-')[0]!);
    const pattern = PATTERN.exec(fields[0] ?? '') ?? parent![0];
    if (pattern !== parent?.[0]) fields.shift();
    const symbols = { ...(parent?.[1] ?? SYMBOLS) };
    for (const o of fields) symbols[o.slice(0, 3)] = o.slice(3) || o;
    for (const name of names) byTag.set(name, [pattern, symbols]);
  }
  return byTag;
}

/**
 * `amount` (a plain decimal string) with `digits` fraction digits in the locale's pattern, with
 * the currency's symbol when `currencyCode` is given; `undefined` when the locale is not covered
 * or the amount would need rounding.
 */
function format(locale: string | undefined, amount: string, digits: number, currencyCode?: string): string | undefined {
  const entry = locale ? (formats ??= parse()).get(locale) : undefined;
  const [, whole, fraction = ''] = /^(0|[1-9]\d*)(?:\.(\d+))?$/.exec(amount) ?? [];
  if (!entry || !whole || fraction.length > digits) return undefined;
  const [[, position, group, decimal, min2, numberGroup], symbols] = entry;
  const grouped = whole.length < (min2 ? 5 : 4) ? whole : whole.replace(/\B(?=(\d{3})+$)/g, currencyCode ? group! : numberGroup || group!);
  const value = grouped + (digits ? decimal + fraction.padEnd(digits, '0') : '');
  if (!currencyCode) return value;
  const symbol = symbols[currencyCode] ?? currencyCode;
  if (position === '#¤') return `${value}${NBSP}${symbol}`;
  // CLDR's currency spacing: `CHF 12.50` but `CA$12.50`. The symbols of the `¤#` locales end in a
  // currency sign or an ASCII letter (a code): no `\p{S}` class, whose first use builds its
  // character set from ICU's data (a few ms at 4x CPU in a first view).
  return `${symbol}${position !== '¤#' || /[A-Za-z]$/.test(symbol) ? NBSP : ''}${value}`;
}

/** The minor digits of a covered currency, or `undefined`. */
export function knownCurrencyDigits(currencyCode: string): number | undefined {
  return CURRENCIES.includes(currencyCode) ? (currencyCode === 'JPY' ? 0 : 2) : undefined;
}

/**
 * A non-negative decimal amount string with at most the currency's digits, as
 * `Intl.NumberFormat(locale, { style: 'currency' })` shows it, or `undefined` when the locale,
 * the currency or the amount is not covered (an amount to round is left to Intl).
 */
export function formatMoneyFast(amount: string, currencyCode: string, locale: string | undefined): string | undefined {
  const digits = knownCurrencyDigits(currencyCode);
  return digits === undefined ? undefined : format(locale, amount, digits, currencyCode);
}

/** A non-negative safe integer as `Intl.NumberFormat(locale)` shows it, or `undefined` when not covered. */
export function formatIntegerFast(value: number, locale: string): string | undefined {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? format(locale, String(value), 0) : undefined;
}

/**
 * The CLDR plural category of a non-negative safe integer in a covered locale, as
 * `Intl.PluralRules(locale).select()` gives it, or `undefined` (another locale or number): the
 * page's first `Intl.PluralRules` starts ICU too (~27 ms at 4x CPU), and a show's first view has
 * counts ("0 items", "12 products"). Compared with `Intl` for every covered locale in
 * test/core/number-formats.test.ts.
 */
export function pluralFast(n: number, locale: string): 'one' | 'few' | 'many' | 'other' | undefined {
  if (!Number.isSafeInteger(n) || n < 0 || !(formats ??= parse()).has(locale)) return undefined;
  const language = locale.slice(0, 2);
  if (language === 'ja') return 'other';
  if (language === 'pl' || language === 'cs') {
    const units = n % 10;
    const tens = n % 100;
    if (n === 1) return 'one';
    if (units > 1 && units < 5 && (language === 'cs' ? n < 5 : tens < 12 || tens > 14)) return 'few';
    return language === 'pl' ? 'many' : 'other';
  }
  // French and Brazilian Portuguese: 0 is `one` too.
  if (n === 1 || (n === 0 && (language === 'fr' || locale === 'pt' || locale === 'pt-BR'))) return 'one';
  // Spanish, French, Italian and Portuguese: `many` for whole millions ("1 millón de …").
  return n && !(n % 1e6) && /^(es|fr|it|pt)$/.test(language) ? 'many' : 'other';
}

/**
 * The covered locale tags and currencies.
 * @internal for tests
 */
export function fastFormats(): { locales: string[]; currencies: string[] } {
  return { locales: [...(formats ??= parse()).keys()], currencies: CURRENCIES };
}
