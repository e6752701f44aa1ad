#!/usr/bin/env node
// The story smoke test: builds Storybook, serves storybook-static/ on a local port, opens every
// story of index.json in Chromium (playwright-core) and fails a story on any console error, page
// error, Storybook render/play error or axe violation in the story root. Prints a table.
//
//   node scripts/storybook-smoke.mjs            build, then check every story
//   SKIP_STORYBOOK_BUILD=1 node scripts/...     reuse storybook-static/
//   node scripts/storybook-smoke.mjs --filter player   only stories whose id contains "player"
//
// Story tags change how a story is checked:
//   `phone`          opened in a 390×844 touch viewport (the phone stories)
//   `network-error`  the browser's "Failed to load resource" and video.js's MEDIA_ERR_NETWORK
//                    console errors are expected (a broken stream); any other error still fails
//   `axe-off-<rule>` that axe rule is not checked in this story (a known bug, reason at the story)
//   `smoke-skip`     not opened (none should need it)
// test/node/storybook.test.mjs runs it from `npm test`.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath, installHint } from './chromium.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.vtt': 'text/vtt; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * What a story tagged `network-error` may log: the browser's and video.js's report of the failed
 * request (video.js says CODE:2 or, in some runs of the same 404, CODE:4 "…the server or network
 * failed or…the format is not supported").
 */
const EXPECTED_NETWORK_ERRORS = [
  /^Failed to load resource/,
  /^VIDEOJS: ERROR: \(CODE:2 MEDIA_ERR_NETWORK\)/,
  /^VIDEOJS: ERROR: \(CODE:4 MEDIA_ERR_SRC_NOT_SUPPORTED\) The media could not be loaded, either because the server or network failed/,
];

/** `axe-off-<rule>` tags: axe rules a story turns off (each with its reason next to the story). */
const AXE_OFF = 'axe-off-';

/** Page-level axe rules that make no sense for one component in isolation. */
const PAGE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'html-has-lang', 'document-title'];

/** Builds storybook-static/ (telemetry off). Returns the directory. */
export function buildStorybook({ dir = join(root, 'storybook-static') } = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'build-storybook', '--', '--output-dir', dir], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`build-storybook failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return dir;
}

/** A static file server for `dir` on 127.0.0.1 (random port). */
export async function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // Chromium asks for /favicon.ico on its own; Storybook ships an SVG one.
    if (path === '/favicon.ico') file = join(dir, 'favicon.svg');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  // Service workers need a secure context: localhost is one, 127.0.0.1 too.
  return { url: `http://localhost:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

function describeAxe(violations) {
  return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * A page that shows stories one after the other, as Storybook's own UI does: the preview is loaded
 * once and each story is selected over the preview's channel (`setCurrentStory`), so a story costs
 * its render and the settle time, not a reload of the whole preview bundle. Problems (console
 * errors, page errors) are recorded against the story being shown.
 */
async function storyPage(context, baseUrl, axeSource) {
  const page = await context.newPage();
  let current = null;
  page.on('console', (message) => {
    if (!current || message.type() !== 'error') return;
    const text = message.text();
    if (current.networkErrorsExpected && EXPECTED_NETWORK_ERRORS.some((pattern) => pattern.test(text))) return;
    current.problems.push(`console.error: ${text.slice(0, 600)}`);
  });
  page.on('pageerror', (error) => current?.problems.push(`pageerror: ${String(error.message ?? error).slice(0, 300)}`));
  let loaded = false;
  return {
    close: () => page.close(),
    /** Shows one story; resolves with its problems (empty: passed). */
    async check(story, { settle }) {
      current = { problems: [], networkErrorsExpected: story.tags?.includes('network-error') };
      const { problems } = current;
      const started = Date.now();
      try {
        if (!loaded) {
          await page.goto(`${baseUrl}iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
          await page.addScriptTag({ content: axeSource });
          loaded = true;
        } else {
          await page.evaluate((storyId) => {
            globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
          }, story.id);
        }
        // Rendered and played (or failed): Storybook's render phase for this story, or its error display.
        const phase = await page
          .waitForFunction(
            (storyId) => {
              const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
              if (render?.id !== storyId) return false;
              if (document.body.classList.contains('sb-show-errordisplay')) return 'errordisplay';
              return ['finished', 'errored', 'aborted'].includes(render.phase) ? render.phase : false;
            },
            story.id,
            { timeout: 20_000, polling: 100 },
          )
          .then((handle) => handle.jsonValue())
          .catch(() => 'timeout');
        if (phase !== 'finished') {
          const display = await page.locator('#error-message').textContent().catch(() => '');
          problems.push(`story did not render (${phase})${display ? `: ${display.trim().slice(0, 300)}` : ''}`);
        }
        // Let async states (mock latency, video start, live events) happen; errors they raise count.
        await page.waitForTimeout(settle);
        const violations = await page.evaluate(async (disabled) => {
          const target = document.querySelector('#storybook-root') ?? document.body;
          const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
          const result = await globalThis.axe.run(target, { rules, resultTypes: ['violations'] });
          return result.violations.map(({ id, impact, help, nodes }) => ({
            id,
            impact,
            help,
            nodes: nodes.map((n) => ({ target: n.target.map(String) })),
          }));
        }, [...PAGE_RULES, ...(story.tags ?? []).filter((t) => t.startsWith(AXE_OFF)).map((t) => t.slice(AXE_OFF.length))]);
        problems.push(...describeAxe(violations));
      } catch (error) {
        problems.push(`smoke test error: ${error.message}`);
      }
      current = null;
      return { id: story.id, title: `${story.title} / ${story.name}`, problems, ms: Date.now() - started };
    },
  };
}

/** Opens one story in a page of its own (the retry of a story that failed after another). */
async function checkStoryAlone(context, baseUrl, story, axeSource, options) {
  const page = await storyPage(context, baseUrl, axeSource);
  try {
    return await page.check(story, options);
  } finally {
    await page.close();
  }
}

/**
 * Checks every story. Returns `{ results, failed }`; `log` receives the table lines.
 * Options: `build` (default true), `dir`, `filter` (substring of story ids), `settle` (ms after render).
 */
export async function smoke({ build = true, dir = join(root, 'storybook-static'), filter, settle = 800, log = console.log } = {}) {
  if (!chromePath) throw new Error(installHint);
  if (build) buildStorybook({ dir });
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story' && !e.tags?.includes('smoke-skip'))
    .filter((e) => !filter || e.id.includes(filter));
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, headless: true });
  const results = [];
  try {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    // One page per viewport, reused from story to story. A story that fails there is opened again
    // in a fresh page: it fails only if it fails alone too (then its first problems are reported),
    // and a story that passes only alone is named in the table, since a designer switching
    // stories would see that.
    const pages = new Map();
    const pageFor = async (context) => {
      if (!pages.has(context)) pages.set(context, await storyPage(context, server.url, axeSource));
      return pages.get(context);
    };
    for (const story of stories) {
      const context = story.tags?.includes('phone') ? phone : desktop;
      let result = await (await pageFor(context)).check(story, { settle });
      if (result.problems.length) {
        const alone = await checkStoryAlone(context, server.url, story, axeSource, { settle });
        result = alone.problems.length ? result : { ...alone, note: `passes alone; after the previous story: ${result.problems[0]}` };
      }
      results.push(result);
    }
    for (const page of pages.values()) await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const width = Math.max(10, ...results.map((r) => r.id.length));
  log(`\n${'story'.padEnd(width)}  result  time`);
  log(`${'-'.repeat(width)}  ------  ------`);
  for (const r of results) {
    log(`${r.id.padEnd(width)}  ${r.problems.length ? 'FAIL  ' : 'ok    '}  ${String(r.ms).padStart(5)}ms`);
    for (const p of r.problems) log(`${' '.repeat(width)}    - ${p}`);
    if (r.note) log(`${' '.repeat(width)}    (${r.note.slice(0, 400)})`);
  }
  const failed = results.filter((r) => r.problems.length).length;
  log(`\n${results.length} stories, ${results.length - failed} passed, ${failed} failed`);
  return { results, failed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--filter');
  const filter = at > 0 ? process.argv[at + 1] : undefined;
  smoke({ build: !process.env.SKIP_STORYBOOK_BUILD, filter })
    .then(({ results, failed }) => process.exit(failed || !results.length ? 1 : 0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
