/**
 * One i18n layer for every text: English by default, German and Arabic shipped.
 * Each component folder declares its own messages with `defineMessages()`, so a
 * component's texts live beside it; `translate()` looks them up for a locale
 * (`de-AT` falls back to `de`, then English) and fills `{name}` placeholders.
 */

export type MessageTable = Record<string, string>;
export type Messages<K extends string> = { en: Record<K, string> } & Partial<Record<string, Partial<Record<K, string>>>>;

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

export function isRtl(locale: string): boolean {
  return RTL.has(language(locale));
}

/**
 * Declares a component's messages; returns its translator.
 *
 * @example
 * const t = defineMessages({ en: { play: 'Play' }, de: { play: 'Abspielen' }, ar: { play: 'تشغيل' } });
 * t('de-AT', 'play'); // 'Abspielen'
 */
export function defineMessages<K extends string>(messages: Messages<K>) {
  return (locale: string, key: K, params?: Record<string, string | number>): string => {
    const exact = messages[locale.toLowerCase()] as Partial<Record<K, string>> | undefined;
    const lang = messages[language(locale)] as Partial<Record<K, string>> | undefined;
    const template = exact?.[key] ?? lang?.[key] ?? messages.en[key];
    return params ? fill(template, params, locale) : template;
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Languages whose default digits are 0–9 (CLDR `latn`), where a count under 1,000 needs no
 * grouping: formatted without `Intl`, whose first use costs a long task (~50 ms on a slow phone)
 * at startup, for the cart's "0 items". Arabic, Persian, Bengali … always go through `Intl`.
 */
const LATIN_DIGITS = new Set(
  'en de fr es it pt nl sv da nb nn no fi is pl cs sk hu ro hr sl sr bs et lv lt tr el ru uk be bg mk ka hy sq ca gl eu ga cy mt af sw id ms tl vi th he ja zh ko hi'.split(' '),
);

/** Formats an integer count for the locale (`1.234` in German). */
export function formatNumber(value: number, locale: string): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !locale.includes('-u-') && LATIN_DIGITS.has(language(locale))) {
    return String(value);
  }
  let format = numberFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale);
    } catch {
      format = new Intl.NumberFormat('en');
    }
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats a moment as a full date with a short time ("Sunday, November 29, 2026 at 5:05 PM"). */
export function formatDateTime(epochMs: number, locale: string): string {
  try {
    // Created once per locale: the scheduled show's countdown asks every second.
    let format = dateTimeFormats.get(locale);
    if (!format) dateTimeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' })));
    return format.format(epochMs);
  } catch {
    return new Date(epochMs).toUTCString();
  }
}

function fill(template: string, params: Record<string, string | number>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/**
 * The locale an element should use: its own `locale`, else the closest `lang`
 * attribute (crossing shadow roots), else the page's, else the browser's.
 */
export function resolveLocale(element: Element | null, explicit?: string | null): string {
  if (explicit) return valid(explicit);
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang')) {
      return valid(node.getAttribute('lang')!);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return valid(globalThis.navigator?.language || 'en');
}

const canonical = new Map<string, string>();

/** The canonical form of a locale tag, cached: every card asks on every render. */
function valid(locale: string): string {
  let result = canonical.get(locale);
  if (result === undefined) {
    try {
      result = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      result = 'en';
    }
    if (canonical.size > 100) canonical.clear();
    canonical.set(locale, result);
  }
  return result;
}

/**
 * Creates the locale's number format ahead of use, when the page is idle: the first `Intl`
 * formatter of a page initialises ICU (a long task on a slow phone), better spent before the
 * products and prices arrive than while they render.
 */
export function warmIntl(locale: string): void {
  formatNumber(1000, locale);
}
