import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/cart/define.js';
import type { VitrineCart } from '../../../src/components/cart/cart.js';
import { VitrineError } from '../../../src/core/errors.js';
import { button, deepActive, eur, setup, single, until } from '../product-card/fixtures.js';

type World = ReturnType<typeof setup>;

async function cartWith(world: World = setup(), adds: [string, number][] = []) {
  for (const [id, quantity] of adds) {
    const product = world.store.product(id)!;
    await world.service.add(product, product.variants[0], quantity);
  }
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="before">before</button>
    <vitrine-cart .store=${world.store}></vitrine-cart>
    <button id="after">after</button>
  </div>`);
  const el = wrapper.querySelector('vitrine-cart')!;
  await el.updateComplete;
  return { el, wrapper, root: el.shadowRoot!, ...world };
}

const priced = () => [
  single('socks', { title: 'Socks', price: eur('19.99') }),
  single('mittens', { title: 'Mittens', price: eur('24.50'), inventory: 3 }, { inventory: 3 }),
];

async function open(el: VitrineCart) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  await el.updateComplete;
  return el.shadowRoot!.querySelector('dialog')!;
}

const subtotal = (root: ShadowRoot) => root.querySelector('[part="subtotal"] dd')!.textContent;

describe('<vitrine-cart>', () => {
  it('passes an axe audit closed, open and empty, open with lines, and with an error', async () => {
    const empty = await cartWith();
    await expect(empty.el).to.be.accessible();
    await open(empty.el);
    await expect(empty.el).to.be.accessible();
    const full = await cartWith(setup(priced(), { checkoutUrl: 'javascript:alert(1)' }), [['socks', 1], ['mittens', 2]]);
    await open(full.el);
    await expect(full.el).to.be.accessible();
    full.service.options.checkoutFallbackUrl = 'javascript:alert(1)';
    button(full.root, 'Checkout')!.click();
    await until(full.store, (s) => !!s.cartError);
    await full.el.updateComplete;
    await expect(full.el).to.be.accessible();
    // A line whose quantity change is in flight: a spinner, and its text keeps its contrast.
    full.store.set({ updatingLines: new Set([full.store.state.cart!.lines[0].id]) });
    await full.el.updateComplete;
    const busy = full.root.querySelector('[part="line"][aria-busy="true"]')!;
    expect(busy.querySelector('.qty .spinner')).to.exist;
    expect(busy.querySelector('.qty')!.textContent).to.include('Updating');
    await expect(full.el).to.be.accessible();
  });

  it('has a cart button whose name starts with "Cart" and includes the count', async () => {
    const { el, root, store, service } = await cartWith(setup(priced()));
    expect(button(root, 'Cart, 0 items')).to.exist;
    await service.add(store.product('socks')!, store.product('socks')!.variants[0], 2);
    await el.updateComplete;
    expect(button(root, 'Cart, 2 items')).to.exist;
    expect(root.querySelector('[part="count"]')!.textContent).to.equal('2');
  });

  it('names the cart button with the count it shows, in the same figures, in every language (WCAG 2.5.3)', async () => {
    // Arabic said "one item" in words beside a visible "1"; ar-EG writes digits as ١٢٣.
    const world = setup(priced());
    const { el, root, store, service } = await cartWith(world, [['socks', 1]]);
    const cartButton = () => root.querySelector<HTMLButtonElement>('[part="button"]')!;
    for (const quantity of [1, 3]) {
      if (quantity === 3) await service.add(store.product('mittens')!, store.product('mittens')!.variants[0], 2);
      for (const locale of ['en', 'de', 'ar', 'ar-EG']) {
        store.set({ locale });
        await el.updateComplete;
        const shown = root.querySelector('[part="count"]')!.textContent!.trim();
        expect(shown, `${locale}: the visible count`).to.equal(new Intl.NumberFormat(locale).format(quantity));
        expect(cartButton().getAttribute('aria-label'), `${locale}, ${quantity}`).to.include(shown);
        await expect(el).to.be.accessible();
      }
    }
    store.set({ locale: 'ar' });
    await el.updateComplete;
    expect(cartButton().getAttribute('aria-label')).to.equal('السلة، 3 منتجات');
  });

  it('opens a modal drawer: focus moves in, Escape closes, focus returns to the cart button', async () => {
    const { el, root, store } = await cartWith(setup(priced()), [['socks', 1]]);
    const cartButton = button(root, /^Cart, 1 item$/)!;
    cartButton.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    expect(store.state.cartOpen).to.be.true;
    expect(deepActive()).to.equal(button(root, 'Close cart'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(store.state.cartOpen).to.be.false;
    expect(deepActive()).to.equal(cartButton);
  });

  it('keeps focus inside while open (the page behind is inert)', async () => {
    const { el, root, wrapper } = await cartWith(setup(priced()), [['socks', 1]]);
    await open(el);
    const dialog = root.querySelector('dialog')!;
    const outside = wrapper.querySelector<HTMLButtonElement>('#after')!;
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect(active === outside || active === wrapper.querySelector('#before')).to.be.false;
      if (active && active !== document.body) expect(dialog.contains(active)).to.be.true;
    }
    outside.focus();
    expect(deepActive()).to.not.equal(outside);
  });

  it('is driven by store.state.cartOpen (how <vitrine-show> opens and closes it)', async () => {
    const { el, root, store } = await cartWith();
    store.set({ cartOpen: true });
    await el.updateComplete;
    expect(root.querySelector('dialog')!.open).to.be.true;
    expect(root.querySelector('[part="empty"]')!.textContent).to.include('Your cart is empty');
    el.close();
    await el.updateComplete;
    expect(root.querySelector('dialog')!.open).to.be.false;
  });

  it('lists lines with image, title, variant, quantity, and the exact subtotal', async () => {
    const { el, root } = await cartWith(setup(priced()), [['socks', 3], ['mittens', 1]]);
    await open(el);
    const lines = [...root.querySelectorAll('[part="line"]')];
    expect(lines).to.have.length(2);
    expect(lines[0].textContent).to.include('Socks');
    expect(lines[0].textContent).to.include('€19.99 each');
    expect(lines[0].textContent).to.include('€59.97');
    expect(subtotal(root)).to.equal('€84.47');
  });

  it('a line on sale shows its compare-at price struck and the saving (issue 17)', async () => {
    const sale = single('boots', { title: 'Boots', price: eur('58.00'), compareAtPrice: eur('78.00') });
    const { el, root } = await cartWith(setup([...priced(), sale]), [['boots', 2], ['socks', 1]]);
    await open(el);
    const [boots, socks] = [...root.querySelectorAll('[part="line"]')];
    expect(boots!.querySelector('[part="line-compare-at"]')!.tagName).to.equal('S');
    expect(boots!.querySelector('[part="line-compare-at"] [aria-hidden="true"]')!.textContent).to.equal('€156.00');
    expect(boots!.querySelector('[part="line-compare-at"] .visually-hidden')!.textContent).to.equal('Was €156.00');
    expect(boots!.querySelector('[part="line-saving"]')!.textContent).to.equal('You save €40.00');
    expect(socks!.querySelector('[part="line-compare-at"]'), 'not on sale: no struck price').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('"+" is disabled at the stock limit, with the reason (issue 17)', async () => {
    const { el, root, store } = await cartWith(setup(priced()), [['mittens', 2]]);
    await open(el);
    const plus = () => button(root, 'Increase quantity of Mittens')!;
    expect(plus().disabled).to.equal(false);
    expect(root.querySelector('[part="line-limit"]')).to.equal(null);
    plus().click();
    await until(store, (s) => s.cart!.lines[0].quantity === 3 && s.updatingLines.size === 0);
    await el.updateComplete;
    expect(plus().disabled, 'all 3 in the cart').to.equal(true);
    expect(root.querySelector('[part="line-limit"]')!.textContent).to.equal('Only 3 in stock: you have them all');
    expect(button(root, 'Decrease quantity of Mittens')!.disabled).to.equal(false);
  });

  it('changes quantities and removes lines, with exact subtotals', async () => {
    const { el, root, store } = await cartWith(setup(priced()), [['socks', 1], ['mittens', 1]]);
    await open(el);
    button(root, 'Increase quantity of Socks')!.click();
    await el.updateComplete;
    expect(root.querySelector('[part="line"]')!.getAttribute('aria-busy')).to.equal('true');
    await until(store, (s) => s.cart!.lines[0].quantity === 2 && s.updatingLines.size === 0);
    await el.updateComplete;
    expect(subtotal(root)).to.equal('€64.48');
    button(root, 'Increase quantity of Socks')!.click();
    await until(store, (s) => s.cart!.lines[0].quantity === 3 && s.updatingLines.size === 0);
    await el.updateComplete;
    expect(subtotal(root)).to.equal('€84.47');
    button(root, 'Remove Mittens')!.click();
    await until(store, (s) => s.cart!.lines.length === 1);
    await el.updateComplete;
    expect(subtotal(root)).to.equal('€59.97');
    expect(button(root, 'Cart, 3 items')).to.exist;
    button(root, 'Decrease quantity of Socks')!.click();
    await until(store, (s) => s.cart!.lines[0].quantity === 2);
    await el.updateComplete;
    expect(subtotal(root)).to.equal('€39.98');
    button(root, 'Remove Socks')!.click();
    await until(store, (s) => s.cart!.lines.length === 0);
    await el.updateComplete;
    expect(root.querySelector('[part="empty"]')).to.exist;
  });

  it('shows why a quantity change failed, and keeps the cart as it was', async () => {
    // The show thinks 2 more mittens are in stock; the backend knows better.
    const { el, root, store, adapter } = await cartWith(setup(priced()), [['mittens', 3]]);
    adapter.updateLine = () => Promise.reject(new VitrineError('cart/out-of-stock', 'Only 3 left'));
    await open(el);
    store.upsertProduct({ ...store.product('mittens')!, inventory: 5, variants: store.product('mittens')!.variants.map((v) => ({ ...v, inventory: 5 })) });
    await el.updateComplete;
    button(root, 'Increase quantity of Mittens')!.click();
    await until(store, (s) => !!s.cartError);
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')!.textContent!.trim()).to.equal('Not enough stock for that quantity.');
    expect(subtotal(root)).to.equal('€73.50');
  });

  it('checkout: fires vitrine-checkout and navigates to the http(s) URL with attribution', async () => {
    const { el, root, navigated } = await cartWith(setup(priced(), { checkoutUrl: 'https://shop.example.com/checkout/abc' }), [['socks', 1]]);
    await open(el);
    setTimeout(() => button(root, 'Checkout')!.click());
    const event = await oneEvent(el, 'vitrine-checkout');
    expect(event.cancelable).to.be.true;
    const expected = 'https://shop.example.com/checkout/abc?utm_source=vitrine&utm_medium=live_shopping&utm_campaign=show-42';
    expect(event.detail.url).to.equal(expected);
    expect(event.detail.cart!.subtotal).to.deep.equal(eur('19.99'));
    await new Promise((r) => setTimeout(r, 0));
    expect(navigated).to.deep.equal([expected]);
  });

  it('checkout: the merchant can cancel it and navigate themselves', async () => {
    const { el, root, navigated } = await cartWith(setup(priced(), { checkoutUrl: 'https://shop.example.com/co' }), [['socks', 1]]);
    await open(el);
    el.addEventListener('vitrine-checkout', (e) => e.preventDefault());
    button(root, 'Checkout')!.click();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(navigated).to.deep.equal([]);
    expect(button(root, 'Checkout')).to.exist;
  });

  it('checkout: refuses an unsafe URL with a visible message and checkout/unsafe-url', async () => {
    const world = setup(priced());
    world.service.options.checkoutFallbackUrl = 'javascript:alert(document.cookie)';
    const errors: string[] = [];
    world.store.bus.on('error', (e) => errors.push(e.code));
    const { el, root, navigated } = await cartWith(world, [['socks', 1]]);
    await open(el);
    let fired = false;
    el.addEventListener('vitrine-checkout', () => (fired = true));
    button(root, 'Checkout')!.click();
    await until(world.store, (s) => !!s.cartError);
    await el.updateComplete;
    expect(fired).to.be.false;
    expect(navigated).to.deep.equal([]);
    expect(errors).to.deep.equal(['checkout/unsafe-url']);
    expect(root.querySelector('[part="error"]')!.textContent).to.include('not safe');
    expect(button(root, 'Checkout')).to.exist;
  });

  it('standalone: owns a store and reports errors as vitrine-error', async () => {
    const el = await fixture<VitrineCart>(html`<vitrine-cart></vitrine-cart>`);
    const store = el.store!;
    store.setShow({ id: 's', title: 's', status: 'live', products: priced(), chapters: [] });
    store.bus.emit('add-request', { product: store.product('socks')!, variant: store.product('socks')!.variants[0], quantity: 1, source: null });
    await until(store, (s) => !!s.cart);
    await open(el);
    setTimeout(() => button(el.shadowRoot!, 'Checkout')!.click());
    const error = await oneEvent(el, 'vitrine-error');
    expect(error.detail.code).to.equal('checkout/unavailable');
  });

  it('speaks German and Arabic; the Arabic drawer opens from the left', async () => {
    const world = setup(priced());
    world.store.set({ locale: 'de' });
    const { el, root } = await cartWith(world, [['socks', 2]]);
    expect(button(root, 'Warenkorb, 2 Artikel')).to.exist;
    await open(el);
    expect(subtotal(root)).to.equal('39,98\u00a0€');
    expect(button(root, 'Zur Kasse')).to.exist;
    el.close();
    world.store.set({ locale: 'ar' });
    await el.updateComplete;
    const dialog = await open(el);
    await new Promise((r) => setTimeout(r, 300));
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect(Math.round(dialog.getBoundingClientRect().left)).to.equal(0);
    expect(button(root, /^السلة/)).to.exist;
  });
});
