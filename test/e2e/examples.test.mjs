// The integration examples build, type-check and run: examples/npm-vite (vitrine from npm with
// Vite), examples/react (a typed React wrapper of <vitrine-show>), examples/vue (Vue 3, an SFC)
// and examples/svelte (Svelte 5, runes). Each is type-checked with
// tsc (typed event details included), built with Vite into .cache/examples/<name>/, then served
// with the demo backend at /api and opened in Chromium, where the show must load and report
// `vitrine-ready` to the page's own code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createBackend } from '../../examples/backend/index.mjs';
import { sendFile } from '../../examples/backend/static.mjs';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

async function serve(dir) {
  const backend = createBackend({ basePath: '/api' });
  const server = createServer(async (req, res) => {
    if (await backend.handle(req, res)) return;
    const path = new URL(req.url, 'http://x').pathname;
    if (!(await sendFile(req, res, dir, path === '/' ? 'index.html' : path))) res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => {
      backend.close();
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}

let browser;
before(async () => {
  assert.ok(existsSync(join(root, 'dist/index.js')), 'run `npm run build` first: the examples use dist/');
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
});
after(() => browser?.close());

for (const [name, readyText] of [
  ['npm-vite', 'ready: "The winter edit, live from the studio"'],
  ['react', 'ready: The winter edit, live from the studio'],
  ['vue', 'ready: The winter edit, live from the studio'],
  ['svelte', 'ready: The winter edit, live from the studio'],
]) {
  describe(`examples/${name}`, () => {
    const dir = join(root, 'examples', name);
    const out = join(root, '.cache/examples', name);

    test('type-checks (tsc --noEmit)', () => {
      const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });

    test('builds with Vite, video.js in a lazy chunk of its own', async () => {
      await build({ configFile: join(dir, 'vite.config.mjs'), logLevel: 'error' });
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      const entry = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
      assert.ok(entry, html);
      const assets = readdirSync(join(out, 'assets'));
      const engine = assets.find((f) => /^videojs-.*\.js$/.test(f));
      assert.ok(engine, `a video.js chunk: ${assets}`);
      assert.ok(!readFileSync(join(out, 'assets', entry), 'utf8').includes('VHS'), 'no video.js code in the entry chunk');
      console.log(`examples/${name}: entry ${(statSync(join(out, 'assets', entry)).size / 1024).toFixed(0)} kB, engine chunk ${(statSync(join(out, 'assets', engine)).size / 1024).toFixed(0)} kB (minified, not compressed)`);
    });

    test('runs: the show loads and the page hears vitrine-ready', async () => {
      const site = await serve(out);
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      try {
        await page.goto(site.url);
        await page.getByText(readyText).waitFor({ timeout: 20_000 });
        await page.getByRole('button', { name: /^Play\b/ }).first().waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await site.close();
      }
    });
  });
}
