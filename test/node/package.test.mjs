// The package as npm would publish it (issue 18): `npm pack` of the built package, offline, then
//  - its contents: what an integrator needs (every entry in package.json `exports` and its types,
//    the CDN build, the manifest, README, CHANGELOG) and nothing that must not ship (sources,
//    tests, examples, caches, source maps of the npm build are allowed);
//  - publint (packaging errors and warnings) on the tarball;
//  - @arethetypeswrong/cli on the tarball (every entry resolves to types, ESM-only profile).
// Needs the build (scripts/test.mjs builds first); skipped with a message without it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const built = existsSync(join(root, 'dist/index.d.ts')) && existsSync(join(root, 'dist/cdn/vitrine.js'));
const skip = !built && 'no npm build (dist/index.d.ts): run npm run build';
const ADAPTERS = ['memory', 'rest', 'sse', 'shopify', 'shopify-theme'];

let dir;
let tarball;
let files = [];

before(() => {
  if (!built) return;
  dir = mkdtempSync(join(tmpdir(), 'vitrine-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
  const [info] = JSON.parse(out);
  tarball = join(dir, info.filename);
  files = info.files.map((f) => f.path);
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

test('npm pack: every exported entry and its types are in the tarball', { skip }, () => {
  const need = ['package.json', 'README.md', 'CHANGELOG.md', 'custom-elements.json', 'dist/cdn/vitrine.js', 'dist/cdn/adapters/shopify.js', 'dist/cdn/adapters/shopify-theme.js'];
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') {
      need.push(target.replace(/^\.\//, ''));
    } else if (entry.includes('*')) {
      for (const name of ADAPTERS) for (const file of Object.values(target)) need.push(file.replace(/^\.\//, '').replace('*', name));
    } else {
      for (const file of Object.values(target)) need.push(file.replace(/^\.\//, ''));
    }
  }
  for (const file of need) assert.ok(files.includes(file), `${file} is in the tarball`);
  assert.ok(need.includes('dist/analytics/index.d.ts') && need.includes('dist/seo/index.js'), 'the analytics and seo entries are exported');
});

test('npm pack: no sources, tests, examples, caches or locks in the tarball', { skip }, () => {
  const bad = files.filter((f) => /^(src|test|examples|stories|bench|scripts|docs|\.cache|node_modules|storybook-static)\//.test(f) || /(^|\/)(package-lock\.json|tsconfig[\w.]*\.json|\.env)$/.test(f) || /\.tsbuildinfo$/.test(f));
  assert.deepEqual(bad, []);
  assert.ok(!files.some((f) => f.startsWith('.cache/') || f.includes('test-engine')), 'no test engine');
  console.log(`  ${files.length} files`);
});

test('publint: no error or warning on the tarball', { skip }, async () => {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const tarballData = readFileSync(tarball);
  const { messages, pkg: packed } = await publint({ pack: { tarball: tarballData.buffer.slice(tarballData.byteOffset, tarballData.byteOffset + tarballData.byteLength) }, level: 'warning' });
  const text = messages.map((m) => `${m.type}: ${formatMessage(m, packed) ?? m.code}`);
  assert.deepEqual(text, []);
});

test('@arethetypeswrong/cli: every entry resolves to its types (ESM-only profile)', { skip }, () => {
  const attw = join(root, 'node_modules/.bin/attw');
  const entries = ['.', './define', './analytics', './seo', ...ADAPTERS.map((a) => `./adapters/${a}`)];
  const result = spawnSync(attw, [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--include-entrypoints', ...entries], { encoding: 'utf8' });
  assert.equal(result.status, 0, `attw found problems:\n${result.stdout}\n${result.stderr}`);
});
