// End to end, the live moments in the demo storefront (issue 16): the studio API starts a flash deal,
// announces a code and runs a poll; a shopper sees the deal count down on the pinned card, adds the
// deal product, applies the announced code, checks out, and the backend's /checkout page shows the
// deal price and the discount; a vote updates the results. Found by role and accessible name.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';
import { startDemo } from '../../scripts/start.mjs';
import { callPlayer, until } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(root, 'test-results/e2e');
mkdirSync(SHOTS, { recursive: true });
const CDN_SNAPSHOT = join(root, '.cache/e2e/dist-cdn-moments');

let browser;
let demo;
before(async () => {
  assert.ok(chromePath, 'Chromium is needed (see scripts/chromium.mjs)');
  assert.ok(existsSync(join(root, 'dist/cdn/vitrine.js')), 'run `npm run build` first');
  rmSync(CDN_SNAPSHOT, { recursive: true, force: true });
  cpSync(join(root, 'dist/cdn'), CDN_SNAPSHOT, { recursive: true });
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
  // Nothing scheduled by the demo's own timer: the studio starts each moment.
  const far = 1e9;
  demo = await startDemo({ port: 0, build: false, cdnDir: CDN_SNAPSHOT, backendOptions: { timing: { deal: far, announce: far, poll: far, flashSale: far, pin: far } } });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

async function studio(path, body) {
  const response = await fetch(new URL(`studio/api/${path}`, demo.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.backend.studioToken}` },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, `studio ${path}: ${await response.clone().text()}`);
  return response.json();
}

describe('live moments in the demo storefront', () => {
  test('a deal counts down, the deal product is added, the announced code applied, and checkout shows both', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(demo.url);
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.products?.length), 'the live show to load');
    // The featured (first) product is on the pinned card: its deal.
    const productId = await page.evaluate(() => document.querySelector('vitrine-show').state.products[0].id);
    const deal = await studio('deal', { productId, percent: 40, units: 12, limit: 2, seconds: 120 });
    const pinned = page.locator('[part="pinned"] vitrine-product-card');
    const timer = pinned.getByRole('timer');
    await timer.waitFor({ timeout: 15_000 });
    const first = await timer.innerText();
    assert.match(first, /^Ends in [12]:\d\d$/);
    await until(async () => (await timer.innerText()) !== first, 'the countdown to tick', 5_000);
    await page.screenshot({ path: `${SHOTS}/moments-deal.png` });

    await pinned.getByRole('button', { name: /Add to cart/ }).click();
    const dialog = page.getByRole('dialog');
    const how = await until(async () => {
      if (await page.evaluate(() => document.querySelector('vitrine-show').state.cart?.totalQuantity)) return 'added';
      if (await dialog.isVisible()) return 'dialog';
      return null;
    }, 'the add or the detail');
    if (how === 'dialog') {
      await dialog.getByRole('timer').waitFor();
      await dialog.getByRole('button', { name: /Add to cart/ }).click();
      await until(() => page.evaluate(() => document.querySelector('vitrine-show').state.cart?.totalQuantity), 'the add from the detail');
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    }
    const unit = await page.evaluate(() => document.querySelector('vitrine-show').state.cart.lines[0].unitPrice.amount);
    assert.equal(unit, deal.price.amount, 'the line is charged the deal price');

    await studio('announce', { text: 'Live viewers: 10% off', code: 'LIVE10', seconds: 300 });
    const banner = page.getByRole('group', { name: /announcement/i });
    await banner.getByRole('button', { name: 'Copy code' }).waitFor({ timeout: 15_000 });
    await banner.getByRole('button', { name: 'Apply code' }).click();
    await until(() => page.evaluate(() => document.querySelector('vitrine-show').state.cart?.discounts?.length), 'the code on the cart');
    await page.screenshot({ path: `${SHOTS}/moments-code.png` });

    await page.getByRole('button', { name: /^Cart\b/ }).first().click();
    await page.getByRole('button', { name: 'Remove code LIVE10' }).waitFor();
    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout\/[^/?]+/);
    const text = await page.locator('body').innerText();
    await page.screenshot({ path: `${SHOTS}/moments-checkout.png` });
    const shown = new Intl.NumberFormat('en', { style: 'currency', currency: deal.price.currencyCode }).format(Number(deal.price.amount));
    assert.ok(text.includes(shown) || text.includes(deal.price.amount), `the checkout shows the deal price ${shown}: ${text}`);
    assert.match(text, /LIVE10/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a vote updates the results', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(demo.url);
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.products?.length), 'the live show to load');
    await studio('poll', { question: 'Knit or linen?', options: ['Knit', 'Linen'], seconds: 120 });
    await page.getByRole('button', { name: 'Linen' }).click({ timeout: 15_000 });
    await until(async () => (await page.locator('vitrine-poll .percent').allInnerTexts()).includes('100%'), 'the results with the vote');
    await page.screenshot({ path: `${SHOTS}/moments-poll.png` });
    await page.close();
  });

  test('the replay shows the poll the show ran when its video reaches it, and a seek back takes it away', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    // A deep link into the replay at 0:18; the recorded poll opened at 0:20.
    await page.goto(new URL('replay.html?vitrine-show=autumn-knits-replay&vitrine-t=18', demo.url).href);
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.status === 'ended'), 'the replay to load');
    await page.getByRole('button', { name: /^Play\b/ }).first().click();
    const poll = page.getByRole('group', { name: 'Which knit should we restock first?' });
    await poll.waitFor({ timeout: 30_000 });
    const text = await poll.innerText();
    assert.match(text, /poll closed/i);
    assert.match(text, /49%/);
    assert.equal(await poll.getByRole('button').count(), 0, 'no voting in a replay');
    await poll.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/moments-replay-poll.png` });
    // Back to 0:05: before the poll.
    await callPlayer(page, 'seek', 5);
    await poll.waitFor({ state: 'detached', timeout: 15_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
