// What one viewer sends while watching (bench/lib/traffic.mjs): Vitrine's own client code from
// dist/ (ShowSession: the REST show and SSE events, the cart service over the REST cart), wired as
// <vitrine-show> wires it, through 10 minutes of the demo's live show on a 30x clock (an add to
// cart at minute 3, an events server restart at minute 5). Counted at the backend: at most 2
// requests a minute, the show document read once while the events flow (the stream delivers what
// changes, so nothing polls it; after the restart one re-read may catch up), no cache-busting
// query string. And the show document is cacheable: ETag,
// Cache-Control, 304 on If-None-Match, a new ETag when it changes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { createBackend } from '../../examples/backend/index.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('a viewer watching 10 minutes of a live show makes at most 2 requests a minute, none cache-busting', { timeout: 120_000 }, () => {
  assert.ok(existsSync(`${root}dist/core/session.js`), 'dist/ is missing: run `npm run build`');
  const run = spawnSync(process.execPath, ['bench/lib/traffic.mjs', '--minutes', '10', '--scale', '30', '--json'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
  assert.equal(run.status, 0, run.stderr);
  const traffic = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const summary = traffic.log.map((r) => `${r.at.toFixed(2)} ${r.method} ${r.path}${r.query} ${r.status}`).join('; ');
  const count = (kind) => traffic.rows.find((r) => r.kind === kind).requests;
  assert.ok(traffic.perMinute <= 2, `${traffic.perMinute}/min: ${summary}`);
  const documentReads = traffic.log.filter((r) => /^\/shows\/[^/]+$/.test(r.path));
  assert.equal(documentReads.filter((r) => r.at < 5).length, 1, `read once, never polled while the events flow: ${summary}`);
  // The restart is an events error: the controller may re-read the document once to catch up.
  assert.ok(documentReads.length <= 2, summary);
  // The first connection and one reconnect after the restart.
  assert.equal(count('live events (SSE)'), 2, summary);
  assert.equal(count('cart'), 2, `the cart made on the first add, and the add: ${summary}`);
  assert.deepEqual(traffic.other, [], summary);
  assert.deepEqual(traffic.withQuery, [], 'no cache-busting parameters');
  assert.ok(traffic.added);
});

test('the show document has an ETag and a shared cache life, answers 304 to If-None-Match, and changes its ETag when it changes', async () => {
  const backend = createBackend({ timing: { tick: 2 ** 30 } });
  const server = createServer(async (req, res) => {
    if (!(await backend.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/shows/live`;
  try {
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    assert.equal(first.status, 200);
    assert.match(etag ?? '', /^"[\w-]+"$/);
    assert.match(first.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    await first.json();

    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await fetch(url, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status, 304);

    // Stock running low changes the document (its `inventory`): a new version, a full answer.
    backend.state.stock.set('p1-1', 3);
    const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal((await changed.json()).products.find((p) => p.id === 'p1').variants.find((v) => v.id === 'p1-1').inventory, 3);
  } finally {
    backend.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});
