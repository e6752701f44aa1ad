// A web-test-runner reporter that adds the plain closing line "N passed, N failed"
// and writes the counts for scripts/test.mjs to add up.
import { writeFileSync, mkdirSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync('.cache/wtr-summary.json', JSON.stringify(totals));
    },
  };
}
