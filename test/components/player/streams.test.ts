/**
 * Pins on real-world stream shapes (test/servers/streams.mjs): numeric product ids, a
 * discontinuity with a program-date-time jump, a live viewer joining after a pin (and seeking),
 * an SCTE-35 DATERANGE without START-DATE, and ID3 timed metadata in the segments.
 */
import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import '../../../src/components/player/define.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import type { ShowStore } from '../../../src/core/store.js';
import { playsFor, product, session, storeWith, video } from './helpers.js';

interface Seen {
  productId: string;
  at: number;
  time: number;
}

async function player(src: string, store: ShowStore, status = 'ended'): Promise<{ el: VitrinePlayer; seen: Seen[] }> {
  const el = await fixture<VitrinePlayer>(html`<vitrine-player src=${src} status=${status} type="application/x-mpegURL" .store=${store}></vitrine-player>`);
  const seen: Seen[] = [];
  el.addEventListener('vitrine-highlight', (e) => seen.push({ productId: e.detail.product.id, at: e.detail.at, time: video(el)?.currentTime ?? Number.NaN }));
  return { el, seen };
}

const ORIGIN = Date.UTC(2026, 10, 22, 18, 0, 0);

describe('<vitrine-player> pins on real streams', function () {
  this.timeout(40000);

  it('keeps product ids that look like numbers as written: 1234, "4321", "12.50"', async () => {
    const store = storeWith(product('1234', 'Integer id'), product('4321', 'Quoted integer'), product('12.50', 'Decimal-looking id'), product('12.5', 'Wrong id'));
    const { el, seen } = await player('/__streams/ids', store);
    await el.play();
    await waitUntil(() => seen.length >= 3, `pins with numeric ids never fired: ${JSON.stringify(seen)}`, { timeout: 15000 });
    expect(seen.map((s) => s.productId)).to.deep.equal(['1234', '4321', '12.50']);
    expect(seen.map((s) => Math.round(s.at))).to.deep.equal([1, 3, 5]);
    expect(store.state.highlight?.productId).to.equal('12.50');
  });

  it('places a pin by its program date-time through its segment, across a discontinuity whose date jumps 30 s', async () => {
    const store = storeWith(product('p1', 'Before'), product('p2', 'After'));
    const { el, seen } = await player('/__streams/jump', store);
    await el.play();
    await playsFor(el, 0.2);
    // Program date-time 18:00:38 is 2 s into the seventh segment after the jump: media time 8 s.
    expect(el.mediaTimeOf(ORIGIN + 38000), 'media time of 18:00:38').to.be.closeTo(8, 0.1);
    expect(el.programDateTime(8.5), 'program date-time at 8.5 s').to.be.closeTo(ORIGIN + 38500, 100);
    el.seek(6.5);
    await waitUntil(() => seen.some((s) => s.productId === 'p2'), `the pin after the jump never fired: ${JSON.stringify(seen)}`, { timeout: 10000 });
    const after = seen.find((s) => s.productId === 'p2')!;
    expect(after.at, 'media time of the pin').to.be.closeTo(8, 0.1);
    expect(Math.abs(after.time - 8), 'shown with its frame (s)').to.be.at.most(0.5);
    console.log(`[streams] PDT jump: pin at ${after.at.toFixed(3)} s, shown at ${after.time.toFixed(3)} s`);
  });

  it('a live viewer joining after a pin sees that product at once, and the one pinned at a seek target at once', async () => {
    const store = storeWith(product('p1', 'One'), product('p2', 'Two'), product('p3', 'Three'));
    const startedAt = Date.now() - 45000;
    const { el, seen } = await player(`/__streams/join/${session()}?startedAt=${startedAt}`, store, 'live');
    await el.play();
    await waitUntil(() => video(el) && video(el)!.currentTime > 0 && !video(el)!.paused, 'never played', { timeout: 15000 });
    const joinedAt = video(el)!.currentTime;
    const joinedPdt = el.programDateTime(joinedAt)!;
    // Pins are every 10 s from 1 s after startedAt: the one on screen at the join point, and the next.
    const k = Math.floor((joinedPdt - startedAt - 1000) / 10000);
    const expected = ['p1', 'p2', 'p3'][k % 3]!;
    const nextPin = el.mediaTimeOf(startedAt + 1000 + (k + 1) * 10000)!;
    await waitUntil(() => seen.length > 0, 'the product pinned before the join was not shown', { timeout: 3000 });
    expect(seen[0]!.productId).to.equal(expected);
    expect(seen[0]!.time, 'shown before the next pin').to.be.below(nextPin - 0.5);
    expect(el.programDateTime(seen[0]!.at)! - startedAt).to.be.closeTo(1000 + k * 10000, 150);
    // Seek back into the previous pin's time: that product, at once.
    const previous = ['p1', 'p2', 'p3'][(k + 2) % 3]!;
    const target = el.mediaTimeOf(startedAt + 1000 + (k - 1) * 10000 + 2000)!;
    const count = seen.length;
    el.seek(target);
    await waitUntil(() => seen.length > count, 'nothing shown after the seek', { timeout: 3000 });
    expect(seen[count]!.productId).to.equal(previous);
    expect(store.state.highlight?.productId).to.equal(previous);
  });

  it('plays through an SCTE-35 DATERANGE without START-DATE in a live window: pins fire, nothing reaches the console', async () => {
    const logged: string[] = [];
    const original = { error: console.error, warn: console.warn };
    console.error = (...args: unknown[]) => logged.push(`error: ${args.map(String).join(' ')}`);
    console.warn = (...args: unknown[]) => logged.push(`warn: ${args.map(String).join(' ')}`);
    const onError = (e: ErrorEvent) => logged.push(`window: ${e.message}`);
    window.addEventListener('error', onError);
    try {
      const store = storeWith(product('p1', 'One'), product('p2', 'Two'), product('p3', 'Three'));
      const { el, seen } = await player(`/__streams/scte/${session()}`, store, 'live');
      await el.play();
      await playsFor(el, 0.5);
      const joinedAt = video(el)!.currentTime;
      // Several playlist refreshes (target duration 1 s) and at least one pin reached by playback.
      await waitUntil(() => seen.some((s) => s.at > joinedAt + 0.2), 'no pin fired', { timeout: 10000 });
      await aTimeout(3000);
      expect(video(el)!.paused).to.equal(false);
      expect(video(el)!.currentTime).to.be.above(joinedAt + 3);
    } finally {
      console.error = original.error;
      console.warn = original.warn;
      window.removeEventListener('error', onError);
    }
    expect(logged, 'console').to.deep.equal([]);
  });

  it('pins from ID3 timed metadata in the segments (TXXX and PRIV JSON) at their frame, within 0.5 s', async () => {
    const store = storeWith(product('p1', 'One'), product('p2', 'Two'));
    const { el, seen } = await player('/__streams/id3', store);
    await el.play();
    await playsFor(el, 0.2);
    el.seek(3);
    await waitUntil(() => seen.length >= 2, `ID3 pins did not fire: ${JSON.stringify(seen)}`, { timeout: 15000 });
    expect(seen.map((s) => s.productId)).to.deep.equal(['p1', 'p2']);
    const [txxx, priv] = seen;
    expect(Math.abs(txxx!.at - 4.3), 'TXXX pin media time').to.be.at.most(0.5);
    expect(Math.abs(priv!.at - 7.6), 'PRIV pin media time').to.be.at.most(0.5);
    for (const s of seen) expect(Math.abs(s.time - s.at), `shown with its frame: ${s.productId}`).to.be.at.most(0.5);
    console.log(`[streams] ID3: TXXX at ${txxx!.at.toFixed(3)} s (frame 4.300), shown at ${txxx!.time.toFixed(3)}; PRIV at ${priv!.at.toFixed(3)} s (frame 7.600), shown at ${priv!.time.toFixed(3)}`);
  });
});
