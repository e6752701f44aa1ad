import { expect } from '@open-wc/testing';
import { compare, currencyDigits, discountPercent, formatMoney, money, multiply, subtract, sum } from '../../src/core/money.js';

describe('money', () => {
  it('knows the minor digits of EUR, JPY and KWD', () => {
    expect(currencyDigits('EUR')).to.equal(2);
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KWD')).to.equal(3);
  });

  it('multiplies exactly: 3 x 19.99 is 59.97, not 59.970000000000006', () => {
    expect(multiply({ amount: '19.99', currencyCode: 'EUR' }, 3)).to.deep.equal({ amount: '59.97', currencyCode: 'EUR' });
    expect(multiply({ amount: '0.10', currencyCode: 'EUR' }, 3).amount).to.equal('0.30'); // 0.1 * 3 is 0.30000000000000004 as floats
  });

  it('adds subtotals exactly in EUR, JPY and KWD', () => {
    const eur = sum([multiply({ amount: '19.99', currencyCode: 'EUR' }, 3), { amount: '0.01', currencyCode: 'EUR' }, { amount: '0.1', currencyCode: 'EUR' }]);
    expect(eur).to.deep.equal({ amount: '60.08', currencyCode: 'EUR' });
    expect(sum([{ amount: '1500', currencyCode: 'JPY' }, { amount: '980', currencyCode: 'JPY' }])).to.deep.equal({ amount: '2480', currencyCode: 'JPY' });
    expect(sum([{ amount: '2.125', currencyCode: 'KWD' }, { amount: '0.875', currencyCode: 'KWD' }])).to.deep.equal({ amount: '3.000', currencyCode: 'KWD' });
    expect(multiply({ amount: '0.333', currencyCode: 'KWD' }, 3).amount).to.equal('0.999');
  });

  it('normalises to the currency digits and refuses to mix currencies', () => {
    expect(money('5', 'EUR').amount).to.equal('5.00');
    expect(money('5', 'JPY').amount).to.equal('5');
    expect(sum([], 'EUR').amount).to.equal('0.00');
    expect(() => sum([{ amount: '1', currencyCode: 'EUR' }, { amount: '1', currencyCode: 'USD' }])).to.throw(RangeError);
  });

  it('subtracts, compares and computes the saving', () => {
    expect(subtract({ amount: '39.00', currencyCode: 'EUR' }, { amount: '29.00', currencyCode: 'EUR' }).amount).to.equal('10.00');
    expect(compare({ amount: '10.00', currencyCode: 'EUR' }, { amount: '9.99', currencyCode: 'EUR' })).to.equal(1);
    expect(compare({ amount: '10', currencyCode: 'EUR' }, { amount: '10.00', currencyCode: 'EUR' })).to.equal(0);
    expect(discountPercent({ amount: '29.00', currencyCode: 'EUR' }, { amount: '39.00', currencyCode: 'EUR' })).to.equal(25);
    expect(discountPercent({ amount: '29.00', currencyCode: 'EUR' }, undefined)).to.equal(0);
    expect(discountPercent({ amount: '49.00', currencyCode: 'EUR' }, { amount: '39.00', currencyCode: 'EUR' })).to.equal(0);
  });

  it('formats for the locale from the decimal string', () => {
    const nbsp = /\u00a0|\u202f/g;
    expect(formatMoney({ amount: '1234.50', currencyCode: 'EUR' }, 'en-US')).to.equal('€1,234.50');
    expect(formatMoney({ amount: '1234.50', currencyCode: 'EUR' }, 'de-DE').replace(nbsp, ' ')).to.equal('1.234,50 €');
    expect(formatMoney({ amount: '1500', currencyCode: 'JPY' }, 'ja-JP')).to.match(/^[￥¥]1,500$/);
    expect(formatMoney({ amount: '2.125', currencyCode: 'KWD' }, 'en-US').replace(nbsp, ' ')).to.equal('KWD 2.125');
    expect(formatMoney({ amount: '29.00', currencyCode: 'EUR' }, 'ar-EG')).to.contain('€');
    // a 17-digit amount would lose precision as a float; the string keeps it
    expect(formatMoney({ amount: '123456789012345.67', currencyCode: 'USD' }, 'en-US')).to.equal('$123,456,789,012,345.67');
  });
});
