// The module graph of the CDN build (dist/cdn/vitrine.js and its chunks), as the browser
// will load it: the eager graph is the entry plus everything reached through static
// `import` / `export … from` (fetched before the entry runs); lazy graphs start at each
// dynamic `import()` target and count only what is not eager already.
// Shared by test/node/budgets.test.mjs (asserted budgets) and bench/run.mjs (reported figures).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

/** Strings only video.js / VHS code contains (they survive minification; not chunk file names, not
 * VIDEOJS_NO_DYNAMIC_STYLE, which the eager engine loader sets legitimately). */
export const VIDEOJS_MARKERS = ['The media could not be loaded', 'vhs-json', 'http-streaming'];

export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((child) => child && typeof child === 'object' && walk(child, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/** Static and dynamic relative imports of one ES module file. */
export function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const ast = parseAst(code);
  const statics = [];
  const dynamics = [];
  for (const node of ast.body) {
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
      statics.push(node.source.value);
    }
  }
  walk(ast, (node) => {
    if (node.type === 'ImportExpression' && node.source.type === 'Literal') dynamics.push(node.source.value);
  });
  const resolve = (spec) => (spec.startsWith('.') ? join(dirname(file), spec) : null);
  return { code, statics: statics.map(resolve).filter(Boolean), dynamics: dynamics.map(resolve).filter(Boolean) };
}

/** Every file reached from `start` through static imports (start included). */
function staticClosure(start, cache) {
  const seen = new Set();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!cache.has(file)) cache.set(file, importsOf(file));
    stack.push(...cache.get(file).statics);
  }
  return seen;
}

function describe(files, cache, root) {
  const list = [...files].map((file) => {
    const buf = readFileSync(file);
    const code = cache.get(file)?.code ?? buf.toString('utf8');
    return {
      file: relative(root, file),
      raw: buf.length,
      gzip: gzip(buf),
      brotli: brotli(buf),
      videojs: VIDEOJS_MARKERS.filter((marker) => code.includes(marker)),
    };
  });
  list.sort((a, b) => b.brotli - a.brotli);
  const total = (key) => list.reduce((n, f) => n + f[key], 0);
  return { files: list, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

/**
 * Measures the CDN build. Returns the eager graph and one lazy graph per dynamic import
 * target (transitively: a lazy chunk's own `import()` targets are lazy graphs too).
 */
export function cdnGraph(entry) {
  const root = dirname(entry);
  const cache = new Map();
  const eagerFiles = staticClosure(entry, cache);
  const lazy = new Map();
  const queue = [...eagerFiles].flatMap((f) => cache.get(f).dynamics);
  while (queue.length) {
    const target = queue.shift();
    if (lazy.has(target) || eagerFiles.has(target)) continue;
    const files = [...staticClosure(target, cache)].filter((f) => !eagerFiles.has(f));
    lazy.set(target, files);
    for (const f of files) queue.push(...cache.get(f).dynamics);
  }
  // The first view of a show: what the loader imports for a <vitrine-show> (the elements' chunk
  // and its static imports), fetched as soon as the show is in the page, before any interaction.
  // Chunks the loader imports for other tags only (a <vitrine-chat> placed on its own) are not a
  // show's; a build where no chunk defines the show counts every chunk the loader imports.
  const loaderTargets = [...eagerFiles].flatMap((f) => cache.get(f).dynamics);
  const definesShow = (target) => existsSync(target) && readFileSync(target, 'utf8').includes('"vitrine-show"');
  const showTargets = loaderTargets.filter(definesShow);
  const firstViewFiles = new Set();
  for (const target of showTargets.length ? showTargets : loaderTargets) {
    for (const f of staticClosure(target, cache)) if (!eagerFiles.has(f)) firstViewFiles.add(f);
  }
  const lazyGraphs = [...lazy].map(([target, files]) => ({ target: relative(root, target), ...describe(files, cache, root) }));
  const engineFiles = new Set();
  for (const graph of lazyGraphs) {
    if (graph.files.some((f) => f.videojs.length)) graph.files.forEach((f) => engineFiles.add(join(root, f.file)));
  }
  return {
    eager: describe(eagerFiles, cache, root),
    firstView: describe(firstViewFiles, cache, root),
    lazy: lazyGraphs,
    engine: describe(engineFiles, cache, root),
  };
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
