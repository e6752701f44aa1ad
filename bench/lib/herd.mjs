#!/usr/bin/env node
// A restart without a thundering herd: N viewers, each one Vitrine's own live events client
// (dist/adapters/sse, the code a browser runs, over Node's fetch), connect to the demo backend's
// live show on loopback. The server then drops every connection at once, as a restarting server
// does, with `retry: 30000` ("come back within 30 s"), and keeps pinning products while they are
// away. Measured: when each client tried to come back (the histogram: what its back-off and jitter
// decided), whether any had to try twice (a second wave), whether each reached the server with
// `Last-Event-ID`, and whether each received every pin published after the drop (the replay).
//
//   node bench/lib/herd.mjs --viewers 1000 [--scale 1] [--json]
//
// `--scale S` runs the clients' timers S times faster (every `setTimeout` that Vitrine's dist/ code
// or its ky sets is divided by S once all viewers are connected; the backend's timing likewise) and
// reports times in the simulated seconds: a 30 s spread takes 30/S s of wall time. The bench runs
// at scale 1 (real time); the node test at a higher scale. Runs in its own process (the scaled
// clock must not reach anything else), `npm run build` first.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DRAIN_RETRY_MS = 30_000;

/**
 * The client's `setTimeout` (Vitrine's dist/ code and its ky) divided by `scale.factor`, from the
 * moment the factor is set. Node's own HTTP timers (undici's keep-alive, the server's) keep real
 * time: scaling those too makes sockets expire under requests, which no real client sees.
 */
function installScaledTimers() {
  const real = globalThis.setTimeout;
  const scale = { factor: 1, real };
  const client = /[\\/](dist|node_modules[\\/]ky)[\\/]/;
  globalThis.setTimeout = (fn, ms, ...args) => {
    const delay = Math.max(0, Number(ms) || 0);
    if (scale.factor === 1 || !client.test(new Error().stack ?? '')) return real(fn, delay, ...args);
    return real(fn, delay / scale.factor, ...args);
  };
  return scale;
}

/**
 * @param {{ viewers?: number, scale?: number, log?: (line: string) => void }} [options]
 */
export async function runHerd({ viewers = 1000, scale: factor = 1, log = () => {} } = {}) {
  const adapter = join(root, 'dist/adapters/sse/index.js');
  if (!existsSync(adapter)) throw new Error('dist/adapters/sse/index.js is missing: run `npm run build`');
  const scale = installScaledTimers();
  const { createSseEvents } = await import(pathToFileURL(adapter).href);
  const { createBackend } = await import(pathToFileURL(join(root, 'examples/backend/index.mjs')).href);

  const never = 2 ** 30;
  const backend = createBackend({
    timing: { tick: Math.max(10, 250 / factor), heartbeat: 15_000 / factor, viewers: 5_000 / factor, pin: never, flashSale: never, stock: never },
  });
  const simNow = () => performance.now() * factor; // simulated milliseconds
  /** Per viewer: the simulated times of its events requests, and whether each had Last-Event-ID. */
  const requests = Array.from({ length: viewers }, () => []);
  const server = createServer(async (req, res) => {
    const who = Number(req.headers['x-viewer']);
    if (req.url === '/shows/live/events' && Number.isInteger(who)) requests[who]?.push({ t: simNow(), lastId: req.headers['last-event-id'] ?? null });
    if (!(await backend.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/shows/live/events`;

  // 1. Everyone connects (real time), and has seen the first pin.
  const pinsSeen = Array.from({ length: viewers }, () => new Set());
  const attempts = Array.from({ length: viewers }, () => []);
  const errors = [];
  const stops = [];
  const waitUntil = async (predicate, realMs) => {
    const deadline = Date.now() + realMs;
    while (!predicate() && Date.now() < deadline) await new Promise((done) => scale.real(done, 10));
    return predicate();
  };
  // In batches of 50, each connected before the next: this is a join, not the herd under test.
  for (let i = 0; i < viewers; i += 1) {
    // The connect timeout guards against stalls in wall time; here all clients share one process
    // (a fetch costs ~15 ms of its CPU), so it keeps its 10 s of wall time under a faster clock.
    const events = createSseEvents(url, {
      headers: { 'x-viewer': String(i) },
      connectTimeout: 10_000 * factor,
      // When the client decides to (re)connect: what the adapter's back-off and jitter produce,
      // before the one-process simulation's own queueing delays the request's arrival.
      fetch: (input, init) => {
        attempts[i].push(simNow());
        return fetch(input, init);
      },
    });
    stops.push(
      events.subscribe(
        (event) => {
          if (event.type === 'highlight' && event.id) pinsSeen[i].add(event.id);
        },
        (error) => errors.push(`${error.code}: ${error.message} ${error.cause?.name ?? ''}`.trim()),
      ),
    );
    if (i % 50 === 49 || i === viewers - 1) {
      const batch = i + 1;
      if (!(await waitUntil(() => backend.eventClients('live') >= batch, 120_000))) {
        throw new Error(`only ${backend.eventClients('live')} of ${batch} viewers connected`);
      }
    }
  }
  log(`herd: ${viewers} viewers connected`);
  const before = await backend.pin('live', 'p1');
  await waitUntil(() => pinsSeen.every((s) => s.has(before.id)), 30_000);
  log(`herd: ${viewers} viewers connected; dropping every connection (retry: ${DRAIN_RETRY_MS})`);

  // 2. The restart: every connection dropped at once; the show goes on (a pin every simulated
  // second) while the viewers are away. From here on the clock runs `factor` times faster.
  scale.factor = factor;
  const requestsBefore = requests.map((r) => r.length);
  const attemptsBefore = attempts.map((a) => a.length);
  const dropAt = simNow();
  backend.drainEvents(DRAIN_RETRY_MS);
  const published = [];
  const horizon = DRAIN_RETRY_MS * 2.5; // simulated: long enough for a late back-off to show as a second wave
  const pinner = setInterval(() => {
    void backend.pin('live', ['p2', 'p5', 'p8'][published.length % 3]).then((p) => published.push(p.id));
  }, 1000 / factor);
  const allBack = () => backend.eventClients('live') >= viewers;
  await waitUntil(() => simNow() - dropAt >= horizon || (allBack() && simNow() - dropAt >= DRAIN_RETRY_MS * 1.5), (horizon / factor) * 1.5 + 10_000);
  clearInterval(pinner);
  const last = await backend.pin('live', 'p9');
  published.push(last.id);
  await waitUntil(() => pinsSeen.every((s) => s.has(last.id)), 10_000);

  // 3. What happened.
  const after = requests.map((r, i) => r.slice(requestsBefore[i]));
  const tried = attempts.map((a, i) => a.slice(attemptsBefore[i]));
  const firstBack = tried.map((a) => (a.length ? (a[0] - dropAt) / 1000 : NaN));
  const arrivals = after.map((r) => (r[0] ? (r[0].t - dropAt) / 1000 : NaN)).filter(Number.isFinite);
  const back = firstBack.filter(Number.isFinite).sort((a, b) => a - b);
  const bucket = 2; // seconds
  const histogram = [];
  for (const t of back) {
    const i = Math.floor(t / bucket);
    while (histogram.length <= i) histogram.push(0);
    histogram[i] += 1;
  }
  const result = {
    viewers,
    scale: factor,
    retry: DRAIN_RETRY_MS,
    reconnected: after.filter((r) => r.length > 0).length,
    first: back[0],
    median: back[Math.floor(back.length / 2)],
    p99: back[Math.min(back.length - 1, Math.floor(back.length * 0.99))],
    last: back.at(-1),
    spread: back.at(-1) - back[0],
    bucketSeconds: bucket,
    histogram,
    peakPerSecond: Math.max(...histogram) / bucket,
    /** When the last request reached the server (the simulation's own queueing included). */
    lastArrival: Math.max(...arrivals),
    // A second wave: a viewer that had to come back more than once (a failed or dropped reconnect).
    secondWave: tried.filter((a) => a.length > 1).length,
    withoutLastEventId: after.filter((r) => r[0] && !r[0].lastId).length,
    pinsPublished: published.length,
    // Every pin published after the drop reached every viewer (replayed or live): nothing lost.
    complete: pinsSeen.filter((s) => published.every((id) => s.has(id))).length,
    onLatest: pinsSeen.filter((s) => s.has(last.id)).length,
    errors: errors.length,
    errorSample: [...new Set(errors)].slice(0, 3),
  };
  for (const stop of stops) stop();
  backend.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  return result;
}

/** The histogram as text bars, one line per bucket. */
export function histogramLines({ histogram, bucketSeconds }, width = 40) {
  const peak = Math.max(1, ...histogram);
  return histogram.map((n, i) => {
    const from = String(i * bucketSeconds).padStart(3);
    const to = String((i + 1) * bucketSeconds).padEnd(3);
    return `${from}–${to}s ${String(n).padStart(5)} ${'█'.repeat(Math.round((n / peak) * width))}`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const json = process.argv.includes('--json');
  const result = await runHerd({ viewers: arg('viewers', 1000), scale: arg('scale', 1), log: json ? () => {} : console.log });
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    console.log(JSON.stringify({ ...result, histogram: undefined }, null, 2));
    console.log(histogramLines(result).join('\n'));
  }
  process.exit(0);
}
