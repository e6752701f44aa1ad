/**
 * Cart URLs, ids and quantities (issue 13), against real HTTP on localhost: the demo backend
 * (test/servers/show-cart.mjs, hardening.mjs) and the Shopify stand-in (show-shopify.mjs).
 * Every request an adapter makes is recorded through its `fetch` option (the requests are real).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryCart } from '../../src/adapters/memory/index.js';
import { createRestCart } from '../../src/adapters/rest/cart.js';
import { createShopifyCart } from '../../src/adapters/shopify/index.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { VitrineError } from '../../src/core/errors.js';
import type { CartAdapter } from '../../src/core/types.js';
import { button, scenario, until } from './harness.js';

const signal = () => new AbortController().signal;
const BASE = '/__show/demo/cart';
const shop = { domain: `${location.origin}/__show/shopify`, token: 'test-storefront-token', apiVersion: '2026-04' };

/** A `fetch` that records every URL it is asked for, then really fetches it. */
function recording() {
  const urls: string[] = [];
  const fetcher = ((input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  }) as typeof fetch;
  return { urls, fetch: fetcher };
}

async function refusal(promise: Promise<unknown>): Promise<VitrineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(VitrineError);
    return error as VitrineError;
  }
  throw new Error('expected a refusal');
}

const BAD_ADD = [-3, 0, 1.5, Number.NaN, Infinity, 2 ** 53, '2' as unknown as number];
const BAD_UPDATE = [-1, 0.5, Number.NaN, -Infinity, 2 ** 60, null as unknown as number];

describe('hardening: cart quantities, ids and URLs', function () {
  this.timeout(30_000);
  afterEach(() => sessionStorage.clear());

  it('quantities that are not safe integers ≥ 1 (≥ 0 to update) are refused with cart/invalid before any request, in every cart adapter', async () => {
    const rest = recording();
    const shopify = recording();
    const adapters: [string, CartAdapter, string[]][] = [
      ['rest', createRestCart(BASE, { fetch: rest.fetch }), rest.urls],
      ['shopify', createShopifyCart({ ...shop, fetch: shopify.fetch }), shopify.urls],
    ];
    const product = { id: 'p1', title: 'P', price: { amount: '1.00', currencyCode: 'EUR' }, available: true, options: [], variants: [{ id: 'p1', title: 'P', options: {}, price: { amount: '1.00', currencyCode: 'EUR' }, available: true }] };
    const memory = createMemoryCart({ lookup: () => product });
    adapters.push(['memory', memory, []]);
    for (const [name, cart, urls] of adapters) {
      for (const quantity of BAD_ADD) {
        const error = await refusal(cart.addLine({ productId: 'p1', variantId: name === 'shopify' ? '11' : 'p1', quantity }, signal()));
        expect(error.code, `${name} add ${quantity}`).to.equal('cart/invalid');
      }
      for (const quantity of BAD_UPDATE) {
        const error = await refusal(cart.updateLine('line-1', quantity, signal()));
        expect(error.code, `${name} update ${quantity}`).to.equal('cart/invalid');
      }
      expect(urls, `${name} made requests`).to.deep.equal([]);
    }
    // The positive control: a good quantity goes through (so the refusals above can fail).
    const added = await memory.addLine({ productId: 'p1', variantId: 'p1', quantity: 2 }, signal());
    expect(added.lines[0]!.quantity).to.equal(2);
    expect((await memory.updateLine(added.lines[0]!.id, 0, signal())).lines).to.deep.equal([]);
    await createRestCart(BASE, { fetch: rest.fetch }).addLine({ productId: 'p1', variantId: 'p1-2', quantity: 1 }, signal());
    expect(rest.urls.length).to.be.greaterThan(0);
  });

  it('a cart id can never make a request outside the cart base URL (., .., /, ?, #)', async () => {
    const base = new URL(BASE, location.href).href;
    for (const id of ['..', '.', '%2e%2E', '../../admin', 'a/../../b', 'x?admin=1', 'y#frag']) {
      const storage = new Map<string, string>([[`vitrine:cart:${base}`, id]]);
      const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) } as Storage;
      const { urls, fetch } = recording();
      const cart = createRestCart(BASE, { persist: true, storage: fake, fetch, retries: 0 });
      expect(cart.cartId).to.equal(id);
      await cart.getCart(signal()).catch((error: VitrineError) => expect(error.code).to.equal('cart/invalid'));
      await cart.updateLine('l/../../x', 1, signal()).catch(() => {});
      for (const url of urls) expect(new URL(url).pathname.startsWith(new URL(base).pathname), `${id} escaped to ${url}`).to.equal(true);
      expect(urls.every((u) => !new URL(u).search && !new URL(u).hash), `${id}: query or fragment`).to.equal(true);
    }
  });

  it('a cart backend that answers the id "..": refused, never kept, and nothing is sent outside the base', async () => {
    const s = await scenario({ cart: [{ method: 'POST', path: '^$', fault: 'rewrite', patch: { id: '..' }, times: 5 }] });
    const { urls, fetch } = recording();
    const cart = createRestCart(s.cart, { fetch, retries: 0 });
    const error = await refusal(cart.addLine({ productId: 'p9', variantId: 'p9', quantity: 1 }, signal()));
    expect(error.code).to.equal('cart/invalid');
    expect(cart.cartId).to.equal(null);
    expect(urls.every((u) => u.startsWith(`${s.cart}`))).to.equal(true);
    expect(urls.filter((u) => u !== s.cart), 'requests below the base after the bad id').to.deep.equal([]);
  });

  it('a relative checkout-url ("/checkout") resolves against the page, and is not refused', async () => {
    const s = await scenario({ show: { base: 'replay' } });
    const el = await fixture<VitrineShow>(html`<vitrine-show locale="en" checkout-url="/checkout?from=show"></vitrine-show>`);
    el.src = s.show;
    await until(() => el.state.show, 'show');
    el.openProduct('p11');
    const detail = el.shadowRoot!.querySelector('vitrine-product-detail')!;
    (await button(detail, /^Add to cart/)).click();
    await until(() => el.state.cart?.lines.length === 1, 'add');
    const urls: string[] = [];
    const errors: string[] = [];
    el.addEventListener('vitrine-checkout', (e) => {
      urls.push((e as CustomEvent<{ url: string }>).detail.url);
      e.preventDefault();
    });
    el.addEventListener('vitrine-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
    el.openCart();
    (await button(el, /^Checkout$/)).click();
    await until(() => urls.length === 1 || errors.length > 0, 'no checkout');
    expect(errors).to.deep.equal([]);
    expect(new URL(urls[0]!).origin + new URL(urls[0]!).pathname).to.equal(`${location.origin}/checkout`);
    el.remove();
  });
});

describe('hardening: twin shows (same cart URL, consent granted)', function () {
  this.timeout(30_000);
  afterEach(() => sessionStorage.clear());

  it('each keeps its own cart across a reload; revoking consent on one leaves the other’s alone', async () => {
    const make = (scope: string) => createRestCart(BASE, { persist: true, scope });
    const a = make('/shows/a');
    const b = make('/shows/b');
    const cartA = await a.addLine({ productId: 'p1', variantId: 'p1-2', quantity: 1 }, signal());
    const cartB = await b.addLine({ productId: 'p6', variantId: 'p6', quantity: 2 }, signal());
    expect(cartA.id).to.not.equal(cartB.id);
    // A reload: new adapters, the same sessionStorage.
    const a2 = make('/shows/a');
    const b2 = make('/shows/b');
    expect((await a2.getCart(signal()))?.id, 'show A lost its cart').to.equal(cartA.id);
    expect((await b2.getCart(signal()))?.id, 'show B lost its cart').to.equal(cartB.id);
    a2.setPersist(false); // consent="denied" on A
    const b3 = make('/shows/b');
    expect(b3.cartId, 'revoking A erased B').to.equal(cartB.id);
    expect(make('/shows/a').cartId).to.equal(null);
  });

  it('two <vitrine-show> elements with the same cart URL keep their own carts after a reload', async () => {
    const one = await scenario({ show: { base: 'live' } });
    const two = await scenario({ show: { base: 'replay' } });
    const cartUrl = new URL('/__hardening/demo/cart', location.href).href;
    const mount = async (src: string) => {
      const el = await fixture<VitrineShow>(html`<vitrine-show locale="en" consent="granted" .src=${src} cart=${cartUrl}></vitrine-show>`);
      await until(() => el.state.show, 'show');
      return el;
    };
    const add = async (el: VitrineShow, id: string) => {
      el.openProduct(id);
      (await button(el.shadowRoot!.querySelector('vitrine-product-detail')!, /^Add to cart/)).click();
      await until(() => el.state.cart?.lines.length === 1, 'add');
    };
    let a = await mount(one.show);
    let b = await mount(two.show);
    await add(a, 'p11');
    await add(b, 'p6');
    const ids = [a.state.cart!.id, b.state.cart!.id];
    a.remove();
    b.remove();
    // The page reloads: the same two shows again.
    a = await mount(one.show);
    b = await mount(two.show);
    await until(() => a.state.cart && b.state.cart, 'carts restored');
    expect([a.state.cart!.id, b.state.cart!.id]).to.deep.equal(ids);
    expect(a.state.cart!.lines.map((l) => l.variantId)).to.deep.equal(['p11']);
    expect(b.state.cart!.lines.map((l) => l.variantId)).to.deep.equal(['p6']);
    a.setAttribute('consent', 'denied');
    await a.updateComplete;
    const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)!);
    expect(keys.filter((k) => k.startsWith('vitrine:cart:')), 'B’s stored id is kept').to.have.length(1);
    a.remove();
    b.remove();
  });
});
