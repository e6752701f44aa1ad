import { expect } from '@open-wc/testing';
import { createRestCart } from '../../src/adapters/rest/index.js';
import { rejection, signal } from './helpers.js';

// The demo backend (examples/backend) behind test/servers/show-cart.mjs.
const BASE = '/__show/demo/cart';
const storageKey = (base: string) => `vitrine:cart:${new URL(base, location.href).href}`;

describe('createRestCart (docs/cart-protocol.md, real HTTP against the demo backend)', () => {
  afterEach(() => sessionStorage.clear());

  it('creates a cart on the first add, then reads, updates and removes lines', async () => {
    const cart = createRestCart(BASE);
    expect(await cart.getCart(signal())).to.equal(null);
    const added = await cart.addLine({ productId: 'p1', variantId: 'p1-2', quantity: 1 }, signal());
    expect(added.lines).to.have.length(1);
    expect(added.lines[0]).to.include({ productId: 'p1', variantId: 'p1-2', quantity: 1, variantTitle: 'Forest' });
    expect(added.subtotal).to.deep.equal({ amount: '29.00', currencyCode: 'EUR' });
    expect(added.checkoutUrl).to.match(/^http:\/\/.+\/checkout\//);
    expect(cart.cartId).to.equal(added.id);

    const again = await cart.getCart(signal());
    expect(again?.id).to.equal(added.id);
    const updated = await cart.updateLine(added.lines[0]!.id, 3, signal());
    expect(updated.lines[0]!.quantity).to.equal(3);
    expect(updated.subtotal.amount).to.equal('87.00');
    const removed = await cart.removeLine(added.lines[0]!.id, signal());
    expect(removed.lines).to.have.length(0);
    expect(removed.totalQuantity).to.equal(0);
  });

  it('maps 409 out_of_stock to cart/out-of-stock with the server message, and adds nothing', async () => {
    const cart = createRestCart(BASE);
    const error = await rejection(cart.addLine({ productId: 'p6', variantId: 'p6', quantity: 4 }, signal()));
    expect(error.code).to.equal('cart/out-of-stock');
    expect(error.message).to.equal('Only 3 left of Cedar & fig candle.');
    const current = await cart.getCart(signal());
    expect(current?.lines ?? []).to.have.length(0);
    // Within the stock it works.
    const ok = await cart.addLine({ productId: 'p6', variantId: 'p6', quantity: 3 }, signal());
    expect(ok.lines[0]!.quantity).to.equal(3);
  });

  it('retries an add whose response was lost with the SAME Idempotency-Key: one line, not two', async () => {
    const base = '/__show/lost/cart';
    const cart = createRestCart(base);
    const key = `key-${Math.random().toString(36).slice(2)}`;
    const result = await cart.addLine({ productId: 'p2', variantId: 'p2-1', quantity: 1, idempotencyKey: key }, signal());
    expect(result.lines).to.have.length(1);
    expect(result.lines[0]!.quantity).to.equal(1);
    expect(result.totalQuantity).to.equal(1);
    const posts = (await (await fetch('/__show/lost-log')).json()).filter(
      (r: { method: string; path: string; key: string }) => r.method === 'POST' && r.path.endsWith('/lines') && r.key === key,
    );
    expect(posts).to.have.length(2); // the lost one and its retry, with one key
    const fresh = await cart.getCart(signal());
    expect(fresh?.lines.map((l) => l.quantity)).to.deep.equal([1]);
  });

  it('uses one fresh Idempotency-Key per add when none is given (two adds are two adds)', async () => {
    const cart = createRestCart(BASE);
    await cart.addLine({ productId: 'p4', variantId: 'p4-1', quantity: 1 }, signal());
    const second = await cart.addLine({ productId: 'p4', variantId: 'p4-1', quantity: 1 }, signal());
    expect(second.lines[0]!.quantity).to.equal(2);
  });

  it('starts a new cart when the server forgot the old one (404 not_found)', async () => {
    sessionStorage.setItem(storageKey(BASE), 'expired-cart-id');
    const cart = createRestCart(BASE, { persist: true });
    expect(cart.cartId).to.equal('expired-cart-id');
    expect(await cart.getCart(signal())).to.equal(null);
    expect(sessionStorage.getItem(storageKey(BASE))).to.equal(null);
    const added = await cart.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, signal());
    expect(added.id).to.not.equal('expired-cart-id');
    expect(sessionStorage.getItem(storageKey(BASE))).to.equal(added.id);
  });

  it('an add to an expired cart goes to a new cart', async () => {
    sessionStorage.setItem(storageKey(BASE), 'gone');
    const cart = createRestCart(BASE, { persist: true });
    const added = await cart.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, signal());
    expect(added.id).to.not.equal('gone');
    expect(added.lines).to.have.length(1);
  });

  it('keeps the cart id in sessionStorage only with persistence (consent) on', async () => {
    const without = createRestCart(BASE);
    const a = await without.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, signal());
    expect(sessionStorage.length).to.equal(0);

    without.setPersist(true); // consent granted later: the current id is kept from now on
    expect(sessionStorage.getItem(storageKey(BASE))).to.equal(a.id);

    // "A page load later": a new adapter restores the same cart.
    const restored = createRestCart(BASE, { persist: true });
    expect((await restored.getCart(signal()))?.id).to.equal(a.id);

    restored.setPersist(false); // consent withdrawn: nothing stays stored
    expect(sessionStorage.getItem(storageKey(BASE))).to.equal(null);
  });

  it('namespaces the stored id by cart base URL', async () => {
    const one = createRestCart(BASE, { persist: true });
    const other = createRestCart('/__show/lost/cart', { persist: true });
    const a = await one.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, signal());
    expect(sessionStorage.getItem(storageKey(BASE))).to.equal(a.id);
    expect(sessionStorage.getItem(storageKey('/__show/lost/cart'))).to.equal(null);
    expect(other.cartId).to.equal(null);
  });

  it('maps a 400 to cart/invalid and a server failure to cart/unavailable', async () => {
    const cart = createRestCart(BASE);
    const invalid = await rejection(cart.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 0 }, signal()));
    expect(invalid.code).to.equal('cart/invalid');
    const broken = createRestCart('/__show/status/503', { retries: 1, timeout: 2000 });
    const unavailable = await rejection(broken.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, signal()));
    expect(unavailable.code).to.equal('cart/unavailable');
  });

  it('aborts a request when the signal aborts', async () => {
    const cart = createRestCart(BASE);
    const controller = new AbortController();
    const pending = cart.addLine({ productId: 'p1', variantId: 'p1-1', quantity: 1 }, controller.signal);
    controller.abort();
    try {
      await pending;
      expect.fail('should reject');
    } catch (error) {
      expect((error as Error).name).to.equal('AbortError');
    }
  });
});
