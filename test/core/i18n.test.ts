import { expect } from '@open-wc/testing';
import {
  defineMessages,
  formatDateTime,
  formatNumber,
  isRtl,
  loadLocale,
  onMessagesChange,
  pluralCategory,
  registerMessages,
  resolveLocale,
} from '../../src/core/i18n.js';

const t = defineMessages('i18nTest', {
  en: { play: 'Play', left: 'Only {count} left' },
  de: { play: 'Abspielen', left: 'Nur noch {count} übrig' },
  ar: { play: 'تشغيل' },
});

describe('i18n', () => {
  it('falls back from region to language to English', () => {
    expect(t('de-AT', 'play')).to.equal('Abspielen');
    expect(t('ar', 'left', { count: 3 })).to.equal('Only 3 left');
    expect(t('sv', 'play')).to.equal('Play');
  });

  it('plural forms follow Intl.PluralRules in en, de and ar (zero, one, two, few, many, other)', () => {
    const p = defineMessages('i18nPlural', {
      en: { items: { one: '{count} item', other: '{count} items' } },
      de: { items: { one: '{count} Artikel', other: '{count} Artikel' } },
      ar: { items: { zero: 'لا منتجات', one: 'منتج واحد', two: 'منتجان', few: '{count} منتجات', many: '{count} منتجًا', other: '{count} منتج' } },
    });
    expect(p('en', 'items', { count: 1 })).to.equal('1 item');
    expect(p('en', 'items', { count: 0 })).to.equal('0 items');
    expect(p('en', 'items', { count: 2 })).to.equal('2 items');
    expect(p('de', 'items', { count: 1 })).to.equal('1 Artikel');
    expect(p('de', 'items', { count: 1234 })).to.equal('1.234 Artikel');
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(p('ar', 'items', { count: 0 })).to.equal('لا منتجات');
    expect(p('ar', 'items', { count: 1 })).to.equal('منتج واحد');
    expect(p('ar', 'items', { count: 2 })).to.equal('منتجان');
    expect(p('ar', 'items', { count: 3 })).to.equal(`${ar(3)} منتجات`);
    expect(p('ar', 'items', { count: 11 })).to.equal(`${ar(11)} منتجًا`);
    expect(p('ar', 'items', { count: 100 })).to.equal(`${ar(100)} منتج`);
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n, 'ar'))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    // A plural text without a number falls back to `other`; an invalid locale uses English rules.
    expect(p('en', 'items')).to.equal('{count} items');
    expect(pluralCategory(1, 'not a locale!')).to.equal('one');
  });

  it('registerMessages overrides a text, adds a locale, keeps the rest, and tells elements', () => {
    const m = defineMessages('i18nCustom', {
      en: { buy: 'Buy', close: 'Close', items: { one: '{count} item', other: '{count} items' } },
      de: { buy: 'Kaufen', close: 'Schließen' },
    });
    let changes = 0;
    const stop = onMessagesChange(() => (changes += 1));
    registerMessages('en', { i18nCustom: { buy: 'Buy now' } });
    registerMessages('sv', { i18nCustom: { close: 'Stäng', items: { one: '{count} vara', other: '{count} varor' } } });
    registerMessages('de-CH', { i18nCustom: { buy: 'Chaufe' } });
    stop();
    expect(changes).to.equal(3);
    expect(m('en-GB', 'buy')).to.equal('Buy now');
    expect(m('en', 'close')).to.equal('Close');
    expect(m('sv-SE', 'close')).to.equal('Stäng');
    expect(m('sv', 'items', { count: 1 })).to.equal('1 vara');
    expect(m('sv', 'items', { count: 5 })).to.equal('5 varor');
    expect(m('sv', 'buy')).to.equal('Buy now'); // missing in sv: the English override
    expect(m('de-CH', 'buy')).to.equal('Chaufe');
    expect(m('de-AT', 'buy')).to.equal('Kaufen'); // shipped German wins over the English override
    expect(m('de-CH', 'close')).to.equal('Schließen');
  });

  it('loads a shipped lazy locale (fr) on first use and tells elements when it arrived', async () => {
    const { messages } = await import('../../src/components/cart/cart.drawer.messages.js');
    let changed = 0;
    const stop = onMessagesChange(() => (changed += 1));
    messages('fr-CA', 'checkout'); // asks for the chunk
    await loadLocale('fr-CA');
    stop();
    expect(changed).to.be.greaterThan(0);
    expect(messages('fr-CA', 'checkout')).to.equal('Passer commande');
    const { messages: button } = await import('../../src/components/cart/cart.messages.js');
    expect(button('fr', 'button', { count: 1 })).to.equal('Panier, 1 article');
    expect(button('fr', 'button', { count: 2 })).to.equal('Panier, 2 articles');
    await loadLocale('pt-PT');
    expect(messages('pt-PT', 'checkout')).to.equal('Finalizar compra'); // any Portuguese reads pt-BR
  });

  it('formats placeholder numbers for the locale', () => {
    expect(t('de', 'left', { count: 1234 })).to.equal('Nur noch 1.234 übrig');
  });

  it('formats counts exactly as Intl does (small counts in Latin-digit languages skip Intl)', () => {
    for (const locale of ['en', 'en-US', 'de', 'de-AT', 'fr', 'sv', 'hi', 'ja', 'ar', 'ar-EG', 'fa', 'bn', 'de-u-nu-arab', 'xx']) {
      for (const n of [0, 7, 42, 999, 1000, 1234567, -3, 2.5]) {
        expect(formatNumber(n, locale), `${locale} ${n}`).to.equal(new Intl.NumberFormat(locale).format(n));
      }
    }
  });

  it('knows right-to-left languages', () => {
    expect(isRtl('ar-EG')).to.equal(true);
    expect(isRtl('de')).to.equal(false);
  });

  it('resolves the locale from the element, the closest lang, across shadow roots', () => {
    const outer = document.createElement('div');
    outer.lang = 'de-DE';
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(outer);
    expect(resolveLocale(inner)).to.equal('de-DE');
    expect(resolveLocale(inner, 'ar')).to.equal('ar');
    expect(resolveLocale(inner, 'not a locale!!')).to.equal('en');
    outer.remove();
  });

  it('formatDateTime: a full date and short time in the locale; an invalid locale or moment falls back instead of throwing', () => {
    const at = Date.UTC(2026, 10, 29, 17, 5);
    for (const locale of ['en-US', 'de-DE', 'ar-EG']) {
      expect(formatDateTime(at, locale)).to.equal(new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(at));
    }
    expect(formatDateTime(at, 'not a locale!')).to.equal(new Date(at).toUTCString());
    expect(formatDateTime(Number.NaN, 'en')).to.equal('Invalid Date');
  });

  it('formatDateTime in American English (without Intl) is exactly what Intl says, every hour, weekday and month', () => {
    const intl = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short' });
    for (let day = 0; day < 400; day += 3) {
      for (const [hour, minute] of [[0, 0], [0, 5], [9, 59], [11, 59], [12, 0], [12, 30], [13, 7], [23, 59]] as const) {
        const at = new Date(2026, 0, 1 + day, hour, minute).getTime();
        expect(formatDateTime(at, 'en-US'), new Date(at).toString()).to.equal(intl.format(at));
        expect(formatDateTime(at, 'en')).to.equal(intl.format(at));
      }
    }
    const early = new Date(999, 1, 3, 4, 5).getTime();
    expect(formatDateTime(early, 'en')).to.equal(intl.format(early));
  });
});
