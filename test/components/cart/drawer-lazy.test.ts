// Its own page: nothing else has opened a cart here yet.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/cart/define.js';
import type { VitrineCart } from '../../../src/components/cart/cart.js';
import { button, deepActive, eur, setup, single } from '../product-card/fixtures.js';

describe('<vitrine-cart>: drawer content loaded on demand', () => {
  it('fetches the drawer content (a separate module) only once needed, and opens with it at the first open', async () => {
    const fetched = () => performance.getEntriesByType('resource').some((e) => /cart\.drawer/.test(e.name));
    expect(fetched(), 'defining the element loads no drawer').to.be.false;
    const world = setup([single('socks', { title: 'Socks', price: eur('19.99') })]);
    await world.service.add(world.store.product('socks')!, world.store.product('socks')!.variants[0], 2);
    const el = await fixture<VitrineCart>(html`<vitrine-cart .store=${world.store}></vitrine-cart>`);
    const root = el.shadowRoot!;
    // The button is there at once, with its count.
    expect(button(root, 'Cart, 2 items')).to.exist;
    button(root, 'Cart, 2 items')!.click();
    await el.updateComplete;
    expect(fetched()).to.be.true;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(root.querySelector('[part="line"]')!.textContent).to.include('Socks');
    expect(root.querySelector('[part="subtotal"] dd')!.textContent).to.equal('€39.98');
    expect(deepActive()).to.equal(button(root, 'Close cart') ?? root.querySelector('[part="close-button"]'));
    // The content's styles came with it.
    expect(getComputedStyle(root.querySelector('[part="header"]')!).display).to.equal('flex');
    await expect(el).to.be.accessible();
    // Closed: the content goes (nothing kept in the DOM); opened again: at once.
    el.close();
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(root.querySelector('[part="line"]')).to.equal(null);
    el.open();
    await el.updateComplete;
    expect(dialog.open).to.be.true;
    expect(root.querySelector('[part="line"]')).to.exist;
  });
});
