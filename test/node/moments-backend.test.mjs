// The demo backend's moments (examples/backend/moments.mjs): a flash deal whose limited units
// really sell down and are enforced when adding, discount codes on the cart and the checkout page,
// poll votes with Idempotency-Key and 409 closed, the studio API behind its token, and the live
// events (published, and in the snapshot a new client gets).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createBackend } from '../../examples/backend/index.mjs';

const START = Date.parse('2026-11-22T18:00:00.000Z');
const NEVER = 2 ** 30;
const TOKEN = 'studio-secret';

async function serve(timing = {}) {
  const clock = { now: START };
  const backend = createBackend({
    now: () => clock.now,
    liveStartedAt: START - 60_000,
    studioToken: TOKEN,
    timing: { tick: NEVER, flashSale: NEVER, stock: NEVER, pin: NEVER, viewers: NEVER, heartbeat: NEVER, deal: NEVER, announce: NEVER, poll: NEVER, ...timing },
  });
  const server = createServer(async (req, res) => {
    if (!(await backend.handle(req, res))) res.writeHead(418).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}`;
  const advance = (ms) => {
    clock.now += ms;
    backend.tick();
  };
  const close = async () => {
    backend.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  return { backend, base, advance, close };
}

async function call(base, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

const studio = (base, path, body) => call(base, 'POST', `/studio/api/${path}`, body, { Authorization: `Bearer ${TOKEN}` });

/** Collects the SSE frames of a live show's events for `ms`. */
async function events(base, ms, during = async () => {}) {
  const controller = new AbortController();
  const res = await fetch(`${base}/shows/live/events`, { signal: controller.signal });
  const reader = res.body.getReader();
  let text = '';
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch {}
  })();
  await new Promise((r) => setTimeout(r, 50));
  await during();
  await new Promise((r) => setTimeout(r, ms));
  controller.abort();
  await reading;
  return text
    .split('\n\n')
    .map((block) => Object.fromEntries(block.split('\n').filter((l) => /^(event|data): /.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)])))
    .filter((f) => f.event)
    .map((f) => ({ event: f.event, data: JSON.parse(f.data) }));
}

async function newCart(base) {
  return (await call(base, 'POST', '/cart', {})).json.id;
}

describe('demo backend: flash deals', () => {
  test('the studio API needs the token', async () => {
    const { base, close } = await serve();
    try {
      assert.equal((await call(base, 'POST', '/studio/api/deal', { productId: 'p1' })).status, 401);
      assert.equal((await call(base, 'POST', '/studio/api/deal', { productId: 'p1' }, { Authorization: 'Bearer wrong-secret!' })).status, 401);
      assert.equal((await studio(base, 'deal', { productId: 'p1' })).status, 200);
    } finally {
      await close();
    }
  });

  test('a deal charges its price, sells down, enforces its limit and units, gives units back, then ends', async () => {
    const { base, advance, close } = await serve();
    try {
      const regular = (await call(base, 'GET', '/shows/live')).json.products.find((p) => p.id === 'p1').price;
      const deal = (await studio(base, 'deal', { productId: 'p1', percent: 30, units: 3, limit: 2, seconds: 60 })).json;
      assert.equal(deal.remaining, 3);
      assert.equal(deal.limit, 2);
      assert.ok(Number(deal.price.amount) < Number(regular.amount));
      assert.equal(Date.parse(deal.endsAt), START + 60_000);

      const a = await newCart(base);
      let cart = (await call(base, 'POST', `/cart/${a}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 2 })).json;
      assert.deepEqual(cart.lines[0].unitPrice, deal.price, 'the line is charged the deal price');
      // The limit is per shopper.
      const over = await call(base, 'POST', `/cart/${a}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 1 });
      assert.equal(over.status, 409);
      assert.match(over.json.error.message, /At most 2/);

      const b = await newCart(base);
      const tooMany = await call(base, 'POST', `/cart/${b}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 2 });
      assert.equal(tooMany.status, 409, 'only 1 unit is left');
      assert.match(tooMany.json.error.message, /Only 1 left/);
      cart = (await call(base, 'POST', `/cart/${b}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 1 })).json;
      assert.deepEqual(cart.lines[0].unitPrice, deal.price);

      // Sold out: the next shopper pays the regular price.
      const c = await newCart(base);
      cart = (await call(base, 'POST', `/cart/${c}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 1 })).json;
      assert.deepEqual(cart.lines[0].unitPrice, regular);

      // A removed deal line gives its units back while the deal runs.
      const line = (await call(base, 'GET', `/cart/${b}`)).json.lines[0];
      await call(base, 'DELETE', `/cart/${b}/lines/${line.id}`);
      const d = await newCart(base);
      cart = (await call(base, 'POST', `/cart/${d}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 1 })).json;
      assert.deepEqual(cart.lines[0].unitPrice, deal.price);

      // Ended: the regular price, and the deal lines keep the price they were added at.
      advance(61_000);
      const e = await newCart(base);
      cart = (await call(base, 'POST', `/cart/${e}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 1 })).json;
      assert.deepEqual(cart.lines[0].unitPrice, regular);
      assert.deepEqual((await call(base, 'GET', `/cart/${a}`)).json.lines[0].unitPrice, deal.price);
      // More of a deal line after the deal: refused (add it again at the regular price).
      const aLine = (await call(base, 'GET', `/cart/${a}`)).json.lines[0];
      assert.equal((await call(base, 'PATCH', `/cart/${a}/lines/${aLine.id}`, { quantity: 3 })).status, 409);
    } finally {
      await close();
    }
  });

  test('a deal’s units come out of the product’s stock: never sold beyond it, back when a deal line goes', async () => {
    const { base, close } = await serve();
    try {
      // p6, the candle: 3 in stock; a deal of 5 units has 3.
      const deal = (await studio(base, 'deal', { productId: 'p6', units: 5, limit: 0, seconds: 60 })).json;
      assert.equal(deal.remaining, 3);
      const carts = [];
      for (let i = 0; i < 3; i++) {
        const id = await newCart(base);
        carts.push(id);
        assert.equal((await call(base, 'POST', `/cart/${id}/lines`, { productId: 'p6', quantity: 1 })).status, 200);
      }
      const late = await call(base, 'POST', `/cart/${await newCart(base)}/lines`, { productId: 'p6', quantity: 1 });
      assert.equal(late.status, 409, 'nothing left beyond the deal’s units');
      assert.equal(late.json.error.code, 'out_of_stock');
      const line = (await call(base, 'GET', `/cart/${carts[0]}`)).json.lines[0];
      await call(base, 'DELETE', `/cart/${carts[0]}/lines/${line.id}`);
      const again = await call(base, 'POST', `/cart/${await newCart(base)}/lines`, { productId: 'p6', quantity: 1 });
      assert.equal(again.status, 200);
      assert.deepEqual(again.json.lines[0].unitPrice, deal.price, 'at the deal price: its units were given back');
    } finally {
      await close();
    }
  });

  test('deal events: started, each sale, ended; a client that connects during a deal gets it', async () => {
    const { base, close } = await serve();
    try {
      let cartId;
      const seen = await events(base, 200, async () => {
        await studio(base, 'deal', { productId: 'p5', units: 5, limit: 0, seconds: 30 });
        cartId = await newCart(base);
        const product = (await call(base, 'GET', '/shows/live')).json.products.find((p) => p.id === 'p5');
        await call(base, 'POST', `/cart/${cartId}/lines`, { productId: 'p5', variantId: product.variants[0].id, quantity: 2 });
      });
      const deals = seen.filter((f) => f.event === 'deal').map((f) => f.data);
      assert.deepEqual(deals.map((d) => d.remaining), [5, 3]);
      assert.equal(deals[0].limit, undefined, 'limit 0: no limit');
      const late = await events(base, 100);
      assert.equal(late.find((f) => f.event === 'deal')?.data.remaining, 3, 'the snapshot carries the running deal');
      const ended = await events(base, 100, () => studio(base, 'deal/end', {}));
      assert.deepEqual(ended.filter((f) => f.event === 'deal').at(-1).data, { id: deals[0].id, ended: true });
    } finally {
      await close();
    }
  });

  test('the schedule runs a deal, an announcement with a code and a poll by itself', async () => {
    const { base, advance, close } = await serve({ deal: 40_000, dealFor: 20_000, announce: 60_000, poll: 60_000 });
    try {
      advance(31_000);
      const seen = await events(base, 100);
      const kinds = seen.map((f) => f.event);
      assert.ok(kinds.includes('deal') && kinds.includes('announcement') && kinds.includes('poll'), kinds.join());
      assert.equal(seen.find((f) => f.event === 'announcement').data.code, 'LIVE10');
      advance(20_000);
      const after = await events(base, 100);
      assert.equal(after.find((f) => f.event === 'deal'), undefined, 'the deal ended by itself');
    } finally {
      await close();
    }
  });
});

describe('demo backend: discount codes', () => {
  test('a code applies (total after it), an unknown one is invalid_code, a code can be removed; checkout shows it', async () => {
    const { base, close } = await serve();
    try {
      const id = await newCart(base);
      await call(base, 'POST', `/cart/${id}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 2 });
      const bad = await call(base, 'POST', `/cart/${id}/discounts`, { code: 'NOPE' });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.code, 'invalid_code');
      const cart = (await call(base, 'POST', `/cart/${id}/discounts`, { code: 'live10' })).json;
      const sub = Math.round(Number(cart.subtotal.amount) * 100);
      assert.deepEqual(cart.discounts, [{ code: 'LIVE10', amount: { amount: ((Math.floor(sub / 10)) / 100).toFixed(2), currencyCode: 'EUR' } }]);
      assert.equal(cart.total.amount, ((sub - Math.floor(sub / 10)) / 100).toFixed(2));
      const page = (await call(base, 'GET', `/checkout/${id}`)).text;
      assert.match(page, /Discount <code>LIVE10<\/code>/);
      assert.ok(page.includes(`€${((sub - Math.floor(sub / 10)) / 100).toFixed(2)}`), 'the checkout page shows the total after the discount');
      const removed = (await call(base, 'DELETE', `/cart/${id}/discounts/LIVE10`)).json;
      assert.equal(removed.discounts, undefined);
      assert.equal(removed.total, undefined);
    } finally {
      await close();
    }
  });
});

describe('demo backend: polls', () => {
  test('votes count once per Idempotency-Key, live results go out, a closed poll answers 409', async () => {
    const { base, advance, close } = await serve();
    try {
      const show = (await call(base, 'GET', '/shows/live')).json;
      assert.equal(show.interactions, `${base}/shows/live/interactions`);
      const poll = (await studio(base, 'poll', { question: 'Which colour?', options: ['Oat', 'Navy'], seconds: 30 })).json;
      assert.equal((await studio(base, 'poll', { question: 'Dup?', options: ['A', 'A'] })).status, 400);
      const votes = `/shows/live/interactions/polls/${poll.id}/votes`;
      const first = await call(base, 'POST', votes, { optionId: 'o2' }, { 'Idempotency-Key': 'k1' });
      assert.equal(first.status, 200);
      assert.deepEqual(first.json.options.map((o) => o.votes), [0, 1]);
      const retry = await call(base, 'POST', votes, { optionId: 'o2' }, { 'Idempotency-Key': 'k1' });
      assert.deepEqual(retry.json.options.map((o) => o.votes), [0, 1], 'the retry is not counted again');
      await call(base, 'POST', votes, { optionId: 'o1' }, { 'Idempotency-Key': 'k2' });
      assert.equal((await call(base, 'POST', votes, { optionId: 'o9' }, { 'Idempotency-Key': 'k3' })).status, 400);
      assert.equal((await call(base, 'POST', '/shows/live/interactions/polls/nope/votes', { optionId: 'o1' })).status, 404);
      advance(31_000);
      const closed = await call(base, 'POST', votes, { optionId: 'o1' }, { 'Idempotency-Key': 'k4' });
      assert.equal(closed.status, 409);
      assert.equal(closed.json.error.code, 'closed');
      const seen = await events(base, 100);
      assert.deepEqual(seen.find((f) => f.event === 'poll').data.options.map((o) => o.votes), [1, 1]);
      assert.equal(seen.find((f) => f.event === 'poll').data.closed, true);
    } finally {
      await close();
    }
  });
});
