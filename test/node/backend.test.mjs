// The demo backend (examples/backend) over real HTTP on localhost: the REST cart protocol of
// docs/cart-protocol.md (totals, idempotency, stock limits, errors), the show documents of
// section 4, the live playlist and the Server-Sent Events of section 6, and the checkout page.
// The backend's clock is a fake one that the tests move, and the timeline is ticked by hand.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createBackend } from '../../examples/backend/index.mjs';

const START = Date.parse('2026-11-22T18:00:00.000Z');
const NEVER = 2 ** 30; // timer periods the tests never reach: the clock only moves when told

async function serve(options = {}) {
  const clock = { now: START };
  const backend = createBackend({
    now: () => clock.now,
    liveStartedAt: START - 60_000,
    scheduledStartsAt: START + 120_000,
    ...options,
    timing: { tick: NEVER, ...options.timing },
  });
  const server = createServer(async (req, res) => {
    if (!(await backend.handle(req, res))) res.writeHead(418).end('not ours');
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
  return { backend, base, clock, advance, close };
}

async function call(base, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Reads a Server-Sent Events response frame by frame (comments kept as `{ comment }`). */
function sseReader(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const frames = [];
  async function fill() {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else {
          const i = line.indexOf(':');
          const field = line.slice(0, i);
          const value = line.slice(i + 1).replace(/^ /, '');
          frame[field] = field === 'data' && frame.data !== undefined ? `${frame.data}\n${value}` : value;
        }
      }
      frames.push(frame);
    }
  }
  return {
    /** The next frame matching `predicate` (frames before it are consumed). */
    async next(predicate = () => true, timeout = 3000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const i = frames.findIndex(predicate);
        if (i >= 0) return frames.splice(0, i + 1).at(-1);
        if (Date.now() > deadline) throw new Error(`no matching frame; have ${JSON.stringify(frames)}`);
        await Promise.race([fill(), new Promise((r) => setTimeout(r, 50))]);
      }
    },
    frames,
    cancel: () => reader.cancel(),
  };
}

describe('demo backend: REST cart protocol', () => {
  let s;
  before(async () => (s = await serve()));
  after(() => s.close());

  test('POST /cart creates an empty cart (201) that GET returns', async () => {
    const created = await call(s.base, 'POST', '/cart', {});
    assert.equal(created.status, 201);
    assert.deepEqual(created.json.lines, []);
    assert.deepEqual(created.json.subtotal, { amount: '0.00', currencyCode: 'EUR' });
    assert.equal(created.json.totalQuantity, 0);
    assert.equal(created.json.checkoutUrl, `${s.base}/checkout/${created.json.id}`);
    const read = await call(s.base, 'GET', `/cart/${created.json.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.json, created.json);
  });

  test('lines: add, merge the same variant, change quantity, remove; totals add up', async () => {
    const { json: cart } = await call(s.base, 'POST', '/cart', {});
    let r = await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p1', variantId: 'p1-2', quantity: 2 }, { 'Idempotency-Key': 'a1' });
    assert.equal(r.status, 200);
    assert.equal(r.json.lines.length, 1);
    const [line] = r.json.lines;
    assert.deepEqual(
      { productId: line.productId, variantId: line.variantId, title: line.title, variantTitle: line.variantTitle, quantity: line.quantity },
      { productId: 'p1', variantId: 'p1-2', title: 'Merino rib beanie', variantTitle: 'Forest', quantity: 2 },
    );
    assert.deepEqual(line.unitPrice, { amount: '29.00', currencyCode: 'EUR' });
    assert.deepEqual(line.total, { amount: '58.00', currencyCode: 'EUR' });
    assert.match(line.image, /^http:\/\/127\.0\.0\.1:\d+\/images\/p1\.svg$/);

    r = await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p1', variantId: 'p1-2', quantity: 1 }, { 'Idempotency-Key': 'a2' });
    assert.equal(r.json.lines.length, 1, 'the same variant is one line');
    assert.equal(r.json.lines[0].quantity, 3);

    r = await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p9', quantity: 1 }, { 'Idempotency-Key': 'a3' });
    assert.equal(r.json.lines.length, 2);
    assert.equal(r.json.lines[1].variantId, 'p9', 'a product without variants is its own variant');
    assert.equal(r.json.lines[1].variantTitle, undefined);
    assert.deepEqual(r.json.subtotal, { amount: '126.00', currencyCode: 'EUR' }); // 3 × 29 + 39
    assert.equal(r.json.totalQuantity, 4);

    r = await call(s.base, 'PATCH', `/cart/${cart.id}/lines/${line.id}`, { quantity: 1 });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.subtotal, { amount: '68.00', currencyCode: 'EUR' });

    r = await call(s.base, 'PATCH', `/cart/${cart.id}/lines/${line.id}`, { quantity: 0 });
    assert.deepEqual(r.json.lines.map((l) => l.productId), ['p9'], 'quantity 0 removes the line');

    r = await call(s.base, 'DELETE', `/cart/${cart.id}/lines/${r.json.lines[0].id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.lines, []);
    assert.deepEqual(r.json.subtotal, { amount: '0.00', currencyCode: 'EUR' });
  });

  test('a retried add with the same Idempotency-Key is never added twice', async () => {
    const { json: cart } = await call(s.base, 'POST', '/cart', {});
    const add = () => call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p8', variantId: 'p8-1', quantity: 1 }, { 'Idempotency-Key': 'same' });
    const first = await add();
    const retry = await add();
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(retry.json.lines[0].quantity, 1);
    // Retries racing each other.
    const raced = await Promise.all(Array.from({ length: 5 }, () => add()));
    assert.ok(raced.every((r) => r.status === 200 && r.json.lines[0].quantity === 1));
    // A new key is a new add.
    const again = await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p8', variantId: 'p8-1', quantity: 1 }, { 'Idempotency-Key': 'other' });
    assert.equal(again.json.lines[0].quantity, 2);
    // The same key for a different request is refused, not silently replayed.
    const misuse = await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p9', quantity: 1 }, { 'Idempotency-Key': 'same' });
    assert.equal(misuse.status, 400);
    assert.equal(misuse.json.error.code, 'invalid');
  });

  test('stock limits: 409 out_of_stock says how many are left; sold out is refused', async () => {
    const { json: cart } = await call(s.base, 'POST', '/cart', {});
    const lines = `/cart/${cart.id}/lines`;
    let r = await call(s.base, 'POST', lines, { productId: 'p6', quantity: 4 }, { 'Idempotency-Key': 's1' });
    assert.equal(r.status, 409);
    assert.equal(r.json.error.code, 'out_of_stock');
    assert.match(r.json.error.message, /Only 3 left/);
    r = await call(s.base, 'POST', lines, { productId: 'p6', quantity: 3 }, { 'Idempotency-Key': 's2' });
    assert.equal(r.status, 200);
    const lineId = r.json.lines[0].id;
    r = await call(s.base, 'POST', lines, { productId: 'p6', quantity: 1 }, { 'Idempotency-Key': 's3' });
    assert.equal(r.status, 409, 'what is already in the cart counts');
    r = await call(s.base, 'PATCH', `${lines}/${lineId}`, { quantity: 4 });
    assert.equal(r.status, 409);
    assert.equal(r.json.error.code, 'out_of_stock');
    r = await call(s.base, 'POST', lines, { productId: 'p7', quantity: 1 }, { 'Idempotency-Key': 's4' });
    assert.equal(r.status, 409);
    assert.match(r.json.error.message, /sold out/);
    r = await call(s.base, 'POST', lines, { productId: 'p2', variantId: 'p2-4', quantity: 1 }, { 'Idempotency-Key': 's5' });
    assert.equal(r.status, 409, 'a sold-out variant of an available product');
    // The retry of a refused add gets the same refusal.
    r = await call(s.base, 'POST', lines, { productId: 'p6', quantity: 1 }, { 'Idempotency-Key': 's3' });
    assert.equal(r.status, 409);
    const cartNow = await call(s.base, 'GET', `/cart/${cart.id}`);
    assert.deepEqual(cartNow.json.lines.map((l) => [l.productId, l.quantity]), [['p6', 3]]);
  });

  test('404 not_found and 400 invalid, as JSON errors', async () => {
    const { json: cart } = await call(s.base, 'POST', '/cart', {});
    const cases = [
      ['GET', '/cart/nope', undefined, 404, 'not_found'],
      ['POST', '/cart/nope/lines', { productId: 'p1', variantId: 'p1-1', quantity: 1 }, 404, 'not_found'],
      ['POST', `/cart/${cart.id}/lines`, { productId: 'p404', quantity: 1 }, 404, 'not_found'],
      ['POST', `/cart/${cart.id}/lines`, { productId: 'p1', variantId: 'p9-1', quantity: 1 }, 404, 'not_found'],
      ['POST', `/cart/${cart.id}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 0 }, 400, 'invalid'],
      ['POST', `/cart/${cart.id}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: 1.5 }, 400, 'invalid'],
      ['POST', `/cart/${cart.id}/lines`, { productId: 'p1', variantId: 'p1-1', quantity: '2' }, 400, 'invalid'],
      ['POST', `/cart/${cart.id}/lines`, '{"productId": ', 400, 'invalid'],
      ['PATCH', `/cart/${cart.id}/lines/nope`, { quantity: 1 }, 404, 'not_found'],
      ['DELETE', `/cart/${cart.id}/lines/nope`, undefined, 404, 'not_found'],
      ['PUT', `/cart/${cart.id}`, {}, 405, 'invalid'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const r = await call(s.base, method, path, body, { 'Idempotency-Key': `${method}${path}${JSON.stringify(body)}` });
      assert.equal(r.status, status, `${method} ${path} ${JSON.stringify(body)}`);
      assert.equal(r.json?.error?.code, code, `${method} ${path}`);
      assert.equal(typeof r.json.error.message, 'string');
    }
  });

  test('CORS: preflight allows the protocol, answers carry Access-Control-Allow-Origin', async () => {
    const pre = await fetch(`${s.base}/cart/x/lines`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key,content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    assert.match(pre.headers.get('access-control-allow-methods'), /PATCH/);
    const doc = await fetch(`${s.base}/shows/live`, { headers: { Origin: 'https://shop.example' } });
    assert.equal(doc.headers.get('access-control-allow-origin'), '*');
  });

  test('a route that is not ours falls through (handle resolves false)', async () => {
    assert.equal((await call(s.base, 'GET', '/index.html')).status, 418);
    assert.equal((await call(s.base, 'GET', '/shows/other')).status, 418);
  });
});

describe('demo backend: money is exact (minor units, never floats)', () => {
  let s;
  before(
    async () =>
      (s = await serve({
        products: [{ id: 'dime', title: 'Dime', price: '0.10', options: [], variants: [] }],
        stock: { dime: 50 },
      })),
  );
  after(() => s.close());

  test('3 × 0.10 is 0.30 and 0.10 + 0.20 is 0.30', async () => {
    const { json: cart } = await call(s.base, 'POST', '/cart', {});
    const r = await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'dime', quantity: 3 });
    assert.deepEqual(r.json.lines[0].total, { amount: '0.30', currencyCode: 'EUR' });
    assert.deepEqual(r.json.subtotal, { amount: '0.30', currencyCode: 'EUR' });
  });
});

describe('demo backend: shows, live playlist, live events', () => {
  let s;
  before(async () => (s = await serve({ timing: { viewers: 5_000, heartbeat: 15_000, pin: 20_000, flashSale: 180_000, flashSaleFor: 60_000, stock: 20_000 } })));
  after(() => s.close());

  test('the live show document', async () => {
    const { status, json: show } = await call(s.base, 'GET', '/shows/live');
    assert.equal(status, 200);
    assert.equal(show.status, 'live');
    assert.equal(show.stream.src, `${s.base}/shows/live/live.m3u8`);
    assert.equal(show.stream.type, 'application/x-mpegURL');
    assert.equal(show.events, `${s.base}/shows/live/events`);
    assert.equal(show.products.length, 12);
    const byId = Object.fromEntries(show.products.map((p) => [p.id, p]));
    assert.equal(byId.p6.inventory, 3, 'low stock is published');
    assert.equal(byId.p7.available, false, 'sold out');
    assert.deepEqual(byId.p1.compareAtPrice, { amount: '39.00', currencyCode: 'EUR' });
    assert.equal(byId.p10.variants.length, 6, 'Size × Color');
    assert.deepEqual(byId.p10.variants[0].options, { Size: 'S', Color: 'Chalk' });
    for (const p of show.products) {
      assert.match(p.price.amount, /^\d+\.\d\d$/);
      assert.match(p.image, /^http:\/\//);
    }
  });

  test('the replay: ended, a VOD stream and ordered chapters of its products', async () => {
    const { json: show } = await call(s.base, 'GET', '/shows/replay');
    assert.equal(show.status, 'ended');
    assert.equal(show.events, undefined);
    assert.equal(show.stream.src, `${s.base}/media/replay.m3u8`);
    const ids = new Set(show.products.map((p) => p.id));
    assert.ok(show.chapters.length >= 6);
    assert.ok(show.chapters.every((c, i) => ids.has(c.productId) && (i === 0 || c.start > show.chapters[i - 1].start)));
    const vod = await call(s.base, 'GET', '/media/replay.m3u8');
    assert.equal(vod.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    assert.match(vod.text, /#EXT-X-ENDLIST/);
    const segment = await fetch(`${s.base}/media/seg00.ts`);
    assert.equal(segment.headers.get('content-type'), 'video/mp2t');
    assert.equal(new Uint8Array(await segment.arrayBuffer())[0], 0x47, 'an MPEG-TS sync byte');
  });

  test('the scheduled show: in the future, no stream, then live at its time', async () => {
    let { json: show } = await call(s.base, 'GET', '/shows/scheduled');
    assert.equal(show.status, 'scheduled');
    assert.equal(show.startsAt, new Date(START + 120_000).toISOString());
    assert.equal(show.stream, undefined);
    assert.match(show.poster, /poster-scheduled\.jpg$/);
    const poster = await fetch(show.poster);
    assert.equal(poster.headers.get('content-type'), 'image/jpeg');

    const events = sseReader(await fetch(show.events));
    await events.next((f) => f.event === 'status' && JSON.parse(f.data).status === 'scheduled');
    s.advance(121_000);
    await events.next((f) => f.event === 'status' && JSON.parse(f.data).status === 'live');
    ({ json: show } = await call(s.base, 'GET', '/shows/scheduled'));
    assert.equal(show.status, 'live');
    assert.equal(show.stream.src, `${s.base}/shows/scheduled/live.m3u8`);
    await events.cancel();
  });

  test('the live playlist slides with the clock, with PDT, pins and a discontinuity per loop', async () => {
    const first = (await call(s.base, 'GET', '/shows/live/live.m3u8')).text;
    assert.match(first, /^#EXTM3U/);
    assert.match(first, /#EXT-X-PROGRAM-DATE-TIME:\d{4}-\d\d-\d\dT/);
    const number = (tag, text) => Number(new RegExp(`#${tag}:(\\d+)`).exec(text)[1]);
    s.advance(30_000);
    const later = (await call(s.base, 'GET', '/shows/live/live.m3u8')).text;
    assert.equal(number('EXT-X-MEDIA-SEQUENCE', later) - number('EXT-X-MEDIA-SEQUENCE', first), 15, '30 s later: 15 segments of 2 s further');
    assert.equal(number('EXT-X-DISCONTINUITY-SEQUENCE', later) - number('EXT-X-DISCONTINUITY-SEQUENCE', first), 1, 'one loop further');
    // A 12 s window moved by 10 s at a time over 40 s sees the loop point and the 20 s pins.
    const pins = [];
    let discontinuities = 0;
    for (let i = 0; i < 4; i += 1) {
      s.advance(10_000);
      const text = (await call(s.base, 'GET', '/shows/live/live.m3u8')).text;
      discontinuities += text.match(/#EXT-X-DISCONTINUITY\n/g)?.length ?? 0;
      pins.push(...text.matchAll(/#EXT-X-DATERANGE:ID="([^"]+)",CLASS="com\.vitrine\.highlight",START-DATE="([^"]+)",X-PRODUCT-ID="([^"]+)"/g));
    }
    assert.ok(discontinuities >= 1, 'a discontinuity where the loop restarts');
    assert.ok(pins.length >= 1, 'a pin in the playlist');
    const { json: show } = await call(s.base, 'GET', '/shows/live');
    for (const [, , , productId] of pins) assert.ok(show.products.some((p) => p.id === productId));
  });

  test('SSE: ids on every event, snapshot on connect, highlights match the playlist pins, heartbeats', async () => {
    const res = await fetch(`${s.base}/shows/live/events`);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const events = sseReader(res);
    assert.equal((await events.next((f) => 'retry' in f)).retry, '2000');
    const status = await events.next((f) => f.event === 'status');
    assert.deepEqual(JSON.parse(status.data), { status: 'live' });
    assert.ok(status.id);
    const viewers = await events.next((f) => f.event === 'viewers');
    assert.ok(JSON.parse(viewers.data).count > 0);

    s.advance(20_000); // one pin period: one new pin
    const highlight = await events.next((f) => f.event === 'highlight');
    const pin = JSON.parse(highlight.data);
    assert.match(highlight.id, /^pin-\d+$/);
    assert.ok(Date.parse(pin.at) <= s.clock.now && Date.parse(pin.at) > s.clock.now - 20_000);
    // The playlist carries the same pin (same id, same moment) once its segment is out.
    s.advance(4_000);
    const playlist = (await call(s.base, 'GET', '/shows/live/live.m3u8')).text;
    assert.ok(
      playlist.includes(`ID="${highlight.id}",CLASS="com.vitrine.highlight",START-DATE="${pin.at}",X-PRODUCT-ID="${pin.productId}"`),
      playlist,
    );

    s.advance(15_000);
    await events.next((f) => f.comment === 'heartbeat');
    for (const f of events.frames.filter((x) => x.event)) assert.ok(f.id, `event ${f.event} has an id`);
    await events.cancel();
  });

  test('SSE: Last-Event-ID resumes with exactly the missed events', async () => {
    const a = sseReader(await fetch(`${s.base}/shows/live/events`));
    const seen = await a.next((f) => f.event === 'viewers'); // the snapshot's last event: the log's head
    await a.cancel();
    s.advance(5_000); // missed: a viewers event
    s.advance(5_000); // missed: another
    const b = sseReader(await fetch(`${s.base}/shows/live/events`, { headers: { 'Last-Event-ID': seen.id } }));
    await b.next((f) => f.event === 'viewers');
    await b.next((f) => f.event === 'viewers');
    await b.next(() => false, 200).catch(() => {}); // read whatever else arrives, consume nothing
    const replayed = [...b.frames];
    assert.ok(!replayed.some((f) => f.event === 'status'), 'no snapshot when resuming');
    assert.ok(!replayed.some((f) => f.event === 'viewers'), 'exactly two viewers events were missed');
    await b.cancel();
  });

  test('SSE: an unknown Last-Event-ID gets a fresh snapshot', async () => {
    const events = sseReader(await fetch(`${s.base}/shows/live/events`, { headers: { 'Last-Event-ID': 'e-long-gone' } }));
    assert.deepEqual(JSON.parse((await events.next((f) => f.event === 'status')).data), { status: 'live' });
    await events.cancel();
  });
});

describe('demo backend: flash sales and stock countdown', () => {
  let s;
  before(async () => (s = await serve({ timing: { viewers: 5_000, heartbeat: 15_000, pin: 20_000, flashSale: 180_000, flashSaleFor: 60_000, stock: 20_000 } })));
  after(() => s.close());

  test('flash sale: a product event with the lower price; the cart keeps the sale price after it ends', async () => {
    const events = sseReader(await fetch(`${s.base}/shows/live/events`));
    s.advance(180_000);
    const sale = await events.next((f) => f.event === 'product' && JSON.parse(f.data).id === 'p2');
    const product = JSON.parse(sale.data);
    assert.deepEqual(product.price, { amount: '119.00', currencyCode: 'EUR' }); // 149 - 20 %, to a half euro
    assert.deepEqual(product.compareAtPrice, { amount: '149.00', currencyCode: 'EUR' });
    assert.deepEqual(product.variants[0].price, product.price);
    assert.equal(product.image, `${s.base}/images/p2.svg`, 'absolute URLs in events too');
    const { json: doc } = await call(s.base, 'GET', '/shows/live');
    assert.deepEqual(doc.products.find((p) => p.id === 'p2').price, product.price, 'the show document agrees');

    const { json: cart } = await call(s.base, 'POST', '/cart', {});
    await call(s.base, 'POST', `/cart/${cart.id}/lines`, { productId: 'p2', variantId: 'p2-2', quantity: 1 });
    s.advance(60_000);
    const over = await events.next((f) => f.event === 'product' && JSON.parse(f.data).id === 'p2');
    assert.deepEqual(JSON.parse(over.data).price, { amount: '149.00', currencyCode: 'EUR' });
    assert.equal(JSON.parse(over.data).compareAtPrice, undefined);
    const kept = await call(s.base, 'GET', `/cart/${cart.id}`);
    assert.deepEqual(kept.json.lines[0].unitPrice, { amount: '119.00', currencyCode: 'EUR' });
    await events.cancel();
  });

  test('stock countdown: the low-stock product loses units, as product events', async () => {
    const events = sseReader(await fetch(`${s.base}/shows/live/events`));
    const before = (await call(s.base, 'GET', '/shows/live')).json.products.find((p) => p.id === 'p6').inventory;
    s.advance(20_000);
    const change = await events.next((f) => f.event === 'product' && JSON.parse(f.data).id === 'p6');
    assert.equal(JSON.parse(change.data).inventory, before - 1);
    await events.cancel();
  });
});

describe('demo backend: checkout page and basePath', () => {
  let s;
  before(
    async () =>
      (s = await serve({
        basePath: '/api',
        products: [{ id: 'x', title: '<img src=x onerror=alert(1)> & "friends"', price: '12.50', options: [], variants: [] }],
        stock: { x: 5 },
      })),
  );
  after(() => s.close());

  test('routes live under basePath only', async () => {
    assert.equal((await call(s.base, 'GET', '/shows/live')).status, 418);
    const { json: show } = await call(s.base, 'GET', '/api/shows/live');
    assert.equal(show.stream.src, `${s.base}/api/shows/live/live.m3u8`);
    const playlist = (await call(s.base, 'GET', '/api/shows/live/live.m3u8')).text;
    assert.match(playlist, /\n\/api\/media\/seg\d\d\.ts\n/);
  });

  test('the checkout page lists the handed-off cart, escaped, with its total', async () => {
    const { json: cart } = await call(s.base, 'POST', '/api/cart', {});
    const { json: filled } = await call(s.base, 'POST', `/api/cart/${cart.id}/lines`, { productId: 'x', quantity: 2 });
    assert.equal(filled.checkoutUrl, `${s.base}/api/checkout/${cart.id}`);
    const page = await call(s.base, 'GET', `/api/checkout/${cart.id}?utm_source=vitrine&utm_campaign=%3Cb%3E`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.ok(page.text.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;'));
    assert.ok(!page.text.includes('<img src=x'));
    assert.ok(page.text.includes('utm_campaign=&lt;b&gt;'));
    assert.match(page.text, /€25\.00/);
    const missing = await call(s.base, 'GET', '/api/checkout/nope');
    assert.equal(missing.status, 404);
  });
});
