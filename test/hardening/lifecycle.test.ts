/**
 * The show's lifecycle in a real page (issue 13): a show moved in the DOM (tabs, carousels and
 * framework re-renders remove and insert nodes) keeps its cart, its video and its live connection;
 * removed and inserted again later (also while its document loads) it resumes; removed for good it
 * releases every connection, timer and video after `RELEASE_DELAY` (checked on the test server and
 * on the engine, not assumed). And properties set before the element is defined (a framework that
 * renders before `vitrine.js` ran) are applied at upgrade.
 *
 * Before this fix: a moved show lost its REST cart (a new cart was created, the lines orphaned on
 * the server), re-fetched the show and closed its live connection without reconnecting; removed
 * while loading and re-added, it never loaded; `stream`, `cart` and `catalog` set before the
 * upgrade were ignored (the show loaded `src`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryCart } from '../../src/adapters/memory/index.js';
import { RELEASE_DELAY } from '../../src/components/base.js';
import type { VitrinePlayer } from '../../src/components/player/player.js';
import { VitrineShow } from '../../src/components/show/show.js';
import { VitrineProductCard } from '../../src/components/product-card/product-card.js';
import type { CatalogAdapter, Product } from '../../src/core/types.js';
import { memoryStream, product, showDoc } from '../components/show/helpers.js';
import { scenario, sleep, until, type Scenario } from './harness.js';

/** Longer than the grace period: what a removed show keeps is released by then. */
const AFTER_RELEASE = RELEASE_DELAY + 500;

async function log(s: Scenario) {
  const { requests, connections } = await s.log();
  return {
    showLoads: requests.filter((r) => r.path === '/show').length,
    newCarts: requests.filter((r) => r.method === 'POST' && r.path === '').length,
    connections: connections.length,
    open: connections.filter((c) => c.closedAt === null).length,
    lastEventIds: connections.map((c) => c.lastEventId),
  };
}

/** A live show on the scenario's show, REST cart and SSE events, with one line in its cart. */
async function liveShowWithCart(s: Scenario, host: HTMLElement) {
  const el = document.createElement('vitrine-show') as VitrineShow;
  el.setAttribute('src', s.show);
  el.setAttribute('cart', s.cart);
  host.append(el);
  await until(() => el.state.show, 'the show never loaded', 10_000);
  await until(async () => (await log(s)).open === 1, 'no live connection', 10_000);
  const p = el.state.products.find((x) => x.available && x.variants.some((v) => v.available))!;
  el.store.bus.emit('add-request', { product: p, variant: p.variants.find((v) => v.available)!, quantity: 1, source: null });
  await until(() => el.state.cart?.totalQuantity === 1, 'the line was not added', 10_000);
  return el;
}

describe('hardening: a show moved, re-inserted and removed', function () {
  this.timeout(40_000);

  it('moved in the same task, then re-inserted 300 ms later: same cart (no new cart), same live connection, no reload', async () => {
    const s = await scenario({ events: { connections: [[{ event: 'viewers', data: { count: 7 }, id: 'e-1' }]] } });
    const wrapper = await fixture<HTMLDivElement>(html`<div><section id="a"></section><section id="b"></section></div>`);
    const [a, b] = [wrapper.querySelector<HTMLElement>('#a')!, wrapper.querySelector<HTMLElement>('#b')!];
    const el = await liveShowWithCart(s, a);
    const cartId = el.state.cart!.id;
    const before = await log(s);
    expect(before.newCarts, 'one cart').to.equal(1);

    // A framework re-render: removed and inserted elsewhere in the same task.
    b.append(el);
    // A tab switch: out of the page for 300 ms.
    el.remove();
    await sleep(300);
    a.append(el);
    await sleep(AFTER_RELEASE);

    const after = await log(s);
    console.log(`[hardening] moved twice: ${after.newCarts} cart(s), ${after.showLoads} show load(s), ${after.connections} live connection(s), ${after.open} open`);
    expect(after.newCarts, 'no new cart (the lines stay in the one cart)').to.equal(1);
    expect(after.showLoads, 'the show was not fetched again').to.equal(before.showLoads);
    expect(after.connections, 'the live connection was not closed and reopened').to.equal(1);
    expect(after.open).to.equal(1);
    expect(el.state.cart?.id).to.equal(cartId);
    expect(el.state.cart?.totalQuantity).to.equal(1);
    expect(el.state.viewers, 'live events still arrive').to.equal(7);
    el.remove();
  });

  it('removed for good: after the grace period the live connection is closed and no timer fires (no re-reads)', async () => {
    // Events that close at once: the show re-reads its document every `refreshInterval` while they are down.
    const s = await scenario({ events: { connections: [[{ close: true }]] } });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('vitrine-show') as VitrineShow;
    el.refreshInterval = 200;
    el.setAttribute('src', s.show);
    wrapper.append(el);
    await until(() => el.state.show, 'the show never loaded', 10_000);
    await until(async () => (await log(s)).showLoads >= 3, 'no re-reads while the events are down', 10_000);
    el.remove();
    await sleep(AFTER_RELEASE);
    const released = await log(s);
    await sleep(1_500);
    const later = await log(s);
    console.log(`[hardening] removed for good: show loads ${released.showLoads} -> ${later.showLoads}, live connections ${released.connections} -> ${later.connections} (${later.open} open)`);
    expect(later.showLoads, 'no re-read after the release').to.equal(released.showLoads);
    expect(later.connections, 'no reconnect after the release').to.equal(released.connections);
    expect(later.open, 'no open live connection').to.equal(0);
  });

  it('removed for good with an open live connection: closed once the grace period is over, not before', async () => {
    const s = await scenario({ events: { connections: [[]] } });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('vitrine-show') as VitrineShow;
    el.setAttribute('src', s.show);
    wrapper.append(el);
    await until(async () => (await log(s)).open === 1, 'no live connection', 10_000);
    el.remove();
    await sleep(RELEASE_DELAY / 2);
    expect((await log(s)).open, 'still open within the grace period').to.equal(1);
    await until(async () => (await log(s)).open === 0, 'the live connection was never closed', RELEASE_DELAY + 3_000);
  });

  it('removed, released, then inserted again: it resumes with the same cart and a new live connection', async () => {
    const s = await scenario({ events: { connections: [[]] } });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = await liveShowWithCart(s, wrapper);
    const cartId = el.state.cart!.id;
    el.remove();
    await until(async () => (await log(s)).open === 0, 'not released', AFTER_RELEASE + 3_000);
    wrapper.append(el);
    await until(async () => (await log(s)).open === 1, 'the live connection was not opened again', 10_000);
    await until(() => el.state.show, 'the show did not load again', 10_000);
    await until(() => el.state.cart?.totalQuantity === 1, 'the cart is not back', 10_000);
    expect(el.state.cart!.id, 'the same cart (its id was only in memory: no consent)').to.equal(cartId);
    expect((await log(s)).newCarts, 'no new cart').to.equal(1);
    el.remove();
  });

  for (const away of [300, AFTER_RELEASE]) {
    it(`removed while its document is loading and inserted again ${away} ms later: it loads`, async () => {
      const s = await scenario({ show: { rules: [{ fault: 'slow', ms: 800, times: 1 }] } });
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('vitrine-show') as VitrineShow;
      el.setAttribute('src', s.show);
      wrapper.append(el);
      await until(async () => (await log(s)).showLoads === 1, 'the show was not requested');
      el.remove();
      await sleep(away);
      wrapper.append(el);
      await until(() => el.state.show, 'the show never loaded after it came back', 10_000);
      el.remove();
    });
  }
});

describe('hardening: the video of a moved show', function () {
  this.timeout(60_000);

  const video = (el: VitrineShow) => el.shadowRoot!.querySelector<VitrinePlayer>('vitrine-player')!.shadowRoot!.querySelector('video');

  it('keeps playing (same video, same time) when moved; resumes when back within the grace period; its engine is disposed after', async () => {
    const stream = memoryStream(showDoc({ status: 'ended' }));
    const wrapper = await fixture<HTMLDivElement>(html`<div><div id="a"></div><div id="b"></div></div>`);
    const [a, b] = [wrapper.querySelector<HTMLElement>('#a')!, wrapper.querySelector<HTMLElement>('#b')!];
    const el = document.createElement('vitrine-show') as VitrineShow;
    el.stream = stream;
    a.append(el);
    await until(() => el.state.show, 'the show never loaded');
    await el.updateComplete;
    await el.play();
    await until(() => video(el) && !video(el)!.paused && video(el)!.currentTime > 1, 'never played', 25_000);
    const player = el.shadowRoot!.querySelector<VitrinePlayer>('vitrine-player')!;
    const v = video(el)!;

    b.append(el);
    await sleep(300);
    expect(video(el), 'the same <video>').to.equal(v);
    expect(v.paused, 'moved in one task: still playing').to.equal(false);

    el.remove();
    await sleep(300);
    const left = v.currentTime;
    a.append(el);
    await until(() => !v.paused && v.currentTime > left + 0.3, 'did not resume after the re-insertion', 8_000);
    expect(video(el), 'the same <video>').to.equal(v);
    expect(v.currentTime, 'from the same time, not from the start').to.be.greaterThan(left);
    expect(player.engineLoaded).to.equal(true);
    expect(stream.loads, 'the show was loaded once').to.equal(1);

    el.remove();
    await sleep(AFTER_RELEASE);
    expect(player.engineLoaded, 'the engine is disposed once the show is gone').to.equal(false);
    expect(stream.subscribed(), 'the live events listener is gone').to.equal(false);
    expect(v.isConnected).to.equal(false);
  });
});

describe('hardening: properties set before the element is defined', () => {
  let n = 0;
  const tag = (name: string) => `${name}-early-${++n}-${Math.random().toString(36).slice(2, 7)}`;

  it('<vitrine-show>: stream, cart and catalog set before the upgrade are used (not src)', async () => {
    const name = tag('vitrine-show');
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement(name) as VitrineShow;
    const stream = memoryStream(showDoc({ id: 'early', products: [], productIds: ['p9'] }));
    const cart = createMemoryCart({ lookup: () => undefined });
    const catalog: CatalogAdapter = { getProducts: async (ids) => ids.map((id): Product => product(id, { title: `Catalog ${id}` })) };
    el.setAttribute('src', '/__hardening/nowhere.json');
    Object.assign(el, { stream, cart, catalog });
    wrapper.append(el);
    customElements.define(name, class extends VitrineShow {});
    expect(el).to.be.instanceOf(VitrineShow);
    await until(() => el.state.show, 'the show never loaded');
    expect(el.state.show!.id, 'the stream set early, not src').to.equal('early');
    expect(stream.loads).to.equal(1);
    expect(el.cart, 'the cart set early').to.equal(cart);
    expect(el.catalog, 'the catalog set early').to.equal(catalog);
    expect(el.state.products.map((p) => p.title), 'hydrated by the catalog').to.deep.equal(['Catalog p9']);
  });

  it('<vitrine-product-card>: product and store set before the upgrade are rendered', async () => {
    const name = tag('vitrine-product-card');
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement(name) as VitrineProductCard;
    el.product = product('p1', { title: 'Early beanie' });
    wrapper.append(el);
    customElements.define(name, class extends VitrineProductCard {});
    await until(() => el.shadowRoot?.textContent?.includes('Early beanie'), 'the product set early is not rendered');
  });
});
