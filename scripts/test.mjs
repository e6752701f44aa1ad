#!/usr/bin/env node
// `npm test`: builds, runs the Node-side tests (servers, budgets) with node:test, then the
// browser tests with @web/test-runner in Chromium, and ends with one line "N passed, N failed".
// Arguments after `--` go to web-test-runner (e.g. `npm test -- --files test/core/*.test.ts`).
// SKIP_BUILD=1 skips the build; NODE_ONLY=1 / BROWSER_ONLY=1 run one half; the end-to-end tests
// (test/e2e) run after the browser tests unless NODE_ONLY=1 or SKIP_E2E=1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromePath, installHint } from './chromium.mjs';

if (!chromePath) {
  console.error(installHint);
  process.exit(1);
}

const wtrArgs = process.argv.slice(2);
const env = { ...process.env, CHROME_PATH: chromePath };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (!process.env.SKIP_BUILD) {
  if (run('npm', ['run', '--silent', 'build']) !== 0) {
    console.error('build failed');
    process.exit(1);
  }
}

mkdirSync('.cache', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
/** Every failed test, named again in the closing lines (CI may keep only a long log's ends). */
const failures = [];

function nodeTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.test\.m?js$/.test(f))
    .map((f) => join(dir, f));
}

/** Runs node:test files and adds their counts (read from a TAP copy of the report). */
function runNodeTests(files, tap, extraArgs = []) {
  rmSync(tap, { force: true });
  const status = run(process.execPath, [
    '--test',
    ...extraArgs,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  passed += num('pass');
  failed += num('fail') + (status !== 0 && num('fail') === 0 ? 1 : 0);
  skipped += num('skipped') + num('todo');
  for (const [, name] of text.matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push(`${files.length === 1 ? files[0] : tap}: ${name}`);
}

const nodeFiles = process.env.BROWSER_ONLY || wtrArgs.length ? [] : nodeTests('test/node');
if (nodeFiles.length) runNodeTests(nodeFiles, '.cache/node-tests.tap');

if (!process.env.NODE_ONLY) {
  rmSync('.cache/wtr-summary.json', { force: true });
  const status = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...wtrArgs]);
  const summary = existsSync('.cache/wtr-summary.json')
    ? JSON.parse(readFileSync('.cache/wtr-summary.json', 'utf8'))
    : { passed: 0, failed: 1, skipped: 0, fileErrors: 0 };
  passed += summary.passed;
  failed += summary.failed + summary.fileErrors;
  if (summary.slowest?.length > 1) {
    console.log(`\nslowest browser test files: ${summary.slowest.map((f) => `${f.file} ${(f.ms / 1000).toFixed(1)} s`).join(', ')}`);
  }
  skipped += summary.skipped;
  failures.push(...(summary.failures ?? []));
  if (status !== 0 && summary.failed + summary.fileErrors === 0) failed += 1;
}

// End to end (test/e2e): the demo storefront and the built examples in Chromium, one file at a time.
const e2eFiles = process.env.NODE_ONLY || process.env.SKIP_E2E || wtrArgs.length ? [] : nodeTests('test/e2e');
if (e2eFiles.length) runNodeTests(e2eFiles, '.cache/e2e-tests.tap', ['--test-concurrency=1']);

if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
