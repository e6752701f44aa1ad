/**
 * One i18n layer for every text: English inline (the base every lookup falls back to); German,
 * Arabic, French, Spanish, Italian, Dutch, Brazilian Portuguese and Japanese as lazy chunks
 * (src/locales/, one file per language), so a show carries only the page's language. A chunk is
 * loaded the first time an element asks for a text in that language, or earlier: the CDN loader
 * starts the page's one with the elements' code and the elements are defined once it is in (no
 * English first render); npm users may `await loadLocale()` before defining. Each component
 * folder declares its English messages with `defineMessages(namespace, …)`, beside it;
 * `registerMessages()` lets a merchant override any text or add a locale (README "Texts and
 * locales"). Lookup: the merchant's texts, then the shipped ones, for the exact tag (`de-at`),
 * then its language (`de`), then English. A text may have plural forms, chosen by
 * `Intl.PluralRules` from the `count` parameter (for the common locales' counts, by
 * number-formats.ts without it).
 */
import { formatIntegerFast, pluralFast } from './number-formats.js';

/** CLDR plural categories (`Intl.PluralRules`). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A text with plural forms: `other` is required; the locale's categories pick the rest. */
export type PluralText = Partial<Record<PluralCategory, string>> & { other: string };
/** One message: a string with `{name}` placeholders, or plural forms of it. */
export type Text = string | PluralText;
export type MessageTable = Record<string, Text>;
export type Messages<K extends string> = { en: Record<K, Text> } & Partial<Record<string, Partial<Record<K, Text>>>>;
/**
 * Texts of one locale for `registerMessages()`: by namespace (`show`, `player`, `carousel`,
 * `productCard`, `productDetail`, `addToCart`, `cart`, `cartDiscount`, `chat`, `moments`), then by
 * key (docs in README).
 */
export type LocaleMessages = Partial<Record<string, Partial<Record<string, Text>>>>;

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

export function isRtl(locale: string): boolean {
  return RTL.has(language(locale));
}

type Layer = Map<string, Map<string, MessageTable>>; // lowercased locale -> namespace -> table
const shipped: Layer = new Map();
const custom: Layer = new Map();
/** English texts by namespace: the complete key set. */
const english = new Map<string, MessageTable>();

function put(layer: Layer, locale: string, namespace: string, table: Partial<MessageTable>): void {
  const key = locale.toLowerCase();
  let byNamespace = layer.get(key);
  if (!byNamespace) layer.set(key, (byNamespace = new Map()));
  const existing = byNamespace.get(namespace) ?? {};
  const merged: MessageTable = { ...existing };
  for (const [name, text] of Object.entries(table)) if (text !== undefined) merged[name] = text;
  byNamespace.set(namespace, merged);
}

/**
 * Shipped locales other than English: one lazy chunk each. `pt` (any Portuguese) reads the
 * Brazilian texts, closer for a shopper in Portugal than English. The CDN loader (src/cdn.ts)
 * imports the same files for the page's language (the same chunks, the same module instances).
 */
const LAZY: Record<string, () => Promise<{ default: LocaleMessages }>> = {
  de: () => import('../locales/de.js'),
  ar: () => import('../locales/ar.js'),
  fr: () => import('../locales/fr.js'),
  es: () => import('../locales/es.js'),
  it: () => import('../locales/it.js'),
  nl: () => import('../locales/nl.js'),
  pt: () => import('../locales/pt-BR.js'),
  ja: () => import('../locales/ja.js'),
};
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever texts change (a locale chunk arrived, a merchant registered texts). */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Loads the shipped texts of a locale's language (a lazy chunk; a no-op for English and for
 * languages Vitrine does not ship). Elements call it themselves, and render English until the
 * texts arrive; a page may call it before defining the elements to render in its language from
 * the first frame (`await loadLocale('de')`; the CDN loader does so for the page's languages).
 */
export function loadLocale(locale: string): Promise<void> {
  const lang = language(locale);
  const load = LAZY[lang];
  if (!load) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = load().then(
      (module) => {
        for (const [namespace, table] of Object.entries(module.default)) if (table) put(shipped, lang, namespace, table);
        changed();
      },
      () => {
        loading.delete(lang); // a failed chunk: English meanwhile, and the next render tries again
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/**
 * Overrides texts or adds a locale, for every Vitrine element of the page (elements re-render).
 * Keys missing from `messages` keep their shipped text (or fall back to English).
 *
 * @example
 * registerMessages('en', { cart: { checkout: 'Pay now' } });
 * registerMessages('sv', { show: { live: 'Live', viewers: { one: '{count} tittar', other: '{count} tittar' } } });
 */
export function registerMessages(locale: string, messages: LocaleMessages): void {
  for (const [namespace, table] of Object.entries(messages)) if (table) put(custom, locale, namespace, table);
  changed();
}

/**
 * The texts shipped for one locale (exact lowercased tag), by namespace; `en` is the complete key
 * set every locale should cover.
 * @internal for tests
 */
export function shippedMessages(locale: string): ReadonlyMap<string, MessageTable> {
  return locale === 'en' ? english : (shipped.get(locale.toLowerCase()) ?? new Map());
}

function lookup(namespace: string, key: string, locale: string): Text | undefined {
  const tag = locale.toLowerCase();
  const lang = language(locale);
  return (
    custom.get(tag)?.get(namespace)?.[key] ??
    custom.get(lang)?.get(namespace)?.[key] ??
    shipped.get(tag)?.get(namespace)?.[key] ??
    shipped.get(lang)?.get(namespace)?.[key] ??
    custom.get('en')?.get(namespace)?.[key]
  );
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `count` in the locale (`few` for 3 in Arabic). */
export function pluralCategory(count: number, locale: string): PluralCategory {
  const fast = pluralFast(count, locale);
  if (fast) return fast;
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * Declares a component's messages under a namespace; returns its translator. A plural text
 * takes its form from the number in `params.count`.
 *
 * @example
 * const t = defineMessages('player', { en: { play: 'Play' } });
 * t('en-GB', 'play'); // 'Play' (and 'Abspielen' for 'de-AT' once src/locales/de.ts is loaded)
 * const c = defineMessages('cart', { en: { items: { one: '{count} item', other: '{count} items' } } });
 * c('en', 'items', { count: 1 }); // '1 item'
 */
export function defineMessages<K extends string>(namespace: string, messages: Messages<K>) {
  english.set(namespace, { ...english.get(namespace), ...messages.en }); // a namespace may be declared in parts (eager, lazy)
  for (const [locale, table] of Object.entries(messages)) if (table) put(shipped, locale, namespace, table);
  return (locale: string, key: K, params?: Record<string, string | number>): string => {
    if (!loading.has(language(locale)) && LAZY[language(locale)]) void loadLocale(locale);
    const text = lookup(namespace, key, locale) ?? messages.en[key];
    let template: string;
    if (typeof text === 'string') {
      template = text;
    } else {
      const count = params?.count;
      template = (typeof count === 'number' ? text[pluralCategory(count, locale)] : undefined) ?? text.other;
    }
    return params ? fill(template, params, locale) : template;
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Languages whose default digits are 0–9 (CLDR `latn`), where a count under 1,000 needs no
 * grouping: formatted without `Intl` (whose first use is ICU's start-up, a long task of ~50 ms on a
 * slow phone) even where the locale is not in core/number-formats.ts's table. Arabic, Persian,
 * Bengali … always go through `Intl`.
 */
const LATIN_DIGITS = new Set(
  'en de fr es it pt nl sv da nb nn no fi is pl cs sk hu ro hr sl sr bs et lv lt tr el ru uk be bg mk ka hy sq ca gl eu ga cy mt af sw id ms tl vi th he ja zh ko hi'.split(' '),
);

/** Formats an integer count for the locale (`1.234` in German). */
export function formatNumber(value: number, locale: string): string {
  const fast = formatIntegerFast(value, locale);
  if (fast !== undefined) return fast;
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0) && !locale.includes('-u-') && LATIN_DIGITS.has(language(locale))) {
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
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/**
 * Formats a moment as a full date with a short time ("Sunday, November 29, 2026 at 5:05 PM").
 * American English without `Intl` (the scheduled show's headline would start ICU, a long task,
 * in its first view), in the browser's time zone as `Intl` would; any other locale with `Intl`.
 */
export function formatDateTime(epochMs: number, locale: string): string {
  const date = new Date(epochMs);
  const year = date.getFullYear();
  if ((locale === 'en' || locale === 'en-US') && year > 0) {
    const hours = date.getHours();
    const time = `${hours % 12 || 12}:${String(date.getMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
    return `${DAYS[date.getDay()]}, ${MONTHS[date.getMonth()]} ${date.getDate()}, ${year} at ${time}`;
  }
  try {
    // Created once per locale: the scheduled show's countdown asks every second.
    let format = dateTimeFormats.get(locale);
    if (!format) dateTimeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' })));
    return format.format(epochMs);
  } catch {
    return date.toUTCString();
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
 * Creates the locale's number format ahead of use, when the page is idle, where counts in that
 * locale need `Intl` (a locale that core/number-formats.ts does not cover): the first `Intl`
 * formatter of a page initialises ICU (a long task on a slow phone), better spent before the
 * products and prices arrive than while they render. A covered locale starts no ICU.
 */
export function warmIntl(locale: string): void {
  if (formatIntegerFast(1000, locale) === undefined) formatNumber(1000, locale);
}
