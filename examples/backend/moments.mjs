// The host's live moments in the demo (CONTRACT.md sections 5, 6 and 8): flash deals, announced
// codes and polls. They run on a schedule (a deal every few minutes, a code, a poll) and can be
// started by hand from the studio (POST /studio/api/{deal,announce,poll}, with the studio token).
//
// - A deal has a limited quantity that really sells down: the shop asks `claim()` on every add,
//   which charges the deal price (the line's unitPrice), refuses more than is left or than the
//   per-shopper limit, and publishes the new `remaining`. Units come back when a deal line is removed.
// - Discount codes: the cart takes CODES (POST/DELETE {cart}/{id}/discounts); the cart document
//   and the checkout page show each code and the total after it.
// - Votes: POST /shows/<id>/interactions/polls/<pollId>/votes { optionId } + Idempotency-Key; the
//   same key is answered as the first time and counted once; 409 `closed` after the poll closed.
// - A replay's polls: GET /shows/replay/interactions/polls, the polls the recorded show ran, each
//   with its final results and `offset` / `endOffset` (media seconds of the replay).
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { fromMinor, money } from './money.mjs';
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
 * @param {string[]} options.dealOrder  products the scheduled deals take turns on
 * @param {Partial<typeof MOMENT_TIMING>} [options.timing]
 * @param {string} [options.studioToken]  the bearer token of the studio API
 */
export function createMoments({ now, shop, publish, dealOrder, timing: overrides = {}, studioToken }) {
  const timing = { ...MOMENT_TIMING, ...overrides };
  const started = now();
  const token = studioToken ?? randomUUID();
  let deal = null; // { id, productId, priceMinor, endsAt, limit, remaining }
  let announcement = null; // { id, text, code?, endsAt }
  let poll = null; // { id, question, options: [{ id, text, votes }], endsAt, closed, keys: Map }
  const next = { deal: started + timing.deal / 4, announce: started + timing.announce / 3, poll: started + timing.poll / 2 };
  let turn = 0;
  let seq = 0;

  const iso = (t) => new Date(t).toISOString();
  const dealEvent = () => ({
    id: deal.id,
    productId: deal.productId,
    price: money(deal.priceMinor),
    endsAt: iso(deal.endsAt),
    ...(deal.limit ? { limit: deal.limit } : {}),
    remaining: deal.remaining,
  });
  const announcementEvent = () => ({ ...announcement, endsAt: iso(announcement.endsAt) });
  const pollEvent = () => ({
    id: poll.id,
    question: poll.question,
    options: poll.options.map(({ id, text, votes }) => ({ id, text, votes })),
    endsAt: iso(poll.endsAt),
    closed: poll.closed,
  });

  /** Starts a deal; `percent` off the regular price (rounded down to 50 cents). */
  function startDeal({ productId, percent = 30, units = timing.dealUnits, limit = timing.dealLimit, seconds = timing.dealFor / 1000 } = {}) {
    if (!shop.has(productId)) throw new ShopError(400, 'invalid', 'No such product.');
    if (!(percent > 0 && percent < 100) || !Number.isSafeInteger(units) || units < 1 || !(seconds > 0)) {
      throw new ShopError(400, 'invalid', 'percent 1-99, units >= 1, seconds > 0.');
    }
    if (deal) endDeal();
    const regular = shop.live.regularPrice(productId);
    const priceMinor = Math.max(50, Math.floor((regular * (100 - percent)) / 100 / 50) * 50);
    deal = { id: `deal-${++seq}`, productId, priceMinor, endsAt: now() + seconds * 1000, limit: limit || undefined, remaining: units };
    publish('deal', dealEvent());
    return dealEvent();
  }

  function endDeal() {
    if (!deal) return;
    publish('deal', { id: deal.id, ended: true });
    deal = null;
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
    if (deal && t >= deal.endsAt) endDeal();
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
      if (!deal) startDeal({ productId: dealOrder[turn++ % dealOrder.length] });
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

  // -- What the shop asks (see createShop's `moments` hooks) --

  const hooks = {
    /**
     * The price of `quantity` of `productId` added to cart `c` now: the deal's (claiming units),
     * or undefined for the regular price. Throws 409 when the deal cannot cover it.
     */
    claim(c, productId, quantity) {
      if (!deal || deal.productId !== productId || now() >= deal.endsAt || deal.remaining <= 0) return undefined;
      const mine = c.lines.filter((l) => l.dealId === deal.id).reduce((n, l) => n + l.quantity, 0);
      if (deal.limit && mine + quantity > deal.limit) {
        throw new ShopError(409, 'out_of_stock', `At most ${deal.limit} per shopper at the deal price.`);
      }
      if (quantity > deal.remaining) throw new ShopError(409, 'out_of_stock', `Only ${deal.remaining} left at the deal price.`);
      deal.remaining -= quantity;
      publish('deal', dealEvent());
      return { priceMinor: deal.priceMinor, dealId: deal.id };
    },
    /** Units of a deal line that leave the cart go back to the deal, while it runs. */
    release(line, quantity) {
      if (!deal || line.dealId !== deal.id || quantity <= 0) return;
      deal.remaining += quantity;
      publish('deal', dealEvent());
    },
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
    if (deal && now() < deal.endsAt) events.push(['deal', dealEvent()]);
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
      send(res, 200, fn(await readJson(req)));
    };
    return [
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
      ['POST', /^\/studio\/api\/deal$/, studio((b) => startDeal({ ...within(b, 10, 600), productId: b.productId ?? dealOrder[turn++ % dealOrder.length] }))],
      ['POST', /^\/studio\/api\/deal\/end$/, studio(() => (endDeal(), { ended: true }))],
      ['POST', /^\/studio\/api\/announce$/, studio((b) => announce(within(b, 5, 3600)))],
      ['POST', /^\/studio\/api\/poll$/, studio((b) => startPoll(within(b, 10, 3600)))],
      ['POST', /^\/studio\/api\/poll\/close$/, studio(() => closePoll())],
    ];
  }

  /** A studio request's body, refused unless its `seconds` (when given) is within [min, max]. */
  function within(body, min, max) {
    if (body?.seconds !== undefined && !(body.seconds >= min && body.seconds <= max)) throw new ShopError(400, 'invalid', `seconds ${min}-${max}.`);
    return body;
  }

  return { tick, hooks, routes, snapshot, studioToken: token, startDeal, endDeal, announce, startPoll, closePoll, vote, get deal() { return deal; } };
}

export { fromMinor };
