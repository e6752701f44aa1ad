// End to end, the way a newcomer meets Vitrine: start the demo (scripts/start.mjs), open the
// storefront in Chromium, press Play, see a product pinned with the video, add it to the cart,
// check out, and find the line on the backend's /checkout page. Then the replay and the
// upcoming show (which goes live while we watch). Everything is found by role and accessible
// name (README.md), or through the element's public `state`.
// Screenshots of each show state go to test-results/e2e/ for people to look at.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
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

// The pages load a snapshot of dist/cdn/: a build started meanwhile (builds empty dist/ first)
// cannot pull the bundle from under the page. Waits (bounded) for a build in progress to finish.
const CDN_SNAPSHOT = join(root, '.cache/e2e/dist-cdn');
async function snapshotCdn() {
  const bundle = join(root, 'dist/cdn/vitrine.js');
  const deadline = Date.now() + 120_000;
  let stableSince = 0;
  let lastMtime = 0;
  for (;;) {
    const mtime = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
    if (mtime && mtime === lastMtime) stableSince ||= Date.now();
    else stableSince = 0;
    lastMtime = mtime;
    if (stableSince && Date.now() - stableSince >= 2_000) break;
    assert.ok(Date.now() < deadline, `${bundle} is missing: run \`npm run build\``);
    await new Promise((r) => setTimeout(r, 500));
  }
  rmSync(CDN_SNAPSHOT, { recursive: true, force: true });
  cpSync(join(root, 'dist/cdn'), CDN_SNAPSHOT, { recursive: true });
  assert.ok(existsSync(`${CDN_SNAPSHOT}/vitrine.js`), 'dist/cdn/ changed while it was copied: run again');
}

/** `<vitrine-show>.state`, the public read-only snapshot, as plain data. */
const showState = (page) =>
  page.evaluate(() => {
    const s = document.querySelector('vitrine-show')?.state;
    if (!s) return null;
    return {
      status: s.status,
      highlighted: s.highlighted && { id: s.highlighted.id, title: s.highlighted.title, available: s.highlighted.available },
      cartQuantity: s.cart?.totalQuantity ?? 0,
      cartTitles: s.cart?.lines.map((line) => line.title) ?? [],
    };
  });

/** The <video> inside the open shadow roots (playwright's CSS locators pierce them). */
const videoTime = (page) => page.locator('video').first().evaluate((v) => (v.paused ? 0 : v.currentTime));

let browser;
before(async () => {
  assert.ok(chromePath, 'Chromium is needed (see scripts/chromium.mjs)');
  await snapshotCdn();
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
});
after(() => browser?.close());

async function openPage(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  return { page, errors };
}

describe('the demo storefront', () => {
  let demo;
  before(async () => {
    // Pins every 8 s instead of 20 s, so the test sees one soon.
    demo = await startDemo({ port: 0, build: false, cdnDir: CDN_SNAPSHOT, backendOptions: { timing: { pin: 8_000 } } });
  });
  after(() => demo?.close());

  test('live: play, see a pinned product, add it to the cart, check out, see it on /checkout', async () => {
    const { page, errors } = await openPage(demo.url);
    await until(async () => (await showState(page))?.status === 'live', 'the live show to load');
    await page.screenshot({ path: `${SHOTS}/live-before-play.png` });

    await page.getByRole('button', { name: /^Play\b/ }).first().click();
    await until(async () => (await videoTime(page)) > 0.5, 'the live video to play', 30_000);

    // A pin arrives with the video (every 8 s); skip one whose product is sold out.
    const pinned = await until(async () => {
      const { highlighted } = await showState(page);
      return highlighted?.available ? highlighted : null;
    }, 'an available product to be pinned', 45_000);
    const card = page.locator('vitrine-product-card[pinned]').first();
    await card.waitFor({ state: 'visible' });
    await page.screenshot({ path: `${SHOTS}/live-pinned.png` });

    await card.getByRole('button', { name: /Add to cart/ }).click();
    // A product with variants opens its detail first: add from there.
    const dialog = page.getByRole('dialog');
    const added = await until(async () => {
      if ((await showState(page)).cartQuantity > 0) return 'added';
      if (await dialog.isVisible()) return 'dialog';
      return null;
    }, 'the add to land or the product detail to open');
    if (added === 'dialog') {
      await page.screenshot({ path: `${SHOTS}/live-product-detail.png` });
      await dialog.getByRole('button', { name: /Add to cart/ }).click();
      await until(async () => (await showState(page)).cartQuantity > 0, 'the add from the product detail');
      // A successful add closes the detail, so the page (and the cart button) is usable again.
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    }

    // The pin may have moved on between reading it and the tap (a pin every 8 s): the checkout must
    // list what the tap added, which was pinned when it was tapped.
    const [addedTitle] = (await showState(page)).cartTitles;
    assert.ok(addedTitle, 'a line in the cart');
    await page.getByRole('button', { name: /^Cart\b/ }).first().click();
    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout\/[^/?]+/);
    await page.screenshot({ path: `${SHOTS}/checkout.png` });
    const table = page.getByRole('table');
    await table.waitFor();
    const text = await table.innerText();
    assert.ok(text.includes(addedTitle), `the checkout lists "${addedTitle}" (pinned: ${pinned.title}): ${text}`);
    assert.match(text, /Subtotal \(1 item\)/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('phone: with a product pinned, Play is reachable and the card covers none of the video', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(demo.url);
    await until(async () => (await showState(page))?.status === 'live', 'the live show to load');
    await until(async () => (await showState(page)).highlighted, 'a product to be pinned', 45_000);
    const card = page.locator('vitrine-product-card[pinned]').first();
    await card.waitFor({ state: 'visible' });
    await page.screenshot({ path: `${SHOTS}/phone-live-pinned.png` });
    // A real tap: playwright refuses it if anything (the pinned card) covers the button.
    await page.getByRole('button', { name: /^Play\b/ }).first().tap({ timeout: 10_000 });
    await until(async () => (await videoTime(page)) > 0.5, 'the live video to play', 30_000);
    const video = await page.locator('video').first().boundingBox();
    const pinned = await page.locator('vitrine-show').locator('[part="pinned"]').boundingBox();
    assert.ok(video && pinned, 'the video and the pinned product are on the page');
    const overlaps = video.x < pinned.x + pinned.width && pinned.x < video.x + video.width && video.y < pinned.y + pinned.height && pinned.y < video.y + video.height;
    assert.equal(overlaps, false, `the pinned card ${JSON.stringify(pinned)} is over the video ${JSON.stringify(video)}`);
    await page.screenshot({ path: `${SHOTS}/phone-live-playing.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('replay: an ended show with chapters that plays', async () => {
    const { page, errors } = await openPage(`${demo.url}replay.html`);
    await until(async () => (await showState(page))?.status === 'ended', 'the replay to load');
    await page.screenshot({ path: `${SHOTS}/replay-before-play.png` });
    await page.getByRole('button', { name: /^Play\b/ }).first().click();
    await until(async () => (await videoTime(page)) > 0.5, 'the replay to play', 30_000);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/replay-playing.png` });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the upcoming show', () => {
  let demo;
  before(async () => {
    // Long enough that a slow start of the browser (a loaded machine) still finds the show scheduled.
    demo = await startDemo({ port: 0, build: false, cdnDir: CDN_SNAPSHOT, scheduledIn: 25 });
  });
  after(() => demo?.close());

  test('scheduled, with its start time and a calendar button, then live when the time comes', async () => {
    const { page, errors } = await openPage(`${demo.url}upcoming.html`);
    await until(async () => (await showState(page))?.status === 'scheduled', 'the scheduled show to load');
    await page.getByRole('button', { name: /calendar/i }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/scheduled.png` });
    await until(async () => (await showState(page))?.status === 'live', 'the show to go live', 45_000);
    await page.getByRole('button', { name: /^Play\b/ }).first().click();
    await until(async () => (await videoTime(page)) > 0.5, 'the just-started show to play', 30_000);
    await page.screenshot({ path: `${SHOTS}/scheduled-now-live.png` });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
