import { expect, fixture, html } from '@open-wc/testing';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { VitrineProductCard } from '../../../src/components/product-card/product-card.js';
import type { StreamAdapter } from '../../../src/core/types.js';
import { memoryStream, shadow, showDoc, until } from './helpers.js';

/** A show with the merchant's `children` (light DOM), fed by `stream`, 1000px wide. */
async function mountWith(stream: StreamAdapter, children: string) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
  const el = document.createElement('vitrine-show') as VitrineShow;
  el.innerHTML = children;
  el.stream = stream;
  wrapper.append(el);
  return el;
}

const visible = (node: Element | null | undefined) => {
  const box = node?.getBoundingClientRect();
  return Boolean(box && box.width > 0 && box.height > 0);
};
const slot = (el: VitrineShow, name: string) => shadow(el, `slot[name="${name}"]`) as HTMLSlotElement | null;

describe('<vitrine-show> slots', function () {
  this.timeout(20000);

  it('pinned: the merchant’s own content replaces the pinned card (which is the default); a card there clicks as "pinned"', async () => {
    const el = await mountWith(memoryStream(showDoc()), '<div slot="pinned"><vitrine-product-card product-id="p2"></vitrine-product-card><p>Our pick</p></div>');
    await until(() => el.state.show, 'the show loaded');
    await el.updateComplete;
    const own = el.querySelector('[slot="pinned"]')!;
    const card = own.querySelector('vitrine-product-card') as VitrineProductCard;
    card.store = el.store;
    await until(() => card.shadowRoot?.querySelector('[part="title"]'), 'the merchant’s card rendered');
    expect(slot(el, 'pinned')!.assignedElements()).to.deep.equal([own]);
    expect(visible(own.querySelector('p'))).to.equal(true);
    const fallback = shadow(el, '[part="pinned"] vitrine-product-card');
    expect(fallback, 'the default stays as the fallback').to.exist;
    expect(visible(fallback), 'the fallback is not shown').to.equal(false);
    const sources: string[] = [];
    el.addEventListener('vitrine-product-click', (e) => sources.push(e.detail.source));
    (card.shadowRoot!.querySelector('[part="title"]') as HTMLButtonElement).click();
    expect(sources).to.deep.equal(['pinned']);
    await expect(el).to.be.accessible();
  });

  it('pinned without slotted content shows the default card', async () => {
    const el = await mountWith(memoryStream(showDoc()), '');
    await until(() => el.state.show, 'the show loaded');
    await el.updateComplete;
    const fallback = await until(() => shadow(el, '[part="pinned"] vitrine-product-card'), 'the default card');
    await until(() => visible(fallback), 'the default card visible');
  });

  it('no-products: the merchant’s message in the empty rail; the default text otherwise', async () => {
    const el = await mountWith(memoryStream(showDoc({ products: [] })), '<p slot="no-products">The collection drops at 8 pm.</p>');
    await until(() => el.state.show, 'the show loaded');
    await el.updateComplete;
    const own = el.querySelector('[slot="no-products"]')!;
    expect(slot(el, 'no-products')!.assignedElements()).to.deep.equal([own]);
    expect(visible(own)).to.equal(true);
    const plain = await mountWith(memoryStream(showDoc({ products: [] })), '');
    await until(() => plain.state.show, 'the show loaded');
    await plain.updateComplete;
    const text = shadow(plain, '[part="rail"] slot[name="no-products"] p')!;
    expect(text.textContent).to.equal('No products in this show yet.');
    expect(visible(text)).to.equal(true);
  });

  it('ended: the merchant’s content for a show that ended without a replay', async () => {
    const el = await mountWith(memoryStream(showDoc({ status: 'ended', stream: undefined })), '<a slot="ended" href="/next">See the next show</a>');
    await until(() => slot(el, 'ended'), 'the ended panel');
    const own = el.querySelector('[slot="ended"]')!;
    expect(slot(el, 'ended')!.assignedElements()).to.deep.equal([own]);
    expect(visible(own)).to.equal(true);
    expect(visible(shadow(el, '[part="status"] .headline'))).to.equal(false);
  });

  it('unavailable: the merchant’s message above "Try again"', async () => {
    const stream = { async loadShow(): Promise<never> { throw new Error('down'); } } as unknown as StreamAdapter;
    const el = await mountWith(stream, '<p slot="unavailable">Our live show is taking a break.</p>');
    await until(() => slot(el, 'unavailable'), 'the failure panel');
    const own = el.querySelector('[slot="unavailable"]')!;
    expect(slot(el, 'unavailable')!.assignedElements()).to.deep.equal([own]);
    expect(visible(own)).to.equal(true);
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again');
    expect(visible(retry)).to.equal(true);
  });
});
