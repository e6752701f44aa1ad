import { expect } from '@open-wc/testing';
import { CartService, withAttribution } from '../../src/core/cart-service.js';
import { VitrineError } from '../../src/core/errors.js';
import { parseCart } from '../../src/core/parse-cart.js';
import { ShowStore, type StoreEvents } from '../../src/core/store.js';
import type { AddLineInput, Cart, CartAdapter } from '../../src/core/types.js';
import { createMemoryCart } from '../../src/adapters/memory/index.js';
import { catalog, eur, showOf, single } from '../components/product-card/fixtures.js';

function world(products = catalog(), checkoutUrl?: string) {
  const store = new ShowStore();
  store.setShow(showOf(products));
  const memory = createMemoryCart({ lookup: (id) => store.product(id), ...(checkoutUrl ? { checkoutUrl } : {}) });
  const calls: AddLineInput[] = [];
  let gate: Promise<void> = Promise.resolve();
  const adapter: CartAdapter & { release?: () => void } = {
    ...memory,
    async addLine(input, signal) {
      calls.push(input);
      await gate;
      return memory.addLine(input, signal);
    },
  };
  const hold = () => {
    gate = new Promise((resolve) => (adapter.release = resolve));
  };
  const navigated: string[] = [];
  const service = new CartService(store, adapter, { navigate: (url) => navigated.push(url) });
  const errors: StoreEvents['error'][] = [];
  store.bus.on('error', (e) => errors.push(e));
  return { store, memory, adapter, calls, hold, service, navigated, errors };
}

describe('CartService', () => {
  it('joins a second add of the same variant while one is in flight (one line, one request)', async () => {
    const { store, service, calls, hold, adapter } = world();
    const scarf = store.product('scarf')!;
    hold();
    const first = service.add(scarf, scarf.variants[0]);
    const second = service.add(scarf, scarf.variants[0]);
    expect(second).to.equal(first);
    expect(store.state.adding.has('scarf/scarf')).to.be.true;
    adapter.release!();
    const outcome = await first;
    expect(outcome.ok).to.be.true;
    expect(calls).to.have.length(1);
    expect(store.state.cart!.lines[0].quantity).to.equal(1);
    expect(store.state.adding.size).to.equal(0);
  });

  it('gives every shopper action its own idempotency key', async () => {
    const { store, service, calls } = world();
    const scarf = store.product('scarf')!;
    await service.add(scarf, scarf.variants[0]);
    await service.add(scarf, scarf.variants[0]);
    expect(calls).to.have.length(2);
    expect(calls[0].idempotencyKey).to.be.a('string').and.not.equal(calls[1].idempotencyKey);
    expect(store.state.cart!.lines[0].quantity).to.equal(2);
  });

  it('emits add-result once per action, with the error on failure, and adds nothing', async () => {
    const { store, service, errors } = world([single('last', { inventory: 0 }, { inventory: 0 })]);
    const results: StoreEvents['add-result'][] = [];
    store.bus.on('add-result', (r) => results.push(r));
    const product = store.product('last')!;
    const outcome = await service.add(product, product.variants[0]);
    expect(outcome.ok).to.be.false;
    expect(results).to.have.length(1);
    expect(results[0].error!.code).to.equal('cart/out-of-stock');
    expect(store.state.cart).to.equal(null);
    expect(store.state.addErrors.get('last')!.code).to.equal('cart/out-of-stock');
    expect(errors.map((e) => e.code)).to.deep.equal(['cart/out-of-stock']);
  });

  it('answers bus requests once connected, and stops after disconnect', async () => {
    const { store, service, calls } = world();
    const scarf = store.product('scarf')!;
    const off = service.connect();
    expect(service.connect()).to.equal(off);
    store.bus.emit('add-request', { product: scarf, variant: scarf.variants[0], quantity: 2, source: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.state.cart!.totalQuantity).to.equal(2);
    off();
    store.bus.emit('add-request', { product: scarf, variant: scarf.variants[0], quantity: 1, source: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).to.have.length(1);
  });

  it('tracks a merchant’s own add (respondWith): their cart is shown; their rejection is not re-reported', async () => {
    const { store, service, calls, errors } = world();
    const scarf = store.product('scarf')!;
    const theirs: Cart = { id: 'm1', lines: [], subtotal: eur('0.00'), totalQuantity: 7 };
    const ok = await service.track(scarf, scarf.variants[0], Promise.resolve(theirs));
    expect(ok.ok).to.be.true;
    expect(store.state.cart).to.equal(theirs);
    const failed = await service.track(scarf, scarf.variants[0], Promise.reject(new Error('Only in store')));
    expect(failed.ok).to.be.false;
    expect(failed.error!.message).to.equal('Only in store');
    expect(calls).to.have.length(0);
    expect(errors).to.have.length(0);
  });

  it('changes and removes lines with exact subtotals, and keeps a failure in cartError', async () => {
    const socks = single('s', { price: eur('19.99') });
    const mittens = single('m', { price: eur('24.50'), inventory: 3 }, { inventory: 3 });
    const { store, service } = world([socks, mittens]);
    await service.add(store.product('s')!, store.product('s')!.variants[0]);
    await service.add(store.product('m')!, store.product('m')!.variants[0]);
    const [s, m] = store.state.cart!.lines;
    await service.updateLine(s.id, 3);
    expect(store.state.cart!.subtotal).to.deep.equal(eur('84.47'));
    await service.updateLine(m.id, 4);
    expect(store.state.cartError!.code).to.equal('cart/out-of-stock');
    expect(store.state.cart!.subtotal).to.deep.equal(eur('84.47'));
    await service.removeLine(m.id);
    expect(store.state.cartError).to.equal(null);
    expect(store.state.cart!.subtotal).to.deep.equal(eur('59.97'));
    await service.updateLine(s.id, 0);
    expect(store.state.cart!.lines).to.have.length(0);
  });

  describe('checkout', () => {
    it('navigates to the cart’s checkoutUrl with attribution, after confirm', async () => {
      const { store, service, navigated } = world(catalog(), 'https://shop.example.com/checkout?c=1');
      await service.add(store.product('scarf')!, store.product('scarf')!.variants[0]);
      const seen: string[] = [];
      const outcome = await service.checkout((_cart, url) => (seen.push(url), true));
      const expected = 'https://shop.example.com/checkout?c=1&utm_source=vitrine&utm_medium=live_shopping&utm_campaign=show-42';
      expect(outcome).to.deep.equal({ status: 'navigated', url: expected });
      expect(seen).to.deep.equal([expected]);
      expect(navigated).to.deep.equal([expected]);
    });

    it('keeps checkingOut in the store from the request until the outcome (no timer)', async () => {
      const { store, service, adapter } = world(catalog(), 'https://shop.example.com/checkout');
      let answer: (url: string) => void = () => {};
      adapter.checkout = () => new Promise<string>((resolve) => (answer = resolve));
      const seen: boolean[] = [];
      const outcome = service.checkout(() => (seen.push(store.state.checkingOut), true));
      expect(store.state.checkingOut).to.equal(true);
      await new Promise((r) => setTimeout(r, 30));
      expect(store.state.checkingOut, 'still pending while the backend answers').to.equal(true);
      answer('https://shop.example.com/co');
      await outcome;
      expect(seen, 'not pending while the merchant decides').to.deep.equal([false]);
      expect(store.state.checkingOut).to.equal(false);
      // A failure ends it in the same change that shows the error.
      adapter.checkout = async () => 'javascript:alert(1)';
      const changes: [boolean, boolean][] = [];
      store.subscribe((s) => changes.push([s.checkingOut, !!s.cartError]));
      await service.checkout();
      expect(changes.at(-1)).to.deep.equal([false, true]);
      expect(changes.some(([pending, error]) => pending && error), 'never pending with the error shown').to.equal(false);
    });

    it('does not navigate when confirm says no (the merchant prevented vitrine-checkout)', async () => {
      const { store, service, navigated } = world(catalog(), 'https://shop.example.com/checkout');
      await service.add(store.product('hat')!, store.product('hat')!.variants[0]);
      const outcome = await service.checkout(() => false);
      expect(outcome.status).to.equal('cancelled');
      expect(navigated).to.deep.equal([]);
    });

    it('refuses a non-http(s) URL with checkout/unsafe-url', async () => {
      const { store, service, navigated, errors } = world();
      service.options.checkoutFallbackUrl = 'javascript:alert(1)';
      let asked = false;
      const outcome = await service.checkout(() => (asked = true));
      expect(outcome.status).to.equal('failed');
      expect(outcome.error!.code).to.equal('checkout/unsafe-url');
      expect(asked).to.be.false;
      expect(navigated).to.deep.equal([]);
      expect(errors.map((e) => e.code)).to.deep.equal(['checkout/unsafe-url']);
      expect(store.state.cartError!.code).to.equal('checkout/unsafe-url');
    });

    it('reports checkout/unsafe-url for a cart whose backend URL was refused (parseCart), unless a safe fallback exists', async () => {
      const { store, service, navigated, errors } = world();
      const parsed = parseCart({ id: 'c9', lines: [], subtotal: eur('0.00'), checkoutUrl: 'javascript:alert(1)' });
      expect(parsed.ok).to.equal(true);
      if (!parsed.ok) return;
      store.set({ cart: parsed.value });
      const outcome = await service.checkout(() => true);
      expect(outcome.error!.code).to.equal('checkout/unsafe-url');
      expect(errors.map((e) => e.code)).to.deep.equal(['checkout/unsafe-url']);
      expect(store.state.cartError!.code).to.equal('checkout/unsafe-url');
      expect(navigated).to.deep.equal([]);
      // The show's checkout-url is another, safe, place to go.
      service.options.checkoutFallbackUrl = 'https://shop.example/checkout';
      service.options.attribution = false;
      expect((await service.checkout(() => true)).status).to.equal('navigated');
      expect(navigated).to.deep.equal(['https://shop.example/checkout']);
    });

    it('prefers the adapter’s checkout(), then the cart’s URL, then the fallback', async () => {
      const { service, navigated, adapter } = world();
      service.options.checkoutFallbackUrl = 'https://fallback.example/checkout';
      service.options.attribution = false;
      await service.checkout();
      expect(navigated.pop()).to.equal('https://fallback.example/checkout');
      adapter.checkout = async () => 'https://adapter.example/co';
      await service.checkout();
      expect(navigated.pop()).to.equal('https://adapter.example/co');
    });

    it('reports checkout/unavailable when no URL is known', async () => {
      const { service, navigated, errors } = world();
      const outcome = await service.checkout();
      expect(outcome.error!.code).to.equal('checkout/unavailable');
      expect(navigated).to.have.length(0);
      expect(errors).to.have.length(1);
    });

    it('reports an adapter checkout() rejection', async () => {
      const { service, adapter } = world();
      adapter.checkout = async () => {
        throw new VitrineError('cart/unavailable', 'down');
      };
      const outcome = await service.checkout();
      expect(outcome.error!.code).to.equal('cart/unavailable');
    });
  });

  it('withAttribution keeps parameters the URL already has and can be configured or off', () => {
    expect(withAttribution('https://a.example/c?utm_source=mail', {}, 's1')).to.equal(
      'https://a.example/c?utm_source=mail&utm_medium=live_shopping&utm_campaign=s1',
    );
    expect(withAttribution('https://a.example/c', { source: 'x', medium: 'y', campaign: 'z' })).to.equal(
      'https://a.example/c?utm_source=x&utm_medium=y&utm_campaign=z',
    );
    expect(withAttribution('https://a.example/c', false, 's1')).to.equal('https://a.example/c');
  });
});
