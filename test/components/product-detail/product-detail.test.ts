import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/product-detail/define.js';
import type { VitrineProductDetail } from '../../../src/components/product-detail/product-detail.js';
import { VariantPicker } from '../../../src/components/product-detail/variants.js';
import { beanie, button, deepActive, eur, setup, single, until } from '../product-card/fixtures.js';
import { loadLocale } from '../../../src/core/i18n.js';

async function detail(world = setup(), productId = 'beanie') {
  const el = await fixture<VitrineProductDetail>(
    html`<vitrine-product-detail .store=${world.store} product-id=${productId}></vitrine-product-detail>`,
  );
  return { el, root: el.shadowRoot!, ...world };
}

const radio = (root: ShadowRoot, value: string) =>
  [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === value)!;

async function choose(el: VitrineProductDetail, value: string) {
  radio(el.shadowRoot!, value).click();
  await el.updateComplete;
}

// First in the file: nothing else has shown a detail yet.
describe('<vitrine-product-detail>: content loaded on demand', () => {
  it('fetches its content (a separate module) only once needed, and opens with it at the first open', async () => {
    const fetched = () => performance.getEntriesByType('resource').some((e) => /product-detail\.body/.test(e.name));
    expect(fetched(), 'defining the element loads no content').to.be.false;
    const world = setup();
    const el = await fixture<VitrineProductDetail>(html`<vitrine-product-detail dialog .store=${world.store}></vitrine-product-detail>`);
    world.store.set({ openProductId: 'scarf' });
    await el.updateComplete;
    expect(fetched()).to.be.true;
    const root = el.shadowRoot!;
    expect(root.querySelector('dialog')!.open).to.be.true;
    expect(root.querySelector('h2')!.textContent).to.include('Cashmere scarf');
    expect(button(root, 'Add to cart')).to.exist;
    // The content's styles came with it.
    expect(getComputedStyle(root.querySelector('.detail')!).display).to.equal('grid');
    expect(root.querySelector('dialog')!.contains(deepActive()), 'focus moved into the dialog').to.be.true;
  });
});

describe('VariantPicker', () => {
  it('resolves variants, knows sold-out and missing combinations, and never leaves a shopper stuck', () => {
    const picker = new VariantPicker(beanie());
    const start = picker.initial();
    expect(start).to.deep.equal({ Color: 'Red', Size: 'M' });
    expect(picker.resolve(start)!.id).to.equal('beanie-red-m');
    expect(picker.state(start, 1, 'S')).to.equal('missing');
    const navy = picker.choose({ Color: 'Red', Size: 'L' }, 0, 'Navy');
    expect(navy).to.deep.equal({ Color: 'Navy', Size: 'S' });
    expect(picker.state(navy, 1, 'L')).to.equal('sold-out');
    expect(picker.combo(navy, 1, 'L')).to.equal('Navy / L');
    expect(picker.resolve({ Color: 'Red', Size: 'S' })).to.equal(undefined);
  });

  it('turns variants without options into one axis of their titles', () => {
    const product = single('p', {}, {});
    product.variants = [
      { id: 'a', title: 'Small', options: {}, price: eur('1.00'), available: true },
      { id: 'b', title: 'Large', options: {}, price: eur('2.00'), available: false },
    ];
    const picker = new VariantPicker(product, 'Variant');
    expect(picker.options).to.deep.equal([{ name: 'Variant', values: ['Small', 'Large'] }]);
    expect(picker.resolve({ Variant: 'Small' })!.id).to.equal('a');
    expect(picker.state({}, 0, 'Large')).to.equal('sold-out');
  });
});

describe('<vitrine-product-detail>', () => {
  it('passes an axe audit inline, with a sold-out combination, and as an open dialog', async () => {
    const { el, store } = await detail();
    await expect(el).to.be.accessible();
    await choose(el, 'Navy');
    await expect(el).to.be.accessible();
    const dialog = await fixture<VitrineProductDetail>(html`<vitrine-product-detail dialog .store=${store}></vitrine-product-detail>`);
    store.set({ openProductId: 'scarf' });
    await dialog.updateComplete;
    await expect(dialog).to.be.accessible();
  });

  it('builds radio groups from options and resolves the chosen variant with its price', async () => {
    const { el, root } = await detail();
    const groups = [...root.querySelectorAll('fieldset legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(groups).to.deep.equal(['Color: Red', 'Size: M']);
    expect(el.variant!.id).to.equal('beanie-red-m');
    expect(root.querySelector('[part="price"]')!.textContent).to.equal('€29.00');
    await choose(el, 'L');
    expect(el.variant!.id).to.equal('beanie-red-l');
    expect(root.querySelector('[part="price"]')!.textContent).to.equal('€34.00');
    expect(root.querySelector('.stock')!.textContent).to.equal('Only 2 left');
  });

  it("shows the chosen variant's image when it has one, else the product's (issue 17)", async () => {
    const product = beanie();
    product.variants.find((v) => v.id === 'beanie-navy-m')!.image = 'https://cdn.example.com/beanie-navy.jpg';
    const { el, root } = await detail(setup([product]));
    const src = () => root.querySelector<HTMLImageElement>('[part="image"]')!.getAttribute('src');
    expect(src()).to.equal(product.image);
    await choose(el, 'Navy');
    await choose(el, 'M');
    expect(el.variant!.id).to.equal('beanie-navy-m');
    expect(src()).to.equal('https://cdn.example.com/beanie-navy.jpg');
    await choose(el, 'S');
    expect(src(), 'a variant without an image: the product image').to.equal(product.image);
  });

  it('disables unavailable combinations and explains them', async () => {
    const { el, root } = await detail();
    expect(radio(root, 'S').disabled).to.be.true;
    expect(root.textContent).to.include('Red / S — not available');
    await choose(el, 'Navy');
    expect(radio(root, 'L').disabled).to.be.true;
    expect(radio(root, 'S').disabled).to.be.false;
    const note = root.querySelectorAll('fieldset')[1].querySelector('.note')!;
    expect(note.textContent).to.equal('Navy / L — sold out');
    expect(root.querySelectorAll('fieldset')[1].getAttribute('aria-describedby')).to.equal(note.id);
  });

  it('adds the chosen variant and quantity; the stepper stops at the stock', async () => {
    const { el, root, store } = await detail();
    await choose(el, 'L');
    const more = button(root, 'Increase quantity')!;
    more.click();
    await el.updateComplete;
    expect(el.quantity).to.equal(2);
    expect(more.disabled).to.be.true;
    const added: CustomEvent[] = [];
    el.addEventListener('vitrine-add-to-cart', (e) => added.push(e));
    button(root, 'Add to cart')!.click();
    await until(store, (s) => !!s.cart);
    expect(added[0].detail.variant.id).to.equal('beanie-red-l');
    expect(added[0].detail.quantity).to.equal(2);
    expect(store.state.cart!.lines[0]).to.include({ variantId: 'beanie-red-l', quantity: 2, variantTitle: 'Red / L' });
    expect(store.state.cart!.subtotal).to.deep.equal(eur('68.00'));
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Added to cart');
  });

  it('says sold out, with the reason, when the whole product is sold out', async () => {
    const product = beanie();
    product.available = false;
    product.variants.forEach((v) => (v.available = false));
    const { root } = await detail(setup([product]));
    const add = button(root, 'Sold out')!;
    expect(add.disabled).to.be.true;
    expect(root.querySelector(`#${add.getAttribute('aria-describedby')}`)!.textContent).to.equal('Red / M — sold out');
  });

  it('renders the description as plain text and links only to http(s) product pages', async () => {
    const { root, store, el } = await detail();
    const description = root.querySelector('[part="description"]')!;
    expect(description.textContent).to.include('<b>not bold</b>');
    expect(description.querySelector('b')).to.equal(null);
    const link = root.querySelector<HTMLAnchorElement>('[part="link"]')!;
    expect(link.href).to.equal('https://shop.example.com/products/beanie');
    expect(link.rel).to.include('noopener');
    store.upsertProduct({ ...store.product('beanie')!, url: 'javascript:alert(1)' });
    await el.updateComplete;
    expect(root.querySelector('[part="link"]')).to.equal(null);
  });

  it('as a dialog: opens on openProductId, moves focus in, Escape closes and focus returns', async () => {
    const world = setup();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">open</button>
      <vitrine-product-detail dialog .store=${world.store}></vitrine-product-detail>
    </div>`);
    const el = wrapper.querySelector('vitrine-product-detail')!;
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    world.store.set({ openProductId: 'beanie' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.contains(deepActive())).to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal(el.shadowRoot!.querySelector('h2')!.id);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(world.store.state.openProductId).to.equal(null);
    expect(deepActive()).to.equal(opener);
  });

  it('the close button closes the dialog', async () => {
    const world = setup();
    const el = await fixture<VitrineProductDetail>(html`<vitrine-product-detail dialog .store=${world.store}></vitrine-product-detail>`);
    world.store.set({ openProductId: 'scarf' });
    await el.updateComplete;
    button(el.shadowRoot!, 'Close')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.be.false;
    expect(world.store.state.openProductId).to.equal(null);
  });

  it('as a dialog: a successful add closes it (nothing left over the page), announces it and returns focus; a failed one keeps it open', async () => {
    const world = setup();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">open</button>
      <vitrine-product-detail dialog .store=${world.store}></vitrine-product-detail>
    </div>`);
    const el = wrapper.querySelector('vitrine-product-detail')!;
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    world.store.set({ openProductId: 'beanie' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    button(dialog, 'Add to cart')!.click();
    await until(world.store, (s) => !!s.cart && s.openProductId === null);
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(world.store.state.cart!.totalQuantity).to.equal(1);
    expect(deepActive()).to.equal(opener);
    const announced = [...el.shadowRoot!.querySelectorAll('[role="status"]')].filter((n) => !dialog.contains(n));
    expect(announced.map((n) => n.textContent!.trim())).to.deep.equal(['Added to cart']);
    // The page under it takes clicks again.
    const { x, y, width, height } = opener.getBoundingClientRect();
    expect(document.elementFromPoint(x + width / 2, y + height / 2)).to.equal(opener);

    // A merchant's add that fails: the dialog stays, with the reason where the shopper clicked.
    el.addEventListener('vitrine-add-to-cart', (e) => {
      e.preventDefault();
      e.detail.respondWith(Promise.reject(new Error('Nope')));
    });
    world.store.set({ openProductId: 'beanie' });
    await el.updateComplete;
    expect(dialog.open).to.be.true;
    button(dialog, 'Add to cart')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(dialog.open).to.be.true;
    expect(dialog.querySelector('[part="status"]')!.textContent!.trim()).to.not.equal('');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.be.false;
  });

  it('speaks German and Arabic, right to left', async () => {
    await Promise.all([loadLocale('de'), loadLocale('ar')]); // lazy chunks (src/locales/)
    const world = setup();
    world.store.set({ locale: 'ar' });
    const { root } = await detail(world);
    expect(button(root, 'أضف إلى السلة')).to.exist;
    expect(root.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    world.store.set({ locale: 'de-AT' });
    const de = await detail(world);
    expect(button(de.root, 'Menge erhöhen')).to.exist;
  });
});
