import { expect } from '@open-wc/testing';
import type { VitrineError } from '../../src/core/errors.js';
import { createShopifyCart, createShopifyCatalog, endpoint } from '../../src/adapters/shopify/index.js';
import type { Cart } from '../../src/core/types.js';
import { rejection, signal } from './helpers.js';

// test/servers/show-shopify.mjs: validates every document against the Storefront schema.
const shop = { domain: `${location.origin}/__show/shopify`, token: 'test-storefront-token', apiVersion: '2026-04' };

describe('Shopify adapters (Storefront API stand-in over real HTTP)', () => {
  afterEach(() => sessionStorage.clear());

  it('builds the Storefront endpoint from a shop domain', () => {
    expect(endpoint({ domain: 'my-shop.myshopify.com', token: 't' })).to.equal('https://my-shop.myshopify.com/api/2026-04/graphql.json');
    expect(endpoint({ domain: 'my-shop.myshopify.com/', token: 't', apiVersion: '2025-10' })).to.equal(
      'https://my-shop.myshopify.com/api/2025-10/graphql.json',
    );
  });

  it('hydrates products by id (numeric or GID), mapping money, options and variants; a broken product is dropped', async () => {
    const issues: VitrineError[] = [];
    const catalog = createShopifyCatalog({ ...shop, inventory: true, onIssue: (e) => issues.push(e) });
    const products = await catalog.getProducts(['1', 'gid://shopify/Product/2', '3', '404'], signal());
    expect(products.map((p) => p.id)).to.deep.equal(['1', 'gid://shopify/Product/2']);
    const [scarf, candle] = products;
    expect(scarf!.price).to.deep.equal({ amount: '25.00', currencyCode: 'EUR' });
    expect(scarf!.compareAtPrice).to.deep.equal({ amount: '35.00', currencyCode: 'EUR' });
    expect(scarf!.options).to.deep.equal([{ name: 'Color', values: ['Red', 'Navy'] }]);
    expect(scarf!.variants.map((v) => [v.id, v.options, v.available])).to.deep.equal([
      ['gid://shopify/ProductVariant/11', { Color: 'Red' }, true],
      ['gid://shopify/ProductVariant/12', { Color: 'Navy' }, false],
    ]);
    expect(scarf!.url).to.equal('https://shop.example/products/wool-scarf');
    expect(scarf!.inventory).to.equal(5);
    // "Default Title": a product without options, its one variant named like the product.
    expect(candle!.options).to.deep.equal([]);
    expect(candle!.variants).to.have.length(1);
    expect(candle!.variants[0]).to.include({ id: 'gid://shopify/ProductVariant/21', title: 'Beeswax candle' });
    expect(candle!.compareAtPrice).to.equal(undefined); // "0.0" means none
    expect(issues.map((e) => e.code)).to.deep.equal(['show/invalid']);
  });

  it('runs the cart: create with a line, add, update, remove, read back; checkout at checkoutUrl', async () => {
    const cart = createShopifyCart(shop);
    expect(await cart.getCart(signal())).to.equal(null);
    const first = await cart.addLine({ productId: '1', variantId: 'gid://shopify/ProductVariant/11', quantity: 1 }, signal());
    expect(first.lines).to.have.length(1);
    expect(first.lines[0]).to.include({ productId: 'gid://shopify/Product/1', variantId: 'gid://shopify/ProductVariant/11', title: 'Wool scarf', variantTitle: 'Red', quantity: 1 });
    expect(first.lines[0]!.unitPrice).to.deep.equal({ amount: '25.00', currencyCode: 'EUR' });
    expect(first.checkoutUrl).to.match(/^https:\/\/shop\.example\/cart\/c\//);
    const second = await cart.addLine({ productId: '2', variantId: '21', quantity: 1 }, signal());
    expect(second.id).to.equal(first.id);
    expect(second.lines).to.have.length(2);
    expect(second.lines[1]!.variantTitle).to.equal(undefined); // Default Title
    expect(second.subtotal).to.deep.equal({ amount: '37.50', currencyCode: 'EUR' });
    const updated = await cart.updateLine(second.lines[0]!.id, 3, signal());
    expect(updated.lines[0]!.quantity).to.equal(3);
    expect(updated.subtotal.amount).to.equal('87.50');
    const removed = await cart.removeLine(second.lines[1]!.id, signal());
    expect(removed.lines).to.have.length(1);
    expect((await cart.getCart(signal()))?.totalQuantity).to.equal(3);
  });

  it('turns a stock warning into cart/out-of-stock and still shows what Shopify kept', async () => {
    const cart = createShopifyCart(shop);
    const seen: (Cart | null)[] = [];
    cart.subscribe!((c) => seen.push(c));
    const error = await rejection(cart.addLine({ productId: '2', variantId: '21', quantity: 5 }, signal()));
    expect(error.code).to.equal('cart/out-of-stock');
    expect(error.message).to.equal('Only 2 items were added to your cart due to availability.');
    expect(seen).to.have.length(1);
    expect(seen[0]!.lines[0]!.quantity).to.equal(2);
  });

  it('maps an unknown variant to a cart error, and an expired cart to a new one', async () => {
    const cart = createShopifyCart({ ...shop, persist: true });
    await cart.addLine({ productId: '1', variantId: '11', quantity: 1 }, signal());
    const bad = await rejection(cart.addLine({ productId: '9', variantId: '999', quantity: 1 }, signal()));
    expect(bad.code).to.equal('cart/not-found');
    expect(cart.cartId).to.not.equal(null); // the cart itself is fine

    sessionStorage.setItem(`vitrine:shopify-cart:${shop.domain}`, 'gid://shopify/Cart/expired');
    const restored = createShopifyCart({ ...shop, persist: true });
    expect(await restored.getCart(signal())).to.equal(null);
    const fresh = await restored.addLine({ productId: '1', variantId: '11', quantity: 1 }, signal());
    expect(fresh.id).to.not.equal('gid://shopify/Cart/expired');
    expect(sessionStorage.getItem(`vitrine:shopify-cart:${shop.domain}`)).to.equal(fresh.id);
  });

  it('stores the cart id only with persistence on', async () => {
    const cart = createShopifyCart(shop);
    await cart.addLine({ productId: '1', variantId: '11', quantity: 1 }, signal());
    expect(sessionStorage.length).to.equal(0);
  });

  it('reports a refused token as cart/unavailable', async () => {
    const cart = createShopifyCart({ ...shop, token: 'wrong' });
    const error = await rejection(cart.addLine({ productId: '1', variantId: '11', quantity: 1 }, signal()));
    expect(error.code).to.equal('cart/unavailable');
    expect(error.message).to.equal('The shop refused the storefront token.');
  });
});
