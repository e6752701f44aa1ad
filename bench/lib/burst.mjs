#!/usr/bin/env node
// A deal burst: N viewers add the deal product in the same second, each through Vitrine's own
// REST cart adapter (dist/adapters/rest: a cart made on the first add, an Idempotency-Key on
// every add, one retry with the same key), against the demo backend running a flash deal of
// `limit` units. A share of the first answers is lost on the way back (the server did the add, the
// client sees a network error), so the adapter retries: the server must answer the retry from the
// key, not add again. Checked from the backend's own state afterwards: no add lost, none doubled,
// the deal's units never oversold.
//
//   node bench/lib/burst.mjs --viewers 1000 --limit 100 [--loss 0.1] [--redis redis://…]
//
// `--redis URL`: two backend instances on that Redis, viewers alternating between them (a load
// balancer without affinity), so the deal's counter and the carts are shared for real.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LISTEN_BACKLOG = 4096;
const PRODUCT = 'p11';

async function serve(backend) {
  const server = createServer(async (req, res) => {
    if (!(await backend.handle(req, res))) res.writeHead(404).end();
  });
  // A thousand viewers connect within one second: Node's default backlog (511) would overflow
  // the kernel's accept queue, its SYNs dropped and retried after 1, 3, 7 s … until the client's
  // connect timeout (see LISTEN_BACKLOG in examples/backend/index.mjs).
  await new Promise((done) => server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, done));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    async close() {
      await backend.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** What a failure came from: the error's chain of causes, as `message [code] < cause …`. */
function why(error) {
  const parts = [];
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) parts.push(`${e.message ?? e}${e.code && depth > 0 ? ` [${e.code}]` : ''}`);
  return parts.join(' < ');
}

/**
 * @param {{ viewers?: number, limit?: number, loss?: number, redisUrl?: string }} [options]
 */
export async function runBurst({ viewers = 1000, limit = 100, loss = 0.1, redisUrl } = {}) {
  const adapter = join(root, 'dist/adapters/rest/index.js');
  if (!existsSync(adapter)) throw new Error('dist/adapters/rest/index.js is missing: run `npm run build`');
  const { createRestCart } = await import(pathToFileURL(adapter).href);
  const { createBackend } = await import(pathToFileURL(join(root, 'examples/backend/index.mjs')).href);
  const never = 2 ** 30;
  const settings = { timing: { flashSale: never, stock: never }, stock: { [PRODUCT]: limit } };

  let backends;
  if (redisUrl) {
    const { createRedisBackend } = await import(pathToFileURL(join(root, 'examples/backend/redis.mjs')).href);
    const prefix = `burst-${Date.now().toString(36)}`;
    backends = [await createRedisBackend(redisUrl, { ...settings, redisPrefix: prefix }), await createRedisBackend(redisUrl, { ...settings, redisPrefix: prefix })];
  } else {
    backends = [createBackend(settings)];
  }
  const servers = await Promise.all(backends.map(serve));
  // The demo's flash deal (moments.mjs): `limit` units, no per-shopper limit, 20 % off.
  const deal = await backends[0].moments.startDeal({ productId: PRODUCT, units: limit, limit: 0, percent: 20, seconds: 600, id: `burst-${Date.now().toString(36)}` });

  // Each viewer: its own cart adapter, on "its" instance; a share of first add answers lost.
  let lost = 0;
  let replayed = 0;
  const keys = new Set();
  const lossyFetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    if (request.method !== 'POST' || !/\/lines$/.test(request.url)) return response;
    if (response.headers.get('idempotent-replayed') === 'true') replayed += 1;
    const key = request.headers.get('idempotency-key');
    const first = !keys.has(key);
    keys.add(key);
    if (first && Math.random() < loss) {
      await response.body?.cancel();
      lost += 1;
      throw new TypeError('fetch failed (the answer was lost on its way back)');
    }
    return response;
  };
  // A long timeout: a thousand clients share this one process (and its CPU), which a thousand
  // phones would not; a slow answer here is the simulation's queue, not a failure to count.
  const carts = Array.from({ length: viewers }, (_, i) => createRestCart(`${servers[i % servers.length].base}/cart`, { fetch: lossyFetch, timeout: 120_000 }));

  const started = performance.now();
  const outcomes = await Promise.all(
    carts.map(async (cart, i) => {
      // Spread over one second, as taps are.
      await new Promise((done) => setTimeout(done, (i / viewers) * 1000));
      const t0 = performance.now();
      try {
        const result = await cart.addLine({ productId: PRODUCT, variantId: PRODUCT, quantity: 1 }, new AbortController().signal);
        return { ok: true, ms: performance.now() - t0, cart: result };
      } catch (error) {
        return { ok: false, ms: performance.now() - t0, code: error?.code ?? String(error), why: why(error) };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // The backend's own record: every cart the viewers got, as the server keeps it now.
  const ids = carts.map((c) => c.cartId).filter(Boolean);
  const docs = await Promise.all(ids.map((id, i) => fetch(`${servers[i % servers.length].base}/cart/${id}`).then((r) => r.json())));
  const quantities = docs.map((d) => d.lines.filter((l) => l.productId === PRODUCT).reduce((n, l) => n + l.quantity, 0));
  const atDealPrice = docs.flatMap((d) => d.lines).filter((l) => l.productId === PRODUCT && l.unitPrice.amount === deal.price.amount);
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const added = outcomes.filter((o) => o.ok).length;
  const refused = outcomes.filter((o) => !o.ok && o.code === 'cart/out-of-stock').length;
  const result = {
    viewers,
    limit,
    instances: servers.length,
    seconds,
    addsPerSecond: viewers / seconds,
    p50: times[Math.floor(times.length / 2)],
    p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))],
    added,
    refused,
    failed: viewers - added - refused,
    failures: [...new Set(outcomes.filter((o) => !o.ok && o.code !== 'cart/out-of-stock').map((o) => `${o.code} (${o.why})`))].slice(0, 5),
    answersLost: lost,
    replayed,
    // Carts with more of the product than the one tap asked for: a doubled add.
    doubled: quantities.filter((q) => q > 1).length,
    // The viewer was told "added" but its cart does not have it: a lost add.
    lostAdds: outcomes.filter((o, i) => o.ok && quantities[ids.indexOf(carts[i].cartId)] !== 1).length,
    soldAtDealPrice: atDealPrice.reduce((n, l) => n + l.quantity, 0),
    unitsLeft: await backends[0].shared.counter(`deal:${deal.id}`),
  };
  await Promise.all(servers.map((s) => s.close()));
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const result = await runBurst({
    viewers: Number(arg('viewers', 1000)),
    limit: Number(arg('limit', 100)),
    loss: Number(arg('loss', 0.1)),
    redisUrl: arg('redis', undefined),
  });
  console.log(JSON.stringify(result, null, process.argv.includes('--json') ? 0 : 2));
  process.exit(0);
}
