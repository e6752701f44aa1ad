// Lighthouse performance score of the storefront page with and without the widget (mobile
// preset: simulated 4x CPU and slow 4G). lighthouse is not a project dependency (about 185 MB);
// the bench uses it when it can be found: node_modules/lighthouse, or .cache/bench/lighthouse/
// (`npm run bench -- --install-lighthouse` puts it there), or LIGHTHOUSE_DIR.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { median, num, row, ms } from './report.mjs';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';

export function installLighthouse(root) {
  const prefix = join(root, '.cache/bench/lighthouse');
  console.log(`bench: installing lighthouse into ${prefix} …`);
  return spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, 'lighthouse@12'], { stdio: 'inherit' }).status === 0;
}

async function load(root) {
  const dirs = [process.env.LIGHTHOUSE_DIR, root, join(root, '.cache/bench/lighthouse')].filter(Boolean);
  for (const dir of dirs) {
    const pkg = join(dir, 'node_modules/lighthouse/package.json');
    if (!existsSync(pkg)) continue;
    const require = createRequire(pkg);
    const lighthouse = (await import(pathToFileURL(require.resolve('lighthouse')).href)).default;
    const launcher = await import(pathToFileURL(require.resolve('chrome-launcher')).href);
    return { lighthouse, launcher, version: require('lighthouse/package.json').version };
  }
  return null;
}

export async function lighthouseSection(ctx) {
  const lh = await load(ctx.root);
  if (!lh) {
    return {
      rows: [row('Lighthouse performance score', { na: 'lighthouse not installed (npm run bench -- --install-lighthouse; ~185 MB, kept out of package.json)' })],
    };
  }
  // A third page: the widget with the README's one-line `vitrine-show:not(:defined)` rule, its
  // min-height the show's height at Lighthouse's mobile width (412 px), read off the page once, as
  // a merchant would.
  let reserve = 0;
  if (ctx.has?.['vitrine-show'] && ctx.server.demo) {
    const { page, close } = await ctx.newPage({ cpu: 1, viewport: { width: 412, height: 823 } });
    try {
      await page.goto(`${ctx.server.url}/__bench/page/store?widget=vitrine`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__bench.deepAll('vitrine-product-card').length > 0, undefined, { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      reserve = Math.round(await page.evaluate(() => document.querySelector('vitrine-show')?.getBoundingClientRect().height ?? 0));
    } catch {
      reserve = 0;
    } finally {
      await close();
    }
  }
  const variants = ['none', 'vitrine', ...(reserve ? ['vitrine-reserved'] : [])];
  const chrome = await lh.launcher.launch({ chromePath, chromeFlags: chromeArgs.filter((a) => a !== '--mute-audio') });
  const samples = { none: [], vitrine: [], 'vitrine-reserved': [] };
  const errors = [];
  try {
    const runs = Math.min(ctx.args.runs, ctx.args.quick ? 1 : 3);
    for (let run = 0; run < runs; run += 1) {
      for (const variant of variants) {
        const query = variant === 'vitrine-reserved' ? `vitrine&reserve=${reserve}` : variant;
        const result = await lh.lighthouse(
          `${ctx.server.url}/__bench/page/store?widget=${query}`,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], maxWaitForLoad: 30_000 },
        );
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) {
          errors.push(lhr?.runtimeError?.message ?? 'no result');
          continue;
        }
        const audit = (id) => lhr.audits[id]?.numericValue;
        samples[variant].push({
          score: lhr.categories.performance.score * 100,
          tbt: audit('total-blocking-time'),
          lcp: audit('largest-contentful-paint'),
          cls: audit('cumulative-layout-shift'),
          warnings: lhr.runWarnings,
        });
        // What moved, as Lighthouse saw it (its own viewport, network and CPU): the shifted
        // elements by score, so a CLS above 0 here names its cause.
        // The long tasks it counted (with its simulated 4x CPU: a task of 12.5 ms here is 50 ms
        // there), by script: where the TBT above comes from.
        const long = lhr.audits['long-tasks']?.details?.items ?? [];
        if (long.length) {
          const described = long.map((item) => `${ms(item.duration)} at ${ms(item.startTime)} ${String(item.url).split('/').pop() || item.url}`);
          console.log(`lighthouse: ${variant}, run ${run + 1}: long tasks ${described.join('; ')}`);
        }
        const shifts = lhr.audits['layout-shifts']?.details?.items ?? [];
        if (variant !== 'none' && shifts.length) {
          const described = shifts.map((item) => `${num(item.score, 4)} ${item.node?.selector ?? item.node?.snippet ?? '?'}`);
          console.log(`lighthouse: ${variant}, run ${run + 1}: layout shifts ${described.join('; ')}`);
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  if (!samples.vitrine.length || !samples.none.length) {
    return { rows: [row('Lighthouse performance score', { na: `lighthouse ${lh.version} ran but gave no score: ${errors[0] ?? 'unknown'}` })], data: { samples, errors } };
  }
  const m = (v, key) => median(samples[v].map((s) => s[key]));
  const lost = m('none', 'score') - m('vitrine', 'score');
  return {
    rows: [
      row(`Lighthouse ${lh.version} performance score (mobile)`, { vitrine: num(m('vitrine', 'score')), baseline: `${num(m('none', 'score'))} (no widget)`, goal: '≤ 0 points lost', pass: lost <= 0 }),
      row('  Lighthouse TBT / LCP / CLS', {
        vitrine: `${ms(m('vitrine', 'tbt'))} / ${ms(m('vitrine', 'lcp'))} / ${num(m('vitrine', 'cls'), 3)}`,
        baseline: `${ms(m('none', 'tbt'))} / ${ms(m('none', 'lcp'))} / ${num(m('none', 'cls'), 3)}`,
      }),
      ...(samples['vitrine-reserved'].length
        ? [
            row(`  score with the README's :not(:defined) rule (min-height ${reserve}px)`, {
              vitrine: num(m('vitrine-reserved', 'score')),
              baseline: `${num(m('none', 'score'))} (no widget)`,
              goal: '≤ 0 points lost',
              pass: m('none', 'score') - m('vitrine-reserved', 'score') <= 0,
            }),
            row('    TBT / LCP / CLS', {
              vitrine: `${ms(m('vitrine-reserved', 'tbt'))} / ${ms(m('vitrine-reserved', 'lcp'))} / ${num(m('vitrine-reserved', 'cls'), 3)}`,
            }),
          ]
        : []),
    ],
    data: { version: lh.version, samples, errors },
  };
}
