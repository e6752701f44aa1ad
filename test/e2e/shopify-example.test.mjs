// examples/shopify cannot run here (no Shopify), so this keeps it honest against the code it uses:
// the snippet's inline module imports only names that src/adapters/shopify/index.ts exports (and
// the built CDN file dist/cdn/adapters/shopify.js, which rollup builds from it, exports them too),
// passes only options that the adapters' option interfaces declare, reads only data-* attributes
// the snippet writes, and the section passes every parameter the snippet reads.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const snippet = read('examples/shopify/snippets/vitrine-live.liquid');
const section = read('examples/shopify/sections/vitrine-live.liquid');
const adapterIndex = read('src/adapters/shopify/index.ts');

/** The snippet's inline module (the <script type="module"> without a src). */
const inline = snippet.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1] ?? '';
/** Names imported by the inline module, and the (Liquid) expression of where from. */
const [, importedList, importFrom] = inline.match(/import\s*\{([^}]*)\}\s*from\s*([^;]+);/) ?? [];
const imported = (importedList ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Value exports (not `export type`) of src/adapters/shopify/index.ts. */
function valueExports(source) {
  const names = new Set();
  for (const [, list] of source.matchAll(/^export\s*\{([^}]*)\}\s*from/gm)) {
    for (const name of list.split(',')) names.add(name.trim().split(/\s+as\s+/).pop());
  }
  return names;
}

/** Property names declared in `interface <name> ... { ... }` of a TypeScript source (top-level members). */
function interfaceMembers(source, name) {
  const body = source.match(new RegExp(`interface ${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`))?.[1] ?? '';
  return new Set([...body.matchAll(/^\s{2}(?:readonly\s+)?(\w+)\??[:(]/gm)].map((m) => m[1]));
}

test('the inline module imports only exports of the Shopify adapter entry', () => {
  assert.deepEqual(imported.sort(), ['createShopifyCart', 'createShopifyCatalog']);
  const exported = valueExports(adapterIndex);
  for (const name of imported) assert.ok(exported.has(name), `${name} is exported by src/adapters/shopify/index.ts`);
});

test('it loads the adapter from the CDN path that rollup builds (dist/cdn/adapters/shopify.js)', () => {
  assert.match(importFrom, /append: 'adapters\/shopify\.js' \| json/);
  assert.match(snippet, /<script type="module" src="\{\{ vitrine_cdn \| append: 'vitrine\.js' \| escape \}\}"><\/script>/);
  assert.match(read('rollup.config.mjs'), /'adapters\/shopify': 'src\/adapters\/shopify\/index\.ts'/);
  const built = join(root, 'dist/cdn/adapters/shopify.js');
  if (!existsSync(built)) return; // not built yet (scripts/test.mjs builds before the e2e tests)
  const exports = readFileSync(built, 'utf8').match(/export\s*\{([^}]*)\}/)?.[1] ?? '';
  const names = new Set(exports.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()));
  for (const name of imported) assert.ok(names.has(name), `${name} is exported by dist/cdn/adapters/shopify.js`);
});

test('the options it passes are declared by the adapters, and setPersist exists', () => {
  const client = read('src/adapters/shopify/client.ts');
  const cart = read('src/adapters/shopify/cart.ts');
  const declared = new Set([...interfaceMembers(client, 'ShopifyOptions'), ...interfaceMembers(cart, 'ShopifyCartOptions')]);
  for (const option of ['domain', 'token', 'apiVersion', 'country', 'language', 'persist']) {
    assert.ok(declared.has(option), `option ${option} is declared`);
  }
  const passed = [...inline.matchAll(/\.\.\.\((\w+) \? \{ \1 \} : \{\}\)/g)].map((m) => m[1]);
  assert.deepEqual(passed, ['apiVersion', 'country', 'language']);
  assert.match(inline, /createShopifyCart\(\{ \.\.\.options, persist: consented\(\) \}\)/);
  assert.ok(interfaceMembers(cart, 'ShopifyCartAdapter').has('setPersist'));
  assert.match(inline, /cart\.setPersist\(/);
});

test('every data-* attribute the module reads is written on the element', () => {
  const [, read_] = inline.match(/const \{([^}]*)\} = show\.dataset;/) ?? [];
  const keys = read_.split(',').map((s) => s.trim());
  assert.deepEqual(keys, ['domain', 'token', 'apiVersion', 'country', 'language']);
  const element = snippet.match(/<vitrine-show[\s\S]*?><\/vitrine-show>/)?.[0] ?? '';
  for (const key of keys) {
    const attribute = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}=`;
    assert.ok(element.includes(attribute), `<vitrine-show> has ${attribute}`);
  }
  assert.match(element, /\bdata-vitrine-shopify\b/);
  assert.match(element, /src="\{\{ show_url \| escape \}\}"/);
});

test('the section passes the snippet its parameters from a valid schema', () => {
  const schema = JSON.parse(section.match(/\{% schema %\}([\s\S]*?)\{% endschema %\}/)[1]);
  const ids = new Set(schema.settings.map((s) => s.id));
  const render = section.match(/\{% render 'vitrine-live',([\s\S]*?)%\}/)[1];
  const params = Object.fromEntries([...render.matchAll(/(\w+): section\.settings\.(\w+)/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(Object.keys(params).sort(), ['api_version', 'cdn', 'floating', 'show_url', 'storefront_token']);
  for (const setting of Object.values(params)) assert.ok(ids.has(setting), `setting ${setting} exists`);
  for (const param of Object.keys(params)) assert.match(snippet, new RegExp(`\\b${param}\\b`), `the snippet reads ${param}`);
  const apiVersion = schema.settings.find((s) => s.id === 'api_version').default;
  assert.equal(apiVersion, read('src/adapters/shopify/client.ts').match(/DEFAULT_API_VERSION = '([^']+)'/)[1]);
});
