import { expect, fixture, html, waitUntil, aTimeout, oneEvent } from '@open-wc/testing';
import '../../../src/components/player/define.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { button, playsFor, product, session, shadow, storeWith, video, until } from './helpers.js';

const products = [product('p1', 'Merino beanie'), product('p2', 'Wool scarf')];

describe('<vitrine-player> replay', function () {
  this.timeout(40000);

  it('shows chapter markers as named buttons that seek, and a seek slider with a time text', async () => {
    const store = storeWith(...products);
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src="/__player/hls/vod.m3u8"
      status="ended"
      .store=${store}
      .chapters=${[{ productId: 'p1', start: 2 }, { productId: 'p2', start: 8.5 }, { productId: 'gone', start: 10 }]}
    ></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.3);
    await until(() => button(el, 'Jump to Wool scarf at 0:08'), 'no chapter marker for p2');
    expect(button(el, 'Jump to Merino beanie at 0:02')).to.exist;
    expect(button(el, 'Jump to product at 0:10'), 'unknown product: generic name').to.exist;
    button(el, 'Jump to Wool scarf at 0:08')!.click();
    await until(() => Math.abs(video(el)!.currentTime - 8.5) < 1, 'did not seek to the chapter');
    const slider = shadow(el).querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(slider.getAttribute('aria-label')).to.equal('Seek');
    await until(() => /^0:0[89] of 0:12$/.test(slider.getAttribute('aria-valuetext') ?? ''), `valuetext ${slider.getAttribute('aria-valuetext')}`);
    await expect(el).to.be.accessible();
    // A seek request on the store bus (a product card's "Shown at") seeks too.
    store.bus.emit('seek-request', { time: 1 });
    await until(() => video(el)!.currentTime < 3, 'bus seek-request ignored');
  });

  it('fires a scheduled pin once, and again after seeking back before it', async () => {
    const store = storeWith(...products);
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/vod.m3u8" .store=${store}></vitrine-player>`);
    const fired: number[] = [];
    el.addEventListener('vitrine-highlight', (e) => fired.push(video(el)!.currentTime - e.detail.at));
    el.schedulePin({ id: 'a', productId: 'p1', mediaTime: 1.5 });
    el.schedulePin({ id: 'a', productId: 'p1', mediaTime: 1.5 }); // same id: ignored
    el.schedulePin({ id: 'x', productId: 'unknown', mediaTime: 1 }); // unknown product: nothing
    await el.play();
    await waitUntil(() => fired.length === 1, 'pin not fired', { timeout: 8000 });
    expect(Math.abs(fired[0]!)).to.be.at.most(0.5);
    expect(store.state.highlight).to.deep.equal({ productId: 'p1', at: 1.5 });
    await waitUntil(() => video(el)!.currentTime > 2.5, 'stalled', { timeout: 5000 });
    expect(fired.length).to.equal(1);
    el.seek(0.2);
    await waitUntil(() => fired.length === 2, 'not re-armed after seeking back', { timeout: 8000 });
    expect(Math.abs(fired[1]!)).to.be.at.most(0.5);
  });

  it('turns WebVTT captions on and off', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src="/__player/hls/vod.m3u8"
      .captions=${[
        { src: '/__player/hls/captions.en.vtt', srclang: 'en', label: 'English' },
        { src: '/__player/hls/captions.de.vtt', srclang: 'de', label: 'Deutsch' },
      ]}
    ></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.2);
    await until(() => button(el, 'Turn captions on'), 'no captions button');
    button(el, 'Turn captions on')!.click();
    const track = () => [...video(el)!.textTracks].find((t) => t.language === 'en')!;
    await until(() => track().mode === 'showing', 'English captions not showing');
    await until(() => (track().activeCues?.length ?? 0) > 0, 'no active cue');
    expect((track().activeCues![0] as VTTCue).text).to.match(/winter drop|merino beanie|cart/i);
    expect(button(el, 'Turn captions off')!.getAttribute('aria-pressed')).to.equal('true');
    button(el, 'Turn captions off')!.click();
    await until(() => track().mode !== 'showing', 'captions still showing');
  });

  it('shows the WebVTT subtitles carried in the HLS stream, in time, without vtt.js globals', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/captioned.m3u8"></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.2);
    await waitUntil(() => button(el, 'Turn captions on'), 'no captions button for the stream subtitles', { timeout: 8000 });
    button(el, 'Turn captions on')!.click();
    const track = () => [...video(el)!.textTracks].find((t) => t.kind === 'subtitles' && t.language === 'en');
    await until(() => track()?.mode === 'showing', 'stream subtitles not showing');
    el.seek(7);
    await waitUntil(
      () => [...(track()!.activeCues ?? [])].some((c) => (c as VTTCue).text.includes('the beanie')),
      'the subtitle cue for 0:06-0:12 is not active at 0:07',
      { timeout: 8000 },
    );
    expect(video(el)!.currentTime).to.be.within(6, 12);
    for (const name of ['vttjs', 'WebVTT']) expect(name in window, `window.${name}`).to.equal(false);
  });

  it('recovers after a segment 404 and keeps playing', async () => {
    const errors: string[] = [];
    const el = await fixture<VitrinePlayer>(html`<vitrine-player
      src=${`/__player/flaky/${session()}`}
      type="application/x-mpegURL"
      .retryDelays=${[300, 600, 1200, 2400]}
      @vitrine-error=${(e: CustomEvent) => errors.push(e.detail.code)}
    ></vitrine-player>`);
    await el.play();
    await waitUntil(() => video(el) && video(el)!.currentTime > 5, 'playback did not get past the broken segment', { timeout: 25000 });
    expect(errors, 'no fatal error').to.deep.equal([]);
  });

  it('reports stream/unavailable with a clear message when the playlist is gone, and offers "Try again"', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/missing.m3u8" .retryDelays=${[100, 200]}></vitrine-player>`);
    const event = oneEvent(el, 'vitrine-error');
    void el.play();
    const { detail } = await event;
    expect(detail.code).to.equal('stream/unavailable');
    expect(detail.recoverable).to.equal(false);
    await until(() => shadow(el).querySelector('[part~="message"]'), 'no message');
    expect(shadow(el).querySelector('[part~="message"]')!.textContent).to.contain('This video is not available right now.');
    expect(button(el, 'Try again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says when the device is offline (stream/offline) and clears it when back online', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/vod.m3u8"></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.2);
    const event = oneEvent(el, 'vitrine-error');
    window.dispatchEvent(new Event('offline'));
    const { detail } = await event;
    expect(detail).to.include({ code: 'stream/offline', recoverable: true });
    await until(() => shadow(el).querySelector('[part~="message"]')?.textContent?.includes('offline'));
    window.dispatchEvent(new Event('online'));
    await until(() => !shadow(el).querySelector('[part~="message"]'), 'offline message stays');
  });

  it('is driven by the keyboard: k/space play-pause, arrows seek, m mute', async () => {
    const el = await fixture<VitrinePlayer>(html`<vitrine-player src="/__player/hls/vod.m3u8"></vitrine-player>`);
    await el.play();
    await playsFor(el, 0.3);
    const press = (k: string) =>
      shadow(el).querySelector('.frame')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    press('k');
    await until(() => video(el)!.paused, 'k did not pause');
    press('ArrowRight');
    await until(() => video(el)!.currentTime > 5, 'ArrowRight did not seek 5 s');
    press('ArrowLeft');
    await until(() => video(el)!.currentTime < 5, 'ArrowLeft did not seek back');
    press('m');
    await until(() => video(el)!.muted, 'm did not mute');
    press(' ');
    await until(() => !video(el)!.paused, 'space did not play');
    await aTimeout(50);
  });
});
