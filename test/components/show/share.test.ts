import { expect } from '@open-wc/testing';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';
import { deepLinkUrl, readDeepLink } from '../../../src/core/deep-link.js';
import { mountShow, shadow, showDoc, until } from './helpers.js';

const page = location.href;
/** Puts `query` in the page's URL (as a shopper opening a shared link), for one test. */
function visit(query: string) {
  history.replaceState(null, '', `${location.pathname}${query}`);
}

/** Replaces `navigator[name]` for one test (the share sheet cannot be driven; the clipboard needs focus). */
function withNavigator(name: 'share' | 'clipboard' | 'canShare', value: unknown) {
  Object.defineProperty(navigator, name, { configurable: true, get: () => value });
}

const player = (el: VitrineShow) => shadow(el, 'vitrine-player') as VitrinePlayer | null;
const video = (el: VitrineShow) => player(el)?.shadowRoot?.querySelector('video') ?? null;
/** The header's Share button (a lazy part: it comes with its chunk once the show is loaded). */
const shareButton = (el: VitrineShow) =>
  until(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Share'), 'the Share button').then((b) => b!);
const shareStatus = (el: VitrineShow) => el.shadowRoot!.querySelector('[part="share-status"]')!;

describe('deep links (core/deep-link.ts)', () => {
  it('reads only the link of the given show; keeps other parameters when writing one', () => {
    const url = 'https://shop.example/live?utm_source=mail&vitrine-show=s1&vitrine-t=93.5&vitrine-product=p%2F2#top';
    expect(readDeepLink('s1', url)).to.deep.equal({ showId: 's1', time: 93.5, productId: 'p/2' });
    expect(readDeepLink('s2', url)).to.equal(undefined);
    expect(readDeepLink('s1', 'https://shop.example/?vitrine-show=s1&vitrine-t=-4&vitrine-product=')).to.deep.equal({ showId: 's1' });
    expect(readDeepLink('s1', 'https://shop.example/?vitrine-show=s1&vitrine-t=abc')).to.deep.equal({ showId: 's1' });
    expect(deepLinkUrl(url, { showId: 's 3', time: 61.9 })).to.equal('https://shop.example/live?utm_source=mail&vitrine-show=s+3&vitrine-t=61#top');
  });
});

describe('<vitrine-show> deep links and sharing', function () {
  this.timeout(30000);
  afterEach(() => {
    history.replaceState(null, '', page);
    for (const name of ['share', 'clipboard', 'canShare']) delete (navigator as unknown as Record<string, unknown>)[name];
  });

  it('draws the Share button in a task after the first view with the document (title, player), not in it', async () => {
    const { el } = await mountShow(showDoc({ status: 'ended' }));
    await shareButton(el);
    const seen: string[] = [];
    // A second show of the same stream, its share chunk already here (the first one loaded it).
    const fresh = document.createElement('vitrine-show') as VitrineShow;
    fresh.stream = el.stream;
    const stop = fresh.store.subscribe((now, before) => {
      if (!now.show || before.show) return;
      // After the show's own listener asked for its update (it subscribed after this one).
      void Promise.resolve().then(() => fresh.updateComplete).then(() => {
        const root = fresh.shadowRoot!;
        seen.push(`title:${Boolean(root.querySelector('.title'))}`);
        seen.push(`share:${[...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Share')}`);
      });
    });
    el.after(fresh);
    try {
      await shareButton(fresh);
      expect(seen).to.deep.equal(['title:true', 'share:false']);
    } finally {
      stop();
      fresh.remove();
    }
  });

  it('a link to this replay opens its product and starts playback at vitrine-t; another show on the page ignores it', async () => {
    visit('?vitrine-show=show-1&vitrine-t=6&vitrine-product=p2');
    const { el, log } = await mountShow(showDoc({ status: 'ended' }));
    const other = await mountShow(showDoc({ id: 'show-2', status: 'ended' }));
    await until(() => el.store.state.openProductId === 'p2', 'the linked product did not open');
    expect(log.of('product-view').map((e) => e.detail.product.id)).to.deep.equal(['p2']);
    await el.updateComplete;
    expect(player(el)!.startTime).to.equal(6);
    await el.play();
    await until(() => (video(el)?.currentTime ?? 0) >= 6 && !video(el)!.paused, 'the replay did not start at 6 s', 20000);
    expect(other.el.store.state.openProductId).to.equal(null);
    expect(player(other.el)!.startTime).to.equal(undefined);
    expect(other.log.of('product-view')).to.have.length(0);
  });

  it('a live show opens the linked product but ignores vitrine-t', async () => {
    visit('?vitrine-show=show-1&vitrine-t=6&vitrine-product=p3');
    const { el } = await mountShow(showDoc({ status: 'live' }));
    await until(() => el.store.state.openProductId === 'p3', 'the linked product did not open');
    await el.updateComplete;
    expect(player(el)!.startTime).to.equal(undefined);
  });

  it('"Share" without the Web Share API copies a link to the moment and the open product, says "Link copied", fires vitrine-share', async () => {
    const copied: string[] = [];
    withNavigator('share', undefined);
    withNavigator('clipboard', { writeText: async (text: string) => void copied.push(text) });
    const { el } = await mountShow(showDoc({ status: 'ended' }));
    await el.play();
    await until(() => el.store.state.currentTime >= 2.2, 'the replay did not play', 20000);
    el.pause();
    el.openProduct('p2');
    const shared: CustomEvent[] = [];
    document.addEventListener('vitrine-share', (e) => shared.push(e), { once: true });
    const button = await shareButton(el);
    expect(shareStatus(el).textContent!.trim()).to.equal('');
    button.click();
    await until(() => shared.length === 1, 'no vitrine-share');
    expect(shared[0]!.target, 'heard on the page from the show').to.equal(el);
    const url = new URL(shared[0]!.detail.url);
    expect(copied).to.deep.equal([url.href]);
    expect(url.origin + url.pathname).to.equal(location.origin + location.pathname);
    expect(url.searchParams.get('vitrine-show')).to.equal('show-1');
    expect(Number(url.searchParams.get('vitrine-t'))).to.equal(Math.floor(el.store.state.currentTime));
    expect(Number(url.searchParams.get('vitrine-t'))).to.be.at.least(2);
    expect(url.searchParams.get('vitrine-product')).to.equal('p2');
    await el.updateComplete;
    expect(shareStatus(el).textContent!.trim()).to.equal('Link copied');
    expect(shareStatus(el).getAttribute('role')).to.equal('status');
    expect(shareStatus(el).getBoundingClientRect().width, 'the status is visible').to.be.above(0);
    await expect(el).to.be.accessible();
  });

  it('"Share" uses the Web Share API where there is one; a live show shares no time; closing the sheet fires nothing', async () => {
    const calls: ShareData[] = [];
    let cancel = false;
    withNavigator('share', async (data: ShareData) => {
      calls.push(data);
      if (cancel) throw new DOMException('Share canceled', 'AbortError');
    });
    const { el } = await mountShow(showDoc({ status: 'live' }));
    const shared: string[] = [];
    el.addEventListener('vitrine-share', (e) => shared.push(e.detail.url));
    (await shareButton(el)).click();
    await until(() => shared.length === 1, 'no vitrine-share');
    expect(calls).to.have.length(1);
    expect(calls[0]!.title).to.equal('Winter drop');
    expect(calls[0]!.url).to.equal(shared[0]);
    const url = new URL(shared[0]!);
    expect(url.searchParams.get('vitrine-show')).to.equal('show-1');
    expect(url.searchParams.has('vitrine-t')).to.equal(false);
    expect(url.searchParams.has('vitrine-product')).to.equal(false);
    cancel = true;
    (await shareButton(el)).click();
    await until(() => calls.length === 2, 'share not called again');
    await new Promise((r) => setTimeout(r, 50));
    expect(shared).to.have.length(1);
    expect(shareStatus(el).textContent!.trim()).to.equal('');
  });

  it('on a phone (390px) "Share" is a round icon button, still named "Share", and "Link copied" shows under the header', async () => {
    withNavigator('share', undefined);
    withNavigator('clipboard', { writeText: async () => {} });
    const { el } = await mountShow(showDoc({ status: 'ended' }), 390);
    const button = await shareButton(el);
    const box = button.getBoundingClientRect();
    expect(box.width).to.be.at.most(48);
    expect(box.width).to.be.closeTo(box.height, 1);
    button.click();
    await until(() => shareStatus(el).textContent!.trim() === 'Link copied', '"Link copied"');
    const status = shareStatus(el).getBoundingClientRect();
    expect(status.width).to.be.above(0);
    expect(status.top).to.be.at.least(box.bottom);
    expect(status.left).to.be.at.least(0);
    await expect(el).to.be.accessible();
  });

  it('without a clipboard, shows the link selected to copy by hand', async () => {
    withNavigator('share', undefined);
    withNavigator('clipboard', { writeText: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')) });
    const { el } = await mountShow(showDoc({ status: 'ended' }));
    const shared: string[] = [];
    el.addEventListener('vitrine-share', (e) => shared.push(e.detail.url));
    (await shareButton(el)).click();
    await until(() => shared.length === 1, 'no vitrine-share');
    await el.updateComplete;
    expect(shareStatus(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Copy this link: ${shared[0]}`);
    expect(getSelection()!.toString()).to.equal(shared[0]);
  });
});
