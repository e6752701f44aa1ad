#!/usr/bin/env node
// The public API report: what `vitrine` and its sub-entries export, as API Extractor sees it in
// the built declarations (dist/**/*.d.ts, from `npm run build`). One report per entry in etc/:
//
//   node scripts/api-report.mjs           compares dist/ with etc/*.api.md; exits 1 on a difference
//   node scripts/api-report.mjs --write   rewrites etc/*.api.md (`npm run api` builds first, then this)
//
// A difference is a change to the public API: review it, then commit the updated report.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dts = join(root, 'dist');
const write = process.argv.includes('--write');

/** Each entry of package.json `exports` that has types, and the name of its report in etc/. */
export const ENTRIES = [
  { entry: 'vitrine', dts: 'index.d.ts', report: 'vitrine.api.md' },
  { entry: 'vitrine/define', dts: 'define.d.ts', report: 'vitrine-define.api.md' },
  { entry: 'vitrine/analytics', dts: 'analytics/index.d.ts', report: 'vitrine-analytics.api.md' },
  { entry: 'vitrine/seo', dts: 'seo/index.d.ts', report: 'vitrine-seo.api.md' },
  ...['ivs', 'memory', 'rest', 'shopify', 'shopify-theme', 'sse'].map((name) => ({
    entry: `vitrine/adapters/${name}`,
    dts: `adapters/${name}/index.d.ts`,
    report: `vitrine-adapters-${name}.api.md`,
  })),
];

const messages = {
  // The report is about the shape of the API; TSDoc syntax (our @csspart, @fires … tags) is not checked.
  tsdocMessageReporting: { default: { logLevel: 'none' } },
  compilerMessageReporting: { default: { logLevel: 'warning' } },
  extractorMessageReporting: {
    default: { logLevel: 'warning', addToApiReportFile: true },
    // No @public/@beta tags: what an entry exports is public.
    'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
    // A type that public signatures use but the entry does not export stays visible in the report
    // (as a warning line), so a reviewer sees what integrators can reach without importing it.
    'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
    'ae-unresolved-link': { logLevel: 'none', addToApiReportFile: false },
    // "(undocumented)" beside a member says it already; no list of them at the end.
    'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
  },
};

function configFor({ dts: file, report }) {
  const reportName = report.replace(/\.api\.md$/, '');
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(dts, file),
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            module: 'ES2022',
            moduleResolution: 'bundler',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            strict: true,
            skipLibCheck: true,
            experimentalDecorators: true,
            types: [],
          },
          include: [join(dts, '**/*.d.ts'), join(root, 'src/css.d.ts')],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${reportName}.api.md`,
        reportFolder: join(root, 'etc'),
        reportTempFolder: join(root, '.cache/api-report'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages,
    },
    configObjectFullPath: join(root, 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
  });
}

/**
 * Runs API Extractor over every entry (one TypeScript program for all) and returns, per entry,
 * whether its report in etc/ differs from the declarations. With `write`, updates etc/.
 */
export function apiReports({ write: update = false } = {}) {
  for (const { dts: file } of ENTRIES) {
    if (!existsSync(join(dts, file))) throw new Error(`${join(dts, file)} is missing: run \`npm run build\` first`);
  }
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, '.cache/api-report'), { recursive: true });
  const configs = ENTRIES.map((e) => ({ ...e, config: configFor(e) }));
  const compilerState = CompilerState.create(configs[0].config, {
    additionalEntryPoints: configs.slice(1).map((c) => c.config.mainEntryPointFilePath),
  });
  const results = [];
  for (const { entry, report, config } of configs) {
    const problems = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      showVerboseMessages: false,
      messageCallback: (message) => {
        // Console messages (progress, "the report changed") are summarized below instead.
        if (message.category !== 'console' && (message.logLevel === 'error' || message.logLevel === 'warning')) {
          problems.push(message.formatMessageWithLocation(root));
        }
        message.handled = true;
      },
    });
    const expected = join(root, 'etc', report);
    const actual = join(root, '.cache/api-report', report);
    results.push({
      entry,
      report: `etc/${report}`,
      changed: result.apiReportChanged,
      problems,
      expected: existsSync(expected) ? readFileSync(expected, 'utf8') : '',
      actual: existsSync(actual) ? readFileSync(actual, 'utf8') : '',
    });
  }
  return results;
}

/** The lines that differ between two reports (a short, readable summary, not a full diff). */
export function changedLines(before, after) {
  const a = new Set(before.split('\n'));
  const b = new Set(after.split('\n'));
  return [
    ...before.split('\n').filter((l) => l.trim() && !b.has(l)).map((l) => `- ${l}`),
    ...after.split('\n').filter((l) => l.trim() && !a.has(l)).map((l) => `+ ${l}`),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = apiReports({ write });
  let failed = false;
  for (const r of results) {
    for (const p of r.problems) console.error(`${r.entry}: ${p}`);
    if (r.problems.length) failed = true;
    if (!r.changed) continue;
    if (write) {
      console.log(`${r.report} updated: review the change and commit it`);
    } else {
      failed = true;
      console.error(`${r.entry}: the public API differs from ${r.report}:`);
      for (const line of changedLines(r.expected, r.actual).slice(0, 40)) console.error(`  ${line}`);
    }
  }
  if (failed && !write) console.error('\nIf the change is meant, run `npm run api` and review the diff of etc/ before committing it.');
  if (!failed) console.log(`API reports ${write ? 'written' : 'match'}: ${results.map((r) => r.report).join(', ')}`);
  writeFileSync(join(root, '.cache/api-report/.last'), new Date().toISOString());
  process.exit(failed ? 1 : 0);
}
