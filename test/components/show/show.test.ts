import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { VitrineShow } from '../../../src/components/show/show.js';
import { createMemoryCart } from '../../../src/adapters/memory/index.js';
import type { CatalogAdapter, Product } from '../../../src/core/types.js';
import { memoryStream, money, mountShow, product, record, shadow, showDoc, until } from './helpers.js';

/** Finds a button by accessible name (aria-label or text) in `root` and the open shadow roots below it. */
function findButton(root: ParentNode, name: RegExp): HTMLButtonElement | undefined {
  for (const node of root.querySelectorAll('*')) {
    if (node instanceof HTMLButtonElement && name.test((node.getAttribute('aria-label') ?? node.textContent ?? '').trim())) return node;
    if (node.shadowRoot) {
      const found = findButton(node.shadowRoot, name);
      if (found) return found;
    }
  }
  return undefined;
}
const button = (el: Element, name: RegExp) => until(() => findButton(el.shadowRoot!, name), `button ${name}`);

async function showAt(attrs: Record<string, string | boolean>) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.style.setProperty('width', '1000px');
  const el = document.createElement('vitrine-show') as VitrineShow;
  const log = record(el);
  for (const [name, value] of Object.entries(attrs)) if (value !== false) el.setAttribute(name, value === true ? '' : value);
  wrapper.append(el);
  return { el, log };
}

/** Pins a single-variant product and clicks its "Add to cart" in the pinned card. */
async function addPinned(el: VitrineShow): Promise<Product> {
  const p = (await until(() => el.state.products.find((x) => x.variants.length === 1 && x.available), 'a single-variant product'))!;
  el.store.set({ highlight: { productId: p.id, at: 0 } });
  await el.updateComplete;
  const card = shadow(el, '.pinned vitrine-product-card')!;
  (await until(() => findButton(card.shadowRoot!, /^Add to cart$/), 'Add to cart'))!.click();
  return p;
}

describe('<vitrine-show> (README.md, "The show")', () => {
  // Test pages are reused from file to file: start from an empty sessionStorage, and leave one.
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('src + cart attributes: loads the show over HTTP, fires vitrine-ready and vitrine-status, adds through the REST cart, fires vitrine-cart-change; changing src loads another show', async () => {
    const { el, log } = await showAt({ src: '/__show/demo/shows/live', cart: '/__show/demo/cart' });
    await until(() => log.of('ready').length === 1, 'vitrine-ready');
    const ready = log.of('ready')[0];
    expect(ready.bubbles && ready.composed).to.equal(true);
    expect(ready.detail.show.id).to.be.a('string');
    expect(log.of('status').map((e) => e.detail.status)).to.deep.equal(['live']);
    expect(el.cartUrl).to.equal('/__show/demo/cart');
    const p = await addPinned(el);
    await until(() => el.state.cart?.lines.some((l) => l.productId === p.id), 'the line in the REST cart');
    // The backend has it (not an in-memory cart): its checkoutUrl is the backend's page.
    expect(el.state.cart!.checkoutUrl).to.match(/\/__show\/demo\/checkout\//);
    expect(log.of('add-to-cart')[0].detail.product.id).to.equal(p.id);
    expect(log.of('cart-change').at(-1)!.detail.cart.id).to.equal(el.state.cart!.id);
    // Nothing stored without consent.
    expect(sessionStorage.length).to.equal(0);

    el.setAttribute('src', '/__show/demo/shows/replay');
    await until(() => el.state.status === 'ended', 'the replay loaded');
    expect(log.of('ready')).to.have.length(2);
    expect(log.of('status').map((e) => e.detail.status)).to.deep.equal(['live', 'ended']);
  });

  it('consent="granted": the REST cart id is kept in sessionStorage', async () => {
    const { el } = await showAt({ src: '/__show/demo/shows/live', cart: '/__show/demo/cart', consent: 'granted' });
    await until(() => el.state.show, 'loaded');
    await addPinned(el);
    await until(() => el.state.cart?.lines.length, 'added');
    const keys = Object.keys(sessionStorage);
    expect(keys.some((k) => k.startsWith('vitrine:cart:'))).to.equal(true);
    expect(Object.values(sessionStorage)).to.include(el.state.cart!.id);
  });

  it('checkout-url: the in-memory cart checks out there, with vitrine-checkout (cancelable) carrying the URL', async () => {
    const { el, log } = await mountShow();
    el.setAttribute('checkout-url', 'https://shop.example/checkout');
    await el.updateComplete;
    el.addEventListener('vitrine-checkout', (e) => e.preventDefault());
    await addPinned(el);
    await until(() => el.state.cart?.lines.length, 'added');
    el.openCart();
    (await button(el, /^Checkout$/))!.click();
    await until(() => log.of('checkout').length === 1, 'vitrine-checkout');
    const checkout = log.of('checkout')[0];
    expect(checkout.cancelable).to.equal(true);
    expect(checkout.detail.url).to.match(/^https:\/\/shop\.example\/checkout\?utm_source=vitrine&utm_medium=live_shopping&utm_campaign=show-1$/);
    expect(checkout.detail.cart.id).to.equal(el.state.cart!.id);
  });

  it('locale: texts, numbers and money in the given locale (and the store follows a change)', async () => {
    const { el } = await mountShow();
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(el.store.state.locale).to.equal('de-DE');
    await button(el, /^Warenkorb/);
    const card = shadow(el, '.pinned vitrine-product-card')!;
    await until(() => /29,00\s€/.test(card.shadowRoot!.textContent!), 'German money');
    el.locale = 'ar';
    await el.updateComplete;
    expect(shadow(el, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('autoplay is handed to the player', async () => {
    const { el } = await mountShow();
    expect(shadow(el, 'vitrine-player')!.hasAttribute('autoplay')).to.equal(false);
    el.autoplay = true;
    await el.updateComplete;
    expect(shadow(el, 'vitrine-player')!.hasAttribute('autoplay')).to.equal(true);
  });

  it('floating reflects; minimize() puts the video in the top-layer mini-player, restore() brings it back', async () => {
    const { el } = await mountShow();
    el.floating = true;
    await el.updateComplete;
    expect(el.hasAttribute('floating')).to.equal(true);
    el.minimize();
    await el.updateComplete;
    const stage = shadow(el, '.stage')!;
    expect(stage.matches(':popover-open')).to.equal(true);
    expect(findButton(el.shadowRoot!, /Back to the show|Restore|restore/i) ?? shadow(el, '[part="mini-bar"] button')).to.exist;
    el.restore();
    await el.updateComplete;
    expect(stage.matches(':popover-open')).to.equal(false);
  });

  for (const aspectRatio of ['16:9', '9:16'] as const) {
    it(`mini-player on a phone (390×844, ${aspectRatio}): a corner of the screen, whole and on screen`, async () => {
      const before = { width: window.innerWidth, height: window.innerHeight };
      await setViewport({ width: 390, height: 844 });
      try {
        const { el } = await mountShow(showDoc({ aspectRatio }), 390);
        el.floating = true;
        el.minimize();
        await el.updateComplete;
        const stage = shadow(el, '.stage')!;
        expect(stage.matches(':popover-open')).to.equal(true);
        const r = stage.getBoundingClientRect();
        // At most 60% of the width and a third of the height: the page stays usable beside it.
        expect(r.width, 'width').to.be.at.most(390 * 0.6 + 0.5);
        expect(r.height, 'height').to.be.at.most(844 / 3 + 0.5);
        expect(r.left, 'left').to.be.at.least(0);
        expect(r.right, 'right').to.be.at.most(390);
        expect(r.bottom, 'bottom').to.be.at.most(844);
        expect(r.height / r.width).to.be.closeTo(aspectRatio === '16:9' ? 9 / 16 : 16 / 9, 0.02);
        el.restore();
      } finally {
        await setViewport(before);
      }
    });
  }

  it('properties: state is a frozen snapshot; stream, cart and catalog adapters replace what attributes built', async () => {
    const { el, stream } = await mountShow();
    expect(el.stream).to.equal(stream);
    const snap = el.state;
    expect(Object.isFrozen(snap)).to.equal(true);
    expect(snap.show!.id).to.equal('show-1');
    expect(snap.status).to.equal('live');
    expect(snap.products.map((p) => p.id)).to.deep.equal(['p1', 'p2', 'p3']);
    expect(snap.highlighted).to.equal(null);
    expect(snap.cart).to.equal(null);

    // A cart adapter object.
    const memory = createMemoryCart({ lookup: (id) => el.store.product(id) });
    const calls: string[] = [];
    el.cart = { ...memory, addLine: (input, signal) => (calls.push(input.productId), memory.addLine(input, signal)) };
    await el.updateComplete;
    await addPinned(el);
    await until(() => el.state.cart?.lines.length, 'added through the given adapter');
    expect(calls).to.have.length(1);
    // A string sets the cart attribute's URL.
    el.cart = '/__show/demo/cart';
    expect(el.cartUrl).to.equal('/__show/demo/cart');

    // A catalog hydrates products listed by id only.
    const asked: string[][] = [];
    const catalog: CatalogAdapter = {
      async getProducts(ids) {
        asked.push(ids);
        return ids.map((id) => product(id, { title: `Hydrated ${id}`, price: money('5.00') }));
      },
    };
    const next = memoryStream(showDoc({ id: 'show-2', products: [], productIds: ['h1', 'h2'] }));
    el.catalog = catalog;
    el.stream = next;
    await until(() => el.state.show?.id === 'show-2' && el.state.products.length === 2, 'hydrated show');
    expect(asked.flat()).to.include.members(['h1', 'h2']);
    expect(el.state.products[0].title).to.equal('Hydrated h1');
  });

  it('methods: openCart/closeCart drive the drawer; openProduct opens the detail and fires vitrine-product-view', async () => {
    const { el, log } = await mountShow();
    el.openCart();
    await until(() => el.store.state.cartOpen, 'cartOpen');
    const cart = shadow(el, 'vitrine-cart')!;
    await until(() => cart.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the drawer open');
    el.closeCart();
    await until(() => !cart.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the drawer closed');

    el.openProduct('nope');
    expect(log.of('product-view')).to.have.length(0);
    el.openProduct('p2');
    expect(log.of('product-view').map((e) => e.detail.product.id)).to.deep.equal(['p2']);
    const detail = shadow(el, 'vitrine-product-detail')!;
    await until(() => detail.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the detail open');
    expect(detail.shadowRoot!.querySelector('h2')!.textContent).to.equal('Wool scarf');
  });

  it('play() and pause() drive the video', async () => {
    const { el } = await mountShow(showDoc({ status: 'ended' }));
    const player = shadow(el, 'vitrine-player') as HTMLElement & { muted?: boolean };
    player.addEventListener('vitrine-error', () => {});
    await el.play();
    const video = (await until(() => player.shadowRoot!.querySelector('video'), 'the engine video', 20_000))!;
    await until(() => !video.paused && video.currentTime > 0, 'playing', 20_000);
    el.pause();
    await until(() => video.paused, 'paused');
  });

  it('floating: scrolled away while playing, the video goes to the mini-player; back in view, it returns', async () => {
    const { el, wrapper } = await mountShow(showDoc({ status: 'ended' }));
    el.floating = true;
    const spacer = document.createElement('div');
    spacer.style.setProperty('height', '3000px');
    wrapper.append(spacer);
    await el.play();
    const player = shadow(el, 'vitrine-player')!;
    const video = (await until(() => player.shadowRoot!.querySelector('video'), 'the engine video', 20_000))!;
    await until(() => !video.paused, 'playing', 20_000);
    const stage = shadow(el, '.stage')!;
    expect(stage.matches(':popover-open')).to.equal(false);
    window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 500);
    await until(() => stage.matches(':popover-open'), 'the mini-player on scroll-away');
    expect(video.paused).to.equal(false);
    window.scrollTo(0, 0);
    await until(() => !stage.matches(':popover-open'), 'back in the show');
    el.pause();
  });

  it('vitrine-highlight: a live pin with nothing to wait for is shown and told at once', async () => {
    const { el, stream, log } = await mountShow(showDoc({ status: 'scheduled', stream: undefined, startsAt: new Date(Date.now() + 3_600_000).toISOString() }));
    await until(() => stream.subscribed(), 'subscribed');
    stream.send({ type: 'highlight', productId: 'p3' });
    await until(() => log.of('highlight').length === 1, 'vitrine-highlight');
    expect(log.of('highlight')[0].detail.product.id).to.equal('p3');
    expect(el.state.highlighted!.id).to.equal('p3');
    await el.updateComplete;
    expect(shadow(el, '.pinned vitrine-product-card')!.hasAttribute('pinned')).to.equal(true);
    stream.send({ type: 'status', status: 'live' });
    await until(() => log.of('status').map((e) => e.detail.status).join() === 'scheduled,live', 'status events');
  });

  it('vitrine-error: a show that cannot load is told once, with a visible message and a retry', async () => {
    const stream = { async loadShow(): Promise<never> { throw Object.assign(new Error('down'), { name: 'VitrineError' }); } };
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('vitrine-show') as VitrineShow;
    const log = record(el);
    el.stream = stream;
    wrapper.append(el);
    await until(() => shadow(el, '[part="status"][role="alert"]'), 'the failure panel');
    await new Promise((r) => setTimeout(r, 100));
    expect(log.of('error').map((e) => e.detail.code)).to.deep.equal(['show/unavailable']);
    expect(log.of('error')[0].composed).to.equal(true);
    await button(el, /^Try again$/);
  });
});
