// Size budgets of the storefront bundle (issue 8), asserted on the built dist/cdn/ (scripts/test.mjs
// builds first). Bytes are brotli, quality 11, per file, as a CDN serves them.
// - eager graph: dist/cdn/vitrine.js and every chunk it reaches through static imports/re-exports
//   (what a storefront pays before any play intent): goal 20 kB, asserted against a ratchet (below);
// - engine graph: the lazy chunks (dynamic `import()` targets and their own static imports, minus the
//   eager ones) that contain video.js ≤ 170 kB;
// - no video.js code in the eager graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdnGraph, kB, VIDEOJS_MARKERS } from '../../bench/lib/graph.mjs';

export const EAGER_BUDGET = 20_000;
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

// The eager goal is 20 kB. CONTRACT §1 has the CDN entry define every element and re-export the whole
// npm API, so the eager graph holds every element class, parser, adapter and service (bench.md F1,
// LEAD.md L1). Interaction-only UI is moving to lazy chunks (the product detail's and the cart drawer's
// content and the SSE connection are; 44.6 kB); EAGER_CEILING is a ratchet just above the measured
// figure: it is lowered after each split lands, and any growth past it fails
// `npm test`. The 20 kB goal is printed with the figure on every run.
// Issue 15 (chat) adds 1.2 kB to the eager graph, not the chat itself (its element is a lazy chunk,
// 6.9 kB): the parsing of chat events in parseShowEvent (parse.ts -> parse-interactions.ts, which
// every live show needs before it knows whether it has a chat) and the lazy <vitrine-chat> definition.
export const EAGER_CEILING = 46_000;

test(`budgets: eager graph of ${entry} ≤ ${kB(EAGER_CEILING)} brotli (ratchet; goal ${kB(EAGER_BUDGET)})`, { skip: !graph && 'no build' }, () => {
  const gap = graph.eager.brotli - EAGER_BUDGET;
  console.log(
    `  eager graph: ${kB(graph.eager.brotli)} brotli (${kB(graph.eager.gzip)} gzip, ${kB(graph.eager.raw)} raw), ${graph.eager.files.length} file(s); ` +
      `goal ${kB(EAGER_BUDGET)}: ${gap > 0 ? `${kB(gap)} over` : 'met'}\n${table(graph.eager.files)}`,
  );
  assert.ok(
    graph.eager.brotli <= EAGER_CEILING,
    `eager graph is ${kB(graph.eager.brotli)} brotli, over the ${kB(EAGER_CEILING)} ceiling: something that is only needed after an interaction went into the storefront entry`,
  );
});

test('budgets: no video.js code in the eager graph', { skip: !graph && 'no build' }, () => {
  const offenders = graph.eager.files.filter((f) => f.videojs.length);
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
