import { expect } from '@open-wc/testing';
import { formatNumber, language, pluralCategory } from '../../src/core/i18n.js';
import { currencyDigits, formatMoney, isCurrencyCode } from '../../src/core/money.js';
import { fastFormats, formatIntegerFast, formatMoneyFast, knownCurrencyDigits, pluralFast } from '../../src/core/number-formats.js';

const AMOUNTS = ['0', '0.5', '1', '9.99', '12.5', '999.99', '1000', '1234.56', '12345.67', '99999.99', '1000000', '1000000.00', '123456789012.34'];
/** More digits than the currency has: Intl rounds them. */
const ROUNDED = ['0.004', '0.005', '9.995', '999.995', '12.345', '1234.5'];

const visible = (s: string | undefined) => s?.replace(/\u00a0/g, '⍽').replace(/\u202f/g, '⌴');
const intlMoney = (amount: string, currency: string, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as unknown as number);

describe('number formats without Intl', () => {
  const { locales, currencies } = fastFormats();

  it('covers the common storefront locales and currencies, each known to this browser as itself', () => {
    for (const tag of ['en', 'en-US', 'en-GB', 'de', 'de-DE', 'de-AT', 'de-CH', 'fr', 'fr-FR', 'fr-CA', 'es', 'it', 'pt-BR', 'pt-PT', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ja']) {
      expect(locales, tag).to.include(tag);
    }
    expect(currencies).to.include.members(['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'JPY']);
    // Compared below with Intl's own data for the language, not with a fallback to another one.
    for (const locale of locales) expect(language(new Intl.NumberFormat(locale).resolvedOptions().locale), locale).to.equal(language(locale));
  });

  it('formats every covered locale x currency x amount exactly as Intl does', () => {
    let checked = 0;
    for (const locale of locales) {
      for (const currency of currencies) {
        for (const amount of [...AMOUNTS, ...ROUNDED]) {
          const expected = intlMoney(amount, currency, locale);
          const what = `${locale} ${currency} ${amount}`;
          const covered = (amount.split('.')[1] ?? '').length <= knownCurrencyDigits(currency)!;
          expect(visible(formatMoneyFast(amount, currency, locale)), what).to.equal(covered ? visible(expected) : undefined);
          expect(formatMoney({ amount, currencyCode: currency }, locale), what).to.equal(expected);
          if (covered) checked++;
        }
      }
    }
    // Every amount of AMOUNTS in the 2-digit currencies, and the whole ones in JPY, without Intl.
    expect(checked).to.be.greaterThan(locales.length * (currencies.length - 1) * AMOUNTS.length);
  });

  it('formats counts of every covered locale exactly as Intl does', () => {
    for (const locale of locales) {
      for (const n of [0, 7, 999, 1000, 1234, 9999, 12345, 999999, 1234567, Number.MAX_SAFE_INTEGER]) {
        const expected = new Intl.NumberFormat(locale).format(n);
        expect(visible(formatIntegerFast(n, locale)), `${locale} ${n}`).to.equal(visible(expected));
        expect(formatNumber(n, locale), `${locale} ${n}`).to.equal(expected);
      }
    }
  });

  it('gives the plural category of counts in every covered locale exactly as Intl does', () => {
    const counts = [...Array.from({ length: 2501 }, (_, i) => i), 10_000, 100_000, 1_000_000, 2_000_000, 1_000_001, 21_000_000, 1e9, Number.MAX_SAFE_INTEGER];
    for (const locale of locales) {
      const rules = new Intl.PluralRules(locale);
      for (const n of counts) {
        expect(pluralFast(n, locale), `${locale} ${n}`).to.equal(rules.select(n));
        expect(pluralCategory(n, locale), `${locale} ${n}`).to.equal(rules.select(n));
      }
    }
    // Fractions, negative numbers and other locales are Intl's.
    for (const [n, locale] of [[1.5, 'en'], [-1, 'en'], [2, 'ar'], [3, 'ru'], [1, 'pt-AO']] as const) {
      expect(pluralFast(n, locale), `${locale} ${n}`).to.equal(undefined);
      expect(pluralCategory(n, locale), `${locale} ${n}`).to.equal(new Intl.PluralRules(locale).select(n));
    }
  });

  it('knows the digits of the covered currencies as Intl does, and that they are currency codes', () => {
    for (const currency of currencies) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
      expect(knownCurrencyDigits(currency), currency).to.equal(digits);
      expect(currencyDigits(currency), currency).to.equal(digits);
      expect(isCurrencyCode(currency), currency).to.equal(true);
    }
  });

  it('leaves every other locale, currency, amount and number to Intl, with Intl`s output', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['1234.56', 'EUR', 'en-IN'], // Indian grouping
      ['1234.56', 'EUR', 'ar-EG'], // Arabic digits
      ['1234.56', 'EUR', 'de-u-nu-arab'],
      ['1234.56', 'EUR', 'he'],
      ['1234.56', 'EUR', 'es-MX'],
      ['1234.56', 'INR', 'en'],
      ['1234.567', 'KWD', 'en'],
      ['1234.56', 'BRL', 'pt-BR'],
      ['-12.50', 'EUR', 'en'], // negatives
      ['-12.50', 'EUR', 'nl'],
      ['1e3', 'EUR', 'en'], // not a plain decimal string
      ['007', 'EUR', 'en'],
      ['9.995', 'EUR', 'en'], // to round
      ['1234.56', 'EUR', 'EN-us'], // not canonical
      ['1234.56', 'EUR', undefined], // the browser's default locale
    ];
    for (const [amount, currency, locale] of cases) {
      expect(formatMoneyFast(amount, currency, locale), `${locale} ${currency} ${amount}`).to.equal(undefined);
      const expected = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as unknown as number);
      expect(formatMoney({ amount, currencyCode: currency }, locale)).to.equal(expected);
    }
    for (const [n, locale] of [[-3, 'en'], [-0, 'de'], [2.5, 'en'], [1234, 'hi'], [1234, 'ar'], [12345, 'en-IN']] as const) {
      expect(formatIntegerFast(n, locale), `${locale} ${n}`).to.equal(undefined);
      expect(formatNumber(n, locale), `${locale} ${n}`).to.equal(new Intl.NumberFormat(locale).format(n));
    }
    expect(knownCurrencyDigits('KWD')).to.equal(undefined);
    // Intl takes any well-formed code; isCurrencyCode asks the form without constructing a formatter.
    expect(new Intl.NumberFormat('en', { style: 'currency', currency: 'ZZZ' }).format(1)).to.equal('ZZZ\u00a01.00');
    expect([isCurrencyCode('KWD'), isCurrencyCode('ZZZ'), isCurrencyCode('eur'), isCurrencyCode('EURO'), isCurrencyCode(978)]).to.deep.equal([true, true, false, false, false]);
    expect(currencyDigits('KWD')).to.equal(3);
  });
});
