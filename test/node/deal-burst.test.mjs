// A deal burst (bench/lib/burst.mjs, smaller): viewers add the deal product within one second
// through Vitrine's own REST cart adapter (dist/adapters/rest), a fifth of the first answers lost
// on the way back so the adapter retries with the same Idempotency-Key. Checked against the demo
// backend's carts afterwards: every viewer told "added" has exactly one, no cart has two, and the
// deal's limited units are sold exactly once each (never oversold, none left unsold).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { runBurst } from '../../bench/lib/burst.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('120 viewers add a deal of 30 units in the same second: none lost, none doubled, never oversold', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(`${root}dist/adapters/rest/index.js`), 'dist/ is missing: run `npm run build`');
  const burst = await runBurst({ viewers: 120, limit: 30, loss: 0.2 });
  const summary = JSON.stringify(burst);
  assert.ok(burst.answersLost > 0, `some answers were lost, so retries happened: ${summary}`);
  assert.equal(burst.failed, 0, summary);
  assert.equal(burst.added, 30, summary);
  assert.equal(burst.refused, 90, summary);
  assert.equal(burst.doubled, 0, summary);
  assert.equal(burst.lostAdds, 0, summary);
  assert.equal(burst.soldAtDealPrice, 30, summary);
  assert.equal(burst.unitsLeft, 0, summary);
});
