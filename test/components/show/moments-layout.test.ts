/**
 * A live moment arriving (an announcement, a poll) moves nothing already on screen (issue 19, CLS):
 * the moments are laid over a place the layout keeps for them, in each layout and with or without
 * the chat. Checked twice: the boxes of the show's areas before and after, and the browser's own
 * layout-shift entries (what CLS adds up); a poll coming after a banner does not move it. Wide, the
 * moments sit beside the video, right under the pinned card; narrower, over the pinned slot below
 * the video.
 */
import { expect } from '@open-wc/testing';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { ShowEvent } from '../../../src/core/types.js';
import { layoutShifts } from '../layout-shifts.js';
import { animationsDone, mountShow, product, shadow, showDoc, until } from './helpers.js';

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

const AREAS = ['.header', '.stage-slot', '.pinned', '.pinned vitrine-product-card', '.rail', 'vitrine-chat'];

function boxes(el: VitrineShow): Record<string, number[]> {
  const out: Record<string, number[]> = { show: [el.getBoundingClientRect().top, el.getBoundingClientRect().height] };
  for (const selector of AREAS) {
    const node = shadow(el, selector);
    if (!node) continue;
    const r = node.getBoundingClientRect();
    out[selector] = [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 2) / 2);
  }
  return out;
}

const chat = (i: number): ShowEvent => ({
  type: 'chat',
  message: { id: `m${i}`, author: { id: `v${i}`, name: `Viewer ${i}`, role: 'viewer' }, text: `Message ${i}: does it come in navy?`, at: Date.now() - (10 - i) * 1000 },
});

const doc = () => {
  const base = showDoc({ host: { name: 'Ava' } });
  return { ...base, products: base.products.map((p, i) => ({ ...p, description: i === 0 ? 'Soft extra-fine merino in a deep rib, folded cuff. Knitted in Portugal from traceable wool.' : undefined })) };
};

for (const [width, withChat, layout] of [
  [1366, false, 'wide'],
  [1366, true, 'wide, with the chat'],
  [1000, false, 'wide'],
  [1000, true, 'wide, with the chat'],
  [800, false, 'wide, short side column'],
  [640, false, 'stacked'],
  [390, false, 'phone'],
] as const) {
  it(`${layout} (${width}px): an announcement and a poll arriving shift nothing; they sit by the video`, async () => {
    const { el, stream } = await mountShow(doc(), width);
    el.store.set({ highlight: { productId: 'p1', at: 0 } });
    if (withChat) {
      for (let i = 0; i < 8; i++) stream.send(chat(i));
      await until(() => shadow(el, 'vitrine-chat')?.shadowRoot?.textContent?.includes('Message 7'), 'the chat');
    }
    await until(() => el.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelector('vitrine-product-card'), 'the rail');
    await new Promise((r) => setTimeout(r, 300));
    await frames();
    const before = boxes(el);
    const shifts = layoutShifts();
    try {
      stream.send({ type: 'announcement', announcement: { id: 'a1', text: 'Live viewers: 10% off your order', code: 'LIVE10' } });
      const banner = (await until(() => shadow(el, 'vitrine-announcement')?.shadowRoot?.querySelector('[part="base"]'), 'the banner rendered'))!;
      await frames();
      const bannerBox = JSON.stringify(banner.getBoundingClientRect());
      // Then a poll: the banner stays where it is.
      stream.send({
        type: 'poll',
        poll: { id: 'q1', question: 'Which colour should we show next?', closed: false, options: [{ id: 'o1', text: 'Oat', votes: 3 }, { id: 'o2', text: 'Navy', votes: 1 }, { id: 'o3', text: 'Forest green', votes: 0 }] },
      });
      const poll = (await until(() => shadow(el, 'vitrine-poll')?.shadowRoot?.querySelector('[part="base"]'), 'the poll rendered'))!;
      await new Promise((r) => setTimeout(r, 200));
      await frames();
      expect(boxes(el), 'every area where it was').to.deep.equal(before);
      expect(JSON.stringify(banner.getBoundingClientRect()), 'the banner where it was').to.equal(bannerBox);
      expect(shifts.values, 'layout-shift entries').to.deep.equal([]);

      // Where they are: beside the video (wide) or below it, and on screen within the show.
      const stage = shadow(el, '.stage-slot')!.getBoundingClientRect();
      const list = shadow(el, '.moments-list')!.getBoundingClientRect();
      const pollBox = poll.getBoundingClientRect();
      expect(pollBox.height, 'the poll shows').to.be.greaterThan(0);
      if (width >= 760) {
        expect(list.left, 'beside the video').to.be.at.least(stage.right - 0.5);
        expect(list.top, 'from the video’s top').to.be.at.least(stage.top - 0.5);
        expect(list.bottom, 'within the video’s height').to.be.at.most(stage.bottom + 0.5);
        const card = shadow(el, '.pinned vitrine-product-card')!.getBoundingClientRect();
        // Where the side column has the room (a laptop), right under the pinned card, which stays whole.
        if (width >= 1300) expect(list.top, 'under the pinned card').to.be.at.least(card.bottom - 0.5);
      } else {
        expect(list.top, 'below the video').to.be.at.least(stage.bottom - 0.5);
      }
      await expect(el).to.be.accessible();
    } finally {
      shifts.stop();
    }
  });
}

it('wide, no chat: the pinned product’s description fills the room under the card, and a new pin replaces it in place', async () => {
  const base = doc();
  const { el } = await mountShow({ ...base, products: [...base.products, product('p9', { title: 'Wool scarf', description: 'Ribbed lambswool, long enough to wrap twice.' })] }, 1366);
  el.store.set({ highlight: { productId: 'p1', at: 0 } });
  await el.updateComplete;
  const about = shadow(el, '.pinned .about') as HTMLElement;
  expect(about.textContent).to.include('Soft extra-fine merino');
  const card = shadow(el, '.pinned vitrine-product-card')!.getBoundingClientRect();
  const stage = shadow(el, '.stage-slot')!.getBoundingClientRect();
  const r = about.getBoundingClientRect();
  expect(r.top, 'under the card').to.be.at.least(card.bottom);
  expect(r.bottom, 'down to the video’s bottom (whole lines)').to.be.within(stage.bottom - 20, stage.bottom + 0.5);
  expect(r.height % 20, 'whole lines').to.be.closeTo(0, 0.5);
  el.store.set({ highlight: { productId: 'p9', at: 1 } });
  await el.updateComplete;
  const next = shadow(el, '.pinned .about')!;
  expect(next.textContent).to.include('Ribbed lambswool');
  expect(next.getBoundingClientRect().top).to.equal(r.top);
  // Not repeated in the narrower layouts, where the card is all the pinned slot holds.
  (el.parentElement as HTMLElement).style.width = '640px';
  await frames(4);
  expect(getComputedStyle(shadow(el, '.pinned .about')!).display).to.equal('none');
});

/**
 * A moment that ends, or changes height, while another is below it: the one below glides to its
 * new place instead of jumping there (moments/glide.ts), so the browser records no layout shift.
 * Without the glide, a banner ending over a poll on a phone was a shift of 0.03 (Lighthouse, the
 * bench's store page), and the next poll, of another height, moved the banner under it.
 */
for (const [width, layout] of [
  [390, 'phone'],
  [1366, 'wide'],
] as const) {
  it(`${layout} (${width}px): a moment ending or changing height above another moves it without a layout shift`, async () => {
    const { el, stream } = await mountShow(doc(), width);
    el.store.set({ highlight: { productId: 'p1', at: 0 } });
    await until(() => el.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelector('vitrine-product-card'), 'the rail');
    const list = () => shadow(el, '.moments-list') as HTMLElement;
    stream.send({ type: 'announcement', announcement: { id: 'a1', text: 'Live viewers: 10% off your order', code: 'LIVE10' } });
    await until(() => shadow(el, 'vitrine-announcement')?.shadowRoot?.querySelector('[part="base"]'), 'the banner rendered');
    stream.send({
      type: 'poll',
      poll: { id: 'q1', question: 'Which colour should we show next?', closed: false, options: [{ id: 'o1', text: 'Oat', votes: 3 }, { id: 'o2', text: 'Navy', votes: 1 }, { id: 'o3', text: 'Forest green', votes: 0 }] },
    });
    const poll = (await until(() => shadow(el, 'vitrine-poll') as HTMLElement | null, 'the poll'))!;
    await until(() => poll.shadowRoot?.querySelector('[part="base"]'), 'the poll rendered');
    await new Promise((r) => setTimeout(r, 300));
    await frames();
    expect(poll.offsetTop - list().offsetTop, 'the poll under the banner').to.be.greaterThan(50);

    const shifts = layoutShifts();
    try {
      // The banner ends: the poll goes up to the top of the list, gliding.
      stream.send({ type: 'announcement-end', id: 'a1' });
      await until(() => !shadow(el, 'vitrine-announcement'), 'the banner gone');
      await frames(2);
      expect(poll.getAnimations().length, 'the poll glides').to.equal(1);
      await animationsDone(el);
      await frames();
      expect(Math.round(poll.getBoundingClientRect().top), 'drawn at the top of the list').to.equal(Math.round(list().getBoundingClientRect().top));

      // A new banner comes under the poll; then the next poll, of two options, takes the poll's
      // place: another height, and the banner under it glides to its new place.
      stream.send({ type: 'announcement', announcement: { id: 'a2', text: 'Free shipping tonight', code: 'SHIP' } });
      const banner = (await until(() => shadow(el, 'vitrine-announcement') as HTMLElement | null, 'the second banner'))!;
      await until(() => banner.shadowRoot?.querySelector('[part="base"]'), 'the second banner rendered');
      await new Promise((r) => setTimeout(r, 200));
      await frames();
      const height = poll.offsetHeight;
      const top = banner.offsetTop;
      stream.send({ type: 'poll', poll: { id: 'q2', question: 'Knit or linen?', closed: false, options: [{ id: 'o1', text: 'Knit', votes: 0 }, { id: 'o2', text: 'Linen', votes: 0 }] } });
      await until(() => poll.offsetHeight !== height, 'the next poll, another height');
      await frames(2);
      expect(banner.offsetTop, 'the banner moved').to.not.equal(top);
      await animationsDone(el);
      await frames();
      expect(shifts.values, 'layout-shift entries').to.deep.equal([]);
    } finally {
      shifts.stop();
    }
  });
}
