// A restart without a thundering herd (bench/lib/herd.mjs): viewers that run Vitrine's own live
// events client (dist/adapters/sse, over Node's fetch) are all dropped at once by the demo
// backend, which asks them (`retry: 30000`) to come back within 30 s, and pins products while they
// are away. Asserted loosely: the reconnects spread over at least 25 of those 30 s (jitter over
// the whole window, not a burst), no viewer comes back twice (no second wave), each comes back with
// `Last-Event-ID` and ends with every pin published while it was away (the replay).
//
// Real time (about 45 s: a 30 s window, watched for 40 s), 150 viewers in two client processes, not
// the benchmark's 1,000 in eight: a faster clock (herd.mjs --scale) would multiply a loaded
// machine's timer lateness into the spread and let a narrow jitter pass.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('1 drop of every live connection: reconnects spread over the retry window, once each, with replay', { timeout: 120_000 }, () => {
  assert.ok(existsSync(`${root}dist/adapters/sse/index.js`), 'dist/ is missing: run `npm run build`');
  const run = spawnSync(process.execPath, ['bench/lib/herd.mjs', '--viewers', '150', '--scale', '1', '--horizon', '40', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 110_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const herd = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const summary = JSON.stringify({ ...herd, histogram: herd.histogram.join(' ') });
  assert.equal(herd.reconnected, 150, summary);
  assert.equal(herd.withoutLastEventId, 0, summary);
  assert.equal(herd.complete, 150, `every viewer has every pin published after the drop: ${summary}`);
  assert.equal(herd.secondWave, 0, `no viewer reconnects twice: ${summary}`);
  assert.ok(herd.spread >= 25, `the reconnects spread over >= 25 s of the 30 s window: ${summary}`);
  assert.ok(herd.last <= 36, `and within it (retry: honoured, clamped to 30 s): ${summary}`);
});
