import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/product-card/define.js';
import '../../../src/components/moments/define.js';
import type { VitrineProductCard } from '../../../src/components/product-card/product-card.js';
import type { Cart } from '../../../src/core/types.js';
import { button, catalog, eur, setup, single, until } from './fixtures.js';
import { loadLocale } from '../../../src/core/i18n.js';
import { layoutShifts } from '../layout-shifts.js';

async function card(productId: string, world = setup(), extra: Partial<VitrineProductCard> = {}) {
  const el = await fixture<VitrineProductCard>(
    html`<vitrine-product-card .store=${world.store} .product=${world.store.product(productId)}></vitrine-product-card>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return { el, root: el.shadowRoot!, ...world };
}

const statusText = (root: ShadowRoot) => root.querySelector('[role="status"]')!.textContent!.trim();

/** Waits for the outcome notice (it follows the store's update) and the re-render. */
async function settled(el: VitrineProductCard) {
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('<vitrine-product-card>', () => {
  it('passes an axe audit in every state: on sale, multi-variant, low stock, sold out, pinned, replay', async () => {
    for (const id of ['scarf', 'beanie', 'mittens', 'socks']) {
      const { el } = await card(id);
      await expect(el).to.be.accessible();
    }
    const { el } = await card('scarf', setup(), { pinned: true, shownAt: 750 });
    await expect(el).to.be.accessible();
  });

  it('renders title, price, compare-at price and the saving, and reserves the image size', async () => {
    const { root } = await card('scarf');
    expect(button(root, 'Cashmere scarf')).to.exist;
    expect(root.querySelector('[part="price"]')!.textContent).to.equal('€89.00');
    expect(root.querySelector('[part="compare-at"]')!.textContent).to.equal('€119.00');
    expect(root.querySelector('[part="saving"]')!.textContent).to.equal('Save 25%');
    const img = root.querySelector('img')!;
    expect(img.loading).to.equal('lazy');
    expect(img.getAttribute('width')).to.equal('400');
    expect(img.getAttribute('height')).to.equal('500');
    const media = root.querySelector<HTMLElement>('[part="media"]')!;
    expect(getComputedStyle(media).aspectRatio).to.equal('4 / 5');
    expect(media.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('states low stock and sold out in text; a sold-out button is disabled', async () => {
    const low = await card('mittens');
    expect(low.root.querySelector('[part="stock"]')!.textContent).to.equal('Only 3 left');
    const out = await card('socks');
    const sold = button(out.root, 'Sold out')!;
    expect(sold.disabled).to.be.true;
    expect(button(out.root, 'Add to cart')).to.equal(undefined);
  });

  it('the "Sold out" badge is readable on a dark theme (its colours follow the text and surface tokens)', async () => {
    // The dark palette of .storybook/themes.css: light text on a dark surface.
    const wrapper = await fixture<HTMLDivElement>(html`<div
      style="--vitrine-color-text: #f2f2f5; --vitrine-color-surface: #1b1c21; --vitrine-color-surface-alt: #26272e;
        --vitrine-color-muted: #b4b6c0; --vitrine-color-accent: #f2f2f5; --vitrine-color-accent-contrast: #16171b;
        --vitrine-color-border: #3a3b44; background: #101115; width: 220px"
    >
      <vitrine-product-card .store=${setup().store} product-id="socks"></vitrine-product-card>
    </div>`);
    const el = wrapper.querySelector('vitrine-product-card')!;
    await el.updateComplete;
    const badge = el.shadowRoot!.querySelector<HTMLElement>('[part="badge"]')!;
    expect(badge.textContent).to.equal('Sold out');
    const style = getComputedStyle(badge);
    expect(style.color, 'the surface colour').to.equal('rgb(27, 28, 33)');
    expect(style.backgroundColor, 'the text colour').to.equal('rgb(242, 242, 245)');
    await expect(el).to.be.accessible();
  });

  it('shows "Live now" when pinned', async () => {
    const { root, el } = await card('scarf');
    expect(root.querySelector('[part="badge"]')).to.equal(null);
    el.pinned = true;
    await el.updateComplete;
    expect(root.querySelector('[part="badge"]')!.textContent).to.equal('Live now');
  });

  it('adds a single-variant product: pending, then the cart count and a polite confirmation', async () => {
    const { root, store, el } = await card('scarf');
    const events: CustomEvent[] = [];
    el.addEventListener('vitrine-add-to-cart', (e) => events.push(e));
    button(root, 'Add to cart')!.click();
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(events[0].detail.quantity).to.equal(1);
    expect(events[0].cancelable).to.be.true;
    await until(store, (s) => s.cart?.totalQuantity === 1);
    await settled(el);
    expect(statusText(root)).to.equal('Added to cart');
    expect(store.state.cart!.subtotal).to.deep.equal(eur('89.00'));
  });

  it('shows the pending state while the backend works, and a double click adds once', async () => {
    const world = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = world.adapter.addLine;
    let calls = 0;
    world.adapter.addLine = async (input, signal) => {
      calls++;
      await gate;
      return original.call(world.adapter, input, signal);
    };
    const { root, el, store } = await card('scarf', world);
    const add = button(root, 'Add to cart')!;
    add.click();
    add.click();
    await el.updateComplete;
    const pending = root.querySelector('[part="add-button"]')!;
    expect(pending.textContent!.trim()).to.equal('Adding…');
    expect(pending.getAttribute('aria-disabled')).to.equal('true');
    (pending as HTMLButtonElement).click();
    release();
    await until(store, (s) => !!s.cart);
    expect(calls).to.equal(1);
    expect(store.state.cart!.lines[0].quantity).to.equal(1);
  });

  it('layout="chip": the button keeps its place and width whatever its label (adding, sold out): no layout shift', async () => {
    const world = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = world.adapter.addLine;
    world.adapter.addLine = async (input, signal) => {
      await gate;
      return original.call(world.adapter, input, signal);
    };
    const { root, el, store } = await card('scarf', world, { layout: 'chip' });
    el.style.cssText = 'display: block; inline-size: 360px';
    await el.updateComplete;
    const add = root.querySelector<HTMLButtonElement>('[part="add-button"]')!;
    const title = root.querySelector('[part="title"]')!;
    const place = () => {
      const a = add.getBoundingClientRect();
      const text = add.querySelector('.label')!.getBoundingClientRect();
      return { left: Math.round(a.left), width: Math.round(a.width), title: Math.round(title.getBoundingClientRect().width), label: Math.round(text.left) };
    };
    const visible = () => add.querySelector('.label')!.textContent!.trim();
    expect(visible()).to.equal('Add to cart');
    const before = place();
    add.click();
    await el.updateComplete;
    expect(visible()).to.equal('Adding…');
    expect(place(), 'adding').to.deep.equal(before);
    release();
    await until(store, (s) => !!s.cart);
    const scarf = store.product('scarf')!;
    store.upsertProduct({ ...scarf, available: false, variants: scarf.variants.map((v) => ({ ...v, available: false })) });
    await el.updateComplete;
    expect(visible()).to.equal('Sold out');
    expect(place(), 'sold out').to.deep.equal(before);
    // Screen readers hear the label shown only: the others are aria-hidden.
    expect([...add.querySelectorAll('.sizer')].every((s) => s.getAttribute('aria-hidden') === 'true')).to.equal(true);
  });

  it('layout="compact": a product with a longer title moves neither its price nor Add to cart (the pinned card when the host pins another product)', async () => {
    const short = single('short', { title: 'Wool hat' });
    const long = single('long', { title: 'Recycled cashmere rollneck, oat melange' });
    const world = setup([short, long]);
    const { root, el } = await card('short', world, { layout: 'compact' });
    el.style.cssText = 'display: block; inline-size: 360px';
    await el.updateComplete;
    const title = root.querySelector<HTMLElement>('[part="title"]')!;
    const place = () => ({
      title: Math.round(title.getBoundingClientRect().height),
      price: Math.round(root.querySelector('[part="price"]')!.getBoundingClientRect().top),
      add: Math.round(root.querySelector('[part="add-button"]')!.getBoundingClientRect().top),
      card: Math.round(el.getBoundingClientRect().height),
    });
    const before = place();
    el.product = world.store.product('long');
    await el.updateComplete;
    const text = root.querySelector<HTMLElement>('.title-text')!;
    expect(text.scrollHeight, 'the long title is longer than its line').to.be.above(text.clientHeight);
    expect(place()).to.deep.equal(before);
    // Cut on screen only: the button is named by the whole title.
    expect(button(root, 'Recycled cashmere rollneck, oat melange')).to.exist;
  });

  it('layout="compact": another product\'s prices are not a layout shift (the struck price after a wider price is new, not moved)', async () => {
    const cheap = single('cheap', { title: 'Wool hat', price: eur('9.00'), compareAtPrice: eur('19.00') });
    const dear = single('dear', { title: 'Wool rug', price: eur('1234.00'), compareAtPrice: eur('2000.00') });
    const world = setup([cheap, dear]);
    const { root, el } = await card('cheap', world, { layout: 'compact' });
    el.style.cssText = 'display: block; inline-size: 360px';
    await el.updateComplete;
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frames();
    const struck = root.querySelector('[part="compare-at"]')!;
    const shifts = layoutShifts();
    el.product = world.store.product('dear');
    await el.updateComplete;
    await frames();
    await frames();
    shifts.stop();
    const after = root.querySelector('[part="compare-at"]')!;
    expect(after.textContent).to.equal('€2,000.00');
    expect(shifts.values, 'layout shifts').to.deep.equal([]);
    expect(after === struck, 'the struck price is a new element').to.equal(false);
  });

  it('layout="compact" on a touch screen (44 px targets): a product whose prices wrap, or not, or with low stock, moves nothing under them', async () => {
    const sale = single('sale', { title: 'Cashmere scarf', price: eur('89.00'), compareAtPrice: eur('119.00') });
    const plain = single('plain', { title: 'Wool hat', price: eur('29.00') });
    const low = single('low', { title: 'Wool mittens', price: eur('19.00'), inventory: 3 }, { inventory: 3 });
    const world = setup([sale, plain, low]);
    const { root, el } = await card('sale', world, { layout: 'compact' });
    // What (pointer: coarse) sets: the page's style on the host beats the shadow root's :host rule.
    el.style.cssText = 'display: block; inline-size: 358px; --_target: 44px';
    await el.updateComplete;
    const place = () => ({
      add: Math.round(root.querySelector('[part="add-button"]')!.getBoundingClientRect().top - el.getBoundingClientRect().top),
      card: Math.round(el.getBoundingClientRect().height),
    });
    const before = place();
    for (const id of ['plain', 'low', 'sale']) {
      el.product = world.store.product(id);
      await el.updateComplete;
      expect(place(), id).to.deep.equal(before);
    }
  });

  it('the title’s text starts at the top of its place, one line or two: in the rail, and in a compact card on a touch screen, where it moved when the pin changed', async () => {
    const short = single('short', { title: 'Wool hat' });
    const long = single('long', { title: 'Extra-fine merino rib-knit roll-neck jumper in deep forest green' });
    const world = setup([short, long]);
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const [layout, target] of [
      [undefined, '24px'],
      ['compact', '44px'],
    ] as const) {
      const { root, el } = await card('short', world, layout ? { layout } : {});
      el.style.cssText = `display: block; inline-size: ${layout ? 358 : 200}px; --_target: ${target}`;
      // What (pointer: coarse) sets in the compact layout, here through the title's part (the
      // text inherits the line count).
      const touch = document.createElement('style');
      touch.textContent = 'vitrine-product-card.touch::part(title) { -webkit-line-clamp: 2; }';
      document.head.append(touch);
      if (layout) el.classList.add('touch');
      await el.updateComplete;
      const span = root.querySelector<HTMLElement>('.title-text')!;
      // The first line's box, and the lines shown (14 px on a 20 px line).
      const text = () => {
        const range = document.createRange();
        range.selectNodeContents(span);
        const first = [...range.getClientRects()].find((r) => r.width > 0 && r.height < 30)!;
        return { top: Math.round(first.top - el.getBoundingClientRect().top), lines: span.getBoundingClientRect().height / 20 };
      };
      const before = text();
      const shifts = layoutShifts();
      el.product = world.store.product('long');
      await el.updateComplete;
      await frames();
      await frames();
      shifts.stop();
      const after = text();
      // Whole lines: no part of a third line shows under the second.
      expect(after.lines, `${layout ?? 'rail'}: two lines`).to.be.closeTo(2, 0.05);
      expect(before.lines, `${layout ?? 'rail'}: one line`).to.be.closeTo(1, 0.05);
      expect(after.top, `${layout ?? 'rail'}: the text’s top`).to.equal(before.top);
      expect(shifts.values, `${layout ?? 'rail'}: layout shifts`).to.deep.equal([]);
      touch.remove();
    }
  });

  it('a deal with long prices never widens the card, even where the card may grow to its content (a rail, a flex row)', async () => {
    const product = single('rug', { title: 'Wool rug', price: eur('1234.00') });
    const world = setup([product]);
    const row = await fixture<HTMLDivElement>(html`<div style="display: flex"></div>`);
    const el = document.createElement('vitrine-product-card') as VitrineProductCard;
    el.store = world.store;
    el.product = product;
    el.style.cssText = 'flex: 0 0 200px';
    row.append(el);
    await el.updateComplete;
    el.deal = { id: 'd1', productId: 'rug', price: eur('987.00'), endsAt: Date.now() + 60_000, remaining: 3 };
    await el.updateComplete;
    const dealPrice = el.shadowRoot!.querySelector('vitrine-deal-price') as HTMLElement & { updateComplete: Promise<boolean> };
    await dealPrice.updateComplete;
    expect(dealPrice.shadowRoot!.querySelector('[part="regular-price"]')!.textContent).to.equal('€1,234.00');
    expect(el.getBoundingClientRect().width).to.equal(200);
    const deal = el.shadowRoot!.querySelector('vitrine-deal-price')!.shadowRoot!;
    const top = (name: string) => deal.querySelector(`[part="${name}"]`)!.getBoundingClientRect().top;
    expect(Math.abs(top('regular-price') - top('price')), 'one line').to.be.below(6);
  });

  it('shows why an add failed where the shopper clicked, and adds nothing', async () => {
    const product = single('last', { title: 'Last one', inventory: 0 }, { inventory: 0 });
    const { root, store, el } = await card('last', setup([product]));
    button(root, 'Add to cart')!.click();
    await until(store, (s) => s.addErrors.has('last'));
    await settled(el);
    expect(statusText(root)).to.equal('Sold out');
    expect(store.state.cart).to.equal(null);
  });

  it('says "Only 2 left" when the shopper asks for more than the stock', async () => {
    const product = single('two', { title: 'Two left', inventory: 2 }, { inventory: 2 });
    const world = setup([product]);
    const { root, store, el } = await card('two', world);
    await world.service.add(product, product.variants[0], 2);
    button(root, 'Add to cart')!.click();
    await until(store, (s) => s.addErrors.has('two'));
    await settled(el);
    expect(statusText(root)).to.equal('Only 2 left');
    expect(store.state.cart!.totalQuantity).to.equal(2);
  });

  it('lets a merchant take over the add and report success with respondWith', async () => {
    const world = setup();
    const { root, store, el } = await card('scarf', world);
    let release!: (cart: Cart) => void;
    el.addEventListener('vitrine-add-to-cart', (e) => {
      e.preventDefault();
      e.detail.respondWith(new Promise<Cart>((r) => (release = r)));
    });
    button(root, 'Add to cart')!.click();
    await el.updateComplete;
    expect(root.querySelector('[part="add-button"]')!.textContent!.trim()).to.equal('Adding…');
    const theirs: Cart = { id: 'theirs', lines: [], subtotal: eur('89.00'), totalQuantity: 1 };
    release(theirs);
    await until(store, (s) => s.cart === theirs);
    await settled(el);
    expect(statusText(root)).to.equal('Added to cart');
    expect(world.adapter.cart).to.equal(null);
  });

  it('shows the merchant’s rejection message where the shopper clicked', async () => {
    const { root, store, el, adapter } = await card('scarf');
    el.addEventListener('vitrine-add-to-cart', (e) => {
      e.preventDefault();
      e.detail.respondWith(Promise.reject(new Error('Only available in store')));
    });
    button(root, 'Add to cart')!.click();
    await until(store, (s) => s.addErrors.has('scarf'));
    await settled(el);
    expect(statusText(root)).to.equal('Only available in store');
    expect(adapter.cart).to.equal(null);
  });

  it('does nothing itself when the merchant prevents the add without respondWith', async () => {
    const { root, store, el, adapter } = await card('scarf');
    el.addEventListener('vitrine-add-to-cart', (e) => e.preventDefault());
    button(root, 'Add to cart')!.click();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(adapter.cart).to.equal(null);
    expect(store.state.adding.size).to.equal(0);
    expect(root.querySelector('[part="add-button"]')!.textContent!.trim()).to.equal('Add to cart');
  });

  it('opens the detail for a multi-variant product instead of adding', async () => {
    const { root, store, el, adapter } = await card('beanie');
    const add = button(root, 'Add to cart')!;
    expect(add.getAttribute('aria-haspopup')).to.equal('dialog');
    setTimeout(() => add.click());
    const view = await oneEvent(el, 'vitrine-product-view');
    expect(view.detail.product.id).to.equal('beanie');
    expect(store.state.openProductId).to.equal('beanie');
    expect(adapter.cart).to.equal(null);
  });

  it('fires vitrine-product-click (source rail) before vitrine-product-view when the shopper opens the product, not on a direct add', async () => {
    const { root, el } = await card('scarf');
    const fired: string[] = [];
    const clicks: CustomEvent[] = [];
    el.addEventListener('vitrine-product-click', (e) => (fired.push(e.type), clicks.push(e)));
    el.addEventListener('vitrine-product-view', (e) => fired.push(e.type));
    button(root, 'Cashmere scarf')!.click();
    expect(fired).to.deep.equal(['vitrine-product-click', 'vitrine-product-view']);
    expect(clicks[0]!.detail.product.id).to.equal('scarf');
    expect(clicks[0]!.detail.source).to.equal('rail');
    expect(clicks[0]!.bubbles && clicks[0]!.composed).to.equal(true);
    fired.length = 0;
    button(root, 'Add to cart')!.click(); // single variant: added, not opened
    expect(fired).to.deep.equal([]);
  });

  it('in a replay, "Shown at 12:30" asks the player to seek there', async () => {
    const { root, store, el } = await card('scarf', setup(), { shownAt: 750 });
    const seeks: number[] = [];
    store.bus.on('seek-request', ({ time }) => seeks.push(time));
    const seek = button(root, 'Shown at 12:30: watch Cashmere scarf')!;
    expect(seek.textContent!.trim()).to.equal('Shown at 12:30');
    seek.click();
    expect(seeks).to.deep.equal([750]);
    expect(el).to.exist;
  });

  it('in Arabic, the "Shown at" play icon is not mirrored (media icons keep their direction)', async () => {
    const world = setup();
    world.store.set({ locale: 'ar' });
    const { root } = await card('scarf', world, { shownAt: 750 });
    expect(root.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    const icon = root.querySelector('[part="seek-button"] svg')!;
    expect(getComputedStyle(icon).transform).to.equal('none');
  });

  it('renders texts in German and Arabic (RTL), money through Intl', async () => {
    await Promise.all([loadLocale('de'), loadLocale('ar')]); // lazy chunks (src/locales/)
    const world = setup();
    world.store.set({ locale: 'de' });
    const de = await card('scarf', world);
    expect(button(de.root, 'In den Warenkorb')).to.exist;
    expect(de.root.querySelector('[part="price"]')!.textContent).to.equal('89,00\u00a0€');
    world.store.set({ locale: 'ar' });
    await de.el.updateComplete;
    expect(button(de.root, 'أضف إلى السلة')).to.exist;
    expect(de.root.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('renders a backend’s title as text, never HTML, and is not broken by the page’s CSS', async () => {
    const product = single('x', { title: '<img src=x onerror=alert(1)>Hat' });
    const wrapper = await fixture<HTMLDivElement>(html`<div style="font-size: 40px; line-height: 5; color: red">
      <vitrine-product-card></vitrine-product-card>
    </div>`);
    const el = wrapper.querySelector('vitrine-product-card')!;
    el.store = setup([product]).store;
    el.productId = 'x';
    await el.updateComplete;
    const title = el.shadowRoot!.querySelector('[part="title"]')!;
    expect(title.textContent!.trim()).to.equal('<img src=x onerror=alert(1)>Hat');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(getComputedStyle(title).fontSize).to.equal('14px');
    expect(getComputedStyle(el).lineHeight).to.not.equal(getComputedStyle(wrapper).lineHeight);
  });

  it('standalone, without a store, creates its own and forwards cart changes', async () => {
    const el = await fixture<VitrineProductCard>(html`<vitrine-product-card></vitrine-product-card>`);
    expect(el.store).to.exist;
    el.store!.setShow({ id: 's', title: 's', status: 'live', products: catalog(), chapters: [] });
    el.productId = 'hat';
    await el.updateComplete;
    setTimeout(() => button(el.shadowRoot!, 'Add to cart')!.click());
    const change = await oneEvent(el, 'vitrine-cart-change');
    expect(change.detail.cart!.totalQuantity).to.equal(1);
  });

  it('is keyboard operable: Enter on "Add to cart" adds', async () => {
    const { root, store } = await card('hat');
    button(root, 'Add to cart')!.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await until(store, (s) => s.cart?.totalQuantity === 1);
    expect(store.state.cart!.lines[0].productId).to.equal('hat');
  });

  it("taken out before its first render, it leaves nothing on the store's bus (a windowed rail drops such cards)", async () => {
    const { store } = setup();
    const handlers = () => store.bus.all.get('add-result')?.length ?? 0;
    const before = handlers();
    const cards = ['scarf', 'beanie', 'hat'].map((id) => {
      const el = document.createElement('vitrine-product-card');
      el.store = store;
      el.product = store.product(id);
      document.body.append(el);
      return el;
    });
    // Out in the same task: their first render (a task of its own) comes after the removal.
    for (const el of cards) el.remove();
    await Promise.all(cards.map((el) => el.updateComplete));
    expect(cards.every((el) => el.hasUpdated)).to.be.true;
    expect(handlers()).to.equal(before);
    // Back in the page, a card listens again (and once).
    document.body.append(cards[0]);
    await cards[0].updateComplete;
    expect(handlers()).to.equal(before + 1);
    cards[0].remove();
    expect(handlers()).to.equal(before);
  });
});
