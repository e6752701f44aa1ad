import { expect } from '@open-wc/testing';
import { mountShow, shadow, showDoc, until } from './helpers.js';

const box = (el: Element) => el.getBoundingClientRect();
const deep = (root: Element, ...selectors: string[]): Element | null => {
  let node: Element | null = root;
  for (const selector of selectors) node = node?.shadowRoot?.querySelector(selector) ?? null;
  return node;
};

describe('<vitrine-show> layouts', () => {
  it('wide: the pinned product is a compact card whose image, title, price and Add to cart fit beside the video', async () => {
    const { el } = await mountShow(showDoc(), 1100);
    const card = shadow(el, '.pinned vitrine-product-card')!;
    expect(card.getAttribute('layout')).to.equal('compact');
    await until(() => deep(card, '[part~="add-button"]'), 'the card rendered');
    const stage = box(shadow(el, '.stage-slot')!);
    const pinned = box(shadow(el, '.pinned')!);
    // Beside the video, not below it.
    expect(pinned.left).to.be.greaterThanOrEqual(stage.right);
    for (const part of ['media', 'title', 'price', 'add-button']) {
      const r = box(deep(card, `[part~="${part}"]`)!);
      expect(r.height, part).to.be.greaterThan(0);
      expect(r.bottom, `${part} within the video's height`).to.be.at.most(stage.bottom + 0.5);
      expect(r.bottom, `${part} not clipped by the pinned column`).to.be.at.most(pinned.bottom + 0.5);
    }
    // The player keeps its own header beside the show's side column.
    expect(shadow(el, 'vitrine-player')!.hasAttribute('no-header')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("vertical (phone): the show's header is over the video and the player's own header is hidden", async () => {
    const { el } = await mountShow(showDoc(), 390);
    await until(() => shadow(el, 'vitrine-player')?.hasAttribute('no-header'), 'no-header on the player');
    const player = shadow(el, 'vitrine-player')!;
    expect(player.getAttribute('aspect-ratio')).to.equal('9:16');
    await (player as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const root = player.shadowRoot!;
    expect(root.querySelector('[part~="title"]'), 'player title').to.equal(null);
    expect(root.querySelector('[part~="badge"]'), 'player badge').to.equal(null);
    expect(root.querySelector('[part~="play-button"]'), 'Play stays').to.not.equal(null);
    // The show's header is drawn over the stage.
    const header = box(shadow(el, '.header')!);
    const stage = box(shadow(el, '.stage-slot')!);
    expect(header.top).to.be.greaterThanOrEqual(stage.top);
    expect(header.bottom).to.be.at.most(stage.bottom);
    // The pinned card (when one is pinned) keeps the vertical card layout in the overlay.
    el.store.set({ highlight: { productId: 'p2', at: 0 } });
    await el.updateComplete;
    expect(shadow(el, '.pinned vitrine-product-card')!.hasAttribute('layout')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
