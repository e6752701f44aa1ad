// The public API (what `vitrine` and its sub-entries export, in dist/*.d.ts) matches the reports
// checked in under etc/. A change to the API fails here until the report is updated with
// `npm run api` and the diff reviewed: every change to the public API shows up in review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { apiReports, changedLines } from '../../scripts/api-report.mjs';

test('the public API matches the checked-in reports (etc/*.api.md)', { skip: !existsSync('dist/index.d.ts') && 'run `npm run build` first' }, () => {
  const results = apiReports();
  for (const r of results) {
    assert.deepEqual(r.problems, [], `${r.entry}: API Extractor reported problems`);
    assert.ok(r.expected, `${r.report} is missing: run \`npm run api\` and commit it`);
    assert.ok(
      !r.changed,
      `The public API of ${r.entry} differs from ${r.report}:\n${changedLines(r.expected, r.actual).slice(0, 40).join('\n')}\n` +
        'If the change is meant, run `npm run api`, review the diff of etc/ and commit it.',
    );
  }
});
