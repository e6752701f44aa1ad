// Size budgets of the storefront bundle (issue 8), asserted on the built dist/cdn/ (scripts/test.mjs
// builds first). Bytes are brotli, quality 11, per file, as a CDN serves them.
// - loader: dist/cdn/vitrine.js and every chunk it reaches through static imports (what every page
//   with the script tag runs, also pages without a show) ≤ 3 kB;
// - first view: the chunks the loader imports when a vitrine-* element is in the page, with their
//   static imports (what a show costs before any interaction): goal 25 kB, asserted against a
//   ratchet (below);
// - engine graph: the lazy chunks (dynamic `import()` targets and their own static imports, minus the
//   eager ones) that contain video.js ≤ 170 kB;
// - no video.js code in the eager graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdnGraph, kB, VIDEOJS_MARKERS } from '../../bench/lib/graph.mjs';

export const LOADER_BUDGET = 3_000;
export const FIRST_VIEW_BUDGET = 25_000;
export const ENGINE_BUDGET = 170_000;

const entry = 'dist/cdn/vitrine.js';

/** True when some source under src/ imports video.js, so the build must hold an engine chunk. */
function sourceImportsVideojs(dir = 'src') {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) {
      if (sourceImportsVideojs(path)) return true;
    } else if (/\.ts$/.test(item.name) && /from\s+['"]video\.js(\/[^'"]*)?['"]|import\(\s*['"]video\.js/.test(readFileSync(path, 'utf8'))) {
      return true;
    }
  }
  return false;
}

test('budgets: the graph walker counts static imports and re-exports as eager, import() targets as lazy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-graph-'));
  try {
    mkdirSync(join(dir, 'chunks'));
    const file = (name, code) => writeFileSync(join(dir, name), code);
    file('entry.js', 'import{a as b}from"./chunks/shared.js";export{c}from"./chunks/reexported.js";export*from"./chunks/star.js";const load=()=>import("./chunks/engine.js");');
    file('chunks/shared.js', 'export const a=1;');
    file('chunks/reexported.js', 'export const c=2;');
    file('chunks/star.js', 'export const d=3;');
    file('chunks/engine.js', 'import"./shared.js";import"./vendor.js";export const e="The media could not be loaded";');
    file('chunks/vendor.js', 'export const f=4;');
    const g = cdnGraph(join(dir, 'entry.js'));
    assert.deepEqual(g.eager.files.map((f) => f.file).sort(), ['chunks/reexported.js', 'chunks/shared.js', 'chunks/star.js', 'entry.js']);
    assert.deepEqual(g.lazy.map((l) => [l.target, l.files.map((f) => f.file).sort()]), [['chunks/engine.js', ['chunks/engine.js', 'chunks/vendor.js']]]);
    assert.deepEqual(g.engine.files.map((f) => f.file).sort(), ['chunks/engine.js', 'chunks/vendor.js']);
    assert.ok(g.eager.files.every((f) => f.videojs.length === 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('budgets: the CDN build exists', () => {
  assert.ok(existsSync(entry), `${entry} is missing: run npm run build (scripts/test.mjs builds first)`);
});

const graph = existsSync(entry) ? cdnGraph(entry) : null;
const table = (files) => files.map((f) => `    ${f.file.padEnd(40)} ${kB(f.brotli).padStart(9)} br  ${kB(f.raw).padStart(9)} raw`).join('\n');

test(`budgets: the loader (${entry} and its static imports) ≤ ${kB(LOADER_BUDGET)} brotli`, { skip: !graph && 'no build' }, () => {
  console.log(`  loader: ${kB(graph.eager.brotli)} brotli (${kB(graph.eager.raw)} raw), ${graph.eager.files.length} file(s)\n${table(graph.eager.files)}`);
  assert.ok(graph.eager.brotli <= LOADER_BUDGET, `the loader is ${kB(graph.eager.brotli)} brotli, over ${kB(LOADER_BUDGET)}: element code went into vitrine.js`);
});

// The first view's goal is 25 kB (stretch 20). FIRST_VIEW_CEILING is a ratchet just above the
// measured figure (38.0 kB: the show, player facade, rail, cards, cart button and the show
// document's loading in one chunk). Issue 19 took out 9.4 kB: the cart service and both cart
// adapters (lazy-cart.ts: loaded when idle or with the first cart request), ky (the show document
// is read with get.ts; the cart, chat and events connection that use ky are lazy), the product
// detail (defined when idle or when a product is opened), the cart parser (parse-cart.ts) and the
// pin scheduler (engine/highlight.ts). What is left over the goal is the show's, the player's and
// the carousel's own code (about 5 kB each) and the show document's parsing. Any growth past the
// ceiling fails `npm test`; the goal is printed every run. The phone stage, the add toast, the
// Share button and the slots then added 2.8 kB of eager hooks (their templates and styles are lazy
// chunks): 40.8 kB measured. The player's control-bar texts then moved to the lazy controls chunk
// (player.controls.messages.ts): 40.4 kB measured. Then up again to 41.5 kB with the base
// element's guard against broken host globals (every update caught, the failure state built
// without Lit), the moments' place in the wide layout with the pinned product's description, and
// the rail's idle warm-up (ICU, styles) and pin scroll; 41.7 kB with the show document requested
// by the loader. Then 42.5 kB: prices, counts and the American English date of the first view
// formatted without Intl (core/number-formats.ts, ~1.0 kB), so ICU's start-up, one long task of
// ~220 ms at 4x CPU, no longer runs before play. German and Arabic then left the first view for
// lazy chunks like the other languages (src/locales/de.ts, ar.ts; the loader requests the page's
// one beside it): about 1.5 kB less. The rail's one-frame first render (its stride from the CSS,
// sizes read in the ResizeObserver callback) and the idle rehearsal of its first render
// (carousel/prepare.ts): about 0.4 kB more. 41.8 kB measured with every branch merged.
// 1 December: the header's fixed lines, the chat overlay's places, the rail's card queue and the
// tasks of the show's start: 42.4 kB measured with every branch merged.
// Later on 1 December: the back/forward cache (session.ts) and the chip's label sizers, about
// 0.1 kB more; Lit's styleMap out (the stage placeholder and the poll's bars set their styles
// through the CSSOM, styleProps: a style attribute was refused by a strict CSP), 0.24 kB less,
// and the stage chip's measuring in the stage's lazy part: 42.3 kB measured.
// Later on 1 December: counts' plural forms without Intl.PluralRules (number-formats.ts) and the
// rail's rehearsal in a chunk of its own (carousel/prepare.ts), about even; V8's compile hint at
// the top of the chunk (rollup.config.mjs), about 0.1 kB of brotli for 29 bytes; the card's deal
// block in the stock line's place, at the height of the price row and the stock line (a deal on a
// low-stock product grew the rail and the show: CLS), about 0.1 kB: 42.5 kB measured.
// The deal block's width contained by the card then went over the ceiling (42.8 kB): its comment
// had an apostrophe ("the card's"), and the build's minifier of css literals read it as the start
// of a quoted string, which kept the rest of the card's styles as written. About 50 comments in 7
// chunks had been shipped that way: comments are now removed first (rollup.config.mjs,
// test/node/minify-css.test.mjs), 2.3 kB less: 40.5 kB measured. Then the price row's keyed
// struck price (a pin to a product with a price of another width moved it: CLS) and the rail's row
// height kept at its tallest (the tallest card leaving the rendered range moved every card's
// button), about 0.2 kB: 40.7 kB measured.
// 1 December, evening: the first view's reads and scrolls after a render moved out of the render's
// task, and the rail's stylesheets parsed before the show's first render, about 0.1 kB; the
// iCalendar writer (core/calendar.ts, only a scheduled show's "Add to calendar" needs it) a lazy
// chunk, 0.4 kB less; the rail's first products in a task of their own, about 40 bytes: 40.4 kB
// measured (40,366 bytes).
// 1-2 December: the type scale and the fonts' warm-up (the loader's), 40,382 bytes; the show's
// first render in a task after its upgrade (`:state(pending)`, about 0.13 kB) and the css
// literals' line breaks, last semicolons and spaces around `/` and in parentheses minified away
// (about 0.15 kB less): 40,370 bytes.
// (The chunk the loader imports for a lone <vitrine-chat> is not a show's first view: graph.mjs.)
export const FIRST_VIEW_CEILING = 40_400;

test(`budgets: first view of a show ≤ ${kB(FIRST_VIEW_CEILING)} brotli (ratchet; goal ${kB(FIRST_VIEW_BUDGET)})`, { skip: !graph && 'no build' }, () => {
  const gap = graph.firstView.brotli - FIRST_VIEW_BUDGET;
  console.log(
    `  first view: ${kB(graph.firstView.brotli)} brotli (${kB(graph.firstView.gzip)} gzip, ${kB(graph.firstView.raw)} raw), ${graph.firstView.files.length} file(s); ` +
      `goal ${kB(FIRST_VIEW_BUDGET)}: ${gap > 0 ? `${kB(gap)} over` : 'met'}\n${table(graph.firstView.files)}`,
  );
  assert.ok(graph.firstView.files.length > 0, 'the loader imports no element chunk');
  assert.ok(
    graph.firstView.brotli <= FIRST_VIEW_CEILING,
    `the first view is ${kB(graph.firstView.brotli)} brotli, over the ${kB(FIRST_VIEW_CEILING)} ceiling: something that is only needed after an interaction went into it`,
  );
});

// What only exists after play intent carries its own texts (player.controls.messages.ts): the
// control bar's English texts are not in the first view (the facade's are).
test('budgets: the first view carries the facade\'s texts, not the control bar\'s', { skip: !graph && 'no build' }, () => {
  const code = graph.firstView.files.map((f) => readFileSync(join('dist/cdn', f.file), 'utf8')).join('\n');
  assert.ok(code.includes('Video: {title}'), 'the facade\'s texts are in the first view');
  for (const text of ['Exit full screen', 'Vollbild beenden', 'Turn captions on', 'Go live ({seconds} s behind)']) {
    assert.ok(!code.includes(text), `"${text}" (a control bar text) is in the first view`);
  }
});

// Every language but English is a lazy chunk (src/locales/): a show carries only its page's.
test('budgets: the first view carries English texts only; German and Arabic are in their own chunks', { skip: !graph && 'no build' }, () => {
  const code = graph.firstView.files.map((f) => readFileSync(join('dist/cdn', f.file), 'utf8')).join('\n');
  const chunk = (name) => {
    const file = readdirSync('dist/cdn/chunks').find((f) => new RegExp(`^${name}-[^.]+\\.js$`).test(f));
    assert.ok(file, `no ${name} chunk in dist/cdn/chunks`);
    return readFileSync(join('dist/cdn/chunks', file), 'utf8');
  };
  const texts = { de: ['Die Show wird geladen…', 'Erneut versuchen', 'In den Warenkorb'], ar: ['جارٍ تحميل العرض…', 'أعد المحاولة'], fr: ['Chargement de l’émission…'] };
  assert.ok(code.includes('Loading the show…'), 'the English texts are in the first view');
  for (const [language, list] of Object.entries(texts)) {
    for (const text of list) {
      assert.ok(chunk(language).includes(text), `"${text}" is in the ${language} chunk`);
      assert.ok(!code.includes(text), `"${text}" (${language}) is in the first view`);
    }
  }
});

// The loader requests the page's language beside the elements' chunk: the same files the
// elements' i18n imports (else the texts would download twice, or the elements would wait for nothing).
test('budgets: the loader and the elements import the same locale chunks, one per src/locales/ file', { skip: !graph && 'no build' }, () => {
  const locales = readdirSync('src/locales').filter((f) => f.endsWith('.ts') && f !== 'types.ts').map((f) => f.replace(/\.ts$/, '')).sort();
  const targets = (file, prefix) => {
    const found = [];
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
      const name = /([a-zA-Z-]+?)-[\w-]{8}\.js$/.exec(path)?.[1];
      if (locales.includes(name)) found.push(join(prefix, path));
    }
    return found.sort();
  };
  const fromLoader = targets(entry, 'dist/cdn');
  const fromElements = graph.firstView.files.flatMap((f) => targets(join('dist/cdn', f.file), join('dist/cdn', f.file, '..')));
  assert.equal(fromLoader.length, locales.length, `the loader imports ${fromLoader.join(', ')}; src/locales has ${locales.join(', ')}`);
  assert.deepEqual(fromLoader, fromElements.sort());
});

test('budgets: no video.js code in the loader or the first view', { skip: !graph && 'no build' }, () => {
  const offenders = [...graph.eager.files, ...graph.firstView.files].filter((f) => f.videojs.length);
  assert.deepEqual(
    offenders.map((f) => `${f.file}: ${f.videojs.join(', ')}`),
    [],
    `video.js markers (${VIDEOJS_MARKERS.join(', ')}) found in eagerly loaded files: video.js must only be reached through import()`,
  );
});

test(`budgets: lazy engine graph (video.js chunks) ≤ ${kB(ENGINE_BUDGET)} brotli`, { skip: !graph && 'no build' }, (t) => {
  for (const lazy of graph.lazy) {
    console.log(`  lazy graph ${lazy.target}: ${kB(lazy.brotli)} brotli (${kB(lazy.raw)} raw)${lazy.files.some((f) => f.videojs.length) ? ' [video.js]' : ''}`);
  }
  if (!graph.engine.files.length) {
    // Before the player's engine lands, nothing imports video.js and there is nothing to measure;
    // once src/ imports video.js, a missing lazy video.js chunk is a failure (it went eager or vanished).
    assert.equal(sourceImportsVideojs(), false, 'src/ imports video.js but no lazy chunk of dist/cdn contains it');
    t.skip('no source imports video.js yet: no engine chunk to measure');
    return;
  }
  console.log(`  engine graph: ${kB(graph.engine.brotli)} brotli (${kB(graph.engine.gzip)} gzip, ${kB(graph.engine.raw)} raw)\n${table(graph.engine.files)}`);
  assert.ok(graph.engine.brotli <= ENGINE_BUDGET, `engine graph is ${kB(graph.engine.brotli)} brotli, over the ${kB(ENGINE_BUDGET)} budget`);
});
