// CLS: the show's size is final from its first render. Nothing the backend sends afterwards (the
// show document, its products, a pin, the viewer count) changes the show's height, so nothing on the
// host page below it moves.
import { expect, fixture, html } from '@open-wc/testing';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { Show } from '../../../src/core/types.js';
import { memoryStream, product, showDoc, until } from './helpers.js';

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

/** A stream adapter whose show document arrives when the test says so. */
function heldStream(doc: Show) {
  const stream = memoryStream(doc);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load = stream.loadShow.bind(stream);
  stream.loadShow = async (signal) => {
    await gate;
    return load(signal);
  };
  return { stream, release };
}

const doc = () =>
  showDoc({
    title: 'Winter drop, live from the atelier with a title long enough to need more than one line of text',
    host: { name: 'Ava', avatar: '/__player/hls/poster.jpg' },
    products: [
      product('p1', { title: 'Merino beanie, hand-knitted in Portugal from traceable wool', inventory: 3 }),
      product('p2', { title: 'Wool scarf', compareAtPrice: { amount: '69.00', currencyCode: 'EUR' }, price: { amount: '49.00', currencyCode: 'EUR' } }),
      product('p3', { available: false }),
      ...Array.from({ length: 9 }, (_, i) => product(`q${i}`)),
    ],
  });

// Phones (< 480px) too: the pinned slot below the video reserves the line a long title, a sale
// price or low stock adds, and the rail the cards' taller text at 320px.
// A vertical show declares its shape on the element (`aspect-ratio="9:16"`), so the portrait
// stage is reserved before the document says so too.
for (const [width, layout, ratio] of [
  [1000, 'wide', undefined],
  [640, 'stacked', undefined],
  [390, 'phone', undefined],
  [320, 'phone', undefined],
  [390, 'phone, vertical', '9:16'],
  [320, 'phone, vertical', '9:16'],
  [640, 'stacked, vertical', '9:16'],
] as const) {
  it(`${layout} (${width}px): the height of the first render is the height with the show, products, a pin and viewers`, async () => {
    const { stream, release } = heldStream(ratio ? { ...doc(), aspectRatio: ratio } : doc());
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
    const el = document.createElement('vitrine-show') as VitrineShow;
    if (ratio) el.setAttribute('aspect-ratio', ratio);
    el.stream = stream;
    wrapper.append(el);
    await el.updateComplete;
    await frames();
    const before = el.getBoundingClientRect().height;
    expect(before, 'a box before anything loads').to.be.greaterThan(300);
    release();
    await until(() => el.state.show, 'the show loaded');
    await until(() => el.shadowRoot!.querySelector('vitrine-carousel')?.shadowRoot?.querySelector('vitrine-product-card'), 'cards');
    stream.send({ type: 'viewers', count: 1234 });
    el.store.set({ highlight: { productId: 'p1', at: 0 } });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    await frames();
    expect(el.getBoundingClientRect().height).to.be.closeTo(before, 0.5);
  });
}
