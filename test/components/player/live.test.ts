import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import '../../../src/components/player/define.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { RELEASE_DELAY } from '../../../src/components/base.js';
import { button, playsFor, product, session, shadow, storeWith, video, until } from './helpers.js';

const products = [product('p1', 'Merino beanie'), product('p2', 'Wool scarf'), product('p3', 'Mittens')];

describe('<vitrine-player> live', function () {
  this.timeout(40000);

  it('plays the live fixture past 1 s, shows the live badge and viewers, and is accessible while playing', async () => {
    const store = storeWith(...products);
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src=${`/__player/live/${session()}`}
      label="Winter drop"
      status="live" type="application/x-mpegURL"
      .viewers=${1234}
      .store=${store}
    ></vitrine-player>`);
    await el.play();
    await playsFor(el, 1.2);
    expect(el.engineLoaded).to.equal(true);
    expect(shadow(el).querySelector('[part~="badge"]')?.textContent).to.equal('Live');
    expect(shadow(el).querySelector('[part~="viewers"]')?.textContent).to.equal('1,234 watching');
    await until(() => store.state.currentTime > 0, 'store currentTime not written');
    // At most about 4 writes a second while playing.
    let writes = 0;
    const off = store.subscribe((state, previous) => {
      if (state.currentTime !== previous.currentTime) writes += 1;
    });
    await aTimeout(2000);
    off();
    expect(writes, 'currentTime writes in 2 s').to.be.within(4, 9);
    await expect(el).to.be.accessible();
    console.log(`[player] live: click → first frame ${el.metrics.intentToFirstFrame?.toFixed(0)} ms`);
  });

  it('raises in-band DATERANGE pins at their media time (skew ≤ 0.5 s), once each, mapped to program date-time', async () => {
    const store = storeWith(...products);
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src=${`/__player/live/${session()}`}
      status="live" type="application/x-mpegURL"
      .store=${store}
    ></vitrine-player>`);
    const seen: { productId: string; at: number; time: number; pdt: number | undefined }[] = [];
    el.addEventListener('vitrine-highlight', (e) => {
      const time = video(el)!.currentTime;
      seen.push({ productId: e.detail.product.id, at: e.detail.at, time, pdt: el.programDateTime(e.detail.at) });
    });
    await el.play();
    await waitUntil(() => video(el) && video(el)!.currentTime > 0, 'never played', { timeout: 15000 });
    // A pin of a moment before the viewer joined is shown on arrival (the product on screen now);
    // the ones playback reaches are checked for skew.
    const joinedAt = video(el)!.currentTime;
    const reached = () => seen.filter((s) => s.at > joinedAt + 0.2);
    await waitUntil(() => reached().length >= 2, 'two pins were not raised', { timeout: 15000 });
    for (const pin of reached()) {
      expect(Math.abs(pin.time - pin.at), `skew of ${pin.productId}`).to.be.at.most(0.5);
      // The pins are every 3 s starting 0.5 s into the show: program time ≡ 0.5 (mod 3) s after start.
      expect(pin.pdt, 'program date-time of the pin').to.be.a('number');
    }
    // Consecutive pins are 3 s of program time apart, and 3 s of media time apart.
    const [a, b] = reached();
    expect(b!.at - a!.at).to.be.closeTo(3, 0.05);
    expect(b!.pdt! - a!.pdt!).to.be.closeTo(3000, 50);
    expect(store.state.highlight?.productId).to.equal(seen[seen.length - 1]!.productId);
    const ids = seen.map((s) => `${s.productId}@${s.at.toFixed(2)}`);
    expect(new Set(ids).size, 'each pin once').to.equal(ids.length);
  });

  it('holds a program date-time pin (SSE) until playback reaches it', async () => {
    const store = storeWith(...products);
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src=${`/__player/live/${session()}`}
      status="live" type="application/x-mpegURL"
      .store=${store}
    ></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.3);
    const now = video(el)!.currentTime;
    const pdtNow = el.programDateTime(now);
    expect(pdtNow, 'the stream maps media time to program date-time').to.be.a('number');
    expect(el.mediaTimeOf(pdtNow!)).to.be.closeTo(now, 0.01);
    const target = pdtNow! + 2000;
    let firedAt: number | undefined;
    el.addEventListener('vitrine-highlight', (e) => {
      if (e.detail.product.id === 'p2' && firedAt === undefined) firedAt = video(el)!.currentTime;
    });
    el.schedulePin({ id: 'sse-1', productId: 'p2', programDateTime: target });
    await aTimeout(500);
    expect(firedAt, 'not shown on arrival').to.equal(undefined);
    await waitUntil(() => firedAt !== undefined, 'SSE pin never shown', { timeout: 8000 });
    expect(Math.abs(firedAt! - el.mediaTimeOf(target)!)).to.be.at.most(0.5);
  });

  it('offers "Go live" after a pause and returns to the live edge', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src=${`/__player/live/${session()}`} status="live" type="application/x-mpegURL"></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.5);
    el.pause();
    await aTimeout(6000);
    await el.play();
    await waitUntil(() => button(el, /^Go live \(\d+ s behind\)$/), '"Go live" is not offered behind the edge', { timeout: 5000 });
    const before = video(el)!.currentTime;
    button(el, /^Go live/)!.click();
    await waitUntil(() => video(el)!.currentTime > before + 3, 'did not jump to the live edge', { timeout: 8000 });
    await waitUntil(() => button(el, 'Go live'), 'still behind the live edge', { timeout: 8000 });
  });

  it('reports stream/unavailable when a live stream goes away mid-show', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src=${`/__player/gone/${session()}?after=3`}
      type="application/x-mpegURL"
      status="live"
      .retryDelays=${[300, 600]}
    ></vitrine-player>`);
    const errors: { code: string; recoverable: boolean }[] = [];
    el.addEventListener('vitrine-error', (e) => errors.push(e.detail));
    await el.play();
    await playsFor(el, 0.3);
    await waitUntil(() => errors.some((e) => !e.recoverable), 'the loss of the stream was never reported', { timeout: 30000 });
    expect(errors.find((e) => !e.recoverable)!.code).to.equal('stream/unavailable');
    await until(() => shadow(el).querySelector('[part~="message"]')?.textContent?.includes('not available'), 'no message');
  });

  it('disposes video.js on disconnect: no players, no globals, no <head> changes', async () => {
    const headBefore = document.head.children.length;
    const engine = await import('../../../src/engine/videojs.js');
    // The players of the tests before are disposed RELEASE_DELAY after their fixtures were removed.
    await waitUntil(() => Object.keys(engine.getPlayers()).length === 0, 'players of earlier tests were not disposed', { timeout: RELEASE_DELAY + 3000 });
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src=${`/__player/live/${session()}`} status="live" type="application/x-mpegURL"></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.3);
    expect(Object.keys(engine.getPlayers()).length).to.be.at.least(1);
    // Moved in the DOM: kept (same player, still playing).
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await aTimeout(0);
    expect(Object.keys(engine.getPlayers()).length).to.equal(1);
    expect(el.engineLoaded).to.equal(true);
    el.remove();
    // Kept for RELEASE_DELAY (a later re-insertion is a move too), then disposed.
    await aTimeout(0);
    expect(el.engineLoaded, 'kept within the grace period').to.equal(true);
    await aTimeout(RELEASE_DELAY + 100);
    expect(el.engineLoaded).to.equal(false);
    expect(Object.keys(engine.getPlayers())).to.deep.equal([]);
    expect(engine.liveEngineCount()).to.equal(0);
    for (const name of ['videojs', 'vttjs', 'WebVTT', 'VIDEOJS_NO_DYNAMIC_STYLE']) {
      expect(name in window, `window.${name}`).to.equal(false);
    }
    expect(document.head.children.length).to.equal(headBefore);
    expect(document.head.querySelector('style.vjs-styles-defaults, style.vjs-styles-dimensions')).to.equal(null);
  });
});
