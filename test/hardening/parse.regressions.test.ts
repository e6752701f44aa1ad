/**
 * The bugs the property tests (parse.property.test.ts) found in src/core/parse.ts, pinned
 * as plain examples so each stays fixed even if a random run misses it.
 */
import { expect } from '@open-wc/testing';
import { parseProduct, parseProducts, safeUrl, type ParseResult } from '../../src/core/parse.js';
import { parseCart } from '../../src/core/parse-cart.js';
import { parseShowEvent } from '../../src/core/parse-event.js';
import { validateCart, validateProduct, validateShowEvent } from './validate.js';

const valueOf = <T>(result: ParseResult<T>): T | undefined => (result.ok ? result.value : undefined);
const eur = (amount: string) => ({ amount, currencyCode: 'EUR' });
const product = { id: 'p1', title: 'Beanie', price: eur('29.00') };
const line = { id: 'l1', productId: 'p1', variantId: 'v1', title: 'Beanie', quantity: 1, unitPrice: eur('29.00'), total: eur('29.00') };

describe('hardening: parser regressions', () => {
  it('refuses an id made only of control characters (it used to become "")', () => {
    expect(parseProduct({ ...product, id: '\u0001\u0002' }).ok).to.equal(false);
    expect(valueOf(parseProduct({ ...product, variants: [{ id: '\u0000', price: eur('1.00') }] }))?.variants.map((v) => v.id)).to.deep.equal(['p1']);
  });

  it('replaces lone surrogates in texts and refuses them in ids (encodeURIComponent throws on them)', () => {
    const result = parseProduct({ ...product, title: 'Bea\ud800nie' });
    expect(result.ok && result.value.title).to.equal('Bea\ufffdnie');
    expect(() => encodeURIComponent(result.ok ? result.value.title : '')).not.to.throw();
    expect(parseProduct({ ...product, id: 'p\udc00' }).ok).to.equal(false);
  });

  it('drops a URL whose normalised form is longer than the limit', () => {
    const url = `https://cdn.example.com/${'é'.repeat(1_000)}`; // 1,024 characters, 6,024 once percent-encoded
    expect(safeUrl(url)).to.equal(undefined);
    expect(valueOf(parseProduct({ ...product, image: url }))?.image).to.equal(undefined);
  });

  it('refuses a cart whose lines are in another currency than its subtotal', () => {
    const result = parseCart({ id: 'c1', lines: [{ ...line, unitPrice: { amount: '29.00', currencyCode: 'USD' }, total: { amount: '29.00', currencyCode: 'USD' } }], subtotal: eur('29.00') });
    expect(result.ok).to.equal(false);
    expect(result.ok ? '' : result.error.code).to.equal('cart/invalid');
  });

  it('keeps only safe-integer counts', () => {
    const p = parseProduct({ ...product, inventory: 1e300 });
    expect(p.ok && validateProduct(p.value)).to.deep.equal([]);
    expect(valueOf(p)?.inventory).to.equal(undefined);
    const cart = parseCart({ id: 'c1', lines: [line], subtotal: eur('29.00'), totalQuantity: 1e300 });
    expect(cart.ok && cart.value.totalQuantity).to.equal(1);
    expect(cart.ok && validateCart(cart.value)).to.deep.equal([]);
    const viewers = parseShowEvent('viewers', '{"count":1e300}');
    expect(viewers.ok).to.equal(false);
  });

  it('bounds a variant title made of its option values', () => {
    const options = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`o${i}`, 'x'.repeat(300)]));
    const result = parseProduct({ ...product, variants: [{ id: 'v1', price: eur('29.00'), options }] });
    expect(result.ok && result.value.variants[0].title.length).to.be.at.most(301);
  });

  it('cleans the SSE event id', () => {
    const result = parseShowEvent('highlight', '{"productId":"p1"}', undefined, 'h-1\u0000\u001b[31m');
    expect(result.ok && result.value).to.deep.equal({ type: 'highlight', productId: 'p1', id: 'h-1[31m' });
    expect(result.ok && validateShowEvent(result.value)).to.deep.equal([]);
  });

  it('drops a product whose getters throw instead of throwing (parseProducts never throws)', () => {
    const trap = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('boom'); } });
    const result = parseProducts([trap, product]);
    expect(result.value.map((p) => p.id)).to.deep.equal(['p1']);
    expect(result.issues[0].reason).to.match(/product dropped/);
  });
});
