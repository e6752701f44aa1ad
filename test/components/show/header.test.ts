/**
 * The show's header keeps its height from the first render (issue 19, CLS 0 as pasted): nothing
 * under it moves when the show document, the host (with a long name and an avatar), the viewer
 * count and the lazy Share button arrive, in each layout.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { Show } from '../../../src/core/types.js';
import { box, memoryStream, shadow, showDoc, until } from './helpers.js';

const AVATAR = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24" fill="teal"/></svg>');

describe('<vitrine-show> header', () => {
  for (const width of [1100, 800, 600, 390]) {
    it(`${width}px: the same height before the show loads and once the host, the viewer count and Share are there`, async () => {
      const doc = showDoc({ title: 'Winter drop: the warm layers, the scarves and the boots of the season', host: { name: 'Ava Laurent-Beaumont of the Atelier', avatar: AVATAR } });
      const stream = memoryStream(doc);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const load = stream.loadShow.bind(stream);
      stream.loadShow = async (...args: Parameters<typeof load>): Promise<Show> => {
        await gate;
        return load(...args);
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}></div>`);
      const el = document.createElement('vitrine-show') as VitrineShow;
      el.stream = stream;
      wrapper.append(el);
      await el.updateComplete;
      const header = shadow(el, '.header')!;
      await until(() => shadow(el, 'vitrine-cart')?.shadowRoot?.childElementCount, 'the cart button');
      const before = box(header).height;
      const below = box(shadow(el, '.pinned')!).top - box(el).top;
      const cart = box(shadow(el, 'vitrine-cart')!);
      release();
      await until(() => el.state.show, 'the show loaded');
      el.store.set({ viewers: 12345 });
      await until(() => shadow(el, '.share-button') && shadow(el, '.meta .viewers') && shadow(el, '.meta .host'), 'the host, the viewers and Share');
      const avatar = shadow(el, '.meta .avatar') as HTMLImageElement;
      await until(() => avatar.complete, 'the avatar');
      await el.updateComplete;
      expect(box(header).height, 'the header did not grow').to.equal(before);
      expect(box(shadow(el, '.pinned')!).top - box(el).top, 'nothing under it moved').to.equal(below);
      const after = box(shadow(el, 'vitrine-cart')!);
      expect([after.left, after.top, after.width], 'the cart button stayed put').to.deep.equal([cart.left, cart.top, cart.width]);
      // Everything in the header is in view in it.
      const h = box(header);
      for (const part of ['.title', '.meta .badge', '.meta .viewers', '.meta .host', '.share-button', 'vitrine-cart']) {
        const r = box(shadow(el, part)!);
        expect(r.height, part).to.be.greaterThan(0);
        expect(r.top, `${part} top`).to.be.at.least(h.top - 0.5);
        expect(r.bottom, `${part} bottom`).to.be.at.most(h.bottom + 0.5);
      }
    });
  }
});
