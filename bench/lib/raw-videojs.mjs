// Builds the baseline the bench compares against: plain video.js 8 (with VHS), bundled the
// way an integrator would (rollup + node-resolve + commonjs + terser), into .cache/bench/raw/.
// Reused between runs unless video.js's version changes.
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

export async function buildRawVideojs(root, outDir) {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/video.js/package.json'), 'utf8')).version;
  const stamp = join(outDir, 'version.txt');
  const file = join(outDir, 'videojs.js');
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return { file, version };
  mkdirSync(outDir, { recursive: true });
  const entry = join(outDir, 'entry.mjs');
  writeFileSync(entry, "export { default } from 'video.js';\n");
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve({ browser: true, rootDir: root, modulePaths: [join(root, 'node_modules')] }), commonjs(), terser({ format: { comments: false }, compress: { passes: 2 } })],
    onwarn: (w, warn) => (w.code === 'THIS_IS_UNDEFINED' ? undefined : warn(w)),
  });
  await bundle.write({ file, format: 'es' });
  await bundle.close();
  copyFileSync(join(root, 'node_modules/video.js/dist/video-js.min.css'), join(outDir, 'video-js.min.css'));
  writeFileSync(stamp, version);
  return { file, version };
}
