import { expect } from '@open-wc/testing';
import { defineMessages, formatDateTime, formatNumber, isRtl, resolveLocale } from '../../src/core/i18n.js';

const t = defineMessages({
  en: { play: 'Play', left: 'Only {count} left' },
  de: { play: 'Abspielen', left: 'Nur noch {count} übrig' },
  ar: { play: 'تشغيل' },
});

describe('i18n', () => {
  it('falls back from region to language to English', () => {
    expect(t('de-AT', 'play')).to.equal('Abspielen');
    expect(t('ar', 'left', { count: 3 })).to.equal('Only 3 left');
    expect(t('fr', 'play')).to.equal('Play');
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
});
