// The story smoke test in `npm test`: builds Storybook and opens every story in Chromium; a
// story fails on a console error, a page error, a render or play error, or an axe violation.
// SKIP_STORYBOOK_BUILD=1 reuses storybook-static/. See scripts/storybook-smoke.mjs.
// Stories are shown one after the other in one page per viewport, as Storybook's UI switches them
// (about 1.3 s a story instead of 4-6 s for a page load each); a story that fails there is retried alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smoke } from '../../scripts/storybook-smoke.mjs';

test('storybook: every story renders cleanly and passes axe', { timeout: 15 * 60_000 }, async (t) => {
  const { results } = await smoke({ build: !process.env.SKIP_STORYBOOK_BUILD });
  assert.ok(results.length >= 40, `expected at least 40 stories, found ${results.length}`);
  for (const result of results) {
    await t.test(result.id, () => {
      assert.deepEqual(result.problems, [], `${result.title}:\n  ${result.problems.join('\n  ')}`);
    });
  }
});
