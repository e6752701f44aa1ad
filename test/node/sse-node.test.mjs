// The SSE events adapter in Node 20 (global fetch), imported from the built package as an
// integrator or a simulation would (`vitrine/adapters/sse`, i.e. dist/adapters/sse/index.js),
// against a real events server on loopback: it connects, reconnects after a drop with
// Last-Event-ID, backs off against a server that says `retry: 0` and closes, and stops cleanly.
// Timing is injected through the options (minRetryDelay, retryDelay, maxRetryDelay, random).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';

const { createSseEvents } = await import('../../dist/adapters/sse/index.js');

let server;
let base;
const connections = [];
const open = new Set();

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    connections.push({ path: url.pathname, lastEventId: req.headers['last-event-id'] ?? null, at: Date.now() });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    if (url.pathname === '/retry0') {
      res.end('retry: 0\n\n');
      return;
    }
    // /drop: replays after Last-Event-ID, then the test drops every connection at once.
    const last = Number(req.headers['last-event-id'] ?? 0);
    for (let id = last + 1; id <= 3; id++) res.write(`id: ${id}\nevent: viewers\ndata: {"count": ${id}}\n\n`);
    open.add(res);
    req.on('close', () => open.delete(res));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  for (const res of open) res.destroy();
  server.close();
});

const until = async (check, what, timeout = 8000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('SSE adapter in Node (dist)', () => {
  test('delivers events, reconnects after a drop with Last-Event-ID, and stops', async () => {
    const events = [];
    const errors = [];
    const stop = createSseEvents(`${base}/drop`, { coalesceViewers: 0, minRetryDelay: 20, retryDelay: 20, maxRetryDelay: 200 }).subscribe(
      (e) => events.push(e),
      (e) => errors.push(e),
    );
    await until(() => events.length === 3, 'three events');
    for (const res of open) res.destroy(); // the server drops every connection at once
    await until(() => connections.filter((c) => c.path === '/drop').length === 2, 'a reconnect');
    stop();
    const drops = connections.filter((c) => c.path === '/drop');
    assert.deepEqual(drops.map((c) => c.lastEventId), [null, '3']);
    assert.deepEqual(events.map((e) => e.count), [1, 2, 3]);
    assert.deepEqual(errors.map((e) => e.code), ['events/unavailable']);
    await until(() => open.size === 0, 'the connection closed after stop');
  });

  test('a server that says retry: 0 and closes: the wait grows from the first failure', async () => {
    const stop = createSseEvents(`${base}/retry0`, { minRetryDelay: 50, retryDelay: 50, maxRetryDelay: 800, random: () => 1 }).subscribe(() => {});
    await until(() => connections.filter((c) => c.path === '/retry0').length >= 5, 'five connections', 10_000);
    stop();
    const at = connections.filter((c) => c.path === '/retry0').map((c) => c.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // random() = 1: 50 + 50 × 2^n ms = 150, 250, 450, 850 (the `retry: 0` is raised to the floor).
    assert.ok(gaps[0] >= 140, `first gap ${gaps[0]}`);
    assert.ok(gaps[3] >= 800, `fourth gap ${gaps[3]}`);
  });
});
