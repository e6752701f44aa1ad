// Two builds from one `npm run build`:
// 1. dist/      for npm: ES modules kept as modules, .d.ts, dependencies left as bare imports.
// 2. dist/cdn/  for one <script type="module">: minified, source maps, code-split so the
//               video engine (video.js + VHS) is a lazy chunk fetched only on play intent.
//               Chunk imports are relative ("./chunks/…"), so any CDN path works.
import { readdirSync, readFileSync, existsSync, renameSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { compileLitTemplates } from '@lit-labs/compiler';
import MagicString from 'magic-string';

/**
 * Lit's template compiler (@lit-labs/compiler, from the Lit team), for the modules whose path
 * matches `only`: their templates ship prepared (the HTML with its parts' places), so a first render
 * skips Lit's preparation of each template (a walk of its parsed HTML for the parts). The chat's
 * first render is 40 % shorter (14 → 8 ms at 1x, median of 12 page loads). It costs bytes (about
 * 5 %), so it is applied to the lazy chunks only: the chat, the moments, the cart drawer, the
 * product detail's body, the player's controls and the show's parts loaded on interaction. The
 * first view's modules stay as written: compiling the show's main template alone added 0.3 kB
 * brotli to it, with no gain measurable above the noise.
 */
const LAZY_TEMPLATES = /components\/(chat\/chat|moments\/|cart\/cart\.drawer|product-detail\/product-detail\.body|player\/player-controls|show\/show\.(chat|stage|toast|share)-part)/;

function litCompiled(only) {
  const factory = compileLitTemplates();
  return (context) => {
    const transform = factory(context);
    return (file) => (only.test(file.fileName.replaceAll('\\', '/')) ? transform(file) : file);
  };
}

/** Imports a stylesheet as its text, to adopt into a shadow root (never into <head>). */
function cssText() {
  return {
    name: 'css-text',
    transform(code, id) {
      if (!id.endsWith('.css')) return null;
      return { code: `export default ${JSON.stringify(code)};`, map: { mappings: '' } };
    },
  };
}

/**
 * Minifies the text of Lit `css` template literals in src/ (comments, indentation, line breaks and
 * the `;` before a `}` go): about 40 kB of style text that every page downloads and parses, shipped
 * as written. Quoted strings and `${…}` interpolations are kept. The literals are rewritten with
 * magic-string, which maps the code after them to where it was written (source maps stay right
 * although the lines are joined).
 */
export function minifyCssLiterals() {
  const quoted = `'(?:\\\\.|[^'\\\\])*'|"(?:\\\\.|[^"\\\\])*"`;
  // Comments first, found in the same pass as quoted strings: an apostrophe in a comment ("the
  // card's") must not open a string, which kept the text after it as written.
  const uncomment = (css) => css.replace(new RegExp(`/\\*[\\s\\S]*?\\*/|${quoted}`, 'g'), (m) => (m.startsWith('/*') ? ' ' : m));
  const squeeze = (css) =>
    uncomment(css)
      .split(new RegExp(`(${quoted})`))
      .map((part, k) =>
        k % 2
          ? part
          : part
              .replace(/\s+/g, ' ')
              .replace(/ *([{};,>/]) */g, '$1')
              .replace(/\( /g, '(')
              .replace(/ \)/g, ')')
              .replace(/: +/g, ':')
              .replace(/;+}/g, '}'),
      )
      .join('');
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      // TypeScript emits the tag as `css \`…\`` (with a space).
      const tag = /\bcss\s*`/g;
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !tag.test(code)) return null;
      const out = new MagicString(code);
      // Each run of style text (between the backticks and the interpolations) is replaced.
      const replace = (from, to) => {
        const text = code.slice(from, to);
        const squeezed = squeeze(text);
        if (squeezed === text) return;
        if (squeezed) out.overwrite(from, to, squeezed);
        else out.remove(from, to);
      };
      let i = 0;
      for (;;) {
        tag.lastIndex = i;
        const found = tag.exec(code);
        if (!found) break;
        let j = found.index + found[0].length;
        let from = j;
        while (j < code.length && code[j] !== '`') {
          if (code[j] === '\\') {
            j += 2;
          } else if (code[j] === '$' && code[j + 1] === '{') {
            replace(from, j);
            let depth = 0;
            do {
              if (code[j] === '{') depth += 1;
              else if (code[j] === '}') depth -= 1;
              j += 1;
            } while (depth > 0 && j < code.length);
            from = j;
          } else {
            j += 1;
          }
        }
        replace(from, j);
        i = j + 1;
      }
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id, includeContent: true }) };
    },
  };
}

/**
 * The storefront engine plays HLS (docs/show-document.md), never DASH: video.js's VHS imports
 * mpd-parser (+ @xmldom/xmldom) for DASH manifests only. Replacing it with a stub that refuses
 * DASH takes ~25 kB brotli (~80 kB of JS to parse) off the lazy engine chunk (issue 8, bench).
 */
function noDash() {
  const id = '\0vitrine:no-dash';
  return {
    name: 'no-dash',
    resolveId: (source) => (source === 'mpd-parser' ? id : null),
    load: (source) =>
      source === id
        ? [
            "const refuse = () => { throw new Error('DASH manifests are not supported: use HLS'); };",
            'export const parse = refuse, parseUTCTiming = refuse, addSidxSegmentsToPlaylist = refuse;',
            'export const generateSidxKey = (sidx) => sidx && `${sidx.uri}-${sidx.byterange.offset}-${sidx.byterange.length}`;',
          ].join('\n')
        : null,
  };
}

/**
 * VHS starts its transmuxer with `new Worker(blobUrl)`, a Trusted Types sink: route that URL
 * through Vitrine's `vitrine` policy (src/engine/trusted-types.ts), so the player works on pages
 * that enforce `require-trusted-types-for 'script'`.
 */
function trustedWorker() {
  const helper = new URL('./src/engine/trusted-types.ts', import.meta.url).pathname;
  return {
    name: 'trusted-worker',
    transform(code, id) {
      if (!/video\.js[\\/]dist[\\/]video\.es\.js$/.test(id)) return null;
      const pattern = 'new Worker(objectUrl)';
      if (!code.includes(pattern)) {
        this.warn('trusted-worker: `new Worker(objectUrl)` not found in video.js; Trusted Types pages will block VHS');
        return null;
      }
      return {
        code: `import { trustedWorkerUrl as __vitrineWorkerUrl } from ${JSON.stringify(helper)};\n` +
          code.replaceAll(pattern, 'new Worker(__vitrineWorkerUrl(objectUrl))'),
        map: null,
      };
    },
  };
}

/**
 * A `manualChunks` that puts the static import closure of `entry` (resolved module ids, followed
 * through `importedIds`, never through dynamic imports) into one chunk named `name`.
 */
function firstViewChunk(entry, name) {
  const root = new URL(`./${entry}`, import.meta.url).pathname;
  let closure;
  return (id, { getModuleInfo }) => {
    if (!closure) {
      closure = new Set();
      const stack = [root];
      while (stack.length) {
        const module = stack.pop();
        if (closure.has(module)) continue;
        closure.add(module);
        stack.push(...(getModuleInfo(module)?.importedIds ?? []));
      }
    }
    return closure.has(id) ? name : undefined;
  };
}

/**
 * dist/cdn/vitrine.css: the stylesheet a storefront links beside vitrine.js, which reserves a
 * not-yet-defined show's height (src/components/show/show.reserve.css), without its comments.
 */
function reserveStylesheet() {
  const source = new URL('./src/components/show/show.reserve.css', import.meta.url);
  return {
    name: 'reserve-stylesheet',
    buildStart() {
      this.addWatchFile(source.pathname);
    },
    generateBundle() {
      const css = readFileSync(source, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ *([{};,]) */g, '$1')
        .trim();
      this.emitFile({ type: 'asset', fileName: 'vitrine.css', source: `${css}\n` });
    },
  };
}

const dirs = (path) => (existsSync(path) ? readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []);

const npmInputs = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'analytics/index': 'src/analytics/index.ts',
  'seo/index': 'src/seo/index.ts',
  ...Object.fromEntries(dirs('src/adapters').map((name) => [`adapters/${name}/index`, `src/adapters/${name}/index.ts`])),
  ...Object.fromEntries(
    dirs('src/components')
      .filter((name) => existsSync(`src/components/${name}/define.ts`))
      .map((name) => [`components/${name}/define`, `src/components/${name}/define.ts`]),
  ),
};

const bare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.endsWith('.css');

// `npm start` (scripts/start.mjs) builds only what the demo needs: VITRINE_BUILD=demo builds the
// script-tag bundle and the SEO module its server renders JSON-LD with (.cache/demo/seo.js), not
// the npm modules, their types, the test engine or the manifest.
const demo = process.env.VITRINE_BUILD === 'demo';

// The demo's SEO module is one file under .cache/demo/: never into dist/, whose modules it would
// overwrite with copies tree-shaken for it alone.
const demoSeo = {
  input: { seo: 'src/seo/index.ts' },
  external: bare,
  plugins: [typescript({ tsconfig: './tsconfig.json', outDir: '.cache/demo', declaration: false, declarationMap: false, sourceMap: false })],
  output: { dir: '.cache/demo', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
};

const configs = [
  {
    input: npmInputs,
    external: bare,
    plugins: [
      cssText(),
      minifyCssLiterals(),
      nodeResolve({ resolveOnly: (id) => id.endsWith('.css') }),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: true, declarationDir: 'dist' }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  },
  {
    // vitrine.js is the loader (src/cdn.ts); api.js the npm API as one module for script-tag pages,
    // sharing the elements' chunk (so `registerMessages` from api.js reaches the elements); optional
    // adapters get their own entry (loaded only by pages that use them).
    input: {
      vitrine: 'src/cdn.ts',
      api: 'src/index.ts',
      'adapters/shopify': 'src/adapters/shopify/index.ts',
      'adapters/shopify-theme': 'src/adapters/shopify-theme/index.ts',
    },
    plugins: [
      cssText(),
      minifyCssLiterals(),
      noDash(),
      trustedWorker(),
      reserveStylesheet(),
      nodeResolve({ browser: true }),
      commonjs(),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist/cdn', declaration: false, declarationMap: false, transformers: { before: [litCompiled(LAZY_TEMPLATES)] } }),
      // Only V8's compile hint (output.banner, below) is kept.
      terser({ format: { comments: /^# allFunctionsCalledOnLoad$/ }, compress: { passes: 2 } }),
    ],
    output: {
      dir: 'dist/cdn',
      // The first view's chunk: every function of it runs at load, so Chromium (136+) compiles them
      // all while the chunk streams in, off the main thread, instead of each on its first call, on
      // the main thread (V8's explicit compile hints). Other browsers ignore the comment.
      banner: (chunk) => (chunk.name === 'elements' ? '//# allFunctionsCalledOnLoad' : ''),
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // A show's first view is one chunk ('elements': src/elements.ts and everything it imports
      // statically). The other entries (api.js, the Shopify adapters) import from it rather than
      // cut it up: split along what each entry shares, it became a dozen small chunks that
      // compress worse (+8 kB brotli), and api.js shares its module instances with the elements
      // (texts registered through it reach them).
      manualChunks: firstViewChunk('src/elements.ts', 'elements'),
    },
    onwarn(warning, warn) {
      // video.js and mux.js use `this` at the top level of CommonJS files; harmless.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  },
];

if (demo) {
  configs[0] = demoSeo;
} else {
  configs.push(
    // 3. .cache/test-engine/videojs.js: the video engine alone, bundled (video.js cannot be served raw
    //    by web-test-runner); test/servers/player.mjs serves it for /src/engine/videojs.js.
    {
      input: { videojs: 'src/engine/videojs.ts' },
      plugins: [
        trustedWorker(),
        noDash(),
        nodeResolve({ browser: true }),
        commonjs(),
        typescript({ tsconfig: './tsconfig.json', outDir: '.cache/test-engine/next', declaration: false, declarationMap: false, sourceMap: false }),
        {
          // Tests running while someone builds must never read a half-written engine: write, then rename.
          name: 'atomic-test-engine',
          writeBundle() {
            renameSync('.cache/test-engine/next/videojs.js', '.cache/test-engine/videojs.js');
          },
        },
      ],
      output: { dir: '.cache/test-engine/next', format: 'es', sourcemap: false, entryFileNames: '[name].js' },
      onwarn(warning, warn) {
        if (warning.code === 'THIS_IS_UNDEFINED') return;
        warn(warning);
      },
    },
  );
}

export default configs;
