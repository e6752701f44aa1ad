// The Vitrine demo backend: show documents, a live HLS stream, live events, a REST cart and a
// checkout page (CONTRACT.md sections 4 to 6), in plain Node with no dependencies.
//
//   import { createBackend } from './examples/backend/index.mjs';
//   const backend = createBackend({ basePath: '/api' });
//   http.createServer(async (req, res) => {
//     if (!(await backend.handle(req, res))) { res.writeHead(404).end(); }
//   }).listen(8080);
//
// Routes (all under `basePath`): GET /shows/{live,replay,scheduled}, GET /shows/<id>/live.m3u8,
// GET /shows/<id>/events (SSE), GET /media/*, GET /images/*, the cart protocol under /cart,
// GET /checkout/<cartId>. See README.md beside this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flashSaleOrder, initialStock, lineups, products as catalog } from './catalog.mjs';
import { checkoutPage } from './checkout-page.mjs';
import { createLivePlaylist, segmentsOf } from './hls/live-playlist.mjs';
import { createTimeline } from './live.mjs';
import { createMoments, MOMENT_TIMING } from './moments.mjs';
import { createShop, ShopError } from './shop.mjs';
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
  'Access-Control-Expose-Headers': 'Idempotent-Replayed, Date',
  'Access-Control-Max-Age': '600',
};
const MAX_BODY = 16 * 1024;

/** The first loop of segments of the replay playlist: what the live stream loops over. */
function loopSegments() {
  const all = segmentsOf(readFileSync(MEDIA + 'replay.m3u8', 'utf8'));
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
 * @param {string} [options.studioToken]  bearer token of POST /studio/api/*; default: random (`backend.studioToken`)
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
      doc: { id: 'autumn-knits-replay', title: 'Autumn knits: the replay', poster: 'poster-replay.jpg' },
      lineup: lineup(lineups.replay),
      startsAt: Math.floor((created - 3 * 86_400_000) / 3_600_000) * 3_600_000,
      statusAt: () => 'ended',
    },
  };

  const timeline = createTimeline({
    now,
    timing,
    shop,
    productDocument: (id) => {
      const product = shop.productDocument(id); // the state now; the origin comes per client
      return (origin) => ({ ...product, url: origin + product.url, image: origin + product.image });
    },
    channels: sse ? [shows.live, shows.scheduled] : [],
    flashSaleOrder: flashSaleOrder.filter((id) => ids.has(id)),
    snapshot: () => moments.snapshot(),
  });
  const moments = createMoments({
    now,
    shop,
    timing,
    publish: timeline.publish,
    dealOrder: liveLineup.filter((id) => !flashSaleOrder.includes(id) && id !== 'p6'), // p6: the stock countdown's
    studioToken: options.studioToken,
  });
  shop.setMoments(moments.hooks);
  const tick = () => {
    timeline.tick();
    moments.tick();
  };
  const timer = setInterval(tick, timing.tick);
  timer.unref?.();

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
      aspectRatio: '16:9',
    };
    if (show.startsAt !== undefined) doc.startsAt = new Date(show.startsAt).toISOString();
    else if (show.startedAt !== undefined) doc.startsAt = new Date(show.startedAt).toISOString();
    if (status === 'live') {
      doc.stream = { src: abs(`${basePath}/shows/${show.id}/live.m3u8`), type: 'application/x-mpegURL' };
    } else if (status === 'ended') {
      doc.stream = { src: abs(`${basePath}/media/replay.m3u8`), type: 'application/x-mpegURL' };
    }
    if (sse && timeline.has(show.id)) doc.events = abs(`${basePath}/shows/${show.id}/events`);
    // Votes (moments.mjs); the chat may share this base URL.
    if (status !== 'ended' && timeline.has(show.id)) doc.interactions ??= abs(`${basePath}/shows/${show.id}/interactions`);
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
    ['GET', /^\/shows\/(live|replay|scheduled)$/, (m, req, res, origin) => send(res, 200, showDocument(shows[m[1]], origin))],
    [
      'GET',
      /^\/shows\/(live|scheduled)\/live\.m3u8$/,
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
        timeline.attach(m[1], req, res, origin);
      },
    ],
    ['GET', /^\/media\/([\w.-]+)$/, (m, req, res) => file(req, res, MEDIA, m[1], /\.ts$/.test(m[1]) ? 'public, max-age=31536000, immutable' : 'no-cache')],
    ['GET', /^\/images\/([\w.-]+\.svg)$/, (m, req, res) => file(req, res, IMAGES, m[1], 'public, max-age=3600')],
    ['POST', /^\/cart$/, (m, req, res, origin) => send(res, 201, cartWithOrigin(shop.createCart(), origin))],
    ['GET', /^\/cart\/([^/]+)$/, (m, req, res, origin) => send(res, 200, cartWithOrigin(shop.cart(m[1]), origin))],
    [
      'POST',
      /^\/cart\/([^/]+)\/lines$/,
      async (m, req, res, origin) => {
        const key = req.headers['idempotency-key'];
        const body = await readJson(req);
        const { cart, replayed } = shop.addLine(m[1], body, typeof key === 'string' && key ? key.slice(0, 255) : undefined);
        send(res, 200, cartWithOrigin(cart, origin), replayed ? { 'Idempotent-Replayed': 'true' } : {});
      },
    ],
    [
      'PATCH',
      /^\/cart\/([^/]+)\/lines\/([^/]+)$/,
      async (m, req, res, origin) => send(res, 200, cartWithOrigin(shop.updateLine(m[1], m[2], await readJson(req)), origin)),
    ],
    ['DELETE', /^\/cart\/([^/]+)\/lines\/([^/]+)$/, (m, req, res, origin) => send(res, 200, cartWithOrigin(shop.removeLine(m[1], m[2]), origin))],
    [
      'GET',
      /^\/checkout\/([^/]+)$/,
      (m, req, res, origin) => {
        let cart = null;
        try {
          cart = cartWithOrigin(shop.cart(m[1]), origin);
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
    /** Advances the live timeline and the moments to `now()` (it also runs on a timer). */
    tick,
    /** The moments (deals, codes, polls): start them by hand, as the studio does. */
    moments,
    /** The bearer token of POST /studio/api/*. */
    studioToken: moments.studioToken,
    close() {
      clearInterval(timer);
      timeline.close();
    },
    /** Read-only peek for tests: products (with live sale state), stock per variant, carts. */
    state: shop.state,
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
