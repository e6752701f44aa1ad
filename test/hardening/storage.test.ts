/**
 * Storage before consent (issue 13): a shopper's path through a live show with a REST cart
 * (load, live events, add to cart, open the cart) leaves nothing in any of the five places a page
 * can keep data: cookies, localStorage, sessionStorage, IndexedDB and Cache Storage. With
 * consent, the cart id goes to sessionStorage (the positive control: the check can fail).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { button, scenario, until } from './harness.js';

async function snapshot() {
  const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name).sort() : [];
  const caches_ = 'caches' in globalThis ? (await caches.keys()).sort() : [];
  return {
    cookie: document.cookie,
    localStorage: Object.keys(localStorage).sort(),
    sessionStorage: Object.keys(sessionStorage).sort(),
    indexedDB: databases,
    cacheStorage: caches_,
  };
}

describe('hardening: nothing stored before consent', function () {
  this.timeout(40_000);
  afterEach(() => sessionStorage.clear());

  it('cookies, localStorage, sessionStorage, IndexedDB and Cache Storage are untouched until consent="granted"', async () => {
    sessionStorage.clear();
    const before = await snapshot();
    const s = await scenario({ show: { base: 'live' }, events: { connections: [[{ event: 'viewers', data: { count: 5 } }]] } });
    const el = await fixture<VitrineShow>(html`<vitrine-show locale="en" .src=${s.show} cart=${s.cart}></vitrine-show>`);
    await until(() => el.state.show, 'show');
    await until(() => el.state.viewers === 5, 'live events');
    el.openProduct('p11');
    (await button(el.shadowRoot!.querySelector('vitrine-product-detail')!, /^Add to cart/)).click();
    await until(() => el.state.cart?.lines.length === 1, 'add');
    el.openCart();
    await new Promise((r) => setTimeout(r, 500));
    expect(await snapshot(), 'stored before consent').to.deep.equal(before);
    el.setAttribute('consent', 'granted');
    await until(() => sessionStorage.length === 1, 'consent did not keep the cart id');
    const after = await snapshot();
    expect({ ...after, sessionStorage: before.sessionStorage }, 'anything but the cart id after consent').to.deep.equal(before);
    el.remove();
  });
});
