import { expect } from '@open-wc/testing';
import { box, deep, hitAt, money, mountShow, overlap, product, shadow, showDoc, until } from './helpers.js';

describe('<vitrine-show> layouts', () => {
  it('wide: the pinned product is a compact card whose image, title, price and Add to cart fit beside the video', async () => {
    const { el } = await mountShow(showDoc({ host: { name: 'Ava Laurent-Beaumont' } }), 1100);
    const card = shadow(el, '.pinned vitrine-product-card')!;
    expect(card.getAttribute('layout')).to.equal('compact');
    await until(() => deep(card, '[part~="add-button"]'), 'the card rendered');
    const stage = box(shadow(el, '.stage-slot')!);
    const pinned = box(shadow(el, '.pinned')!);
    // Beside the video, not below it.
    expect(pinned.left).to.be.greaterThanOrEqual(stage.right);
    for (const part of ['media', 'title', 'price', 'add-button']) {
      const r = box(deep(card, `[part~="${part}"]`)!);
      expect(r.height, part).to.be.greaterThan(0);
      expect(r.bottom, `${part} within the video's height`).to.be.at.most(stage.bottom + 0.5);
      expect(r.bottom, `${part} not clipped by the pinned column`).to.be.at.most(pinned.bottom + 0.5);
    }
    // Title, status and viewer count once each: in the show's header, not again on the player (issue 17).
    expect(shadow(el, 'vitrine-player')!.hasAttribute('no-header')).to.equal(true);
    el.store.set({ viewers: 1234 });
    await el.updateComplete;
    const player = shadow(el, 'vitrine-player')!;
    await (player as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const texts = (root: ShadowRoot) => root.textContent ?? '';
    const count = (text: string, needle: string) => text.split(needle).length - 1;
    const all = texts(el.shadowRoot!) + texts(player.shadowRoot!);
    expect(count(all, 'Winter drop'), 'the title once').to.equal(1);
    expect(count(all, '1,234 watching'), 'the viewer count once').to.equal(1);
    // The host's name whole, not "Hosted b…".
    const host = shadow(el, '.host') as HTMLElement;
    expect(host.scrollWidth).to.be.at.most(host.clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it("phone, a 16:9 show: the header, then the video edge to edge at 16:9 (no black bars above and below it)", async () => {
    const { el } = await mountShow(showDoc({ aspectRatio: '16:9' }), 390);
    const player = shadow(el, 'vitrine-player')!;
    expect(player.getAttribute('aspect-ratio')).to.equal('16:9');
    const header = box(shadow(el, '.header')!);
    const stage = box(shadow(el, '.stage-slot')!);
    expect(header.bottom, 'the header above the video').to.be.at.most(stage.top + 0.5);
    expect(stage.width).to.be.closeTo(390, 0.5);
    expect(stage.height).to.be.closeTo((390 * 9) / 16, 1);
    expect(box(player).height).to.be.closeTo(stage.height, 1);
    // The show's header right above says it all: the player's own title and badge are not repeated.
    await until(() => player.hasAttribute('no-header'), 'no-header on the player');
    await expect(el).to.be.accessible();
  });

  for (const width of [390, 320]) {
    it(`phone (${width}px): the header keeps the LIVE badge and the viewer count whole; a long host name gives way`, async () => {
      const { el, stream } = await mountShow(showDoc({ host: { name: 'Ava Lindqvist-Bergström of the Atelier' } }), width);
      stream.send({ type: 'viewers', count: 12345 });
      const viewers = (await until(() => shadow(el, '.meta .viewers'), 'the viewer count'))!;
      const meta = box(shadow(el, '.meta')!);
      for (const part of [shadow(el, '.meta .badge')!, viewers]) {
        const r = box(part);
        expect(r.width, part.className).to.be.greaterThan(0);
        expect(r.right, `${part.className} not cut off`).to.be.at.most(meta.right + 0.5);
        expect(part.scrollWidth, `${part.className} not truncated`).to.be.at.most(part.clientWidth + 0.5);
      }
      const host = shadow(el, '.meta .host')!;
      expect(host.scrollWidth, 'the host name is the one truncated').to.be.greaterThan(host.clientWidth);
    });
  }

  it('aspect-ratio: the attribute wins over the document; a value it does not know falls back to the document', async () => {
    const { el } = await mountShow(showDoc({ aspectRatio: '9:16' }), 390);
    const player = () => shadow(el, 'vitrine-player')!;
    expect(player().getAttribute('aspect-ratio'), 'the document').to.equal('9:16');
    el.setAttribute('aspect-ratio', '16:9');
    await el.updateComplete;
    expect(player().getAttribute('aspect-ratio'), 'the attribute').to.equal('16:9');
    el.setAttribute('aspect-ratio', '4:3');
    await el.updateComplete;
    expect(player().getAttribute('aspect-ratio'), 'an unknown value').to.equal('9:16');
  });

  it('stacked (600px): the header above the video, and the player does not repeat it', async () => {
    const { el } = await mountShow(showDoc(), 600);
    const player = shadow(el, 'vitrine-player')!;
    await until(() => player.hasAttribute('no-header'), 'no-header on the player');
    expect(box(shadow(el, '.header')!).bottom).to.be.at.most(box(shadow(el, '.stage-slot')!).top + 0.5);
  });

  for (const [width, locale] of [[390, 'en'], [320, 'en'], [320, 'de']] as const) {
    it(`phone (${width}px, ${locale}), a scheduled 16:9 show: the date, the countdown and "Add to calendar" fit in the video area`, async () => {
      const startsAt = new Date(Date.now() + 3_600_000).toISOString();
      const { el } = await mountShow(showDoc({ poster: '/__player/hls/poster.jpg', status: 'scheduled', startsAt, aspectRatio: '16:9' }), width);
      el.locale = locale;
      await el.updateComplete;
      const button = (await until(() => shadow(el, '[part~="calendar-button"]'), 'Add to calendar'))!;
      const stage = box(shadow(el, '.stage-slot')!);
      for (const part of [shadow(el, '.panel .headline')!, shadow(el, '[part~="countdown"]')!, button]) {
        const r = box(part);
        expect(r.top, `${part.className || part.getAttribute('part')} top`).to.be.at.least(stage.top - 0.5);
        expect(r.bottom, `${part.className || part.getAttribute('part')} bottom`).to.be.at.most(stage.bottom + 0.5);
      }
    });
  }

  it("phone, a vertical (9:16) show: the show's header is over the video and the player's own header is hidden", async () => {
    const { el } = await mountShow(showDoc({ aspectRatio: '9:16' }), 390);
    await until(() => shadow(el, 'vitrine-player')?.hasAttribute('no-header'), 'no-header on the player');
    const player = shadow(el, 'vitrine-player')!;
    expect(player.getAttribute('aspect-ratio')).to.equal('9:16');
    await (player as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const root = player.shadowRoot!;
    expect(root.querySelector('[part~="title"]'), 'player title').to.equal(null);
    expect(root.querySelector('[part~="badge"]'), 'player badge').to.equal(null);
    expect(root.querySelector('[part~="play-button"]'), 'Play stays').to.not.equal(null);
    // The show's header is drawn over the stage.
    const header = box(shadow(el, '.header')!);
    const stage = box(shadow(el, '.stage-slot')!);
    expect(header.top).to.be.greaterThanOrEqual(stage.top);
    expect(header.bottom).to.be.at.most(stage.bottom);
    // The pinned card is a compact card below the video, not over it.
    el.store.set({ highlight: { productId: 'p2', at: 0 } });
    await el.updateComplete;
    expect(shadow(el, '.pinned vitrine-product-card')!.getAttribute('layout')).to.equal('compact');
    expect(box(shadow(el, '.pinned')!).top).to.be.greaterThanOrEqual(stage.bottom);
    await expect(el).to.be.accessible();
  });

  for (const [width, aspectRatio] of [[390, '9:16'], [320, '9:16'], [390, '16:9'], [320, '16:9'], [600, '16:9']] as const) {
    it(`${width}px (${width < 480 ? 'phone' : 'stacked'}, ${aspectRatio}): with a product pinned, Play is reachable and the card covers none of the video`, async () => {
      // A card a line taller than most: a sale price and low stock.
      const tall = product('p4', { title: 'Cedar and fig candle', compareAtPrice: money('39.00'), inventory: 3 });
      const doc = showDoc({ poster: '/__player/hls/poster.jpg', aspectRatio });
      const { el } = await mountShow({ ...doc, products: [...doc.products, tall] }, width);
      el.store.set({ highlight: { productId: 'p4', at: 0 } });
      await el.updateComplete;
      const card = (await until(() => deep(el, '.pinned vitrine-product-card', '[part~="add-button"]'), 'the pinned card rendered'))!;
      const player = shadow(el, 'vitrine-player')!;
      const play = (await until(() => deep(el, 'vitrine-player', '[part~="play-button"]'), 'the Play button'))!;
      play.scrollIntoView({ block: 'center' });
      // What a tap in the middle of Play lands on, through the shadow roots.
      const r = box(play);
      const hit = hitAt(r.left + r.width / 2, r.top + r.height / 2);
      expect(hit === play, `a tap on Play lands on <${hit?.localName}> ${hit?.getAttribute('part') ?? ''}`).to.equal(true);
      // The video area (the player's frame) and the pinned card do not overlap.
      const video = box(player);
      const pinned = box(shadow(el, '.pinned')!);
      expect(overlap(video, pinned), 'pinned card over the video').to.equal(false);
      expect(overlap(video, box(card)), 'Add to cart over the video').to.equal(false);
      // The whole card is in view in its slot: Add to cart and its status line are not clipped.
      const status = deep(el, '.pinned vitrine-product-card', '[part~="status"]')!;
      expect(box(status).bottom, 'the status line inside the pinned slot').to.be.at.most(pinned.bottom + 0.5);
      // The whole stage, control bar included, is on screen at once.
      expect(video.height).to.be.at.most(window.innerHeight + 0.5);
      await expect(el).to.be.accessible();
    });
  }

  it('posters are letterboxed alike on a phone: scheduled, live and ended show the whole poster', async () => {
    const poster = '/__player/hls/poster.jpg';
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await mountShow(showDoc({ poster, status: 'scheduled', startsAt }), 390);
    const panelPoster = (await until(() => shadow(scheduled.el, '.panel .poster'), 'the scheduled poster'))!;
    const live = await mountShow(showDoc({ poster }), 390);
    const playerPoster = (await until(() => deep(live.el, 'vitrine-player', '[part~="poster"]'), 'the live poster'))!;
    const endedDoc = showDoc({ poster, status: 'ended' });
    delete endedDoc.stream;
    const ended = await mountShow(endedDoc, 390);
    const endedPoster = (await until(() => shadow(ended.el, '.panel .poster'), 'the ended poster'))!;
    const fit = (img: Element) => getComputedStyle(img).objectFit;
    // The video itself is letterboxed (object-fit: contain): the posters match it.
    expect(fit(playerPoster)).to.equal('contain');
    expect(fit(panelPoster)).to.equal(fit(playerPoster));
    expect(fit(endedPoster)).to.equal(fit(playerPoster));
  });
});
