import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { VitrineShow } from '../../../src/components/show/show.js';
import { box, deep, hitAt, money, mountShow, overlap, product, shadow, showDoc, until, animationsDone } from './helpers.js';

const layout = (el: VitrineShow) => shadow(el, '.layout') as HTMLElement;
const onStage = (el: VitrineShow) => layout(el).matches(':popover-open');
const video = (el: VitrineShow) => deep(el, 'vitrine-player', 'video') as HTMLVideoElement | null;
const closeButton = (el: VitrineShow) => shadow(el, '.stage-close') as HTMLButtonElement | null;
const cartButton = (el: VitrineShow) => deep(el, 'vitrine-cart', '[part="button"]')!;
const chipAdd = (el: VitrineShow) => deep(shadow(el, '.pinned vitrine-product-card'), '[part~="add-button"]') as HTMLButtonElement | null;

const deal = product('p2', { title: 'Wool scarf', price: money('49.00'), compareAtPrice: money('69.00') });
const doc = (aspectRatio: '16:9' | '9:16') => showDoc({ aspectRatio, products: [product('p1', { title: 'Organic cotton tee' }), deal, product('p3')] });

/** Opens the stage the way a shopper does: Play on the phone. */
async function openStage(el: VitrineShow) {
  const play = await until(() => deep(el, 'vitrine-player', '[part~="play-button"]'), 'Play');
  play!.click();
  await until(() => onStage(el), 'the stage opens');
  await until(() => closeButton(el), 'Close');
  await until(() => video(el) && !video(el)!.paused, 'playing', 15000);
}

describe('<vitrine-show> phone stage (issue 17)', function () {
  this.timeout(60000);
  before(() => setViewport({ width: 390, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));
  // Close takes the stage's history entry back (never more: the test page stays).
  afterEach(async () => {
    for (const show of document.querySelectorAll('vitrine-show')) show.shadowRoot?.querySelector<HTMLButtonElement>('.stage-close')?.click();
    await new Promise((r) => setTimeout(r, 150));
    expect(history.state?.vitrineStage, 'no stage history entry left over').to.equal(undefined);
  });

  it('Play on a phone opens the show full-viewport in the top layer; Close returns it to the page, still playing, in its place', async () => {
    const { el } = await mountShow(doc('9:16'), 390);
    const before = box(el);
    await openStage(el);
    const stage = box(layout(el));
    expect([stage.left, stage.top, stage.width, stage.height]).to.deep.equal([0, 0, 390, 844]);
    expect(box(el).height, 'the page keeps the show’s place').to.be.closeTo(before.height, 1);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement, 'focus on Close').to.equal(closeButton(el));
    expect(history.state?.vitrineStage, 'a history entry for Back').to.be.a('string');
    closeButton(el)!.click();
    await until(() => !onStage(el), 'closed');
    await until(() => !history.state?.vitrineStage, 'its history entry gone');
    expect(video(el)!.paused, 'playback kept').to.equal(false);
    expect(box(layout(el)).top).to.be.closeTo(before.top, 1);
  });

  it('Escape and the phone’s Back close the stage', async () => {
    const { el } = await mountShow(doc('16:9'), 390);
    await openStage(el);
    await sendKeys({ press: 'Escape' });
    await until(() => !onStage(el), 'Escape closes');
    await until(() => !history.state?.vitrineStage, 'its history entry gone');
    shadow(el, '.stage-slot')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await until(() => onStage(el), 'a tap on the video opens it again');
    history.back();
    await until(() => !onStage(el), 'Back closes');
    expect(video(el)!.paused, 'playback kept').to.equal(false);
  });

  for (const aspectRatio of ['9:16', '16:9'] as const) {
    it(`${aspectRatio}: the header top-left, Close and the cart top-right, the chip over the bottom with Add to cart; nothing covers another; targets ≥ 44px; axe clean`, async () => {
      const { el } = await mountShow(doc(aspectRatio), 390);
      el.store.set({ highlight: { productId: 'p2', at: 0 } });
      await openStage(el);
      const add = await until(() => chipAdd(el), 'the chip’s Add to cart');
      const meta = box(shadow(el, '.meta')!);
      const close = box(closeButton(el)!);
      const cart = box(cartButton(el));
      const chip = box(shadow(el, '.pinned vitrine-product-card')!);
      const handle = box(shadow(el, '.sheet-handle')!);
      expect(meta.left).to.be.lessThan(100);
      expect(meta.top).to.be.lessThan(60);
      expect(close.right).to.be.closeTo(390, 16);
      expect(close.top).to.be.lessThan(60);
      expect(cart.right).to.be.at.most(close.left + 0.5);
      expect(chip.bottom, 'the chip in thumb reach').to.be.greaterThan(844 * 0.75);
      expect(chip.bottom).to.be.at.most(844);
      const targets = { close, cart, chip, handle, add: box(add!) };
      for (const [a, ra] of Object.entries(targets)) {
        if (a !== 'chip' && a !== 'add') expect(Math.min(ra.width, ra.height), `${a} ≥ 44px`).to.be.at.least(44);
        for (const [b, rb] of Object.entries(targets)) {
          if (a < b && !(['chip', 'add'].includes(a) && ['chip', 'add'].includes(b))) expect(overlap(ra, rb), `${a} / ${b}`).to.equal(false);
        }
      }
      expect(Math.min(targets.add.width, targets.add.height)).to.be.at.least(44);
      // The player's controls and Play stay reachable: the chip is not over the control bar.
      const controls = deep(el, 'vitrine-player', '[part~="controls"]');
      if (controls) expect(overlap(box(controls), chip), 'the chip over the control bar').to.equal(false);
      const slot = box(shadow(el, '.stage-slot')!);
      const centre = hitAt(slot.left + slot.width / 2, slot.top + slot.height / 2);
      expect(centre && (centre === el || el.shadowRoot!.contains(centre) || shadow(el, 'vitrine-player')!.shadowRoot!.contains(centre)), 'the middle of the video is the video').to.equal(true);
      expect(centre?.closest?.('.pinned, .header, .sheet-handle')).to.equal(null);
      // Add from the chip: the toast, and the cart count.
      add!.click();
      const toast = shadow(el, '[part="toast"]') as HTMLElement;
      await until(() => toast.matches(':popover-open'), 'the toast');
      expect(toast.textContent).to.contain('Added: Wool scarf');
      expect(overlap(box(toast), targets.chip), 'the toast is not over the chip').to.equal(false);
      await until(() => deep(el, 'vitrine-cart', '[part="count"]')!.textContent!.trim() === '1', 'the count');
      // Contrast is checked on the toast as shown, not halfway through its 200 ms fade-in.
      await animationsDone(el);
      await expect(el).to.be.accessible();
    });
  }

  it('the rail is a sheet: the handle opens it, "Hide products" and Escape close it', async () => {
    const { el } = await mountShow(doc('9:16'), 390);
    await openStage(el);
    const rail = shadow(el, '.rail') as HTMLElement;
    await until(() => getComputedStyle(rail).visibility === 'hidden', 'the sheet is down');
    (shadow(el, '.sheet-handle') as HTMLButtonElement).click();
    await until(() => getComputedStyle(rail).visibility === 'visible', 'the sheet opens');
    expect(shadow(el, '.sheet-handle')!.getAttribute('aria-expanded')).to.equal('true');
    await until(() => Math.abs(box(rail).bottom - 844) < 2, 'at the bottom');
    await sendKeys({ press: 'Escape' });
    await until(() => getComputedStyle(rail).visibility === 'hidden', 'Escape closes the sheet first');
    expect(onStage(el)).to.equal(true);
  });

  for (const [width, height] of [
    [360, 740],
    [320, 568],
  ] as const) {
    it(`${width}×${height}: Close, the cart, the chip and the handle fit and do not overlap`, async () => {
      await setViewport({ width, height });
      try {
        const { el } = await mountShow(doc('9:16'), width);
        await openStage(el);
        await until(() => chipAdd(el), 'the chip');
        const parts = {
          close: box(closeButton(el)!),
          cart: box(cartButton(el)),
          chip: box(shadow(el, '.pinned vitrine-product-card')!),
          handle: box(shadow(el, '.sheet-handle')!),
        };
        for (const [a, ra] of Object.entries(parts)) {
          expect(ra.left, `${a} on screen`).to.be.at.least(0);
          expect(ra.right, `${a} on screen`).to.be.at.most(width + 0.5);
          expect(ra.bottom, `${a} on screen`).to.be.at.most(height + 0.5);
          for (const [b, rb] of Object.entries(parts)) if (a < b) expect(overlap(ra, rb), `${a} / ${b}`).to.equal(false);
          if (a !== 'chip') expect(Math.min(ra.width, ra.height), `${a} ≥ 44px`).to.be.at.least(44);
        }
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 390, height: 844 });
      }
    });
  }

  it('a phone turned on its side (844×390): the video on the left, the shopping beside it', async () => {
    const { el, wrapper } = await mountShow(doc('16:9'), 390);
    await openStage(el);
    await setViewport({ width: 844, height: 390 });
    wrapper.style.setProperty('width', '844px');
    try {
      await until(() => box(layout(el)).width === 844, 'the stage follows the viewport');
      const slot = box(shadow(el, '.stage-slot')!);
      const chip = box(shadow(el, '.pinned vitrine-product-card')!);
      const close = box(closeButton(el)!);
      expect(slot.left).to.be.at.most(1);
      expect(chip.left, 'the chip beside the video').to.be.at.least(slot.right - 0.5);
      expect(close.left).to.be.at.least(slot.right - 0.5);
      expect(chip.bottom).to.be.at.most(390.5);
      expect(overlap(chip, close)).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 390, height: 844 });
    }
  });
});
