/**
 * The keyboard-only purchase path, as a shopper without a mouse takes it: from the pinned
 * card, choose a size, add to cart, open the cart and check out. Only keys are pressed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/carousel/define.js';
import '../../../src/components/cart/define.js';
import '../../../src/components/product-detail/define.js';
import { deepActive, nameOf, setup, until } from '../product-card/fixtures.js';

const settle = () => new Promise((r) => setTimeout(r, 60));

/** Presses `key` until the focused element satisfies `test` (at most `limit` times). */
async function pressUntil(key: string, test: (el: Element | null) => boolean, limit = 25): Promise<Element> {
  for (let i = 0; i < limit; i++) {
    if (test(deepActive())) return deepActive()!;
    if (key === 'Shift+Tab') {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else {
      await sendKeys({ press: key });
    }
    await settle();
  }
  throw new Error(`focus never reached the target; it is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

const inPinnedCard = (el: Element | null) =>
  !!el && (el.getRootNode() as ShadowRoot).host?.hasAttribute?.('pinned');

describe('keyboard-only purchase path', () => {
  it('goes from the pinned card to checkout with the keyboard alone', async () => {
    const world = setup(undefined, { checkoutUrl: 'https://shop.example.com/checkout/k' });
    world.store.set({ highlight: { productId: 'beanie' } });
    const page = await fixture<HTMLDivElement>(html`<div style="width: 1000px">
      <vitrine-cart .store=${world.store}></vitrine-cart>
      <vitrine-carousel .store=${world.store}></vitrine-carousel>
      <vitrine-product-detail dialog .store=${world.store}></vitrine-product-detail>
    </div>`);
    await settle();

    // 1. Tab to "Add to cart" on the pinned ("Live now") card and press Enter: the detail opens.
    const pinnedAdd = await pressUntil('Tab', (el) => inPinnedCard(el) && nameOf(el!) === 'Add to cart');
    await sendKeys({ press: 'Enter' });
    await settle();
    const detail = page.querySelector('vitrine-product-detail')!;
    const dialog = detail.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.contains(deepActive())).to.be.true;

    // 2. Reach the Size group and pick L with an arrow key (radio group semantics).
    await pressUntil('Tab', (el) => el instanceof HTMLInputElement && el.name.endsWith('-1'));
    await sendKeys({ press: 'ArrowRight' });
    await settle();
    expect((deepActive() as HTMLInputElement).value).to.equal('L');
    expect(detail.variant!.id).to.equal('beanie-red-l');

    // 3. Tab to "Add to cart" and press Enter.
    await pressUntil('Tab', (el) => !!el && nameOf(el) === 'Add to cart');
    await sendKeys({ press: 'Enter' });
    await until(world.store, (s) => s.cart?.totalQuantity === 1);

    // 4. Escape closes the detail; focus is back on the pinned card's button.
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(pinnedAdd);

    // 5. Back to the cart button ("Cart, 1 item"), open it, Tab to Checkout, Enter.
    await pressUntil('Shift+Tab', (el) => !!el && nameOf(el) === 'Cart, 1 item');
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(world.store.state.cartOpen).to.be.true;
    await pressUntil('Tab', (el) => !!el && nameOf(el) === 'Checkout');
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(world.navigated).to.deep.equal([
      'https://shop.example.com/checkout/k?utm_source=vitrine&utm_medium=live_shopping&utm_campaign=show-42',
    ]);
  });
});
