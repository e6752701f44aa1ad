#!/usr/bin/env node
// A restart without a thundering herd: N viewers, each one Vitrine's own live events client
// (dist/adapters/sse, the code a browser runs, over Node's fetch), connect to the demo backend's
// live show on loopback. The server then drops every connection at once, as a restarting server
// does, with `retry: 30000` ("come back within 30 s"), and keeps pinning products while they are
// away. Measured: when each client tried to come back (the histogram: what its back-off and jitter
// decided), whether any had to try twice (a second wave), whether each reached the server with
// `Last-Event-ID`, and whether each received every pin published after the drop (the replay).
//
//   node bench/lib/herd.mjs --viewers 1000 [--scale 1] [--horizon 75] [--json]
//
// The viewers run in a few client processes (about 125 each), the server in this one: one
// process for all would spend its time in the clients' fetch machinery, not in the server.
// `--scale S` runs the clients' timers S times faster (every `setTimeout` that Vitrine's dist/ code
// or its ky sets is divided by S from the drop on; the backend's timing likewise) and reports times
// in simulated seconds: a 30 s spread takes 30/S s of wall time. A faster clock also multiplies
// this machine's timer lateness, so the bench and the node test run at scale 1. `--horizon` is how
// long after the drop (s) late and second attempts are watched for. `npm run build` first.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const self = fileURLToPath(import.meta.url);
export const DRAIN_RETRY_MS = 30_000;
const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function waitUntil(predicate, realMs) {
  const deadline = Date.now() + realMs;
  while (!predicate() && Date.now() < deadline) await sleep(10);
  return predicate();
}

/**
 * @param {{ viewers?: number, scale?: number, horizon?: number, log?: (line: string) => void }} [options]
 *   `horizon`: how long (simulated seconds after the drop) to watch for late and second attempts
 */
export async function runHerd({ viewers = 1000, scale: factor = 1, horizon = (DRAIN_RETRY_MS / 1000) * 2.5, log = () => {} } = {}) {
  if (!existsSync(join(root, 'dist/adapters/sse/index.js'))) throw new Error('dist/adapters/sse/index.js is missing: run `npm run build`');
  const { createBackend } = await import(pathToFileURL(join(root, 'examples/backend/index.mjs')).href);
  const never = 2 ** 30;
  const backend = createBackend({
    timing: { tick: Math.max(10, 250 / factor), heartbeat: 15_000 / factor, viewers: 5_000 / factor, pin: never, flashSale: never, stock: never },
  });
  /** Per viewer: the wall times of its events requests, and whether each had Last-Event-ID. */
  const requests = Array.from({ length: viewers }, () => []);
  const server = createServer(async (req, res) => {
    const who = Number(req.headers['x-viewer']);
    if (req.url === '/shows/live/events' && Number.isInteger(who)) requests[who]?.push({ t: wallNow(), lastId: req.headers['last-event-id'] ?? null });
    if (!(await backend.handle(req, res))) res.writeHead(404).end();
  });
  // A thousand viewers connect at once: a backlog past Node's default 511 (see burst.mjs).
  await new Promise((done) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, done));
  const url = `http://127.0.0.1:${server.address().port}/shows/live/events`;

  // 1. The viewers join (real time), in client processes of about 125 viewers each.
  const groups = Math.max(1, Math.min(8, Math.ceil(viewers / 125)));
  const clients = [];
  for (let g = 0; g < groups; g += 1) {
    const from = Math.floor((g * viewers) / groups);
    const to = Math.floor(((g + 1) * viewers) / groups);
    const child = fork(self, ['--client', url, String(from), String(to), String(factor)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const inbox = [];
    child.on('message', (m) => inbox.push(m));
    clients.push({ child, inbox, from, to });
  }
  const ask = async (message, realMs = 120_000) => {
    for (const c of clients) c.child.send(message);
    const ok = await waitUntil(() => clients.every((c) => c.inbox.some((m) => m.re === message.type)), realMs);
    if (!ok) throw new Error(`herd: the clients did not answer ${message.type}`);
    return clients.map((c) => c.inbox.find((m) => m.re === message.type));
  };
  try {
    await ask({ type: 'join' }, 300_000);
    if (!(await waitUntil(() => backend.eventClients('live') >= viewers, 240_000))) {
      throw new Error(`only ${backend.eventClients('live')} of ${viewers} viewers connected`);
    }
    const before = await backend.pin('live', 'p1');
    await ask({ type: 'seen', id: before.id }, 60_000);
    log(`herd: ${viewers} viewers in ${groups} client processes connected; dropping every connection (retry: ${DRAIN_RETRY_MS})`);

    // 2. The restart: every connection dropped at once; the show goes on (a pin every simulated
    // second) while the viewers are away. From here on the clients' clock runs `factor` times faster.
    await ask({ type: 'drop' });
    const requestsBefore = requests.map((r) => r.length);
    const dropAt = wallNow();
    backend.drainEvents(DRAIN_RETRY_MS);
    const published = [];
    const simSince = () => ((wallNow() - dropAt) * factor) / 1000;
    const pinner = setInterval(() => {
      void backend.pin('live', ['p2', 'p5', 'p8'][published.length % 3]).then((p) => published.push(p.id));
    }, 1000 / factor);
    await waitUntil(() => simSince() >= horizon, (horizon * 1000) / factor + 1000);
    clearInterval(pinner);
    const last = await backend.pin('live', 'p9');
    published.push(last.id);
    await sleep(2000);
    const reports = await ask({ type: 'report', published, last: last.id });
    const tried = reports.flatMap((r) => r.attempts); // per viewer: wall times of attempts after the drop
    const complete = reports.reduce((n, r) => n + r.complete, 0);
    const onLatest = reports.reduce((n, r) => n + r.onLatest, 0);
    const errors = reports.flatMap((r) => r.errors);

    // 3. What happened.
    const after = requests.map((r, i) => r.slice(requestsBefore[i]));
    const sim = (t) => ((t - dropAt) * factor) / 1000;
    const back = tried.map((a) => (a.length ? sim(a[0]) : NaN)).filter(Number.isFinite).sort((a, b) => a - b);
    const arrivals = after.map((r) => (r[0] ? sim(r[0].t) : NaN)).filter(Number.isFinite);
    const bucket = 2; // seconds
    const histogram = [];
    for (const t of back) {
      const i = Math.floor(t / bucket);
      while (histogram.length <= i) histogram.push(0);
      histogram[i] += 1;
    }
    return {
      viewers,
      scale: factor,
      clientProcesses: groups,
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
      // A second wave: a viewer that had to try more than once (a failed or dropped reconnect).
      secondWave: tried.filter((a) => a.length > 1).length,
      withoutLastEventId: after.filter((r) => r[0] && !r[0].lastId).length,
      pinsPublished: published.length,
      // Every pin published after the drop reached the viewer (replayed or live): nothing lost.
      complete,
      onLatest,
      errors: errors.length,
      errorSample: [...new Set(errors)].slice(0, 3),
    };
  } finally {
    for (const c of clients) c.child.kill();
    backend.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

/** A client process: viewers `from` to `to`, driven by the parent's messages. */
async function client(url, from, to, factor) {
  // The clients' `setTimeout` (Vitrine's dist/ code and its ky), divided by `factor` after the
  // drop. Node's own HTTP timers keep real time.
  const real = globalThis.setTimeout;
  let current = 1;
  const clientCode = /[\\/](dist|node_modules[\\/]ky)[\\/]/;
  globalThis.setTimeout = (fn, ms, ...args) => {
    const delay = Math.max(0, Number(ms) || 0);
    if (current === 1 || !clientCode.test(new Error().stack ?? '')) return real(fn, delay, ...args);
    return real(fn, delay / current, ...args);
  };
  const { createSseEvents } = await import(pathToFileURL(join(root, 'dist/adapters/sse/index.js')).href);
  const count = to - from;
  const pins = Array.from({ length: count }, () => new Set());
  const attempts = Array.from({ length: count }, () => []);
  const errors = [];
  let attemptsBefore = [];
  const stops = [];
  const handlers = {
    async join() {
      for (let i = 0; i < count; i += 1) {
        const events = createSseEvents(url, {
          headers: { 'x-viewer': String(from + i) },
          // The connect timeout guards against stalls in wall time. A thousand clients on a few
          // processes of one machine queue for its CPU as a thousand phones would not: 60 s of it,
          // so this queue is not counted as a failed reconnect (a second wave).
          connectTimeout: 60_000 * factor,
          // When the client decides to (re)connect: what its back-off and jitter produce, before
          // this machine's queueing delays the request's arrival.
          fetch: (input, init) => {
            attempts[i].push(wallNow());
            return fetch(input, init);
          },
        });
        stops.push(
          events.subscribe(
            (event) => {
              if (event.type === 'highlight' && event.id) pins[i].add(event.id);
            },
            (error) => errors.push(`${error.code}: ${error.message} ${error.cause?.name ?? ''} ${error.cause?.cause?.code ?? error.cause?.cause?.message ?? ''}`.trim()),
          ),
        );
        if (i % 25 === 24) await sleep(50); // a join, not the herd under test
      }
      return {};
    },
    async seen({ id }) {
      const deadline = Date.now() + 50_000;
      while (!pins.every((s) => s.has(id)) && Date.now() < deadline) await sleep(20);
      return {};
    },
    async drop() {
      attemptsBefore = attempts.map((a) => a.length);
      current = factor;
      return {};
    },
    async report({ published, last }) {
      const deadline = Date.now() + 20_000;
      while (!pins.every((s) => s.has(last)) && Date.now() < deadline) await sleep(20);
      for (const stop of stops) stop();
      return {
        attempts: attempts.map((a, i) => a.slice(attemptsBefore[i])),
        complete: pins.filter((s) => published.every((id) => s.has(id))).length,
        onLatest: pins.filter((s) => s.has(last)).length,
        errors,
      };
    },
  };
  // The parent gone (done, or failed): so are its viewers.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (message) => {
    const answer = await handlers[message.type](message);
    process.send({ re: message.type, ...answer });
  });
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

if (process.argv[1] && self === process.argv[1]) {
  if (process.argv[2] === '--client') {
    const [url, from, to, factor] = process.argv.slice(3);
    await client(url, Number(from), Number(to), Number(factor));
  } else {
    const arg = (name, fallback) => {
      const i = process.argv.indexOf(`--${name}`);
      return i > 0 ? Number(process.argv[i + 1]) : fallback;
    };
    const json = process.argv.includes('--json');
    const result = await runHerd({ viewers: arg('viewers', 1000), scale: arg('scale', 1), horizon: arg('horizon', 75), log: json ? () => {} : console.log });
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      console.log(JSON.stringify({ ...result, histogram: undefined }, null, 2));
      console.log(histogramLines(result).join('\n'));
    }
    process.exit(0);
  }
}
