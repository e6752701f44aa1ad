import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import '../../../src/components/player/define.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { button, playsFor, requests, shadow, video, until } from './helpers.js';
import { loadLocale } from '../../../src/core/i18n.js';

// This file's page must not have loaded the engine before its first test: keep it first.
const ENGINE = /\/src\/engine\/videojs\.(js|ts)/;
const MEDIA = /\/__player\/(hls\/.*\.(ts|m3u8)|live|flaky|gone)/;

describe('<vitrine-player> facade', function () {
  this.timeout(30000);

  it('is an accessible facade: poster, title, "Replay" badge, a "Play" button, and no engine or media request', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src="/__player/hls/vod.m3u8"
      poster="/__player/hls/poster.jpg"
      label="Winter drop, live"
    ></vitrine-player>`);
    await expect(el).to.be.accessible();
    expect(button(el, 'Play')).to.exist;
    expect(shadow(el).querySelector('[part~="title"]')?.textContent).to.equal('Winter drop, live');
    expect(shadow(el).querySelector('[part~="badge"]')?.textContent).to.equal('Replay');
    expect(shadow(el).querySelector('[part~="poster"]')?.getAttribute('src')).to.equal('/__player/hls/poster.jpg');
    await aTimeout(300);
    expect(requests(ENGINE), 'engine requests').to.deep.equal([]);
    expect(requests(MEDIA), 'media requests').to.deep.equal([]);
    expect(video(el)).to.equal(null);
    expect(el.engineLoaded).to.equal(false);
  });

  it('reserves 16:9, or 9:16 by attribute, before anything loads', async () => {
    const wide = await fixture<VitrinePlayer>(html`<div style="width: 320px"><vitrine-player src="/x.m3u8"></vitrine-player></div>`);
    const box = wide.querySelector('vitrine-player')!.getBoundingClientRect();
    expect(box.height).to.be.closeTo((320 * 9) / 16, 1);
    const tall = await fixture<VitrinePlayer>(html`<div style="width: 180px"><vitrine-player src="/x.m3u8" aspect-ratio="9:16"></vitrine-player></div>`);
    expect(tall.querySelector('vitrine-player')!.getBoundingClientRect().height).to.be.closeTo(320, 1);
  });

  it('renders English until its language’s chunk arrives (nothing loaded it first), then re-renders in it', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/x.m3u8" locale="nl"></vitrine-player>`);
    await waitUntil(() => button(el, 'Afspelen'), 'Dutch once src/locales/nl.ts is in', { timeout: 5000 });
    expect(button(el, 'Play')).to.equal(undefined);
  });

  it('shows "Live", the viewer count and a scheduled state', async () => {
    await loadLocale('de'); // German is a lazy chunk: loaded before the first render, no English first
    const live = await fixture<VitrinePlayer>(html`<vitrine-player src="/x.m3u8" status="live" .viewers=${42} locale="de"></vitrine-player>`);
    expect(shadow(live).querySelector('[part~="badge"]')?.textContent).to.equal('Live');
    expect(shadow(live).querySelector('[part~="viewers"]')?.textContent).to.equal('42 schauen zu');
    expect(button(live, 'Abspielen')).to.exist;
    const scheduled = await fixture<VitrinePlayer>(html`<vitrine-player status="scheduled" label="Soon"></vitrine-player>`);
    expect(shadow(scheduled).querySelector('[part~="badge"]')?.textContent).to.equal('Starts soon');
    expect(button(scheduled, 'Play'), 'no Play without a stream').to.equal(undefined);
    await expect(scheduled).to.be.accessible();
  });

  it('prefetches and builds the engine on focus of Play, loads media only on click, and measures click → first frame', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/vod.m3u8" label="Replay"></vitrine-player>`);
    button(el, 'Play')!.focus();
    await waitUntil(() => requests(ENGINE).length > 0, 'focus did not prefetch the engine', { timeout: 10000 });
    await aTimeout(300);
    // The engine is built in advance (a <video> without a source) so the click only attaches the stream.
    await until(() => video(el), 'focus did not build the engine in advance');
    expect(video(el)!.currentSrc).to.equal('');
    expect(requests(MEDIA), 'no media before the click').to.deep.equal([]);
    expect(el.engineLoaded).to.equal(false);
    expect(button(el, 'Play'), 'the facade stays until the click').to.exist;
    button(el, 'Play')!.click();
    await playsFor(el, 1.2);
    expect(requests(MEDIA).length).to.be.greaterThan(1);
    // The video fills the reserved box (video.js's markup is styled from inside the shadow root).
    const box = el.getBoundingClientRect();
    const shown = video(el)!.getBoundingClientRect();
    expect(shown.width).to.be.closeTo(box.width, 1);
    expect(shown.height).to.be.closeTo(box.height, 1);
    await until(() => el.metrics.intentToFirstFrame !== undefined, 'no first frame measured');
    console.log(`[player] VOD (engine prefetched): click → first frame ${el.metrics.intentToFirstFrame!.toFixed(0)} ms`);
    await expect(el).to.be.accessible();
    expect(button(el, 'Pause')).to.exist;
    expect(button(el, 'Mute')).to.exist;
    expect(button(el, 'Full screen')).to.exist;
  });

  it('autoplay starts muted only once visible, with a visible "Tap to unmute"', async () => {
    const el = await fixture<VitrinePlayer>(html`<div>
      <div style="height: 3000px"></div>
      <vitrine-player autoplay src="/__player/hls/vod.m3u8"></vitrine-player>
    </div>`);
    const player = el.querySelector('vitrine-player')!;
    await aTimeout(500);
    expect(player.engineLoaded, 'not while out of view').to.equal(false);
    player.scrollIntoView();
    await playsFor(player, 0.5);
    expect(video(player)!.muted).to.equal(true);
    await until(() => button(player, /Tap to unmute/), 'no "Tap to unmute"');
    button(player, /Tap to unmute/)!.click();
    await until(() => !video(player)!.muted, 'still muted');
    expect(button(player, /Tap to unmute/)).to.equal(undefined);
  });

  it('autoplays when the source arrives while the player is already visible', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player autoplay status="live"></vitrine-player>`);
    await aTimeout(300);
    expect(el.engineLoaded).to.equal(false);
    el.src = '/__player/hls/vod.m3u8';
    await playsFor(el, 0.3);
    expect(video(el)!.muted).to.equal(true);
  });
});
