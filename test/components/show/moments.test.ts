/**
 * `<vitrine-show>` with live moments, against the demo backend over real HTTP and SSE
 * (test/servers/moments.mjs): the studio API starts a deal, an announcement, a poll; the show
 * renders them where the shopper is, and the cart and the votes go through the real backend.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define.js';
import type { VitrineShow } from '../../../src/components/show/show.js';
import { button } from '../product-card/fixtures.js';
import { BASE, fail, resetServer, serverLog, studio, until } from '../moments/helpers.js';
import { animationsDone } from './helpers.js';

const inner = (root: Element | null | undefined, selector: string): HTMLElement | null =>
  (root?.shadowRoot?.querySelector(selector) as HTMLElement | null) ?? null;
const part = (root: Element | null | undefined, name: string) => inner(root, `[part~="${name}"]`);

async function mount(cart?: string, show = 'live'): Promise<VitrineShow> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
  const el = document.createElement('vitrine-show') as VitrineShow;
  el.setAttribute('src', `${BASE}/shows/${show}`);
  el.setAttribute('locale', 'en');
  if (cart) el.setAttribute('cart', cart);
  wrapper.append(el);
  await until(() => el.state.show && el.state.products.length, 'the show loaded');
  await el.updateComplete;
  return el;
}

const pinnedCard = (el: VitrineShow) => el.shadowRoot!.querySelector('.pinned vitrine-product-card');
const railCard = (el: VitrineShow, id: string) =>
  el.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelectorAll('vitrine-product-card') &&
  [...el.shadowRoot!.querySelector('vitrine-carousel')!.shadowRoot!.querySelectorAll('vitrine-product-card')].find(
    (card) => (card as HTMLElement & { product?: { id: string } }).product?.id === id,
  );
const countdown = (card: Element | null | undefined) => part(inner(card, 'vitrine-deal-price'), 'countdown')?.textContent ?? null;

describe('<vitrine-show> live moments', () => {
  beforeEach(resetServer);

  it('a deal shows on the pinned and the rail card with its countdown, fires vitrine-deal, charges the deal price in the memory cart, and ends by itself', async function () {
    // The shortest deal the studio runs is 10 s, and it is waited out.
    this.timeout(40_000);
    const el = await mount();
    const first = el.state.products[0]!;
    const dealEvent = oneEvent(el, 'vitrine-deal');
    const started = await studio('deal', { productId: first.id, percent: 50, units: 5, limit: 0, seconds: 10 });
    const deal = (await dealEvent).detail;
    expect(deal.deal.id).to.equal(started.id);
    expect(deal.product.id).to.equal(first.id);
    const pinned = await until(() => (countdown(pinnedCard(el))?.startsWith('Ends in 0:') ? pinnedCard(el) : null), 'the pinned card’s countdown');
    const price = inner(pinned, 'vitrine-deal-price')!;
    expect(part(price, 'badge')!.textContent).to.equal('Deal');
    expect(part(price, 'remaining')!.textContent).to.equal('5 left');
    expect(part(price, 'regular-price')!.textContent!.trim()).to.not.equal(part(price, 'price')!.textContent);
    await until(() => countdown(railCard(el, first.id))?.startsWith('Ends in 0:'), 'the rail card’s countdown');
    const before = countdown(pinnedCard(el));
    await until(() => countdown(pinnedCard(el)) !== before, 'the countdown to tick', 3000);
    await animationsDone(el);
    await expect(el).to.be.accessible();

    // The product detail shows it too, and the in-page cart charges the deal price while the deal runs.
    el.openProduct(first.id);
    const detail = el.shadowRoot!.querySelector('vitrine-product-detail')!;
    const detailPrice = await until(() => inner(detail, 'vitrine-deal-price'), 'the detail’s deal price');
    expect(part(detailPrice, 'countdown')!.textContent).to.match(/^Ends in 0:/);
    await until(() => button(detail.shadowRoot!, 'Add to cart'), 'the detail’s Add to cart');
    button(detail.shadowRoot!, 'Add to cart')!.click();
    const line = await until(() => el.state.cart?.lines[0], 'the line');
    expect(line.unitPrice.amount).to.equal(started.price.amount);

    // Over at endsAt, by itself: the regular price again.
    await until(() => !inner(pinnedCard(el), 'vitrine-deal-price'), 'the deal to end', 15_000);
    expect(inner(railCard(el, first.id), 'vitrine-deal-price')).to.equal(null);
  });

  /**
   * Starts a 30% deal on `productId` (its rail card found by `ready`), waits for its countdown and
   * a frame; returns the card and the show's, the rail's and the card's heights before and after.
   */
  async function dealHeights(productId: string, units: number, ready: string) {
    const el = await mount();
    const card = await until(() => railCard(el, productId)?.shadowRoot?.querySelector(ready) && railCard(el, productId), `the ${productId} card`);
    await animationsDone(el);
    const heights = () => ({
      show: el.getBoundingClientRect().height,
      rail: el.shadowRoot!.querySelector('.rail')!.getBoundingClientRect().height,
      card: card.getBoundingClientRect().height,
    });
    const before = heights();
    await studio('deal', { productId, percent: 30, units, limit: 0, seconds: 30 });
    await until(() => countdown(card)?.startsWith('Ends in 0:'), `the countdown on the ${productId} card`);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return { card, before, after: heights() };
  }

  it("a deal on a product with low stock grows neither its card nor the rail nor the show: the deal's block takes the stock line's place (CLS, issue 19)", async function () {
    this.timeout(20_000);
    // p6: "Only 3 left", in view in the rail.
    const { card, before, after } = await dealHeights('p6', 2, '[part~="stock"]');
    expect(part(card, 'stock')?.textContent ?? null, 'the stock line while the deal runs').to.equal(null);
    expect(part(inner(card, 'vitrine-deal-price'), 'remaining')!.textContent).to.equal('2 left');
    expect(after).to.deep.equal(before);
  });

  it("a deal on a product with long prices keeps its badge and prices on one line: the card, the rail and the show do not grow (CLS, issue 19)", async function () {
    this.timeout(20_000);
    // p5: €119.00, €83.30 at 30% off: "DEAL €83.30 €119.00" is about as wide as a 200px card.
    const { card, before, after } = await dealHeights('p5', 5, '[part~="price"]');
    const block = inner(card, 'vitrine-deal-price')!;
    const top = (name: string) => part(block, name)!.getBoundingClientRect().top;
    expect(Math.abs(top('regular-price') - top('price')), 'the regular price beside the deal price').to.be.below(6);
    expect(after).to.deep.equal(before);
  });

  it('an announcement with a code: Apply code applies it to the REST cart, the drawer shows the discount, vitrine-coupon reaches the page', async () => {
    const el = await mount(`${BASE}/cart`);
    // p6: one variant, added from its rail card.
    const card = await until(() => railCard(el, 'p6')?.shadowRoot && railCard(el, 'p6'), 'the p6 card');
    await until(() => button(card.shadowRoot!, 'Add to cart'), 'its Add to cart');
    button(card.shadowRoot!, 'Add to cart')!.click();
    await until(() => el.state.cart?.lines.length, 'the line');
    await studio('announce', { text: 'Live viewers: 10% off', code: 'LIVE10', seconds: 60 });
    const banner = await until(() => el.shadowRoot!.querySelector('vitrine-announcement'), 'the banner');
    await until(() => banner.shadowRoot && button(banner.shadowRoot, 'Apply code'), 'Apply code');
    expect(part(banner, 'text')!.textContent).to.equal('Live viewers: 10% off');
    expect(button(banner.shadowRoot!, 'Copy code')).to.exist;
    await animationsDone(el);
    await expect(el).to.be.accessible();
    setTimeout(() => button(banner.shadowRoot!, 'Apply code')!.click());
    const coupon = await oneEvent(el, 'vitrine-coupon');
    expect(coupon.detail).to.deep.equal({ code: 'LIVE10', action: 'apply' });
    await until(() => el.state.cart?.discounts?.some((d) => d.code === 'LIVE10'), 'the discount on the cart');
    const cart = el.state.cart!;
    expect(cart.total!.amount).to.not.equal(cart.subtotal.amount);
    el.openCart();
    const drawer = el.shadowRoot!.querySelector('vitrine-cart')!;
    const discounts = await until(() => drawer.shadowRoot!.querySelector('[part="discounts"]'), 'the drawer’s discounts', 8000);
    expect(discounts.textContent).to.include('LIVE10');
    expect(button(drawer.shadowRoot!, 'Remove code LIVE10')).to.exist;
  });

  it('a poll near the video: a vote fires vitrine-vote and the results follow live', async () => {
    const el = await mount();
    const poll = await studio('poll', { question: 'Knit or linen?', options: ['Knit', 'Linen'], seconds: 60 });
    const pollEl = await until(() => el.shadowRoot!.querySelector('vitrine-poll'), 'the poll');
    await until(() => pollEl.shadowRoot && button(pollEl.shadowRoot, 'Linen'), 'the options');
    expect(part(el, 'moments')).to.exist;
    await animationsDone(el);
    await expect(el).to.be.accessible();
    setTimeout(() => button(pollEl.shadowRoot!, 'Linen')!.click());
    const vote = await oneEvent(el, 'vitrine-vote');
    expect(vote.detail.poll.id).to.equal(poll.id);
    expect(vote.detail.optionId).to.equal('o2');
    await until(() => pollEl.shadowRoot!.querySelectorAll('.percent')[1]?.textContent === '100%', '100% Linen');
    await fetch(`${BASE}/shows/live/interactions/polls/${poll.id}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `other-${Date.now()}` },
      body: JSON.stringify({ optionId: 'o1' }),
    });
    await until(() => pollEl.shadowRoot!.querySelectorAll('.percent')[1]?.textContent === '50%', 'the live update');
    await animationsDone(el);
    await expect(el).to.be.accessible();
  });

  it('a banner that starts while a poll is open goes below it: the poll on screen does not move (CLS, issue 19)', async () => {
    const el = await mount();
    await studio('poll', { question: 'Knit or linen?', options: ['Knit', 'Linen'], seconds: 60 });
    const pollEl = await until(() => el.shadowRoot!.querySelector('vitrine-poll'), 'the poll');
    await until(() => pollEl.shadowRoot?.querySelector('[part="base"]'), 'the poll rendered');
    expect(pollEl.getBoundingClientRect().top).to.be.closeTo(part(el, 'moments')!.querySelector('.moments-list')!.getBoundingClientRect().top, 0.5);
    await animationsDone(el);
    const before = pollEl.getBoundingClientRect().top;
    await studio('announce', { text: 'Free shipping tonight', seconds: 60 });
    const banner = await until(() => el.shadowRoot!.querySelector('vitrine-announcement'), 'the banner');
    await until(() => part(banner, 'text'), 'the banner rendered');
    await animationsDone(el);
    expect(el.shadowRoot!.querySelector('vitrine-poll') === pollEl, 'the same poll element').to.be.true;
    expect(pollEl.getBoundingClientRect().top).to.be.closeTo(before, 0.5);
    expect(banner.getBoundingClientRect().top).to.be.above(pollEl.getBoundingClientRect().top);
  });

  it('on a phone the moments sit below the video, over the pinned slot (nothing below moves)', async () => {
    const el = await mount();
    (el.parentElement as HTMLElement).style.width = '375px';
    await studio('poll', { question: 'Which colour?', options: ['Oat', 'Navy'], seconds: 60 });
    const moments = await until(() => part(el, 'moments'), 'the moments');
    await until(() => el.shadowRoot!.querySelector('vitrine-poll')?.shadowRoot?.querySelector('[part="base"]'), 'the poll rendered');
    const stage = part(el, 'stage')!.getBoundingClientRect();
    const box = moments.getBoundingClientRect();
    const pinned = part(el, 'pinned')!.getBoundingClientRect();
    expect(box.top).to.be.at.least(stage.bottom);
    expect(box.top).to.be.closeTo(pinned.top, 0.5);
    expect(box.bottom).to.be.closeTo(pinned.bottom, 0.5);
  });

  it('switching between the phone and the wide layout with a poll open raises no "ResizeObserver loop" error', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      const el = await mount();
      await studio('poll', { question: 'Which colour?', options: ['Oat', 'Navy'], seconds: 60 });
      await until(() => el.shadowRoot!.querySelector('vitrine-poll')?.shadowRoot?.querySelector('[part="base"]'), 'the poll rendered');
      const wrapper = el.parentElement as HTMLElement;
      const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const width of [375, 1000, 375, 700, 470, 490, 1000]) {
        wrapper.style.width = `${width}px`;
        await frames();
        await el.updateComplete;
        await frames();
      }
      expect(part(el, 'moments')).to.exist;
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});

describe('<vitrine-show> replay polls', () => {
  beforeEach(resetServer);

  const pollText = (el: VitrineShow) => el.shadowRoot!.querySelector('vitrine-poll')?.shadowRoot?.querySelector('[part="base"]')?.textContent?.replace(/\s+/g, ' ') ?? null;
  const seek = async (el: VitrineShow, seconds: number) => {
    el.store.set({ currentTime: seconds });
    await el.updateComplete;
  };

  it('a replay shows each poll the show ran when playback reaches it, closed with its final results, and a seek back takes it away', async () => {
    const el = await mount(undefined, 'replay');
    expect(el.state.status).to.equal('ended');
    // Asked once, of the show's interactions backend.
    let asked = false;
    for (let i = 0; i < 80 && !asked; i++) {
      asked = (await serverLog()).some((r) => r.path.endsWith('/shows/replay/interactions/polls'));
      if (!asked) await new Promise((r) => setTimeout(r, 50));
    }
    expect(asked, 'the polls asked for').to.equal(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(pollText(el), 'before its moment').to.equal(null);

    await seek(el, 25);
    const text = await until(() => pollText(el), 'the first poll at 0:25');
    expect(text).to.include('Poll closed');
    expect(text).to.include('Which knit should we restock first?');
    const pollEl = el.shadowRoot!.querySelector('vitrine-poll')!;
    // Its final results, as bars with percentages; no option to vote for.
    expect([...pollEl.shadowRoot!.querySelectorAll('.percent')].map((p) => p.textContent)).to.deep.equal(['49%', '32%', '19%']);
    expect(pollEl.shadowRoot!.querySelectorAll('[part="option"]').length).to.equal(0);
    expect(text).to.include('837 votes');
    // Next to the video (the wide layout): beside it, within its height (issue 17).
    const stage = part(el, 'stage')!.getBoundingClientRect();
    const box = pollEl.getBoundingClientRect();
    expect(box.left, 'beside the video').to.be.at.least(stage.right - 0.5);
    expect(box.left - stage.right, 'next to it').to.be.at.most(40);
    expect(box.top, 'within its height').to.be.at.least(stage.top - 0.5);
    expect(box.top).to.be.below(stage.bottom);
    await animationsDone(el);
    await expect(el).to.be.accessible();

    await seek(el, 10);
    await until(() => pollText(el) === null, 'the poll gone after a seek back');
    await seek(el, 30);
    await until(() => pollText(el)?.includes('Which knit'), 'the poll again');
    await seek(el, 50);
    await until(() => pollText(el) === null, 'the poll gone at its endOffset (0:48)');
    await seek(el, 70);
    await until(() => pollText(el)?.includes('Oat or forest green?'), 'the second poll at 1:10');
    expect(pollText(el)).to.include('Poll closed');
  });

  it('the replay polls failing to load is a recoverable poll/unavailable; the replay itself goes on', async () => {
    // The first try and the adapter's two retries.
    await fail({ polls: 3 });
    const errors: { code: string; recoverable: boolean }[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
    wrapper.addEventListener('vitrine-error', (e) => errors.push((e as CustomEvent).detail));
    const el = document.createElement('vitrine-show') as VitrineShow;
    el.setAttribute('src', `${BASE}/shows/replay`);
    wrapper.append(el);
    await until(() => errors.find((e) => e.code === 'poll/unavailable'), 'the error');
    expect(errors.find((e) => e.code === 'poll/unavailable')!.recoverable).to.equal(true);
    expect(el.state.status).to.equal('ended');
    await seek(el, 25);
    await new Promise((r) => setTimeout(r, 200));
    expect(pollText(el)).to.equal(null);
  });
});
