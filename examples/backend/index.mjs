// The Vitrine demo backend: show documents, a live HLS stream, live events, a REST cart and a
// checkout page (docs/show-document.md, docs/cart-protocol.md and docs/live-events.md), in plain Node with no dependencies.
//
//   import { createBackend } from './examples/backend/index.mjs';
//   const backend = createBackend({ basePath: '/api' });
//   http.createServer(async (req, res) => {
//     if (!(await backend.handle(req, res))) { res.writeHead(404).end(); }
//   }).listen({ port: 8080, backlog: 4096 }); // a backlog for a deal drop's burst of connections (bench/lib/burst.mjs)
//
// Routes (all under `basePath`): GET /shows/{live,replay,scheduled}, GET /shows/<id>/live.m3u8,
// GET /shows/<id>/events (SSE), POST /shows/<id>/pins, GET /media/*, GET /images/*, the cart
// protocol under /cart, GET /checkout/<cartId>. See "The demo and the examples" in README.md.
//
// Live events fan out through a hub and carts and deal stock live in a shared state (hub.mjs):
// in-process by default; `createRedisBackend` (redis.mjs) puts both in Redis, so several instances
// serve one show.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flashSaleOrder, initialStock, lineups, products as catalog } from './catalog.mjs';
import { checkoutPage } from './checkout-page.mjs';
import { createLivePlaylist, segmentsOf } from './hls/live-playlist.mjs';
import { createMemoryHub, createMemoryState } from './hub.mjs';
import { createTimeline } from './live.mjs';
import { createInteractions } from './interactions.mjs';
import { createMoments, MOMENT_TIMING } from './moments.mjs';
import { createShop, ShopError } from './shop.mjs';
import { createStudio } from './rtmp.mjs';
import { sendFile } from './static.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const MEDIA = here('./media/');
const IMAGES = here('./images/');

/** Milliseconds; every one can be overridden through `options.timing`. */
export const DEFAULT_TIMING = {
  tick: 250,
  viewers: 5_000,
  heartbeat: 15_000,
  flashSale: 180_000,
  flashSaleFor: 60_000,
  stock: 20_000,
  pin: 20_000,
  // Flash deals, announced codes, polls (moments.mjs).
  ...MOMENT_TIMING,
};

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Last-Event-ID, Cache-Control, Authorization',
  'Access-Control-Expose-Headers': 'Idempotent-Replayed, Retry-After, Date',
  'Access-Control-Max-Age': '600',
};
const MAX_BODY = 16 * 1024;

/** The first loop of segments of the replay playlist: what the live stream loops over. */
function loopSegments(playlist = 'replay.m3u8') {
  const all = segmentsOf(readFileSync(MEDIA + playlist, 'utf8'));
  const seen = new Set();
  return all.filter((s) => !seen.has(s.uri) && seen.add(s.uri));
}

/**
 * @param {object} [options]
 * @param {string} [options.basePath]  URL prefix of every route, such as '/api'; default ''
 * @param {() => number} [options.now]  the clock (epoch ms); default Date.now
 * @param {object[]} [options.products]  the catalog (see catalog.mjs for the shape)
 * @param {Record<string, number>} [options.stock]  units per variant id; default: catalog.mjs's initialStock
 * @param {string} [options.checkoutBase]  origin for URLs in documents; default: from the request's Host
 * @param {number} [options.liveStartedAt]  epoch ms the live show began; default: a minute before creation
 * @param {number} [options.scheduledStartsAt]  epoch ms the scheduled show goes live; default: in 10 minutes
 * @param {Partial<typeof DEFAULT_TIMING>} [options.timing]
 * @param {boolean} [options.sse]  false: shows have no `events` URL; default true
 * @param {boolean} [options.interactions]  false: shows have no `interactions` URL (watch-only); default true
 * @param {object} [options.chatTiming]  the simulated audience's pace (interactions.mjs CHAT_TIMING)
 * @param {string} [options.studioToken]  the studio's token; default: random
 * @param {{ limit: number, window: number }} [options.rateLimit]  chat posts per viewer per window (ms); default 5 per 10 s
 * @param {{ hlsDir: string }} [options.studio]  serve nginx-rtmp's HLS in `hlsDir` as the show `studio` (rtmp.mjs)
 * @param {import('./hub.mjs').Hub} [options.hub]  where live events fan out; default in-process (redis.mjs: Redis)
 * @param {import('./hub.mjs').SharedState} [options.state]  carts, deal stock and the show's clock
 *   shared between instances; default in-process
 */
export function createBackend(options = {}) {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const products = options.products ?? catalog;
  const created = now();
  const liveStartedAt = options.liveStartedAt ?? Math.floor((created - 60_000) / 10_000) * 10_000;
  const scheduledStartsAt = options.scheduledStartsAt ?? created + 10 * 60_000;
  const sse = options.sse ?? true;
  const hub = options.hub ?? createMemoryHub();
  const state = options.state ?? createMemoryState();
  const ids = new Set(products.map((p) => p.id));
  const lineup = (list) => (options.products ? products.map((p) => p.id) : list.filter((id) => ids.has(id)));

  // Origin-less URLs for what the shop module builds; made absolute per request in `documents`.
  const shop = createShop({
    products,
    stock: options.stock ?? initialStock(products),
    urls: { image: (id) => `${basePath}/images/${encodeURIComponent(id)}.svg`, product: (id) => `/#product-${encodeURIComponent(id)}` },
  });

  const segments = loopSegments();
  const pinEvery = (ids) => ({ period: timing.pin / 1000, offset: 4, productIds: ids });
  const liveLineup = lineup(lineups.live);
  const scheduledLineup = lineup(lineups.scheduled);
  const shows = {
    live: {
      id: 'live',
      doc: { id: 'winter-edit-live', title: 'The winter edit, live from the studio', poster: 'poster-live.jpg' },
      lineup: liveLineup,
      startedAt: liveStartedAt,
      statusAt: () => 'live',
      viewers: 1240,
      playlist: createLivePlaylist({ segments, startedAt: liveStartedAt, pinEvery: pinEvery(liveLineup), uriPrefix: `${basePath}/media/` }),
    },
    // The same live show, shot vertically (9:16): the phone stage's full-screen case.
    vertical: {
      id: 'vertical',
      doc: { id: 'winter-edit-vertical', title: 'The winter edit, live from the studio', poster: 'poster-vertical.jpg', aspectRatio: '9:16' },
      lineup: liveLineup,
      startedAt: liveStartedAt,
      statusAt: () => 'live',
      viewers: 1240,
      playlist: createLivePlaylist({ segments: loopSegments('vertical.m3u8'), startedAt: liveStartedAt, pinEvery: pinEvery(liveLineup), uriPrefix: `${basePath}/media/` }),
    },
    scheduled: {
      id: 'scheduled',
      doc: { id: 'spring-linen', title: 'The spring linen edit', poster: 'poster-scheduled.jpg' },
      lineup: scheduledLineup,
      // The stream is already running when the doors open, so the first viewers get a full window.
      startedAt: scheduledStartsAt - 12_000,
      startsAt: scheduledStartsAt,
      statusAt: (t) => (t >= scheduledStartsAt ? 'live' : 'scheduled'),
      viewers: 86,
      playlist: createLivePlaylist({
        segments,
        startedAt: scheduledStartsAt - 12_000,
        pinEvery: { ...pinEvery(scheduledLineup), offset: 16 },
        uriPrefix: `${basePath}/media/`,
      }),
    },
    replay: {
      id: 'replay',
      doc: { id: 'autumn-knits-replay', title: 'Autumn knits: watch it again', poster: 'poster-replay.jpg' },
      lineup: lineup(lineups.replay),
      startsAt: Math.floor((created - 3 * 86_400_000) / 3_600_000) * 3_600_000,
      statusAt: () => 'ended',
    },
  };

  // With shared state (Redis), one instance at a time holds the lease on the show's clock and moves
  // it (pins, viewers, sales, stock); the others relay what the hub delivers.
  const lease = { held: !state.shared };
  const renewLease = () =>
    state.lead('clock', 3 * timing.tick + 2000).then(
      (held) => {
        lease.held = held;
      },
      (error) => {
        lease.held = false;
        console.error('demo backend: lease:', error?.message ?? error);
      },
    );
  /** Sales and stock, as every instance should see them. */
  const shareShop = () => (state.shared ? state.set('shop', shop.live.snapshot()).catch((e) => console.error('demo backend:', e)) : undefined);
  async function loadShop() {
    if (!state.shared) return;
    const snapshot = await state.get('shop');
    if (snapshot) shop.live.restore(snapshot);
  }

  const timeline = createTimeline({
    now,
    timing,
    shop,
    hub,
    isLeader: () => lease.held,
    onShopChange: shareShop,
    productDocument: (id) => shop.productDocument(id), // site-root URLs; the events route adds each client's origin
    channels: sse ? [shows.live, shows.scheduled] : [],
    flashSaleOrder: flashSaleOrder.filter((id) => ids.has(id)),
    snapshot: () => moments.snapshot(),
  });
  const interactions = createInteractions({
    now,
    shows,
    timing: options.chatTiming,
    token: options.studioToken,
    rateLimit: options.rateLimit,
    publish: (id, event, data) => timeline.publish(id, event, data),
    productOf: (id) => products.find((p) => p.id === id),
    productOnScreen: (id, t) => {
      const show = shows[id];
      const pinned = studioPins.get(id);
      if (pinned && pinned.until > t) return pinned.productId;
      const i = Math.floor(((t - (show.startedAt ?? t)) / 1000 - (id === 'scheduled' ? 16 : 4)) / (timing.pin / 1000));
      return show.lineup[((i % show.lineup.length) + show.lineup.length) % show.lineup.length];
    },
    pinProduct: (id, productId) => {
      studioPins.set(id, { productId, until: now() + timing.pin });
      timeline.publish(id, 'highlight', { productId, at: new Date(now()).toISOString() });
    },
    send: (...args) => send(...args),
    readJson: (req) => readJson(req),
  });
  const studioPins = new Map();
  const moments = createMoments({
    now,
    shop,
    timing,
    publish: timeline.publishAll,
    publishFor: timeline.publishFor,
    state,
    share: shareShop,
    isLeader: () => lease.held,
    dealOrder: liveLineup.filter((id) => !flashSaleOrder.includes(id) && id !== 'p6'), // p6: the stock countdown's
    dealProducts: liveLineup,
    studioToken: interactions.token,
  });
  shop.setMoments(moments.hooks);
  const tick = () => {
    timeline.tick();
    interactions.tick();
    moments.tick();
  };
  const timer = setInterval(() => {
    if (state.shared) void renewLease();
    tick();
  }, timing.tick);
  timer.unref?.();
  // Go live from OBS (rtmp.mjs): the show `studio`, when nginx-rtmp writes its HLS into `studio.hlsDir`.
  const studio = options.studio && createStudio({ hlsDir: options.studio.hlsDir, basePath, products: (origin) => liveLineup.map((id) => productWithOrigin(id, origin)) });
  // The first instance on a shared state brings the catalog's stock; later ones take what is there.
  const ready = state.shared ? Promise.all([renewLease(), state.once('shop', shop.live.snapshot())]).then(() => {}) : Promise.resolve();

  /**
   * Runs a cart change alone for `cartId` (on every instance: the shared state's lock), with the
   * cart and the shop's sales loaded from the shared state first and the cart saved after.
   */
  function cartOp(cartId, fn) {
    return state.withLock(`cart:${cartId}`, async () => {
      if (state.shared) {
        const [doc] = await Promise.all([state.loadCart(cartId), loadShop()]);
        if (doc) shop.importCart(doc);
      }
      const result = await fn();
      if (state.shared) await state.saveCart(shop.exportCart(cartId));
      return result;
    });
  }

  // Flash deals (moments.mjs): an add or a line change runs through the moments, which charge a
  // running deal's price from its units (a shared counter) in the cart's lock.
  const addToCart = (cartId, body, key) => cartOp(cartId, () => moments.addLine(cartId, body, key));

  /** Pins `productId` now on show `showId` (a `highlight` event through the hub). */
  async function pin(showId, productId) {
    const entry = await hub.publish(showId, { event: 'highlight', data: { productId, at: new Date(now()).toISOString() }, id: `pin-${now().toString(36)}` });
    return { id: entry.id, productId };
  }

  /** The origin documents use: `checkoutBase`, else the request's own. */
  function originOf(req) {
    if (options.checkoutBase) return options.checkoutBase.replace(/\/+$/, '');
    const host = /^[a-z0-9.\-:[\]]{1,255}$/i.test(req.headers.host ?? '') ? req.headers.host : 'localhost';
    const proto = req.socket?.encrypted ? 'https' : 'http';
    return `${proto}://${host}`;
  }

  function showDocument(show, origin) {
    const t = now();
    const status = show.statusAt(t);
    const abs = (path) => origin + path;
    const doc = {
      id: show.doc.id,
      title: show.doc.title,
      status,
      poster: abs(`${basePath}/media/${show.doc.poster}`),
      host: { name: 'Ava Lindqvist', avatar: abs(`${basePath}/images/host-ava.svg`) },
      aspectRatio: show.doc.aspectRatio ?? '16:9',
    };
    if (show.startsAt !== undefined) doc.startsAt = new Date(show.startsAt).toISOString();
    else if (show.startedAt !== undefined) doc.startsAt = new Date(show.startedAt).toISOString();
    if (status === 'live') {
      doc.stream = { src: abs(`${basePath}/shows/${show.id}/live.m3u8`), type: 'application/x-mpegURL' };
    } else if (status === 'ended') {
      doc.stream = { src: abs(`${basePath}/media/replay.m3u8`), type: 'application/x-mpegURL' };
    }
    if (sse && timeline.has(show.id)) doc.events = abs(`${basePath}/shows/${show.id}/events`);
    if (options.interactions !== false) doc.interactions = abs(`${basePath}/shows/${show.id}/interactions`);
    doc.products = show.lineup.map((id) => productWithOrigin(id, origin));
    doc.chapters = status === 'ended' ? show.lineup.map((productId, i) => ({ productId, start: 2 + i * 11 })) : [];
    return doc;
  }

  function productWithOrigin(id, origin) {
    const p = shop.productDocument(id);
    return { ...p, url: origin + p.url, image: origin + p.image };
  }

  function cartWithOrigin(c, origin) {
    const doc = shop.cartDocument(c, `${origin}${basePath}/checkout/${encodeURIComponent(c.id)}`);
    for (const line of doc.lines) line.image = origin + line.image;
    return doc;
  }

  function send(res, status, body, headers = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      ...CORS,
      'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  }

  /**
   * A document every viewer shares (the show): an `ETag`, a short shared cache life, and 304 Not
   * Modified when the request's `If-None-Match` names the current version.
   */
  function sendCacheable(req, res, body) {
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 22)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'public, max-age=5, stale-while-revalidate=25' };
    const match = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (match.includes(etag) || match.includes('*')) {
      res.writeHead(304, { ...CORS, ...headers });
      res.end();
      return;
    }
    send(res, 200, text, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  }

  async function readJson(req) {
    let size = 0;
    const chunks = [];
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) throw new ShopError(400, 'invalid', 'Request body too large.');
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8').trim();
    if (!text) return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new ShopError(400, 'invalid', 'The body is not JSON.');
    }
  }

  /** Route table: [method, pattern, handler(match, req, res, origin)]. */
  const routes = [
    [
      'GET',
      /^\/shows\/(live|replay|scheduled|vertical)$/,
      async (m, req, res, origin) => {
        await loadShop();
        sendCacheable(req, res, showDocument(shows[m[1]], origin));
      },
    ],
    [
      'GET',
      /^\/shows\/(live|scheduled|vertical)\/live\.m3u8$/,
      (m, req, res) => {
        const text = shows[m[1]].playlist.playlist(now());
        res.writeHead(200, { ...CORS, 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-cache' });
        res.end(text);
      },
    ],
    [
      'GET',
      /^\/shows\/(live|scheduled)\/events$/,
      (m, req, res, origin) => {
        if (!sse) return send(res, 404, { error: { code: 'not_found', message: 'No live events.' } });
        res.writeHead(200, {
          ...CORS,
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        res.flushHeaders?.();
        return timeline.attach(m[1], req, res, origin);
      },
    ],
    [
      // The studio's pin button: every viewer, on every instance, gets this product as a highlight.
      'POST',
      /^\/shows\/(live|scheduled)\/pins$/,
      async (m, req, res) => {
        const { productId } = await readJson(req);
        if (!shop.has(productId) || !shows[m[1]].lineup.includes(productId)) throw new ShopError(404, 'not_found', 'No such product in this show.');
        send(res, 202, await pin(m[1], productId));
      },
    ],
    ['GET', /^\/media\/([\w.-]+)$/, (m, req, res) => file(req, res, MEDIA, m[1], /\.ts$/.test(m[1]) ? 'public, max-age=31536000, immutable' : 'no-cache')],
    ['GET', /^\/images\/([\w.-]+\.svg)$/, (m, req, res) => file(req, res, IMAGES, m[1], 'public, max-age=3600')],
    [
      'POST',
      /^\/cart$/,
      async (m, req, res, origin) => {
        const cart = shop.createCart();
        if (state.shared) await state.saveCart(shop.exportCart(cart.id));
        send(res, 201, cartWithOrigin(cart, origin));
      },
    ],
    ['GET', /^\/cart\/([^/]+)$/, async (m, req, res, origin) => send(res, 200, cartWithOrigin(await cartOp(m[1], () => shop.cart(m[1])), origin))],
    [
      'POST',
      /^\/cart\/([^/]+)\/lines$/,
      async (m, req, res, origin) => {
        const key = req.headers['idempotency-key'];
        const body = await readJson(req);
        const { cart, replayed } = await addToCart(m[1], body, typeof key === 'string' && key ? key.slice(0, 255) : undefined);
        send(res, 200, cartWithOrigin(cart, origin), replayed ? { 'Idempotent-Replayed': 'true' } : {});
      },
    ],
    [
      'PATCH',
      /^\/cart\/([^/]+)\/lines\/([^/]+)$/,
      async (m, req, res, origin) => {
        const body = await readJson(req);
        send(res, 200, cartWithOrigin(await cartOp(m[1], () => moments.updateLine(m[1], m[2], body)), origin));
      },
    ],
    [
      'DELETE',
      /^\/cart\/([^/]+)\/lines\/([^/]+)$/,
      async (m, req, res, origin) => send(res, 200, cartWithOrigin(await cartOp(m[1], () => moments.removeLine(m[1], m[2])), origin)),
    ],
    [
      'GET',
      /^\/checkout\/([^/]+)$/,
      async (m, req, res, origin) => {
        let cart = null;
        try {
          cart = cartWithOrigin(await cartOp(m[1], () => shop.cart(m[1])), origin);
        } catch (error) {
          if (!(error instanceof ShopError)) throw error;
        }
        const query = new URL(req.url, 'http://x').searchParams;
        const attribution = [...query].filter(([k]) => k.startsWith('utm_')).slice(0, 8);
        send(res, cart ? 200 : 404, checkoutPage(cart, { shopUrl: `${origin}/`, attribution }), {
          'Content-Security-Policy': "default-src 'none'; img-src 'self' data: http: https:; style-src 'unsafe-inline'",
        });
      },
    ],
    ...interactions.routes,
    ...moments.routes({ send, readJson, cartDoc: cartWithOrigin }),
  ];

  async function file(req, res, root, name, cacheControl) {
    const sent = await sendFile(req, res, root, name, { cacheControl, headers: CORS });
    if (!sent) send(res, 404, { error: { code: 'not_found', message: 'No such file.' } });
  }

  /**
   * Answers `req` if it is one of our routes. Resolves false (and touches nothing) otherwise.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = url.pathname;
    if (basePath) {
      if (!path.startsWith(basePath + '/')) return false;
      path = path.slice(basePath.length);
    }
    if (studio && (await studio.handle(path, req, res, originOf(req), { cors: CORS, readJson }).catch(() => false))) return true;
    const matching = routes.map(([method, pattern, fn]) => ({ method, match: pattern.exec(path), fn })).filter((r) => r.match);
    if (matching.length === 0) return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return true;
    }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = matching.find((r) => r.method === method);
    try {
      if (!route) {
        send(res, 405, { error: { code: 'invalid', message: `${req.method} is not allowed here.` } }, {
          Allow: [...new Set(matching.map((r) => r.method)), 'OPTIONS'].join(', '),
        });
        return true;
      }
      await route.fn(route.match, req, res, originOf(req));
    } catch (error) {
      if (res.headersSent) res.destroy();
      else if (error instanceof ShopError) send(res, error.status, { error: { code: error.code, message: error.message } });
      else {
        console.error('demo backend:', error);
        send(res, 500, { error: { code: 'internal', message: 'The demo backend failed.' } });
      }
    }
    return true;
  }

  return {
    handle,
    /** Advances the live timeline, the chat and the moments to `now()` (it also runs on a timer). */
    tick,
    /** Chat, reactions and the studio (interactions.mjs); `interactions.token` opens /studio. */
    interactions,
    /** The moments (deals, codes, polls): start them by hand, as the studio does (`moments.startDeal`). */
    moments,
    /** The studio's token: /studio, and the bearer token of POST /studio/api/*. */
    studioToken: interactions.token,
    close() {
      clearInterval(timer);
      moments.close();
      timeline.close();
      studio?.close();
    },
    /** The show document of `live`, `replay` or `scheduled` as GET /shows/<name> answers it (for server-side rendering, e.g. JSON-LD). */
    showDocument: (name, origin) => (Object.hasOwn(shows, name) ? showDocument(shows[name], origin) : undefined),
    /** Read-only peek for tests: products (with live sale state), stock per variant, carts. */
    state: shop.state,
    hub,
    shared: state,
    /** Resolves once the instance knows whether it moves the show (shared state: the lease). */
    ready,
    pin,
    /** Ends every live events connection, asking clients to come back after `retryMs` (a restart). */
    drainEvents: (retryMs) => timeline.drain(retryMs),
    eventClients: (showId) => timeline.clients(showId),
    basePath,
    liveStartedAt,
    scheduledStartsAt,
  };
}

/** A Koa-style middleware (web-test-runner's test servers) that answers our routes. */
export function koaMiddleware(backend) {
  return async (ctx, next) => {
    if (await backend.handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    return next();
  };
}
