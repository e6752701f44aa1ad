/**
 * Adversarial stream faults in a whole `<vitrine-show>` on the demo's live HLS stream, switched
 * on and off mid-playback by the test (test/servers/hardening.mjs `stream-fault`). The player's
 * own tests cover a VOD segment 404, a playlist that disappears for good and the offline message
 * (test/components/player); these add: the live playlist gone and BACK, a live segment 404, a
 * stalled segment, and a network outage of the whole stream then its return. Each: the shopper
 * sees playback continue or a clear message, playback comes back, the rest of the show (cart)
 * keeps working, and nothing reaches `window.onerror`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createRestCart } from '../../src/adapters/rest/cart.js';
import { createRestShow } from '../../src/adapters/rest/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { PageRecorder, button, deepAll, scenario, sleep, until, visibleText, type Scenario } from './harness.js';

let recorder: PageRecorder;

async function playing(): Promise<{ s: Scenario; el: VitrineShow; video: () => HTMLVideoElement }> {
  const s = await scenario({ show: { base: 'live' }, stream: true });
  const el = await fixture<VitrineShow>(html`<vitrine-show locale="en"></vitrine-show>`);
  el.style.setProperty('display', 'block');
  el.style.setProperty('width', '900px');
  el.cart = createRestCart(s.cart);
  el.stream = createRestShow(s.show);
  await until(() => el.state.show !== null, 'show not loaded');
  (await button(el, /^Play/)).click();
  const video = () => deepAll(el).find((x): x is HTMLVideoElement => x.tagName === 'VIDEO')!;
  await until(() => video() && video().currentTime > 1, 'did not start playing', 20_000);
  return { s, el, video };
}

const fault = (s: Scenario, faults: Record<string, unknown>) =>
  fetch(`/__hardening/s/${s.id}/stream-fault`, { method: 'POST', body: JSON.stringify(faults) });

/** Waits until media time advances by `seconds` from now (clicking "Try again" if the player offers it). */
async function advances(el: VitrineShow, video: () => HTMLVideoElement, seconds: number, timeout = 25_000): Promise<'automatic' | 'after Try again'> {
  let base = video();
  let start = base?.currentTime ?? 0;
  const deadline = performance.now() + timeout;
  let how: 'automatic' | 'after Try again' = 'automatic';
  while (performance.now() < deadline) {
    const v = video();
    // A new <video> (the engine was recreated) or a jump back (live edge reloaded) starts a new count.
    if (v && (v !== base || v.currentTime < start)) {
      base = v;
      start = v.currentTime;
    }
    if (v && v.currentTime - start >= seconds && !v.paused) return how;
    const retry = deepAll(el).find((x) => x.tagName === 'BUTTON' && /^Try again$/.test((x.textContent ?? '').trim()) && (x as HTMLElement).offsetParent);
    if (retry && performance.now() > deadline - (timeout * 2) / 3) {
      (retry as HTMLButtonElement).click();
      how = 'after Try again';
    }
    await sleep(200);
  }
  const v = video();
  throw new Error(`playback did not come back (media time ${v?.currentTime}, paused ${v?.paused}, readyState ${v?.readyState}, shopper sees: ${visibleText(el).slice(0, 200)})`);
}

async function cartStillWorks(el: VitrineShow): Promise<void> {
  el.openProduct('p11');
  const detail = el.shadowRoot!.querySelector('vitrine-product-detail')!;
  (await button(detail, /^Add to cart/)).click();
  await until(() => el.state.cart?.lines.some((l) => l.variantId === 'p11'), 'cart broken by a stream fault');
  el.store.set({ openProductId: null });
}

describe('hardening: stream faults in a live show', function () {
  this.timeout(90_000);
  beforeEach(() => {
    recorder = new PageRecorder();
  });
  afterEach(() => {
    recorder.stop();
    expect(recorder.windowErrors, 'errors reached window.onerror').to.deep.equal([]);
    expect(recorder.rejections, 'unhandled rejections').to.deep.equal([]);
  });

  it('the live playlist 404s for 8 s, then is back: playback returns', async () => {
    const { s, el, video } = await playing();
    await fault(s, { playlist: '404' });
    await sleep(8_000);
    const during = visibleText(el);
    await fault(s, { playlist: null });
    const how = await advances(el, video, 2);
    console.log(`[hardening] playlist 404 then back: recovered ${how}; errors ${JSON.stringify(recorder.errors().map((e) => e.code))}; shopper saw "${/not available/.test(during) ? 'This video is not available right now.' : 'playback from the buffer'}"`);
    expect(recorder.errors().every((e) => e.code === 'stream/unavailable' || e.code === 'stream/offline')).to.equal(true);
    await cartStillWorks(el);
  });

  it('two live segments answer 404: playback goes on', async () => {
    const { s, el, video } = await playing();
    await fault(s, { segment404: 2 });
    await advances(el, video, 4);
    const log = (await (await fetch(`/__hardening/s/${s.id}/log`)).json()) as { stream: { fault: string | null }[] };
    expect(log.stream.filter((e) => e.fault === '404').length).to.equal(2);
  });

  it('a stalled segment (12 s before it answers): playback resumes, the show stays usable meanwhile', async () => {
    const { s, el, video } = await playing();
    await fault(s, { stall: 12_000 });
    await cartStillWorks(el);
    await advances(el, video, 3, 40_000);
    const log = (await (await fetch(`/__hardening/s/${s.id}/log`)).json()) as { stream: { fault: string | null }[] };
    expect(log.stream.some((e) => e.fault === 'stall 12000')).to.equal(true);
  });

  it('network outage of the whole stream (connections reset) for 8 s, then back: playback returns', async () => {
    const { s, el, video } = await playing();
    await fault(s, { playlist: 'reset', segments: 'reset' });
    await sleep(8_000);
    await fault(s, { playlist: null, segments: null });
    const how = await advances(el, video, 2);
    console.log(`[hardening] stream outage then back: recovered ${how}; errors ${JSON.stringify(recorder.errors().map((e) => e.code))}`);
    await cartStillWorks(el);
  });
});
