import { expect } from '@open-wc/testing';
import { parseMomentEvent, parseReplayPolls } from '../../src/core/parse-moments.js';
import { createMemoryInteractions } from '../../src/adapters/memory/interactions.js';
import { createRestInteractions } from '../../src/adapters/rest/interactions.js';
import { parseCart } from '../../src/core/parse-cart.js';
import { Moments, pollResults } from '../../src/core/moments.js';
import { createServerClock } from '../../src/core/server-clock.js';
import { ShowStore } from '../../src/core/store.js';
import type { ShowEvent } from '../../src/core/types.js';
import type { VitrineErrorDetail } from '../../src/core/errors.js';
import { eur, single, showOf } from '../components/product-card/fixtures.js';
import { fail, liveShow, resetServer, serverLog, studio, until } from '../components/moments/helpers.js';

const iso = (ms: number) => new Date(ms).toISOString();

function event(type: string, data: unknown): ShowEvent {
  const result = parseMomentEvent(type, JSON.stringify(data));
  if (!result.ok) throw result.error;
  return result.value;
}

function world(now = () => Date.now()) {
  const store = new ShowStore();
  store.setShow(showOf([single('scarf', { price: eur('89.00') }), single('hat', { price: { amount: '7400', currencyCode: 'JPY' } })]));
  const errors: VitrineErrorDetail[] = [];
  store.bus.on('error', (e) => errors.push(e));
  return { store, errors, moments: new Moments({ store, now }) };
}

describe('moment events: parsing', () => {
  it('parses a deal, an ended deal, an announcement with a code, a poll', () => {
    const endsAt = iso(Date.now() + 60_000);
    expect(event('deal', { id: 'd1', productId: 'scarf', price: { amount: '59.00', currencyCode: 'eur' }, endsAt, limit: 2, remaining: 5 })).to.deep.equal({
      type: 'deal',
      deal: { id: 'd1', productId: 'scarf', price: eur('59.00'), endsAt: Date.parse(endsAt), limit: 2, remaining: 5 },
    });
    expect(event('deal', { id: 'd1', ended: true })).to.deep.equal({ type: 'deal-end', id: 'd1' });
    expect(event('announcement', { id: 'a1', text: ' 10% off \u0007now ', code: 'LIVE10' })).to.deep.equal({
      type: 'announcement',
      announcement: { id: 'a1', text: '10% off  now', code: 'LIVE10' },
    });
    expect(event('announcement', { id: 'a1', ended: true })).to.deep.equal({ type: 'announcement-end', id: 'a1' });
    const poll = event('poll', { id: 'p', question: 'Colour?', options: [{ id: 'a', text: 'Oat', votes: 3 }, { id: 'b', text: 'Navy' }], closed: false });
    expect(poll).to.deep.equal({ type: 'poll', poll: { id: 'p', question: 'Colour?', options: [{ id: 'a', text: 'Oat', votes: 3 }, { id: 'b', text: 'Navy', votes: 0 }], closed: false } });
  });

  it('refuses bad moments with a recoverable show/invalid: negative remaining, no options, duplicated option ids, a bad price, HTML-looking code', () => {
    const endsAt = iso(Date.now() + 60_000);
    const bad: [string, unknown][] = [
      ['deal', { id: 'd', productId: 'scarf', price: eur('1.00'), endsAt, remaining: -1 }],
      ['deal', { id: 'd', productId: 'scarf', price: eur('1.00'), endsAt, remaining: 1.5 }],
      ['deal', { id: 'd', productId: 'scarf', price: { amount: 1, currencyCode: 'EUR' }, endsAt }],
      ['deal', { id: 'd', productId: 'scarf', price: eur('1.00') }],
      ['poll', { id: 'p', question: 'Q?', options: [], closed: false }],
      ['poll', { id: 'p', question: 'Q?', closed: false }],
      ['poll', { id: 'p', question: 'Q?', options: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }] }],
      ['announcement', { id: 'a', text: '' }],
      ['announcement', { id: 'a', text: 'Hi', code: 'two words' }],
    ];
    for (const [type, data] of bad) {
      const result = parseMomentEvent(type, JSON.stringify(data));
      expect(result.ok, JSON.stringify(data)).to.equal(false);
      if (!result.ok) {
        expect(result.error.code).to.equal('show/invalid');
        expect(result.error.recoverable).to.equal(true);
      }
    }
    expect(parseMomentEvent('deal', '{not json').ok).to.equal(false);
  });

  it('reads a cart’s discounts and total, leaving out a discount in another currency', () => {
    const result = parseCart({
      id: 'c',
      lines: [],
      subtotal: eur('50.00'),
      discounts: [{ code: 'LIVE10', amount: eur('5.00') }, { code: 'USD', amount: { amount: '1.00', currencyCode: 'USD' } }],
      total: eur('45.00'),
    });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.discounts).to.deep.equal([{ code: 'LIVE10', amount: eur('5.00') }]);
    expect(result.value.total).to.deep.equal(eur('45.00'));
    expect(result.issues.some((i) => i.path === 'discounts[1]')).to.equal(true);
  });
});

describe('moments model', () => {
  it('ignores a deal in another currency than its product, one already over, one for an unknown product; the show goes on', () => {
    const { moments, errors } = world();
    const later = iso(Date.now() + 60_000);
    moments.apply(event('deal', { id: 'd1', productId: 'scarf', price: { amount: '10.00', currencyCode: 'USD' }, endsAt: later }));
    moments.apply(event('deal', { id: 'd2', productId: 'scarf', price: eur('10.00'), endsAt: iso(Date.now() - 1000) }));
    moments.apply(event('deal', { id: 'd3', productId: 'nope', price: eur('10.00'), endsAt: later }));
    expect(moments.state.deals.size).to.equal(0);
    expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([
      ['show/invalid', true],
      ['show/invalid', true],
      ['show/invalid', true],
    ]);
    moments.apply(event('deal', { id: 'd4', productId: 'scarf', price: eur('10.00'), endsAt: later }));
    expect(moments.dealFor('scarf')?.id).to.equal('d4');
  });

  it('a deal ends by itself at endsAt (server clock), and on a deal-end event; an update keeps it and reports no new deal', async () => {
    const started: string[] = [];
    const store = new ShowStore();
    store.setShow(showOf([single('scarf'), single('hat')]));
    const moments = new Moments({ store, now: () => Date.now() + 5_000, onDeal: (d) => started.push(d.id) });
    // The server's clock is 5 s ahead: a deal ending 5.6 s from the viewer's now ends in 0.6 s.
    moments.apply(event('deal', { id: 'd1', productId: 'scarf', price: eur('10.00'), endsAt: iso(Date.now() + 5_600), remaining: 4 }));
    moments.apply(event('deal', { id: 'd1', productId: 'scarf', price: eur('10.00'), endsAt: iso(Date.now() + 5_600), remaining: 3 }));
    moments.apply(event('deal', { id: 'd2', productId: 'hat', price: eur('10.00'), endsAt: iso(Date.now() + 60_000) }));
    expect(started).to.deep.equal(['d1', 'd2']);
    expect(moments.dealFor('scarf')?.remaining).to.equal(3);
    await until(() => !moments.dealFor('scarf'), 'the deal to end by itself', 3000);
    moments.apply(event('deal', { id: 'd2', ended: true }));
    expect(moments.state.deals.size).to.equal(0);
  });

  it('an announcement replaces the last, ends by itself or by its end event; a poll closes at endsAt and stays closed', async () => {
    const { moments } = world();
    moments.apply(event('announcement', { id: 'a1', text: 'One' }));
    moments.apply(event('announcement', { id: 'a2', text: 'Two', code: 'LIVE10', endsAt: iso(Date.now() + 400) }));
    moments.apply(event('announcement', { id: 'a1', ended: true }));
    expect(moments.state.announcement?.id).to.equal('a2');
    await until(() => moments.state.announcement === null, 'the announcement to end', 3000);
    moments.apply(event('poll', { id: 'p', question: 'Q?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], endsAt: iso(Date.now() + 300), closed: false }));
    expect(moments.state.poll?.closed).to.equal(false);
    await until(() => moments.state.poll?.closed, 'the poll to close', 3000);
    moments.apply(event('poll', { id: 'p', question: 'Q?', options: [{ id: 'a', text: 'A', votes: 2 }, { id: 'b', text: 'B' }], closed: false }));
    expect(moments.state.poll?.closed, 'a late update does not reopen it').to.equal(true);
    expect(moments.state.poll?.options[0]!.votes).to.equal(2);
  });

  it('results are whole percentages that add up to 100', () => {
    const results = pollResults({ id: 'p', question: 'Q', closed: false, options: [{ id: 'a', text: 'A', votes: 1 }, { id: 'b', text: 'B', votes: 1 }, { id: 'c', text: 'C', votes: 1 }] });
    expect(results.map((r) => r.percent).reduce((a, b) => a + b)).to.equal(100);
    expect(pollResults({ id: 'p', question: 'Q', closed: false, options: [{ id: 'a', text: 'A', votes: 0 }, { id: 'b', text: 'B', votes: 0 }] }).map((r) => r.percent)).to.deep.equal([0, 0]);
  });
});

describe('replay polls', () => {
  const option = (id: string, votes: number) => ({ id, text: id.toUpperCase(), votes });
  const raw = (id: string, offset: unknown, extra: object = {}) => ({ id, question: `${id}?`, options: [option('a', 3), option('b', 1)], closed: false, offset, ...extra });

  it('parses a replay’s polls: closed, by offset; a poll without a usable offset or with bad options is dropped; a bad endOffset is left out', () => {
    const { polls, dropped } = parseReplayPolls({
      polls: [raw('late', 40), raw('early', 5, { endOffset: 20 }), raw('none', undefined), raw('negative', -1), raw('backwards', 30, { endOffset: 10 }), { ...raw('dup', 8), options: [option('a', 1), option('a', 2)] }, 'garbage'],
    });
    expect(polls.map((p) => [p.id, p.offset, p.endOffset, p.closed])).to.deep.equal([
      ['early', 5, 20, true],
      ['backwards', 30, undefined, true],
      ['late', 40, undefined, true],
    ]);
    expect(dropped).to.equal(4);
    expect(parseReplayPolls({ nope: 1 })).to.deep.equal({ polls: [], dropped: 0 });
  });

  it('follows the store’s media time: each poll from its offset to its endOffset or the next poll; a seek back rebuilds; live poll events are ignored', () => {
    const { store, moments } = world();
    const { polls } = parseReplayPolls({ polls: [raw('one', 10, { endOffset: 20 }), raw('two', 30)] });
    moments.replay(polls);
    const current = () => moments.state.poll?.id ?? null;
    expect(current()).to.equal(null);
    store.set({ currentTime: 12 });
    expect(current()).to.equal('one');
    expect(moments.state.poll!.closed).to.equal(true);
    store.set({ currentTime: 25 });
    expect(current()).to.equal(null);
    store.set({ currentTime: 99 });
    expect(current()).to.equal('two');
    store.set({ currentTime: 11 });
    expect(current()).to.equal('one');
    moments.apply(event('poll', { id: 'live', question: 'Now?', options: [option('a', 0), option('b', 0)], closed: false }));
    expect(current()).to.equal('one');
    moments.reset();
    store.set({ currentTime: 31 });
    expect(current()).to.equal(null);
  });

  it('the adapters answer a replay’s polls: in memory (those with an offset), REST (the demo backend’s recorded ones)', async () => {
    const memory = createMemoryInteractions({ polls: [{ ...raw('r', 12), closed: false }, { ...raw('live', undefined), closed: false }] as never });
    expect((await memory.polls!(new AbortController().signal)).map((p) => [p.id, p.closed])).to.deep.equal([['r', true]]);
    const rest = createRestInteractions('/__moments/demo/shows/replay/interactions');
    const recorded = await rest.polls!(new AbortController().signal);
    expect(recorded.map((p) => [p.offset, p.endOffset])).to.deep.equal([[20, 48], [60, undefined]]);
    // A backend without the request (404): no polls, no error.
    expect(await createRestInteractions('/__moments/nowhere/interactions').polls!(new AbortController().signal)).to.deep.equal([]);
  });
});

describe('server clock', () => {
  it('takes the median offset of Date headers, ignores garbage and absurd values', () => {
    let local = Date.parse('2026-11-22T18:00:00.000Z');
    const clock = createServerClock({ local: () => local });
    clock.observe('not a date');
    clock.observe(null);
    expect(clock.offset).to.equal(0);
    clock.observe('Sun, 22 Nov 2026 18:02:00 GMT'); // 120 s ahead (+0.5 s: the header is truncated to the second)
    clock.observe('Sun, 22 Nov 2026 18:02:01 GMT'); // an outlier
    clock.observe('Sun, 22 Nov 2026 18:02:00 GMT');
    expect(clock.offset).to.equal(120_500);
    clock.observe('Sun, 22 Nov 2030 18:00:00 GMT'); // years off: a broken server, ignored
    expect(clock.offset).to.equal(120_500);
    local += 1000;
    expect(clock.now()).to.equal(local + 120_500);
  });

  it('is fed by real responses (the test server’s Date header) through clockedFetch', async () => {
    const show = await liveShow();
    try {
      expect(Math.abs(show.clock.offset), 'same machine: within a second').to.be.below(1500);
      expect(Math.abs(show.clock.now() - Date.now())).to.be.below(1500);
    } finally {
      show.close();
    }
  });
});

describe('moments against the demo backend (SSE, votes, discounts)', () => {
  beforeEach(resetServer);

  it('a deal arrives live, sells down as a cart takes it (at the deal price), and ends', async () => {
    const show = await liveShow();
    try {
      const deal = await studio('deal', { productId: 'p1', units: 5, limit: 2, seconds: 30 });
      await until(() => show.moments.dealFor('p1')?.id === deal.id, 'the deal event');
      const product = show.store.product('p1')!;
      await show.service.add(product, product.variants[0]!, 2);
      expect(show.store.state.cart!.lines[0]!.unitPrice).to.deep.equal(deal.price);
      await until(() => show.moments.dealFor('p1')?.remaining === 3, 'remaining 3');
      await studio('deal/end');
      await until(() => !show.moments.dealFor('p1'), 'the deal to end');
      expect(show.errors).to.deep.equal([]);
    } finally {
      show.close();
    }
  });

  it('a vote: results live, once per key; a failed vote is retried with the same Idempotency-Key; a closed poll answers with its results', async () => {
    const show = await liveShow();
    try {
      const poll = await studio('poll', { question: 'Which colour?', options: ['Oat', 'Navy'], seconds: 60 });
      await until(() => show.moments.state.poll?.id === poll.id, 'the poll event');
      await fail({ votes: 2 }); // the vote and the adapter's one retry (500 is not retried: only one)
      await show.moments.vote('o2');
      const failed = show.moments.state.votes.get(poll.id)!;
      expect(failed.status).to.equal('failed');
      expect(failed.error?.code).to.equal('poll/unavailable');
      expect(show.errors.at(-1)?.code).to.equal('poll/unavailable');
      await fail({ votes: 0 });
      await show.moments.vote('o2');
      expect(show.moments.state.votes.get(poll.id)!.status).to.equal('sent');
      await until(() => show.moments.state.poll?.options[1]!.votes === 1, 'the result');
      await show.moments.vote('o1'); // a second vote is not sent
      const keys = (await serverLog()).filter((r) => r.path.endsWith('/votes')).map((r) => r.key);
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);

    } finally {
      show.close();
    }
  });

  it('409 closed: the vote fails with poll/closed and the poll turns to its results', async () => {
    const store = new ShowStore();
    const errors: VitrineErrorDetail[] = [];
    store.bus.on('error', (e) => errors.push(e));
    const { createRestVote } = await import('../../src/adapters/rest/votes.js');
    // No live events: the viewer does not hear that the poll closed.
    const moments = new Moments({ store, vote: createRestVote(`${location.origin}/__moments/demo/shows/live/interactions`) });
    const poll = await studio('poll', { question: 'Quick?', options: ['Yes', 'No'], seconds: 60 });
    moments.apply(event('poll', poll));
    await studio('poll/close');
    await moments.vote('o1');
    expect(moments.state.votes.get(poll.id)?.error?.code).to.equal('poll/closed');
    expect(moments.state.poll?.closed).to.equal(true);
    expect(errors.map((e) => e.code)).to.deep.equal(['poll/closed']);
  });
});
