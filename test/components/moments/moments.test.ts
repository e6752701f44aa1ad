import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/components/moments/define.js';
import '../../../src/components/cart/define.js';
import '../../../src/components/product-card/define.js';
import type { VitrineAnnouncement } from '../../../src/components/moments/announcement.js';
import type { VitrineDealPrice } from '../../../src/components/moments/deal-price.js';
import type { VitrinePoll } from '../../../src/components/moments/poll.js';
import { loadLocale } from '../../../src/core/i18n.js';
import { Moments } from '../../../src/core/moments.js';
import { ShowStore } from '../../../src/core/store.js';
import type { Deal, Poll } from '../../../src/core/types.js';
import { button, eur } from '../product-card/fixtures.js';
import { fail, liveShow, resetServer, studio, until } from './helpers.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

function deal(overrides: Partial<Deal> = {}): Deal {
  return { id: 'd1', productId: 'p1', price: eur('20.00'), endsAt: Date.now() + 45_500, remaining: 3, limit: 2, ...overrides };
}

async function dealPrice(d: Deal | undefined, options: { locale?: string; now?: () => number } = {}) {
  const el = await fixture<VitrineDealPrice>(
    html`<vitrine-deal-price .deal=${d} .price=${eur('29.00')} .now=${options.now ?? Date.now} locale=${options.locale ?? 'en'}></vitrine-deal-price>`,
  );
  await el.updateComplete;
  return el;
}

describe('<vitrine-deal-price>', () => {
  it('passes axe running, in the last 10 seconds, sold out, ended, and in Arabic', async () => {
    await expect(await dealPrice(deal())).to.be.accessible();
    await expect(await dealPrice(deal({ endsAt: Date.now() + 8_000 }))).to.be.accessible();
    await expect(await dealPrice(deal({ remaining: 0 }))).to.be.accessible();
    await expect(await dealPrice(deal({ endsAt: Date.now() - 1 }))).to.be.accessible();
    await expect(await dealPrice(deal(), { locale: 'ar' })).to.be.accessible();
  });

  it('shows the deal price, the regular price struck, the badge, Ends in m:ss and N left, and counts down', async () => {
    const el = await dealPrice(deal());
    expect(part(el, 'price')!.textContent).to.equal('€20.00');
    expect(part(el, 'regular-price')!.tagName).to.equal('S');
    expect(part(el, 'regular-price')!.textContent!.trim()).to.equal('€29.00');
    expect(part(el, 'badge')!.textContent).to.equal('Deal');
    expect(part(el, 'countdown')!.textContent).to.equal('Ends in 0:46');
    expect(part(el, 'countdown')!.getAttribute('role')).to.equal('timer');
    expect(part(el, 'remaining')!.textContent).to.equal('3 left');
    await until(() => part(el, 'countdown')!.textContent === 'Ends in 0:45', 'the countdown to tick', 2500);
  });

  it('counts on the server’s clock: a viewer 2 minutes behind still sees the right time left', async () => {
    const endsAt = Date.now() + 120_000 + 30_000;
    const el = await dealPrice(deal({ endsAt }), { now: () => Date.now() + 120_000 });
    expect(part(el, 'countdown')!.textContent).to.equal('Ends in 0:30');
  });

  it('sold out: "Deal sold out" and the regular price; over: the regular price by itself', async () => {
    const soldOut = await dealPrice(deal({ remaining: 0 }));
    expect(part(soldOut, 'price')!.textContent).to.equal('€29.00');
    expect(part(soldOut, 'remaining')!.textContent).to.equal('Deal sold out');
    expect(part(soldOut, 'countdown')).to.equal(null);
    const ending = await dealPrice(deal({ endsAt: Date.now() + 900 }));
    expect(part(ending, 'badge')).to.exist;
    await until(() => !part(ending, 'badge'), 'the deal to end', 3000);
    expect(text(ending)).to.equal('€29.00');
  });

  it('says how many are left with the language’s plural form (Spanish: Queda 1, Quedan 3)', async () => {
    await loadLocale('es');
    expect(part(await dealPrice(deal({ remaining: 1 }), { locale: 'es' }), 'remaining')!.textContent).to.equal('Queda 1');
    expect(part(await dealPrice(deal(), { locale: 'es' }), 'remaining')!.textContent).to.equal('Quedan 3');
  });

  it('Arabic: right to left, in Arabic; the last seconds pulse unless the viewer prefers reduced motion', async () => {
    const ar = await dealPrice(deal(), { locale: 'ar' });
    expect(part(ar, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(part(ar, 'countdown')!.textContent).to.match(/^ينتهي خلال /);
    const last = await dealPrice(deal({ endsAt: Date.now() + 8_000 }));
    expect(getComputedStyle(part(last, 'countdown')!).animationName).to.equal('pulse');
    expect(getComputedStyle(part(last, 'countdown')!).opacity, 'the pulse keeps the contrast').to.equal('1');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(part(last, 'countdown')!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

async function banner(store: ShowStore, moments: Moments, canApply: boolean) {
  const el = await fixture<VitrineAnnouncement>(
    html`<vitrine-announcement .store=${store} .moments=${moments} ?can-apply=${canApply}></vitrine-announcement>`,
  );
  await el.updateComplete;
  return el;
}

function withClipboard(clipboard: Partial<Clipboard> | undefined) {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
  Object.defineProperty(navigator, 'clipboard', { configurable: true, get: () => clipboard });
  return () => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    Object.defineProperty(Navigator.prototype, 'clipboard', original);
  };
}

describe('<vitrine-announcement>', () => {
  beforeEach(resetServer);

  it('renders nothing without an announcement; the text without a code; Copy code and Apply code with one (axe)', async () => {
    const store = new ShowStore();
    const moments = new Moments({ store });
    const el = await banner(store, moments, true);
    expect(part(el, 'base')).to.equal(null);
    moments.apply({ type: 'announcement', announcement: { id: 'a1', text: 'We are live <b>now</b>' } });
    await el.updateComplete;
    expect(part(el, 'text')!.textContent).to.equal('We are live <b>now</b>');
    expect(el.shadowRoot!.querySelectorAll('button').length).to.equal(0);
    await expect(el).to.be.accessible();
    moments.apply({ type: 'announcement', announcement: { id: 'a2', text: '10% off', code: 'LIVE10' } });
    await el.updateComplete;
    expect(button(el.shadowRoot!, 'Copy code')).to.exist;
    expect(button(el.shadowRoot!, 'Apply code')).to.exist;
    await expect(el).to.be.accessible();
    const noApply = await banner(store, moments, false);
    expect(button(noApply.shadowRoot!, 'Apply code'), 'no Apply code without a cart that takes codes').to.equal(undefined);
  });

  it('Copy code writes the code with the Clipboard API, else selects it and says how to copy', async () => {
    const store = new ShowStore();
    const moments = new Moments({ store });
    moments.apply({ type: 'announcement', announcement: { id: 'a', text: 'Code!', code: 'LIVE10' } });
    const el = await banner(store, moments, false);
    const written: string[] = [];
    let restore = withClipboard({ writeText: async (t: string) => void written.push(t) });
    try {
      setTimeout(() => button(el.shadowRoot!, 'Copy code')!.click());
      const { detail } = await oneEvent(el, 'vitrine-coupon');
      expect(detail).to.deep.equal({ code: 'LIVE10', action: 'copy' });
      await until(() => part(el, 'status')!.textContent === 'Code copied', 'copied');
      expect(written).to.deep.equal(['LIVE10']);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
    restore = withClipboard(undefined);
    try {
      button(el.shadowRoot!, 'Copy code')!.click();
      await until(() => /press Ctrl\+C/.test(part(el, 'status')!.textContent!), 'the manual copy hint');
      expect(getSelection()!.toString()).to.equal('LIVE10');
    } finally {
      restore();
    }
  });

  it('Apply code applies it to the real cart (discount and total), says so; an invalid code and a failure say so and can be retried', async () => {
    const show = await liveShow();
    try {
      const product = show.store.product('p1')!;
      await show.service.add(product, product.variants[0]!, 1);
      show.moments.apply({ type: 'announcement', announcement: { id: 'x', text: 'Try this', code: 'NOPE' } });
      const el = await banner(show.store, show.moments, true);
      setTimeout(() => button(el.shadowRoot!, 'Apply code')!.click());
      expect((await oneEvent(el, 'vitrine-coupon')).detail).to.deep.equal({ code: 'NOPE', action: 'apply' });
      await until(() => part(el, 'status')!.textContent === 'This code can’t be used on your cart.', 'the invalid code message');
      expect(show.store.state.cartError?.code).to.equal('cart/invalid-code');
      await expect(el).to.be.accessible();

      const announced = await studio('announce', { text: 'Live viewers: 10% off', code: 'LIVE10', seconds: 60 });
      await until(() => show.moments.state.announcement?.id === announced.id, 'the announcement event');
      await el.updateComplete;
      expect(part(el, 'status')!.textContent, 'a new code starts afresh').to.equal('');
      await fail({ discounts: 1 });
      button(el.shadowRoot!, 'Apply code')!.click();
      await until(() => part(el, 'status')!.textContent === 'The code couldn’t be applied. Please try again.', 'the failure');
      button(el.shadowRoot!, 'Apply code')!.click();
      await until(() => part(el, 'status')!.textContent === 'Code applied to your cart', 'applied');
      const cart = show.store.state.cart!;
      expect(cart.discounts!.map((d) => d.code)).to.deep.equal(['LIVE10']);
      expect(cart.total!.amount).to.not.equal(cart.subtotal.amount);
      expect(button(el.shadowRoot!, 'Apply code'), 'applied: no second apply').to.equal(undefined);
      await expect(el).to.be.accessible();
    } finally {
      show.close();
    }
  });
});

async function pollOf(moments: Moments, store: ShowStore, locale = 'en') {
  const el = await fixture<VitrinePoll>(html`<vitrine-poll .store=${store} .moments=${moments} locale=${locale}></vitrine-poll>`);
  await el.updateComplete;
  return el;
}

const pollData = (overrides: Partial<Poll> = {}): Poll => ({
  id: 'p',
  question: 'Which colour next?',
  options: [
    { id: 'a', text: 'Oat', votes: 1 },
    { id: 'b', text: 'Navy', votes: 3 },
  ],
  closed: false,
  ...overrides,
});

describe('<vitrine-poll>', () => {
  beforeEach(resetServer);

  it('taken out before its first render, it keeps no subscription to the moments (it would be kept for good)', async () => {
    const store = new ShowStore();
    const moments = new Moments({ store, vote: async () => pollData() });
    let subscribed = 0;
    const subscribe = moments.subscribe.bind(moments);
    moments.subscribe = (listener) => {
      subscribed++;
      const off = subscribe(listener);
      return () => {
        subscribed--;
        off();
      };
    };
    const el = document.createElement('vitrine-poll') as VitrinePoll;
    el.store = store;
    el.moments = moments;
    document.body.append(el);
    el.remove(); // in the same task: its first render comes after
    await el.updateComplete;
    expect(el.hasUpdated).to.be.true;
    expect(subscribed).to.equal(0);
    document.body.append(el);
    await el.updateComplete;
    expect(subscribed, 'back in the page: subscribed once').to.equal(1);
    el.remove();
    expect(subscribed).to.equal(0);
  });

  it('open: the options are buttons named by their text; closed: results only (axe, Arabic)', async () => {
    const store = new ShowStore();
    const moments = new Moments({ store, vote: async () => pollData() });
    moments.apply({ type: 'poll', poll: pollData() });
    const el = await pollOf(moments, store);
    expect(button(el.shadowRoot!, 'Oat')).to.exist;
    expect(button(el.shadowRoot!, 'Navy')).to.exist;
    await expect(el).to.be.accessible();
    // The bars' widths go through the CSSOM, never `setAttribute('style')`, which a strict CSP
    // refuses (style-src-attr: the bars would have no width).
    const styleAttributes: string[] = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name: string, value: string) {
      if (name === 'style') styleAttributes.push(value);
      return setAttribute.call(this, name, value);
    };
    try {
      moments.apply({ type: 'poll', poll: pollData({ closed: true }) });
      await el.updateComplete;
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    expect(styleAttributes, 'style attributes written').to.deep.equal([]);
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('.fill')].map((f) => f.style.inlineSize)).to.deep.equal(['25%', '75%']);
    expect(el.shadowRoot!.querySelectorAll('[part="option"]').length).to.equal(0);
    expect(text(el)).to.include('Poll closed');
    expect([...el.shadowRoot!.querySelectorAll('.percent')].map((p) => p.textContent)).to.deep.equal(['25%', '75%']);
    await expect(el).to.be.accessible();
    const ar = await pollOf(moments, store, 'ar');
    expect(part(ar, 'base')!.getAttribute('dir')).to.equal('rtl');
    await expect(ar).to.be.accessible();
  });

  it('counts the votes by the language’s plural rules (1 vote; Arabic dual; French 0 in the singular)', async () => {
    const store = new ShowStore();
    const moments = new Moments({ store, vote: async () => pollData() });
    const options = (a: number, b: number) => [{ id: 'a', text: 'Oat', votes: a }, { id: 'b', text: 'Navy', votes: b }];
    moments.apply({ type: 'poll', poll: pollData({ closed: true, options: options(1, 0) }) });
    expect(part(await pollOf(moments, store), 'base')!.querySelector('.total')!.textContent).to.equal('1 vote');
    moments.apply({ type: 'poll', poll: pollData({ closed: true, options: options(1, 1) }) });
    expect(part(await pollOf(moments, store, 'ar'), 'base')!.querySelector('.total')!.textContent).to.equal('صوتان');
    await loadLocale('fr');
    moments.apply({ type: 'poll', poll: pollData({ closed: true, options: options(0, 0) }) });
    expect(part(await pollOf(moments, store, 'fr'), 'base')!.querySelector('.total')!.textContent).to.equal('0 vote');
  });

  it('a vote against the demo backend: vitrine-vote, then live bars with percentages; a failure says so and Try again sends it', async () => {
    const show = await liveShow();
    try {
      const poll = await studio('poll', { question: 'Knit or linen?', options: ['Knit', 'Linen'], seconds: 60 });
      await until(() => show.moments.state.poll?.id === poll.id, 'the poll');
      const el = await pollOf(show.moments, show.store);
      await fail({ votes: 1 });
      setTimeout(() => button(el.shadowRoot!, 'Linen')!.click());
      const { detail } = await oneEvent(el, 'vitrine-vote');
      expect(detail.optionId).to.equal('o2');
      expect(detail.poll.id).to.equal(poll.id);
      await until(() => part(el, 'retry-button'), 'the failure');
      expect(part(el, 'status')!.textContent).to.equal('Your vote wasn’t sent. Please try again.');
      await expect(el).to.be.accessible();
      part(el, 'retry-button')!.click();
      await until(() => el.shadowRoot!.querySelector('.mine'), 'the results with my vote');
      await until(() => el.shadowRoot!.querySelectorAll('.percent')[1]?.textContent === '100%', '100% Linen');
      // Someone else votes: the results follow live.
      await fetch(`/__moments/demo/shows/live/interactions/polls/${poll.id}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'someone-else' },
        body: JSON.stringify({ optionId: 'o1' }),
      });
      await until(() => el.shadowRoot!.querySelectorAll('.percent')[1]?.textContent === '50%', 'the live update');
      expect(text(el)).to.include('2 votes');
      await expect(el).to.be.accessible();
    } finally {
      show.close();
    }
  });

  it('a vote that arrives after the poll closed (409) shows the results and says so', async () => {
    const store = new ShowStore();
    const { createRestVote } = await import('../../../src/adapters/rest/votes.js');
    const moments = new Moments({ store, vote: createRestVote('/__moments/demo/shows/live/interactions') });
    const poll = await studio('poll', { question: 'Quick?', options: ['Yes', 'No'], seconds: 60 });
    moments.apply({ type: 'poll', poll: { ...pollData(), id: poll.id, options: [{ id: 'o1', text: 'Yes', votes: 0 }, { id: 'o2', text: 'No', votes: 0 }] } });
    const el = await pollOf(moments, store);
    await studio('poll/close');
    button(el.shadowRoot!, 'Yes')!.click();
    await until(() => part(el, 'status')!.textContent === 'Voting closed before your vote arrived.', 'the closed message');
    expect(el.shadowRoot!.querySelectorAll('[part="option"]').length).to.equal(0);
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<vitrine-cart> discounts', () => {
  beforeEach(resetServer);

  it('shows each discount and the total after it; a code can be removed; an invalid code is explained (axe)', async () => {
    const show = await liveShow();
    try {
      const product = show.store.product('p1')!;
      await show.service.add(product, product.variants[0]!, 2);
      show.store.bus.emit('discount-request', { code: 'LIVE10', action: 'apply' });
      await until(() => show.store.state.cart?.discounts?.length, 'the discount');
      const el = await fixture(html`<vitrine-cart .store=${show.store}></vitrine-cart>`);
      show.store.set({ cartOpen: true });
      await until(() => el.shadowRoot!.querySelector('[part="discounts"]'), 'the drawer');
      const cart = show.store.state.cart!;
      expect(el.shadowRoot!.querySelector('.discount')!.textContent!.replace(/\s+/g, ' ')).to.include('Discount LIVE10');
      expect(el.shadowRoot!.querySelector('.discount-amount')!.textContent).to.match(/^-€\d+\.\d\d$/);
      expect(part(el, 'total')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Total €${cart.total!.amount}`);
      await expect(el).to.be.accessible();
      show.store.bus.emit('discount-request', { code: 'NOPE', action: 'apply' });
      await until(() => part(el, 'error')?.textContent === 'This code can’t be used on your cart.', 'the invalid code message');
      await expect(el).to.be.accessible();
      button(el.shadowRoot!, 'Remove code LIVE10')!.click();
      await until(() => !show.store.state.cart?.discounts, 'the code removed');
      await until(() => !el.shadowRoot!.querySelector('[part="discounts"]'), 'the drawer without it');
      expect(part(el, 'total')).to.equal(null);
    } finally {
      show.close();
    }
  });
});

describe('<vitrine-product-card> with a deal', () => {
  it('shows the deal price block while the deal runs, the regular price without one (axe)', async () => {
    const store = new ShowStore();
    const item = { id: 'p1', title: 'Beanie', price: eur('29.00'), available: true, options: [], variants: [{ id: 'p1', title: 'Beanie', options: {}, price: eur('29.00'), available: true }] };
    store.setShow({ id: 's', title: 'S', status: 'live', products: [item], chapters: [] });
    const card = await fixture<HTMLElement & { deal?: Deal }>(
      html`<vitrine-product-card .store=${store} product-id="p1" .deal=${deal()} locale="en"></vitrine-product-card>`,
    );
    const block = await until(() => card.shadowRoot!.querySelector('vitrine-deal-price'), 'the deal block');
    await (block as VitrineDealPrice).updateComplete;
    expect(part(block, 'price')!.textContent).to.equal('€20.00');
    expect(part(block, 'regular-price')!.textContent!.trim()).to.equal('€29.00');
    await expect(card).to.be.accessible();
    card.deal = undefined;
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.shadowRoot!.querySelector('vitrine-deal-price')).to.equal(null);
    expect(part(card, 'price')!.textContent).to.equal('€29.00');
  });
});
