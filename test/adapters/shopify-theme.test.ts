// The Shopify theme-cart adapter against test/servers/shopify-theme.mjs, a local AJAX Cart API
// answering with the shapes of Shopify's documented responses.
import { expect } from '@open-wc/testing';
import { VitrineError } from '../../src/core/errors.js';
import { createShopifyThemeCart, numericId, THEME_CART_EVENTS } from '../../src/adapters/shopify-theme/index.js';
import type { Cart } from '../../src/core/types.js';
import { post, uid, until } from './helpers.js';

const S_LOW = '39897499729985';
const M_HIGH = 'gid://shopify/ProductVariant/39897499762753';
const MANA = '40000000000001';
const signal = () => new AbortController().signal;

function setup(options: Parameters<typeof createShopifyThemeCart>[0] = {}) {
  const root = `/__theme/${uid('theme')}/`;
  const cart = createShopifyThemeCart({ root, ...options });
  const log = async (): Promise<string[]> => (await fetch(`${root}__log`)).json();
  return { root, cart, log };
}

async function rejection(promise: Promise<unknown>): Promise<VitrineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(VitrineError);
    return error as VitrineError;
  }
  throw new Error('expected a rejection');
}

describe('Shopify theme cart (AJAX Cart API)', () => {
  it('an empty theme cart is null; add posts the variant id to cart/add.js and reads cart.js, in decimal money', async () => {
    const { cart, log } = setup();
    expect(await cart.getCart(signal())).to.equal(null);
    const after = await cart.addLine({ productId: 'gid://shopify/Product/6786188247105', variantId: M_HIGH, quantity: 2 }, signal());
    expect(await log()).to.deep.equal(['GET cart.js', 'POST cart/add.js', 'GET cart.js']);
    expect(after.lines).to.have.length(1);
    const [line] = after.lines;
    expect(line).to.deep.include({
      productId: '6786188247105',
      variantId: '39897499762753',
      title: 'Health potion',
      variantTitle: 'M / High',
      quantity: 2,
      unitPrice: { amount: '34.50', currencyCode: 'EUR' },
      total: { amount: '69.00', currencyCode: 'EUR' },
      image: 'https://cdn.shopify.com/s/files/1/0524/8794/6424/products/health-potion.jpg?v=1650325393',
    });
    expect(line!.id).to.match(/^39897499762753:/); // the line item key
    expect(after.subtotal).to.deep.equal({ amount: '69.00', currencyCode: 'EUR' });
    expect(after.totalQuantity).to.equal(2);
    expect(after.checkoutUrl).to.equal(new URL('/checkout', location.href).href);
    expect(await cart.checkout!(signal())).to.equal(after.checkoutUrl);
  });

  it('a default-title product has no variant title; quantities change and lines go through cart/change.js with the line key', async () => {
    const { cart, log } = setup();
    let c = await cart.addLine({ productId: '6786188279873', variantId: MANA, quantity: 1 }, signal());
    expect(c.lines[0]!.variantTitle).to.equal(undefined);
    expect(c.lines[0]!.unitPrice.amount).to.equal('1200.50');
    c = await cart.updateLine(c.lines[0]!.id, 3, signal());
    expect(c.lines[0]!.quantity).to.equal(3);
    expect(c.subtotal.amount).to.equal('3601.50');
    c = await cart.removeLine(c.lines[0]!.id, signal());
    expect(c.lines).to.deep.equal([]);
    expect((await log()).filter((r) => r.includes('change'))).to.deep.equal(['POST cart/change.js', 'POST cart/change.js']);
  });

  it('over stock is cart/out-of-stock with Shopify’s description; an unknown line key is cart/invalid', async () => {
    const { cart } = setup();
    const c = await cart.addLine({ productId: 'p', variantId: S_LOW, quantity: 3 }, signal());
    const error = await rejection(cart.addLine({ productId: 'p', variantId: S_LOW, quantity: 1 }, signal()));
    expect(error.code).to.equal('cart/out-of-stock');
    expect(error.message).to.equal('All 3 Health potion - S / Low are in your cart.');
    expect((await rejection(cart.updateLine('nope:1', 1, signal()))).code).to.equal('cart/invalid');
    expect(c.lines[0]!.quantity).to.equal(3);
  });

  it('applyDiscount sends the whole set to cart/update.js and reads the amount; an inapplicable code is cart/invalid-code and is taken out again', async () => {
    const { cart, root } = setup();
    await cart.addLine({ productId: 'p', variantId: M_HIGH, quantity: 2 }, signal());
    let c = await cart.applyDiscount!('WINTER10', signal());
    expect(c.discounts).to.deep.equal([{ code: 'WINTER10', amount: { amount: '6.90', currencyCode: 'EUR' } }]);
    expect(c.total).to.deep.equal({ amount: '62.10', currencyCode: 'EUR' });
    const error = await rejection(cart.applyDiscount!('NOPE', signal()));
    expect(error.code).to.equal('cart/invalid-code');
    const raw = await (await fetch(`${root}cart.js`)).json();
    expect(raw.discount_codes).to.deep.equal([{ code: 'WINTER10', applicable: true }]);
    c = await cart.removeDiscount!('WINTER10', signal());
    expect(c.discounts).to.equal(undefined);
    expect(c.total!.amount).to.equal('69.00');
  });

  it('subscribe: the theme’s own changes arrive on its cart events, on focus and on visibility; our own changes notify the theme once', async () => {
    const { cart, root } = setup();
    const seen: Array<Cart | null> = [];
    const notifications: string[] = [];
    const onRefresh = (e: Event) => notifications.push(JSON.stringify((e as CustomEvent).detail));
    document.addEventListener('cart:refresh', onRefresh);
    const stop = cart.subscribe!((c) => seen.push(c));
    try {
      await post(`${root}__theme-add`, { variant: Number(S_LOW), quantity: 1 }); // the theme's drawer adds
      document.dispatchEvent(new CustomEvent('cart:updated'));
      await until(() => seen.length === 1, 'the cart:updated event');
      expect(seen[0]!.lines[0]!.quantity).to.equal(1);
      await post(`${root}__theme-add`, { variant: Number(S_LOW), quantity: 1 });
      window.dispatchEvent(new Event('focus'));
      await until(() => seen.length === 2, 'focus');
      expect(seen[1]!.lines[0]!.quantity).to.equal(2);
      window.dispatchEvent(new Event('focus')); // nothing changed: no call
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).to.have.length(2);
      await cart.addLine({ productId: 'p', variantId: MANA, quantity: 1 }, signal());
      expect(notifications).to.deep.equal([JSON.stringify({ source: 'vitrine' })]);
      expect(THEME_CART_EVENTS).to.include('cart:refresh');
    } finally {
      stop();
      document.removeEventListener('cart:refresh', onRefresh);
    }
    await post(`${root}__theme-add`, { variant: Number(S_LOW), quantity: 1 });
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).to.have.length(2); // stopped; and Vitrine's own change was not reported back to it
  });

  it('numericId takes Shopify gids and plain ids', () => {
    expect(numericId('gid://shopify/ProductVariant/123')).to.equal('123');
    expect(numericId(456)).to.equal('456');
  });
});
