// Discount codes in every shipped cart adapter: the in-memory cart (codes configured by the page),
// the REST cart against the demo backend (docs/cart-protocol.md), and the Shopify cart against the local
// Storefront stand-in (cartDiscountCodesUpdate, its document validated against Shopify's schema there).
import { expect } from '@open-wc/testing';
import { createMemoryCart } from '../../src/adapters/memory/index.js';
import { createRestCart } from '../../src/adapters/rest/cart.js';
import { createShopifyCart } from '../../src/adapters/shopify/index.js';
import { eur, single } from '../components/product-card/fixtures.js';
import { rejection, signal } from './helpers.js';

describe('cart discounts: memory', () => {
  const products = [single('scarf', { price: eur('89.00') }), single('hat', { price: eur('10.00') })];
  const lookup = (id: string) => products.find((p) => p.id === id);

  it('takes the page’s codes (any case): a percentage and a fixed amount, never more than the subtotal; removes them', async () => {
    const cart = createMemoryCart({ lookup, discounts: { WINTER10: { percent: 10 }, BIG: { amount: '500.00' } } });
    await cart.addLine({ productId: 'scarf', variantId: 'scarf', quantity: 1 }, signal());
    let result = await cart.applyDiscount!('winter10', signal());
    expect(result.discounts).to.deep.equal([{ code: 'WINTER10', amount: eur('8.90') }]);
    expect(result.total).to.deep.equal(eur('80.10'));
    result = await cart.applyDiscount!('BIG', signal());
    expect(result.discounts!.map((d) => d.amount.amount)).to.deep.equal(['8.90', '80.10']);
    expect(result.total).to.deep.equal(eur('0.00'));
    // The discounts follow the cart's lines.
    result = await cart.addLine({ productId: 'hat', variantId: 'hat', quantity: 1 }, signal());
    expect(result.discounts![0]!.amount).to.deep.equal(eur('9.90'));
    result = await cart.removeDiscount!('big', signal());
    expect(result.total).to.deep.equal(eur('89.10'));
    const error = await rejection(cart.applyDiscount!('NOPE', signal()));
    expect(error.code).to.equal('cart/invalid-code');
  });

  it('without configured codes it has no applyDiscount (no "Apply code" is offered); a deal price is charged when given', async () => {
    const plain = createMemoryCart({ lookup });
    expect(plain.applyDiscount).to.equal(undefined);
    const deal = createMemoryCart({ lookup, dealPrice: (id) => (id === 'scarf' ? eur('59.00') : undefined) });
    const cart = await deal.addLine({ productId: 'scarf', variantId: 'scarf', quantity: 2 }, signal());
    expect(cart.lines[0]!.unitPrice).to.deep.equal(eur('59.00'));
    expect(cart.subtotal).to.deep.equal(eur('118.00'));
  });
});

describe('cart discounts: REST', () => {
  it('POST and DELETE {cart}/{id}/discounts; invalid_code is cart/invalid-code; a code before any product starts the cart', async () => {
    const cart = createRestCart('/__moments/demo/cart');
    let result = await cart.applyDiscount!('live10', signal());
    expect(result.discounts).to.deep.equal([{ code: 'LIVE10', amount: eur('0.00') }]);
    result = await cart.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, signal());
    expect(result.discounts![0]!.amount).to.deep.equal(eur('2.90'));
    expect(result.total).to.deep.equal(eur('26.10'));
    const error = await rejection(cart.applyDiscount!('NOPE', signal()));
    expect(error.code).to.equal('cart/invalid-code');
    expect(error.message).to.equal('This code can’t be used on this cart.');
    result = await cart.removeDiscount!('LIVE10', signal());
    expect(result.discounts).to.equal(undefined);
    expect(result.total).to.equal(undefined);
  });
});

describe('cart discounts: Shopify', () => {
  const shop = { domain: `${location.origin}/__show/shopify`, token: 'test-storefront-token', apiVersion: '2026-04' };

  it('cartDiscountCodesUpdate: a code that applies shows with its amount and the total; one that does not is cart/invalid-code and taken off', async () => {
    const cart = createShopifyCart(shop);
    await cart.addLine({ productId: '1', variantId: '11', quantity: 2 }, signal());
    let result = await cart.applyDiscount!('scarf10', signal());
    expect(result.discounts).to.deep.equal([{ code: 'scarf10', amount: eur('5.00') }]);
    expect(result.total).to.deep.equal(eur('45.00'));
    const error = await rejection(cart.applyDiscount!('NOPE', signal()));
    expect(error.code).to.equal('cart/invalid-code');
    const log: { operationName: string; variables: { discountCodes?: string[] } }[] = await (await fetch('/__show/shopify/log')).json();
    const updates = log.filter((l) => l.operationName === 'VitrineCartDiscountCodesUpdate').map((l) => l.variables.discountCodes);
    expect(updates.slice(-3)).to.deep.equal([['scarf10'], ['scarf10', 'NOPE'], ['scarf10']]);
    result = await cart.removeDiscount!('SCARF10', signal());
    expect(result.discounts).to.equal(undefined);
  });
});
