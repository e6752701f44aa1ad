#!/usr/bin/env node
// `npm run bench`: what Vitrine costs a storefront, measured against the raw player stack in the
// same run (variants interleaved A B A B …, medians), in headless Chromium with the CPU slowed
// 4x through the DevTools protocol. Prints a table and writes bench/results/<time>.json.
//
//   npm run bench                        all sections, 5 runs each, a 3-minute live soak
//   npm run bench -- --quick             3 runs, short live soak (a smoke run)
//   npm run bench -- --runs 9 --minutes 30 --only ttff,heap
//   flags: --runs N  --minutes M (live-show heap soak)  --cpu R (throttling rate, default 4)
//          --only a,b (sections: bytes,blocking,ttff,cls,pins,carousel,interactions,chat,heap,lighthouse,latency,audience,big)
//          --no-build  --no-lighthouse  --headed  --install-lighthouse (into .cache/bench/)
//          --trace (blocking, carousel: save their traces in .cache/bench/traces/, print each long task's parts)
//          --frames (blocking: print each show page's long animation frames and their scripts, untraced)
//
// Every section degrades to "n/a: reason" when something it needs is missing (a component not
// built yet, no demo backend, no lighthouse), so the bench runs on any checkout.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath, installHint } from '../scripts/chromium.mjs';
import { cdnGraph, brotli, kB } from './lib/graph.mjs';
import { buildRawVideojs } from './lib/raw-videojs.mjs';
import { ensureMedia } from './lib/media.mjs';
import { startServer } from './lib/server.mjs';
import { sections } from './lib/sections.mjs';
sections.push((await import('./lib/latency.mjs')).latency); // glass-to-glass latency of the OBS path (needs nginx-rtmp)
import { renderTable } from './lib/report.mjs';
sections.splice(sections.findIndex((s) => s.id === 'heap'), 0, (await import('./lib/chat-flood.mjs')).chatFlood);
sections.push((await import('./lib/big-document.mjs')).bigDocumentSection); // a 60,000-product show document: longest task at 1x and --cpu

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const args = parseArgs(process.argv.slice(2));
if (!chromePath) {
  console.error(installHint);
  process.exit(1);
}

// 1. A current build (a fresh clone has none).
const entry = join(root, 'dist/cdn/vitrine.js');
if (!args.noBuild && (!existsSync(entry) || newestMtime(join(root, 'src')) > statSync(entry).mtimeMs)) {
  console.log('bench: building (dist/cdn is missing or older than src/) …');
  const status = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status;
  if (status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

// A snapshot of dist/cdn/ is what the bench measures and serves: a build started meanwhile (which
// empties dist/) cannot pull files from under a running page.
const snapshot = join(root, '.cache/bench/dist-cdn');
for (let attempt = 0; ; attempt += 1) {
  rmSync(snapshot, { recursive: true, force: true });
  try {
    cpSync(join(root, 'dist/cdn'), snapshot, { recursive: true });
    const copied = cdnGraph(join(snapshot, 'vitrine.js'));
    if (copied.eager.files.length && copied.lazy.every((l) => l.files.length)) break;
  } catch {
    // dist/cdn is being rebuilt right now: try again.
  }
  if (attempt >= 40) {
    console.error('bench: dist/cdn/ stayed incomplete (a build running?); run npm run build');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
}

// 2. The baseline bundle and the media.
console.log('bench: raw video.js baseline bundle and HLS media (cached in .cache/bench/) …');
const raw = await buildRawVideojs(root, join(root, '.cache/bench/raw'));
ensureMedia(join(root, '.cache/bench/hls'));

if (args.installLighthouse) {
  const { installLighthouse } = await import('./lib/lighthouse.mjs');
  installLighthouse(root);
}

// 3. What has landed: tag names registered by the loader's first view.
const graph = cdnGraph(join(snapshot, 'vitrine.js'));
const eagerCode = [...graph.eager.files, ...graph.firstView.files].map((f) => readFileSync(join(snapshot, f.file), 'utf8')).join('\n');
const has = Object.fromEntries(
  ['vitrine-player', 'vitrine-show', 'vitrine-carousel', 'vitrine-cart', 'vitrine-product-card'].map((tag) => [tag, eagerCode.includes(`"${tag}"`) || eagerCode.includes(`'${tag}'`)]),
);

const probe = readFileSync(join(root, 'bench/pages/probe.js'), 'utf8');
const products = Array.from({ length: 16 }, (_, i) => {
  const hue = (i * 47) % 360;
  return `<article class="tile"><svg viewBox="0 0 40 50" role="img" aria-label="Product ${i + 1}"><rect width="40" height="50" fill="hsl(${hue} 30% 85%)"/><circle cx="20" cy="22" r="11" fill="hsl(${hue} 40% 55%)"/></svg><h3>Product ${i + 1}</h3><p>€${29 + i * 7}.00</p></article>`;
}).join('\n');

/** The widget snippets a page can be built with (`?widget=`). */
function widget(name, query) {
  const script = '<script type="module" src="/dist/cdn/vitrine.js"></script>';
  // The README's embed: the stylesheet beside vitrine.js (it reserves a not-yet-defined show's box), then the loader.
  const embed = `<link rel="stylesheet" href="/dist/cdn/vitrine.css">${script}`;
  const media = '/.cache/bench/hls';
  switch (name) {
    case 'none':
      return { head: '', body: '' };
    case 'script': // the embed, no element on the page: what a theme-wide tag costs
      return { head: embed, body: '' };
    case 'vitrine': // the embed as a merchant pastes it: the show when it exists, else the player facade
      if (has['vitrine-show'] && server.demo) return { head: embed, body: `<vitrine-show src="/__demo/shows/live" cart="/__demo/cart"></vitrine-show>` };
      return { head: script, body: `<vitrine-player src="${media}/vod.m3u8" poster="${media}/poster.jpg" label="Winter drop, live"></vitrine-player>` };
    case 'player':
      return { head: script, body: `<vitrine-player src="${media}/vod.m3u8" poster="${media}/poster.jpg" label="Bench stream"></vitrine-player>` };
    case 'show':
      return { head: embed, body: `<vitrine-show src="${query.get('src') ?? '/__demo/shows/live'}" cart="${query.get('cart') ?? '/__demo/cart'}"></vitrine-show>` };
    case 'raw-click': // baseline: plain video.js loaded on click
      return {
        head: '<link rel="stylesheet" href="/bench/pages/raw-videojs.css"><script type="module" src="/bench/pages/raw-videojs.js"></script>',
        body: `<div class="raw-box" data-src="${media}/vod.m3u8" data-poster="${media}/poster.jpg"><button type="button" aria-label="Play">▶</button></div>`,
      };
    case 'raw-eager': // reference: the naive embed, video.js loaded with the page
      return {
        head: `<link rel="stylesheet" href="/.cache/bench/raw/video-js.min.css"><script type="module">import videojs from '/.cache/bench/raw/videojs.js'; videojs(document.querySelector('video-js'), { controls: true, preload: 'none', fluid: true, poster: '${media}/poster.jpg', sources: [{ src: '${media}/vod.m3u8', type: 'application/x-mpegURL' }] });</script>`,
        body: '<video-js class="vjs-default-skin"></video-js>',
      };
    default:
      return null;
  }
}

function pages(name, query) {
  const file = join(root, 'bench/pages', `${name}.html`);
  if (!/^[a-z-]+$/.test(name) || !existsSync(file)) return null;
  const w = widget(query.get('widget') ?? 'none', query);
  if (!w) return null;
  // `reserve=<px>`: the merchant's one-line rule from the README, which gives the not-yet-upgraded
  // element its box (the page's own stylesheet: the library itself adds nothing to <head>).
  const reserve = Number(query.get('reserve'));
  const rule = reserve > 0 ? `<style>vitrine-show:not(:defined) { display: block; min-height: ${Math.round(reserve)}px; }</style>` : '';
  return readFileSync(file, 'utf8')
    .replace('<!--probe-->', `<script>${probe}</script>`)
    .replace('<!--widget:head-->', rule + w.head)
    .replace(query.get('place') === 'wide' ? '<!--widget:wide-->' : '<!--widget:body-->', w.body)
    .replace('<!--products-->', products);
}

const server = await startServer({ root, pages, mounts: { 'dist/cdn/': snapshot } });
const browser = await chromium.launch({
  executablePath: chromePath,
  headless: !args.headed,
  args: [...chromeArgs.filter((a) => !(args.headed && a.startsWith('--headless'))), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

const ctx = {
  root,
  args,
  server,
  browser,
  graph,
  raw: { ...raw, brotli: brotli(readFileSync(raw.file)), css: brotli(readFileSync(join(root, '.cache/bench/raw/video-js.min.css'))) },
  has,
  /**
   * A fresh context (no cache) and page, CPU slowed `cpu` times. `phone`: a touch screen at 3x
   * (`pointer: coarse`, so 44 px targets, as on the phones a 390 px width stands for).
   */
  async newPage({ cpu = args.cpu, viewport = { width: 1280, height: 800 }, phone = false } = {}) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: phone ? 3 : 1, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    page.on('pageerror', (error) => ctx.errors.push(`${page.url()}: ${error.message}`));
    return { context, page, cdp, close: () => context.close() };
  },
  errors: [],
};

console.log(`bench: ${server.url}  runs=${args.runs} cpu=${args.cpu}x minutes=${args.minutes}  landed: ${Object.entries(has).filter(([, v]) => v).map(([k]) => k).join(', ') || 'none'}`);
if (server.demoError) console.log(`bench: ${server.demoError}`);

const results = [];
for (const section of sections) {
  if (args.only && !args.only.includes(section.id)) continue;
  if (section.id === 'lighthouse' && args.noLighthouse) {
    results.push({ id: section.id, title: section.title, rows: [{ metric: section.title, na: 'skipped (--no-lighthouse)' }] });
    continue;
  }
  const started = Date.now();
  process.stdout.write(`bench: ${section.title} … `);
  let out;
  try {
    out = await section.run(ctx);
  } catch (error) {
    out = { rows: [{ metric: section.title, na: `failed: ${String(error?.message ?? error).split('\n')[0]}` }], error: String(error?.stack ?? error) };
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
  results.push({ id: section.id, title: section.title, ...out });
}

await browser.close();
await server.close();

const table = renderTable(results);
console.log(`\n${table}`);
if (ctx.errors.length) console.log(`\npage errors (${ctx.errors.length}):\n  ${[...new Set(ctx.errors)].slice(0, 10).join('\n  ')}`);

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const report = {
  date: new Date().toISOString(),
  commit,
  args,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, chromium: browser.version?.() },
  landed: has,
  sections: results,
  pageErrors: [...new Set(ctx.errors)],
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
const stamp = report.date.replace(/[:.]/g, '-');
writeFileSync(join(root, `bench/results/${stamp}.json`), JSON.stringify(report, null, 2));
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(report, null, 2));
writeFileSync(join(root, 'bench/results/latest.txt'), `${table}\n`);
console.log(`\nbench: wrote bench/results/${stamp}.json (and latest.json, latest.txt)`);

function parseArgs(argv) {
  const out = { runs: 5, minutes: 3, cpu: 4, quick: false, only: null, noBuild: false, noLighthouse: false, headed: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === '--quick') out.quick = true;
    else if (a === '--runs') out.runs = Number(value());
    else if (a === '--minutes') out.minutes = Number(value());
    else if (a === '--cpu') out.cpu = Number(value());
    else if (a === '--only') out.only = value().split(',');
    else if (a === '--no-build') out.noBuild = true;
    else if (a === '--no-lighthouse') out.noLighthouse = true;
    else if (a === '--headed') out.headed = true;
    else if (a === '--trace') out.trace = true;
    else if (a === '--frames') out.frames = true;
    else if (a === '--install-lighthouse') out.installLighthouse = true;
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else {
      console.error(`bench: unknown flag ${a} (see --help)`);
      process.exit(2);
    }
  }
  if (out.quick) {
    if (!argv.includes('--runs')) out.runs = 3;
    if (!argv.includes('--minutes')) out.minutes = 0.5;
  }
  if (!(out.runs >= 1)) out.runs = 1;
  return out;
}

function newestMtime(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (item.isFile()) newest = Math.max(newest, statSync(join(item.parentPath ?? item.path, item.name)).mtimeMs);
  }
  return newest;
}
