// The demo backend as two instances on one Redis (REDIS_URL, examples/backend/redis.mjs), the way
// two processes behind a load balancer serve one show: a pin posted on one reaches a viewer of the
// other, `Last-Event-ID` replays from the Redis stream, and carts (with their Idempotency-Keys) and
// a deal's limited quantity are the same on both. Starts its own `redis-server` (Debian's; .ci/run
// installs it) on a free loopback port, without persistence, in a temporary directory.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { hasRedis, startRedis } from '../../bench/lib/redis-server.mjs';
import { createRedisBackend } from '../../examples/backend/redis.mjs';

async function instance(url) {
  const backend = await createRedisBackend(url, { timing: { tick: 100, viewers: 60_000, flashSale: 2 ** 30, stock: 2 ** 30, pin: 2 ** 30 } });
  const server = createServer(async (req, res) => {
    if (!(await backend.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    backend,
    base,
    async close() {
      await backend.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

async function call(base, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** Opens the events stream; `next(predicate)` resolves with the first frame that matches. */
async function viewer(base, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/shows/live/events`, { headers, signal: controller.signal });
  assert.equal(response.status, 200);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const frames = [];
  let buffer = '';
  let wake = () => {};
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame = {};
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) frame[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
          if (frame.data) frames.push({ ...frame, data: JSON.parse(frame.data) });
          wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    frames,
    async next(predicate, timeout = 5000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const found = frames.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event; got ${frames.map((f) => f.event).join(', ')}`);
        await new Promise((done) => {
          wake = done;
          setTimeout(done, 100);
        });
      }
    },
    close: () => controller.abort(),
  };
}

describe('the demo backend as two instances on one Redis', { skip: hasRedis ? false : 'redis-server is not installed (apt-get install redis-server)' }, () => {
  let redis;
  let a;
  let b;
  before(async () => {
    redis = await startRedis();
    a = await instance(redis.url);
    b = await instance(redis.url);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  test('a pin posted on one instance reaches a viewer connected to the other, and replays from the Redis stream', async () => {
    const onB = await viewer(b.base);
    const snapshot = await onB.next((f) => f.event === 'status');
    const posted = await call(a.base, 'POST', '/shows/live/pins', { productId: 'p5' });
    assert.equal(posted.status, 202);
    const pin = await onB.next((f) => f.event === 'highlight' && f.data.productId === 'p5');
    assert.equal(pin.id, posted.json.id);
    onB.close();

    // A viewer that was on the other instance comes back to A with the id it had before the pin.
    const back = await viewer(a.base, { 'Last-Event-ID': snapshot.id });
    const replayed = await back.next((f) => f.event === 'highlight' && f.id === posted.json.id);
    assert.equal(replayed.data.productId, 'p5');
    back.close();
  });

  test('one instance moves the show: the clock lease is held by exactly one', async () => {
    const leaders = await Promise.all([a, b].map((x) => x.backend.shared.lead('clock', 3000)));
    assert.equal(leaders.filter(Boolean).length, 1);
  });

  test('a cart made on one instance is the same cart on the other, and a retried add is not doubled', async () => {
    const created = await call(a.base, 'POST', '/cart', {});
    assert.equal(created.status, 201);
    const id = created.json.id;
    const add = { productId: 'p9', quantity: 2 };
    const first = await call(b.base, 'POST', `/cart/${id}/lines`, add, { 'Idempotency-Key': 'k-1' });
    assert.equal(first.status, 200);
    assert.equal(first.json.totalQuantity, 2);
    // The retry lands on the other instance: the same answer, nothing added.
    const retry = await call(a.base, 'POST', `/cart/${id}/lines`, add, { 'Idempotency-Key': 'k-1' });
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(retry.json.totalQuantity, 2);
    const line = retry.json.lines[0];
    const changed = await call(a.base, 'PATCH', `/cart/${id}/lines/${line.id}`, { quantity: 3 });
    assert.equal(changed.json.totalQuantity, 3);
    const read = await call(b.base, 'GET', `/cart/${id}`);
    assert.equal(read.json.totalQuantity, 3);
    assert.deepEqual(read.json.lines.map((l) => l.productId), ['p9']);
  });

  test('a deal started on one instance sells its limited quantity once across both', async () => {
    await a.backend.moments.startDeal({ productId: 'p11', units: 5, limit: 0, percent: 20, seconds: 60, id: 'deal-shared' });
    const carts = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i % 2 ? a.base : b.base, 'POST', '/cart', {})));
    const adds = await Promise.all(
      carts.map((c, i) => call(i % 2 ? b.base : a.base, 'POST', `/cart/${c.json.id}/lines`, { productId: 'p11', quantity: 1 }, { 'Idempotency-Key': `d-${i}` })),
    );
    assert.ok(adds.every((r) => r.status === 200), `statuses ${adds.map((r) => r.status)}`);
    // Exactly 5 at the deal price (49.00 less 20 %), on whichever instance; then the regular price.
    const prices = adds.map((r) => r.json.lines[0].unitPrice.amount);
    assert.equal(prices.filter((p) => p === '39.00').length, 5, prices.join());
    assert.equal(prices.filter((p) => p === '49.00').length, 7, prices.join());
    assert.equal(await b.backend.shared.counter('deal:deal-shared'), 0);
    // Both instances know the deal (it travels with the shared shop state); the product's own price stays.
    for (const x of [a, b]) {
      const doc = await call(x.base, 'GET', '/shows/live');
      assert.equal(doc.json.products.find((p) => p.id === 'p11').price.amount, '49.00');
      assert.equal(x.backend.moments.deal?.id, 'deal-shared');
    }
  });
});
