// A web-test-runner reporter that adds the plain closing line "N passed, N failed"
// and writes the counts for scripts/test.mjs to add up, with the slowest test files (the sum of
// their tests' durations), to see where `npm test`'s time goes.
import { writeFileSync, mkdirSync } from 'node:fs';

/** Milliseconds spent in the tests of a suite and its children. */
function duration(suite) {
  let ms = 0;
  for (const test of suite?.tests ?? []) ms += test.duration ?? 0;
  for (const child of suite?.suites ?? []) ms += duration(child);
  return ms;
}

function count(suite, totals, file, path = []) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      // Named again at the very end: a long log may be cut in the middle, where wtr prints them.
      const message = String(test.error?.message ?? 'failed').split('\n')[0].slice(0, 300);
      totals.failures.push(`${file}: ${[...path, test.name].join(' › ')}: ${message}`);
    }
  }
  for (const child of suite?.suites ?? []) count(child, totals, file, [...path, child.name]);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, failures: [] };
      for (const session of sessions) {
        const file = session.testFile.replace(process.cwd() + '/', '');
        count(session.testResults, totals, file);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.fileErrors++;
          totals.failures.push(`${file}: ${String(session.errors[0]?.message ?? 'error').split('\n')[0].slice(0, 300)}`);
        }
      }
      totals.slowest = sessions
        .map((session) => ({ file: session.testFile.replace(process.cwd() + '/', ''), ms: Math.round(duration(session.testResults)) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 12);
      mkdirSync('.cache', { recursive: true });
      writeFileSync('.cache/wtr-summary.json', JSON.stringify(totals));
    },
  };
}
