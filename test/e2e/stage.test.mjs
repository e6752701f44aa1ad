// End to end, the phone stage in the demo storefront (issue 17), as a shopper on a phone: Play opens
// the show full-screen, the chip's "Add to cart" shows the toast and the cart count, the product
// sheet opens, Close returns to the page still playing; a 16:9 show, landscape, the replay
// following its chapters, and the checkout page at 320px. Screenshots of each state go to
// test-results/e2e/stage-*.png (gitignored) for review.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chromium.mjs';
import { startDemo } from '../../scripts/start.mjs';
import { until } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(root, 'test-results/e2e');
mkdirSync(SHOTS, { recursive: true });

let browser;
let demo;
before(async () => {
  assert.ok(chromePath, 'Chromium is needed (see scripts/chromium.mjs)');
  assert.ok(existsSync(join(root, 'dist/cdn/vitrine.js')), 'run `npm run build` first');
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
  demo = await startDemo({ port: 0, build: false });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `stage-${name}.png`) });

/** In the show's shadow root: whether the stage (the layout in the top layer) is open. */
const stageOpen = (page) => page.evaluate(() => Boolean(document.querySelector('vitrine-show').shadowRoot.querySelector('.layout')?.matches(':popover-open')));
const playing = (page) =>
  page.evaluate(() => {
    const video = document.querySelector('vitrine-show').shadowRoot.querySelector('vitrine-player')?.shadowRoot?.querySelector('video');
    return Boolean(video && !video.paused && video.currentTime > 0);
  });

async function openStage(page) {
  const show = page.locator('vitrine-show');
  await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.products?.length), 'the show to load');
  await show.getByRole('button', { name: 'Play', exact: true }).first().click();
  await until(() => stageOpen(page), 'the stage to open');
  await until(() => playing(page), 'the video to play', 30_000);
}

describe('the phone stage in the demo', () => {
  test('vertical live show: Play opens the stage; the chip adds with a toast and the count; the sheet; Close keeps playing', async () => {
    const page = await browser.newPage(phone);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(new URL('vertical.html', demo.url).href);
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.products?.length), 'the show to load');
    await page.locator('vitrine-show').scrollIntoViewIfNeeded();
    await shot(page, '1-vertical-inline');
    await openStage(page);
    const show = page.locator('vitrine-show');
    const chip = show.locator('[part="pinned"] vitrine-product-card');
    const add = chip.getByRole('button', { name: 'Add to cart' });
    await add.waitFor({ timeout: 20_000 });
    // The simulated audience buys too: the chip shows a single-variant product with stock to spare.
    await page.evaluate(() => {
      const el = document.querySelector('vitrine-show');
      const product = el.state.products.find((p) => p.variants.length === 1 && p.available && !((p.variants[0].inventory ?? p.inventory ?? 99) < 10));
      el.store.set({ highlight: { productId: product.id, at: 0 } });
    });
    await page.waitForTimeout(300);
    await shot(page, '2-vertical-stage');
    // Every control named by role; Close and the cart within the top bar, the chip in thumb reach.
    const close = show.getByRole('button', { name: 'Close', exact: true });
    const closeBox = await close.boundingBox();
    const addBox = await add.boundingBox();
    assert.ok(closeBox.y < 80 && closeBox.x + closeBox.width > 330, `Close top-right: ${JSON.stringify(closeBox)}`);
    assert.ok(addBox.y > 844 * 0.7, `Add to cart in thumb reach: ${JSON.stringify(addBox)}`);
    assert.ok(closeBox.width >= 44 && closeBox.height >= 44 && addBox.height >= 44, 'targets of 44px');
    await add.click();
    const toast = show.getByRole('status').filter({ hasText: 'Added:' });
    await toast.waitFor({ timeout: 15_000 });
    await until(() => show.getByRole('button', { name: /^Cart, 1 item/ }).count(), 'the cart count');
    await shot(page, '3-vertical-added-toast');
    await show.getByRole('button', { name: /^Products/ }).click();
    await until(() => page.evaluate(() => getComputedStyle(document.querySelector('vitrine-show').shadowRoot.querySelector('.rail')).visibility === 'visible'), 'the sheet');
    await page.waitForTimeout(400);
    await shot(page, '4-vertical-sheet');
    await show.getByRole('button', { name: 'Hide products' }).click();
    await close.click();
    await until(async () => !(await stageOpen(page)), 'the stage to close');
    assert.ok(await playing(page), 'still playing after Close');
    await shot(page, '5-vertical-closed');
    // Back from the phone also closes it.
    await show.locator('[part="stage"]').click();
    await until(() => stageOpen(page), 'open again by a tap');
    await page.goBack();
    await until(async () => !(await stageOpen(page)), 'Back closes it');
    assert.equal(new URL(page.url()).pathname, '/vertical.html', 'Back did not leave the page');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('16:9 live show on the stage, then the phone turned to landscape (844x390)', async () => {
    const page = await browser.newPage(phone);
    await page.goto(demo.url);
    await page.locator('vitrine-show').scrollIntoViewIfNeeded();
    await openStage(page);
    await page.locator('vitrine-show [part="pinned"] vitrine-product-card').getByRole('button', { name: /Add to cart|Choose/ }).first().waitFor({ timeout: 20_000 });
    await shot(page, '6-landscape-video-portrait-phone');
    await page.setViewportSize({ width: 844, height: 390 });
    await page.waitForTimeout(500);
    assert.ok(await stageOpen(page));
    const box = await page.locator('vitrine-show').evaluate((el) => {
      const r = (s) => el.shadowRoot.querySelector(s).getBoundingClientRect().toJSON();
      return { slot: r('.stage-slot'), chip: r('.pinned'), close: r('.stage-close') };
    });
    assert.ok(box.chip.left >= box.slot.right - 1, `the chip beside the video: ${JSON.stringify(box)}`);
    assert.ok(box.chip.bottom <= 391);
    await shot(page, '7-landscape-phone');
    await page.close();
  });

  test('replay: the highlighted product follows the chapters', async () => {
    const page = await browser.newPage(phone);
    await page.goto(new URL('replay.html', demo.url).href);
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.show?.chapters?.length), 'the replay to load');
    await page.evaluate(() => {
      window.__highlights = [];
      document.querySelector('vitrine-show').addEventListener('vitrine-highlight', (e) => window.__highlights.push(e.detail.product.id));
    });
    const chapters = await page.evaluate(() => document.querySelector('vitrine-show').state.show.chapters);
    await openStage(page);
    await until(() => page.evaluate(() => window.__highlights.length >= 1), 'a highlight at the first chapter', 30_000);
    assert.equal(await page.evaluate(() => document.querySelector('vitrine-show').state.highlighted?.id), chapters[0].productId);
    // A seek into the third chapter: its product.
    await page.evaluate((t) => document.querySelector('vitrine-show').store.bus.emit('seek-request', { time: t }), chapters[2].start + 1);
    await until(async () => (await page.evaluate(() => document.querySelector('vitrine-show').state.highlighted?.id)) === chapters[2].productId, 'the third chapter’s product');
    await shot(page, '8-replay-stage');
    await page.close();
  });

  test('the checkout page fits a 320px phone', async () => {
    const page = await browser.newPage({ ...phone, viewport: { width: 320, height: 640 } });
    await page.goto(demo.url);
    const show = page.locator('vitrine-show');
    await until(() => page.evaluate(() => document.querySelector('vitrine-show')?.state?.products?.length), 'the show to load');
    await page.evaluate(async () => {
      const el = document.querySelector('vitrine-show');
      const product = el.state.products.find((p) => p.variants.length === 1 && p.available) ?? el.state.products[0];
      el.store.bus.emit('add-request', { product, variant: product.variants.find((v) => v.available), quantity: 1, source: el });
    });
    await until(() => page.evaluate(() => document.querySelector('vitrine-show').state.cart?.totalQuantity), 'the cart');
    await page.evaluate(() => document.querySelector('vitrine-show').openCart());
    await Promise.all([page.waitForURL(/checkout/, { timeout: 20_000 }), show.getByRole('button', { name: 'Checkout' }).click()]);
    await page.waitForLoadState('load');
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName + '.' + e.className).slice(0, 5),
    }));
    assert.ok(widths.scroll <= widths.client, `no sideways scroll: ${JSON.stringify(widths)}`);
    await shot(page, '9-checkout-320');
    await page.close();
  });
});
