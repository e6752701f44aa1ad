#!/usr/bin/env node
// What one viewer sends while watching a live show: the requests of 10 minutes of the demo's live
// show, counted at the backend by kind (show document, live events, cart), with whether each kind
// may be cached. Media (playlist, segments, images) is aside: a CDN serves it.
//
// The viewer is Vitrine's own client code from dist/, wired as <vitrine-show> wires it
// (components never fetch: everything a show requests goes through these): a ShowStore, the
// ShowSession (what <vitrine-show> uses) over the REST show adapter (the show document, then the SSE events client), and
// the CartService over the REST cart adapter (its load on start, one add to cart at minute 3, as a
// shopper who buys during the flash sale). Halfway through, the events server restarts (every
// connection dropped), so the reconnect is counted too.
//
// Time: the client's timers (Vitrine's dist/ code and its ky) run `--scale` times faster and the
// backend's timing is divided likewise (pins, viewers, heartbeats, sales), so 10 simulated minutes
// take 10/scale minutes of wall time; counts are per simulated minute. Node's own HTTP timers keep
// real time. A browser adds nothing of its own to these requests (no cache-busting parameter is
// added by the SDK; each request's URL is checked).
//
//   node bench/lib/traffic.mjs [--minutes 10] [--scale 20] [--json]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The kinds of request, how to recognise them, and whether a cache may serve them. */
const KINDS = [
  { kind: 'show document', test: /^\/shows\/[^/]+$/, cacheable: 'yes: ETag + Cache-Control public, max-age=5 (304 on If-None-Match)' },
  { kind: 'live events (SSE)', test: /^\/shows\/[^/]+\/events$/, cacheable: 'no: one long-lived stream per viewer' },
  { kind: 'cart', test: /^\/cart(\/|$)/, cacheable: "no: the viewer's own, changes on every add (private)" },
  { kind: 'interactions', test: /^\/shows\/[^/]+\/interactions(\/|$)/, cacheable: 'chat history: yes (short); posts: no' },
];

/** The SDK's `setTimeout` (dist/ and ky) `factor` times faster; everything else in real time. */
function scaleClientTimers(factor) {
  const real = globalThis.setTimeout;
  const client = /[\\/](dist|node_modules[\\/]ky)[\\/]/;
  globalThis.setTimeout = (fn, ms, ...args) => {
    const delay = Math.max(0, Number(ms) || 0);
    if (factor === 1 || !client.test(new Error().stack ?? '')) return real(fn, delay, ...args);
    return real(fn, delay / factor, ...args);
  };
  return real;
}

/**
 * @param {{ minutes?: number, scale?: number }} [options]
 */
export async function runTraffic({ minutes = 10, scale = 20 } = {}) {
  const dist = (path) => pathToFileURL(join(root, 'dist', path)).href;
  if (!existsSync(join(root, 'dist/core/session.js'))) throw new Error('dist/ is missing: run `npm run build`');
  const realTimeout = scaleClientTimers(scale);
  const sleepSim = (ms) => new Promise((done) => realTimeout(done, ms / scale));
  const [{ ShowStore }, { ShowSession }, { createRestShow, createRestCart }] = await Promise.all([
    import(dist('core/store.js')),
    import(dist('core/session.js')),
    import(dist('adapters/rest/index.js')),
  ]);
  const { createBackend, DEFAULT_TIMING } = await import(pathToFileURL(join(root, 'examples/backend/index.mjs')).href);
  const timing = Object.fromEntries(Object.entries(DEFAULT_TIMING).map(([k, v]) => [k, Math.max(10, v / scale)]));
  const backend = createBackend({ timing });

  const started = performance.now();
  const simMinute = () => ((performance.now() - started) * scale) / 60_000;
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const at = simMinute();
    // Logged when it ends (an events stream ends at a restart, or when the viewer leaves).
    res.on('close', () => log.push({ at, method: req.method, path: url.pathname, query: url.search, status: res.statusCode }));
    if (!(await backend.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}`;

  // The viewer: the ShowSession that <vitrine-show src cart> uses, with the REST show (the
  // document, then the SSE events) and the REST cart.
  const store = new ShowStore({ locale: 'en' });
  // Request timeouts guard against stalls in wall time; they keep 10 s of it under the fast clock
  // (this machine's load must not turn into timeouts that a real viewer would not see).
  const timeout = 10_000 * scale;
  const session = new ShowSession(store, {
    factories: {
      show: (url) => createRestShow(url, { timeout, events: { connectTimeout: timeout } }),
      restCart: (url, options) => createRestCart(url, { ...options, timeout }),
    },
  });
  session.configure({ src: `${base}/shows/live`, cartUrl: `${base}/cart` });
  session.attach();
  const loadBy = performance.now() + 60_000;
  while (!store.state.show && performance.now() < loadBy) await new Promise((done) => realTimeout(done, 20));
  if (!store.state.show) throw new Error('the show did not load');

  let added = null;
  const addAt = Math.min(3, minutes / 3);
  const restartAt = minutes / 2;
  let restarted = false;
  while (simMinute() < minutes) {
    if (!added && simMinute() >= addAt) {
      // The product on sale now if any (the flash sale), else the pinned one, else the first.
      const products = store.state.products;
      const product = products.find((p) => p.compareAtPrice) ?? products[0];
      const variant = product.variants.find((v) => v.available) ?? product.variants[0];
      added = new Promise((done) => store.bus.on('add-result', done));
      store.bus.emit('add-request', { product, variant, quantity: 1, source: null });
    }
    if (!restarted && simMinute() >= restartAt) {
      restarted = true;
      backend.drainEvents(); // a restart, with the server's usual retry: 2000
    }
    await sleepSim(1000);
  }
  await added;
  const receivedPins = store.state.highlight ? 1 : 0;
  session.detach();
  backend.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));

  // Open events requests are logged when they end: at the restart, and at the end above.
  const rows = KINDS.map(({ kind, test, cacheable }) => {
    const requests = log.filter((r) => test.test(r.path));
    return { kind, requests: requests.length, perMinute: requests.length / minutes, cacheable, methods: [...new Set(requests.map((r) => `${r.method} ${r.status}`))] };
  });
  const other = log.filter((r) => !KINDS.some(({ test }) => test.test(r.path)));
  const watching = log.filter((r) => !/^\/cart/.test(r.path));
  return {
    minutes,
    scale,
    total: log.length,
    perMinute: log.length / minutes,
    watchingPerMinute: watching.length / minutes,
    rows,
    other: other.map((r) => `${r.method} ${r.path}`),
    // A query the protocols define (the chat history's `limit`) is not cache-busting; any other is.
    withQuery: log.filter((r) => r.query && !(/\/interactions\/chat$/.test(r.path) && /^\?limit=\d+$/.test(r.query))).map((r) => `${r.method} ${r.path}${r.query}`),
    added: Boolean(added),
    pinSeen: receivedPins > 0,
    log,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const result = await runTraffic({ minutes: arg('minutes', 10), scale: arg('scale', 20) });
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    console.log(`${result.total} requests in ${result.minutes} min: ${result.perMinute.toFixed(2)}/min (${result.watchingPerMinute.toFixed(2)}/min without the cart)`);
    for (const r of result.rows) console.log(`  ${r.kind.padEnd(18)} ${String(r.requests).padStart(3)}  ${r.perMinute.toFixed(2)}/min  ${r.methods.join(', ')}  cacheable: ${r.cacheable}`);
    if (result.other.length) console.log(`  other: ${result.other.join(', ')}`);
    console.log(`  with a query string: ${result.withQuery.length ? result.withQuery.join(', ') : 'none'}`);
    for (const r of result.log.sort((a, b) => a.at - b.at)) console.log(`    ${r.at.toFixed(2)} min  ${r.method} ${r.path}${r.query} ${r.status}`);
  }
  process.exit(0);
}
