// The chat, end to end (README.md, "Chat and reactions"): start the demo (scripts/start.mjs), open
// the storefront in Chromium, and as a shopper send a message in the show's chat and see it
// confirmed; the studio (its endpoints, with the token `npm start` prints) deletes it and it
// disappears from the shopper's chat; a tap on "Like" is counted by the backend. The simulated
// audience's hearts are stopped, so the count the test reads is the shopper's.
// Found by role and accessible name, like a shopper.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';
import { startDemo } from '../../scripts/start.mjs';
import { until } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

let demo;
let browser;
before(async () => {
  assert.ok(chromePath, 'Chromium is needed (see scripts/chromium.mjs)');
  assert.ok(existsSync(join(root, 'dist/cdn/vitrine.js')), 'dist/cdn is missing: run `npm run build`');
  demo = await startDemo({ port: 0, build: false, backendOptions: { chatTiming: { audienceHearts: 1e9, spam: 1e9 } } });
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

test('a shopper writes in the live show’s chat, the studio deletes the message, a like is counted', async () => {
  const base = demo.url.replace(/\/$/, '');
  const token = demo.backend.studioToken;
  const studio = async (path, body) => {
    const response = await fetch(`${base}/studio/api/live${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    assert.equal(response.status, 200, `studio ${path || 'state'}`);
    return response.json();
  };

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const vitrineErrors = [];
  await page.exposeFunction('__vitrineError', (detail) => vitrineErrors.push(detail));
  await page.addInitScript(() => addEventListener('vitrine-error', (e) => window.__vitrineError(e.detail)));
  await page.goto(demo.url);

  const message = page.getByRole('textbox', { name: 'Message' });
  await message.waitFor({ timeout: 30_000 });
  const text = `Does the beanie come in navy? (e2e ${Date.now()})`;
  await message.fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  // The name is asked once, on the first send.
  const name = page.locator('input[name="name"]');
  await name.fill('Noor');
  await name.press('Enter');

  const log = page.getByRole('log', { name: 'Chat' });
  const mine = log.locator('.message.own.sent', { hasText: text });
  await mine.waitFor({ timeout: 20_000 });
  const id = await mine.getAttribute('data-id');
  assert.ok(id && !id.startsWith('local:'), `the server's id: ${id}`);
  const state = await studio('');
  assert.ok(state.messages.some((m) => m.id === id && m.text === text), 'the backend has the message');

  await studio('/delete', { id });
  await log.getByText(text).waitFor({ state: 'detached', timeout: 20_000 });

  const hearts = state.reactions.heart;
  await page.getByRole('button', { name: 'Like' }).click();
  await until(async () => (await studio('')).reactions.heart === hearts + 1, 'the like counted by the backend', 10_000);

  assert.deepEqual(errors, []);
  assert.deepEqual(vitrineErrors, []);
  await page.close();
});
