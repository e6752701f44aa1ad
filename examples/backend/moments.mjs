// The host's live moments in the demo (docs/cart-protocol.md, docs/live-events.md, docs/interactions.md): flash deals, announced
// codes and polls. They run on a schedule (a deal every few minutes, a code, a poll) and can be
// started by hand from the studio (POST /studio/api/{deal,announce,poll}, with the studio token).
//
// - Flash deals, the demo's one deal mechanism (the studio, the schedule and the scale bench's burst
//   all use `startDeal`): a limited number of units at the deal price. The units left are a counter
//   of the shared state (hub.mjs; Redis with several instances), taken atomically by every add, so
//   they are never oversold; the deal itself travels with the shop's shared snapshot. An add during
//   a deal is charged the deal price (the line's unitPrice) and refused beyond the per-shopper
//   limit; units come back when a deal line is removed. The deal's units come out of the product's
//   stock: once they are gone, what the stock had beyond them (a second counter, as atomic) sells
//   at the regular price, then the product is sold out (409) until the deal ends.
//   `remaining` goes out at once, then at most once a second.
// - Discount codes: the cart takes CODES (POST/DELETE {cart}/{id}/discounts); the cart document
//   and the checkout page show each code and the total after it.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { fromMinor, money, toMinor } from './money.mjs';
import { ShopError } from './shop.mjs';

/** The codes the demo cart accepts (matched without regard to case). */
export const CODES = { LIVE10: { percent: 10, label: '10% off your order' }, WELCOME5: { amountMinor: 500, label: '€5 off' } };

export const MOMENT_TIMING = {
  deal: 240_000,
  dealFor: 90_000,
  dealUnits: 12,
  dealLimit: 2,
  announce: 300_000,
  announceFor: 120_000,
  poll: 300_000,
  pollFor: 90_000,
};

const POLLS = [
  { question: 'Which colour should we show next?', options: ['Oat', 'Navy', 'Forest green'] },
  { question: 'Knit or linen for spring?', options: ['Knit', 'Linen'] },
];
const MAX_KEYS = 5_000;

/** The polls the replay's recorded show ran (its video is 90 s long). */
export const REPLAY_POLLS = [
  {
    id: 'replay-poll-1',
    question: 'Which knit should we restock first?',
    options: [
      { id: 'o1', text: 'Cable-knit cardigan', votes: 412 },
      { id: 'o2', text: 'Merino beanie', votes: 268 },
      { id: 'o3', text: 'Chunky scarf', votes: 157 },
    ],
    closed: true,
    offset: 20,
    endOffset: 48,
  },
  {
    id: 'replay-poll-2',
    question: 'Oat or forest green?',
    options: [
      { id: 'o1', text: 'Oat', votes: 503 },
      { id: 'o2', text: 'Forest green', votes: 331 },
    ],
    closed: true,
    offset: 60,
  },
];

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {ReturnType<import('./shop.mjs').createShop>} options.shop
 * @param {(event: string, data: object) => void} options.publish  sends a live event to every show channel
 * @param {(productId: string, event: string, data: object) => void} [options.publishFor]  to the shows
 *   listing `productId` (deals); default `publish`
 * @param {import('./hub.mjs').SharedState} options.state  the deals' unit counters
 * @param {() => unknown} [options.share]  shares the shop's live state (the deal, stock) with other instances
 * @param {() => boolean} [options.isLeader]  whether this instance runs the schedule; default always
 * @param {string[]} options.dealOrder  products the scheduled deals take turns on
 * @param {string[]} [options.dealProducts]  products the studio offers a deal on; default `dealOrder`
 * @param {Partial<typeof MOMENT_TIMING>} [options.timing]
 * @param {string} [options.studioToken]  the bearer token of the studio API
 */
export function createMoments({ now, shop, publish, publishFor = (id, event, data) => publish(event, data), state, share = () => {}, isLeader = () => true, dealOrder, dealProducts = dealOrder, timing: overrides = {}, studioToken }) {
  const timing = { ...MOMENT_TIMING, ...overrides };
  const started = now();
  const token = studioToken ?? randomUUID();
  let announcement = null; // { id, text, code?, endsAt }
  let poll = null; // { id, question, options: [{ id, text, votes }], endsAt, closed, keys: Map }
  const next = { deal: started + timing.deal / 4, announce: started + timing.announce / 3, poll: started + timing.poll / 2 };
  let turn = 0;
  let seq = 0;
  /** The units left of each deal as this instance last saw them (the counter is the truth). */
  const remainingSeen = new Map();
  /** Per deal: when `remaining` last went out, and the timer of the next one. */
  const outbox = new Map();
  const timers = new Set();

  const iso = (t) => new Date(t).toISOString();
  const counter = (d) => `deal:${d.id}`;
  /** The deal running on `productId` now, if any. */
  const running = (productId) => {
    const d = typeof productId === 'string' && shop.has(productId) ? shop.live.dealOf(productId) : undefined;
    return d && now() < d.endsAt ? d : undefined;
  };
  /** The deal running now, if any, as [productId, deal] (the demo runs one at a time). */
  const current = () => shop.live.deals().find(([, d]) => now() < d.endsAt);
  const dealEvent = (productId, d) => ({
    id: d.id,
    productId,
    price: money(d.priceMinor),
    endsAt: iso(d.endsAt),
    ...(d.limit ? { limit: d.limit } : {}),
    remaining: Math.max(0, remainingSeen.get(d.id) ?? d.units),
  });
  const dealNow = () => {
    const d = current();
    return d ? dealEvent(...d) : null;
  };
  const announcementEvent = () => ({ ...announcement, endsAt: iso(announcement.endsAt) });
  const pollEvent = () => ({
    id: poll.id,
    question: poll.question,
    options: poll.options.map(({ id, text, votes }) => ({ id, text, votes })),
    endsAt: iso(poll.endsAt),
    closed: poll.closed,
  });
  const later = (ms, fn) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    timers.add(timer);
    return timer;
  };

  /**
   * Starts a flash deal on `productId`: `units` at the deal price (`price`, a decimal string, or
   * `percent` off the regular price, rounded down to 50 cents), at most `limit` per shopper (0: no
   * limit), for `seconds`. A deal running on any product ends first.
   * @returns {Promise<object>} the `deal` event
   */
  async function startDeal({ productId, percent = 30, price, units = timing.dealUnits, limit = timing.dealLimit, seconds = timing.dealFor / 1000, id } = {}) {
    if (!shop.has(productId)) throw new ShopError(400, 'invalid', 'No such product.');
    if (!Number.isSafeInteger(units) || units < 1 || !(seconds > 0) || !(Number.isSafeInteger(limit ?? 0) && (limit ?? 0) >= 0)) {
      throw new ShopError(400, 'invalid', 'units >= 1, limit >= 0 (0: none), seconds > 0.');
    }
    const regular = shop.live.regularPrice(productId);
    let priceMinor;
    if (price !== undefined && price !== null && price !== '') {
      try {
        priceMinor = toMinor(price);
      } catch {
        throw new ShopError(400, 'invalid', 'price: an amount such as 29.00.');
      }
      if (priceMinor < 1 || priceMinor >= regular) throw new ShopError(400, 'invalid', `price: below the regular ${fromMinor(regular)}.`);
    } else {
      if (!(percent > 0 && percent < 100)) throw new ShopError(400, 'invalid', 'percent 1-99.');
      priceMinor = Math.max(50, Math.floor((regular * (100 - percent)) / 100 / 50) * 50);
    }
    // The deal's units come out of the product's stock.
    const stock = shop.live.variantIds(productId).reduce((n, v) => n + shop.live.unitsOf(v), 0);
    if (stock < 1) throw new ShopError(400, 'invalid', 'The product is sold out.');
    units = Math.min(units, stock);
    for (const [other] of shop.live.deals()) await endDeal(other);
    const d = { id: id ?? `deal-${now().toString(36)}-${++seq}`, priceMinor, endsAt: now() + seconds * 1000, limit: limit || undefined, units };
    await state.setCounter(counter(d), units);
    await state.setCounter(`${counter(d)}:rest`, stock - units);
    remainingSeen.set(d.id, units);
    shop.live.setDeal(productId, d);
    await share();
    const event = dealEvent(productId, d);
    publishFor(productId, 'deal', event);
    later(seconds * 1000 + 50, () => void endDeal(productId, d.id));
    return event;
  }

  /** Ends the deal on `productId` (only deal `id`, when given), or the one running. */
  async function endDeal(productId = current()?.[0], id) {
    const d = productId && shop.has(productId) ? shop.live.dealOf(productId) : undefined;
    if (!d || (id && d.id !== id)) return;
    shop.live.setDeal(productId, null);
    remainingSeen.delete(d.id);
    clearTimeout(outbox.get(d.id)?.timer);
    outbox.delete(d.id);
    await share();
    publishFor(productId, 'deal', { id: d.id, ended: true });
  }

  /** `remaining` of deal `d` changed (to `left`): out at once, then at most once a second. */
  function changed(productId, d, left) {
    if (left !== null && left !== undefined) remainingSeen.set(d.id, left);
    void share();
    const box = outbox.get(d.id) ?? { at: -Infinity, timer: undefined };
    outbox.set(d.id, box);
    if (box.timer) return;
    const send = () => {
      box.at = Date.now();
      box.timer = undefined;
      if (running(productId)?.id !== d.id) return;
      publishFor(productId, 'deal', dealEvent(productId, d));
      publishFor(productId, 'product', shop.productDocument(productId));
    };
    const wait = box.at + 1000 - Date.now();
    if (wait <= 0) send();
    else box.timer = later(wait, send);
  }

  const mine = (cartId, d) => shop.cart(cartId).lines.filter((l) => l.dealId === d.id).reduce((n, l) => n + l.quantity, 0);
  const overLimit = (d) => new ShopError(409, 'out_of_stock', `At most ${d.limit} per shopper at the deal price.`);
  const unitsLeft = async (d) => Math.max(0, (await state.counter(counter(d))) ?? 0);
  const onlyLeft = (n) => new ShopError(409, 'out_of_stock', `Only ${n} left at the deal price.`);

  /**
   * POST {cart}/{id}/lines, in the cart's lock (index.mjs `cartOp`): during a deal, its price from
   * its units (taken atomically), within the per-shopper limit; the regular price once they are gone.
   * @returns {Promise<{ cart: object, replayed: boolean }>}
   */
  async function addLine(cartId, body, key) {
    const replay = shop.replayOf(cartId, body, key);
    if (replay) return replay;
    const d = running(body?.productId);
    const quantity = body?.quantity ?? 1;
    if (!d || !Number.isSafeInteger(quantity) || quantity < 1 || quantity > 99) return shop.addLine(cartId, body, key);
    const refuse = (error) => {
      // Remembered, so the retry of this add gets the same answer.
      shop.refuseAdd(cartId, body, key, error);
      throw error;
    };
    if (d.limit && mine(cartId, d) + quantity > d.limit) refuse(overLimit(d));
    const left = await state.take(counter(d), quantity);
    if (left < 0) {
      const rest = await unitsLeft(d);
      if (rest > 0) refuse(onlyLeft(rest));
      // Sold out at the deal price: the regular price, from the stock beyond the deal's units.
      if ((await state.take(`${counter(d)}:rest`, quantity)) < 0) refuse(new ShopError(409, 'out_of_stock', 'Sold out: the deal took the last units.'));
      try {
        return shop.addLine(cartId, body, key);
      } catch (error) {
        await state.giveBack(`${counter(d)}:rest`, quantity);
        throw error;
      }
    }
    try {
      const added = shop.addLine(cartId, body, key, { id: d.id, priceMinor: d.priceMinor });
      changed(body.productId, d, left);
      return added;
    } catch (error) {
      await state.giveBack(counter(d), quantity);
      throw error;
    }
  }

  /** PATCH a line: more of a deal line takes more of its units (refused once the deal is over). */
  async function updateLine(cartId, lineId, body) {
    const line = shop.lineOf(cartId, lineId);
    const before = line.quantity;
    const quantity = body?.quantity;
    if (!line.dealId || !Number.isSafeInteger(quantity) || quantity === before) return shop.updateLine(cartId, lineId, body);
    const d = running(line.productId);
    const live = Boolean(d) && d.id === line.dealId;
    if (quantity < before) {
      const c = shop.updateLine(cartId, lineId, body);
      if (live) {
        await state.giveBack(counter(d), before - quantity);
        changed(line.productId, d, await state.counter(counter(d)));
      }
      return c;
    }
    if (!live) throw new ShopError(409, 'out_of_stock', 'The deal is over: add it again at the regular price.');
    if (d.limit && mine(cartId, d) + quantity - before > d.limit) throw overLimit(d);
    const left = await state.take(counter(d), quantity - before);
    if (left < 0) throw onlyLeft(await unitsLeft(d));
    try {
      const c = shop.updateLine(cartId, lineId, body);
      changed(line.productId, d, left);
      return c;
    } catch (error) {
      await state.giveBack(counter(d), quantity - before);
      throw error;
    }
  }

  /** DELETE a line: a deal line's units go back to the deal while it runs. */
  async function removeLine(cartId, lineId) {
    const line = shop.lineOf(cartId, lineId);
    const quantity = line.quantity;
    const c = shop.removeLine(cartId, lineId);
    const d = line.dealId ? running(line.productId) : undefined;
    if (d && d.id === line.dealId) {
      await state.giveBack(counter(d), quantity);
      changed(line.productId, d, await state.counter(counter(d)));
    }
    return c;
  }

  function announce({ text, code, seconds = timing.announceFor / 1000 } = {}) {
    if (typeof text !== 'string' || !text.trim() || text.length > 500) throw new ShopError(400, 'invalid', 'text: 1-500 characters.');
    if (code !== undefined && code !== null && code !== '' && !codeOf(code)) throw new ShopError(400, 'invalid', `The cart does not accept ${String(code).slice(0, 32)}.`);
    if (!(seconds > 0)) throw new ShopError(400, 'invalid', 'seconds > 0.');
    if (announcement) publish('announcement', { id: announcement.id, ended: true });
    announcement = { id: `a-${++seq}`, text: text.trim(), endsAt: now() + seconds * 1000 };
    if (code) announcement.code = codeOf(code);
    publish('announcement', announcementEvent());
    return announcementEvent();
  }

  function startPoll({ question, options, seconds = timing.pollFor / 1000 } = {}) {
    if (typeof question !== 'string' || !question.trim() || question.length > 300) throw new ShopError(400, 'invalid', 'question: 1-300 characters.');
    const texts = Array.isArray(options) ? options.filter((o) => typeof o === 'string' && o.trim()).map((o) => o.trim().slice(0, 120)) : [];
    if (texts.length < 2 || texts.length > 10 || new Set(texts).size !== texts.length) throw new ShopError(400, 'invalid', 'options: 2-10 different texts.');
    if (!(seconds > 0)) throw new ShopError(400, 'invalid', 'seconds > 0.');
    poll = {
      id: `poll-${++seq}`,
      question: question.trim(),
      options: texts.map((text, i) => ({ id: `o${i + 1}`, text, votes: 0 })),
      endsAt: now() + seconds * 1000,
      closed: false,
      keys: new Map(),
    };
    publish('poll', pollEvent());
    return pollEvent();
  }

  function closePoll() {
    if (!poll) throw new ShopError(404, 'not_found', 'No poll.');
    if (!poll.closed) {
      poll.closed = true;
      publish('poll', pollEvent());
    }
    return pollEvent();
  }

  /** A vote; the same Idempotency-Key is answered as the first time (and counted once). */
  function vote(pollId, body, key) {
    if (!poll || poll.id !== pollId) throw new ShopError(404, 'not_found', 'No such poll.');
    if (key && poll.keys.has(key)) return pollEvent();
    if (poll.closed) throw new ShopError(409, 'closed', 'This poll has closed.');
    const option = poll.options.find((o) => o.id === body?.optionId);
    if (!option) throw new ShopError(400, 'invalid', 'No such option.');
    option.votes += 1;
    if (key) {
      if (poll.keys.size >= MAX_KEYS) poll.keys.delete(poll.keys.keys().next().value);
      poll.keys.set(key, option.id);
    }
    publish('poll', pollEvent());
    return pollEvent();
  }

  function codeOf(code) {
    return typeof code === 'string' ? Object.keys(CODES).find((c) => c.toLowerCase() === code.trim().toLowerCase()) : undefined;
  }

  /** Advances the schedule to `now()`. */
  function tick() {
    const t = now();
    for (const [productId, d] of shop.live.deals()) if (t >= d.endsAt) void endDeal(productId, d.id);
    // With several instances, one runs the schedule.
    if (!isLeader()) return;
    if (announcement && t >= announcement.endsAt) {
      publish('announcement', { id: announcement.id, ended: true });
      announcement = null;
    }
    if (poll && !poll.closed && t >= poll.endsAt) {
      poll.closed = true;
      publish('poll', pollEvent());
    }
    if (t >= next.deal && dealOrder.length) {
      next.deal = t + timing.deal;
      if (!current()) startDeal({ productId: dealOrder[turn++ % dealOrder.length] }).catch((error) => console.error('demo backend: deal:', error?.message ?? error));
    }
    if (t >= next.announce) {
      next.announce = t + timing.announce;
      if (!announcement) announce({ text: 'Live viewers only: 10% off everything in the show.', code: 'LIVE10' });
    }
    if (t >= next.poll) {
      next.poll = t + timing.poll;
      if (!poll || poll.closed) startPoll(POLLS[seq % POLLS.length]);
    }
  }

  // -- What the shop asks (see createShop's `setMoments`) --

  const hooks = {
    /** The discounts of cart `c` on `subtotalMinor`: [{ code, minor }]. */
    discounts(c, subtotalMinor) {
      let left = subtotalMinor;
      return (c.codes ?? []).map((code) => {
        const rule = CODES[code];
        const minor = Math.min(left, rule.percent ? Math.floor((subtotalMinor * rule.percent) / 100) : rule.amountMinor);
        left -= minor;
        return { code, minor };
      });
    },
  };

  function applyCode(c, body) {
    const code = codeOf(body?.code);
    if (!code) throw new ShopError(400, 'invalid_code', 'This code can’t be used on this cart.');
    c.codes = [...new Set([...(c.codes ?? []), code])];
    return c;
  }

  function removeCode(c, code) {
    c.codes = (c.codes ?? []).filter((x) => x.toLowerCase() !== decodeURIComponent(code).toLowerCase());
    return c;
  }

  /** What a client that connects now must know: the moments running. */
  function snapshot() {
    const events = [];
    const deal = current();
    if (deal) events.push(['deal', dealEvent(...deal)]);
    if (announcement) events.push(['announcement', announcementEvent()]);
    if (poll) events.push(['poll', pollEvent()]);
    return events;
  }

  function authorized(req) {
    const header = String(req.headers.authorization ?? '');
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * Routes for index.mjs's table: [method, pattern, handler(match, req, res, origin)]. `send`,
   * `readJson` and `cartDoc(c, origin)` come from index.mjs.
   */
  function routes({ send, readJson, cartDoc }) {
    const studio = (fn) => async (m, req, res) => {
      if (!authorized(req)) return send(res, 401, { error: { code: 'unauthorized', message: 'The studio token is missing or wrong.' } });
      send(res, 200, await fn(req.method === 'GET' ? {} : await readJson(req)));
    };
    return [
      // What the studio page shows: the moments running, the products a deal can be on, the codes.
      [
        'GET',
        /^\/studio\/api\/moments\/state$/,
        studio(() => ({
          deal: dealNow(),
          announcement: announcement ? announcementEvent() : null,
          poll: poll ? pollEvent() : null,
          products: dealProducts.filter((id) => shop.has(id)).map((id) => ({ id, title: shop.productDocument(id).title, price: money(shop.live.regularPrice(id)) })),
          codes: Object.entries(CODES).map(([code, { label }]) => ({ code, label })),
        })),
      ],
      ['POST', /^\/cart\/([^/]+)\/discounts$/, async (m, req, res, origin) => send(res, 200, cartDoc(applyCode(shop.cart(m[1]), await readJson(req)), origin))],
      ['DELETE', /^\/cart\/([^/]+)\/discounts\/([^/]+)$/, (m, req, res, origin) => send(res, 200, cartDoc(removeCode(shop.cart(m[1]), m[2]), origin))],
      // The polls a show ran: the replay's recorded ones (with their media offsets); live, the current one.
      ['GET', /^\/shows\/(live|scheduled|replay)\/interactions\/polls$/, (m, req, res) => send(res, 200, { polls: m[1] === 'replay' ? REPLAY_POLLS : poll ? [pollEvent()] : [] })],
      [
        'POST',
        /^\/shows\/(?:live|scheduled)\/interactions\/polls\/([^/]+)\/votes$/,
        async (m, req, res) => {
          const key = req.headers['idempotency-key'];
          send(res, 200, vote(decodeURIComponent(m[1]), await readJson(req), typeof key === 'string' && key ? key.slice(0, 255) : undefined));
        },
      ],
      // The studio's durations are checked here, at the API (the demo's own schedule may be faster).
      ['POST', /^\/studio\/api\/deal$/, studio((b) => startDeal({ ...pick(within(b, 10, 600)), productId: b.productId || dealOrder[turn++ % dealOrder.length] }))],
      ['POST', /^\/studio\/api\/deal\/end$/, studio(async () => (await endDeal(), { ended: true }))],
      ['POST', /^\/studio\/api\/announce$/, studio((b) => announce(within(b, 5, 3600)))],
      ['POST', /^\/studio\/api\/poll$/, studio((b) => startPoll(within(b, 10, 3600)))],
      ['POST', /^\/studio\/api\/poll\/close$/, studio(() => closePoll())],
    ];
  }

  /** What the studio may set of a deal (not its id). */
  function pick({ productId, percent, price, units, limit, seconds }) {
    return Object.fromEntries(Object.entries({ productId, percent, price, units, limit, seconds }).filter(([, v]) => v !== undefined));
  }

  /** A studio request's body, refused unless its `seconds` (when given) is within [min, max]. */
  function within(body, min, max) {
    if (body?.seconds !== undefined && !(body.seconds >= min && body.seconds <= max)) throw new ShopError(400, 'invalid', `seconds ${min}-${max}.`);
    return body;
  }

  return {
    tick,
    hooks,
    routes,
    snapshot,
    studioToken: token,
    startDeal,
    endDeal,
    addLine,
    updateLine,
    removeLine,
    announce,
    startPoll,
    closePoll,
    vote,
    /** Forgets the announcement and the poll (a bench's next page starts without them); ends the deal. */
    async reset() {
      announcement = null;
      poll = null;
      await endDeal();
    },
    /** The deal running now, as its `deal` event, or null. */
    get deal() {
      return dealNow();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export { fromMinor };
