import { expect } from '@open-wc/testing';
import { connectDataLayer, type DataLayerEntry } from '../../src/analytics/index.js';
import type { VitrineEventMap } from '../../src/core/events.js';
import type { Cart, Product, Show } from '../../src/core/types.js';

const beanie: Product = {
  id: 'p1',
  title: 'Merino beanie',
  price: { amount: '29.00', currencyCode: 'EUR' },
  available: true,
  options: [{ name: 'Color', values: ['Red', 'Navy'] }],
  variants: [
    { id: 'v1', title: 'Red', options: { Color: 'Red' }, price: { amount: '29.00', currencyCode: 'EUR' }, available: true },
    { id: 'v2', title: 'Navy', options: { Color: 'Navy' }, price: { amount: '31.50', currencyCode: 'EUR' }, available: true },
  ],
};
const scarf: Product = {
  id: 'p2',
  title: 'Scarf',
  price: { amount: '45.00', currencyCode: 'EUR' },
  available: true,
  options: [],
  variants: [{ id: 'p2', title: 'Default', options: {}, price: { amount: '45.00', currencyCode: 'EUR' }, available: true }],
};
const show: Show = { id: 'show-42', title: 'Winter drop, live', status: 'ended', products: [beanie, scarf], chapters: [] };
const cart: Cart = {
  id: 'c1',
  lines: [
    { id: 'l1', productId: 'p1', variantId: 'v2', title: 'Merino beanie', variantTitle: 'Navy', quantity: 2, unitPrice: { amount: '31.50', currencyCode: 'EUR' }, total: { amount: '63.00', currencyCode: 'EUR' } },
    { id: 'l2', productId: 'p2', variantId: 'p2', title: 'Scarf', quantity: 1, unitPrice: { amount: '45.00', currencyCode: 'EUR' }, total: { amount: '45.00', currencyCode: 'EUR' } },
  ],
  subtotal: { amount: '108.00', currencyCode: 'EUR' },
  total: { amount: '98.00', currencyCode: 'EUR' },
  discounts: [{ code: 'WINTER10', amount: { amount: '10.00', currencyCode: 'EUR' } }],
  totalQuantity: 3,
};

function setup(options: Parameters<typeof connectDataLayer>[1] = {}) {
  const element = document.createElement('div');
  document.body.append(element);
  const dataLayer: DataLayerEntry[] = [];
  const disconnect = connectDataLayer(element, { dataLayer, ...options });
  const fire = <K extends keyof VitrineEventMap>(name: K, detail: Partial<VitrineEventMap[K]>) =>
    element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  const events = () => dataLayer.filter((e) => e.event);
  return { element, dataLayer, disconnect, fire, events, done: () => element.remove() };
}

describe('vitrine/analytics connectDataLayer', () => {
  it('view_item_list on ready, view_item, select_item with the list and index (GA4 item shape, price as a number)', () => {
    const { fire, dataLayer, events, done } = setup();
    fire('vitrine-ready', { show });
    fire('vitrine-product-view', { product: scarf });
    fire('vitrine-product-click', { product: scarf, source: 'rail' });
    expect(dataLayer[0]).to.deep.equal({ ecommerce: null }); // cleared before each e-commerce event
    expect(events()).to.deep.equal([
      {
        event: 'view_item_list',
        ecommerce: {
          item_list_id: 'show-42',
          item_list_name: 'Winter drop, live',
          items: [
            { item_id: 'p1', item_name: 'Merino beanie', price: 29, currency: 'EUR', quantity: 1, item_list_id: 'show-42', item_list_name: 'Winter drop, live', index: 0 },
            { item_id: 'p2', item_name: 'Scarf', price: 45, currency: 'EUR', quantity: 1, item_list_id: 'show-42', item_list_name: 'Winter drop, live', index: 1 },
          ],
        },
      },
      { event: 'view_item', ecommerce: { currency: 'EUR', value: 45, items: [{ item_id: 'p2', item_name: 'Scarf', price: 45, currency: 'EUR', quantity: 1 }] } },
      {
        event: 'select_item',
        ecommerce: {
          item_list_id: 'show-42',
          item_list_name: 'Winter drop, live',
          items: [{ item_id: 'p2', item_name: 'Scarf', price: 45, currency: 'EUR', quantity: 1, item_list_id: 'show-42', item_list_name: 'Winter drop, live', index: 1 }],
          vitrine_source: 'rail',
        },
      },
    ]);
    expect(dataLayer.filter((e) => 'ecommerce' in e && e.ecommerce === null)).to.have.length(3);
    done();
  });

  it('add_to_cart with the variant, its price and value = price × quantity; begin_checkout from the cart lines, total and coupon', () => {
    const { fire, events, done } = setup({ clearEcommerce: false });
    fire('vitrine-add-to-cart', { product: beanie, variant: beanie.variants[1]!, quantity: 2 });
    fire('vitrine-checkout', { cart, url: 'https://shop.example.com/checkout' });
    expect(events()).to.deep.equal([
      {
        event: 'add_to_cart',
        ecommerce: {
          currency: 'EUR',
          value: 63,
          items: [{ item_id: 'p1', item_name: 'Merino beanie', item_variant: 'Navy', price: 31.5, currency: 'EUR', quantity: 2 }],
        },
      },
      {
        event: 'begin_checkout',
        ecommerce: {
          currency: 'EUR',
          value: 98,
          coupon: 'WINTER10',
          items: [
            { item_id: 'p1', item_name: 'Merino beanie', item_variant: 'Navy', price: 31.5, currency: 'EUR', quantity: 2 },
            { item_id: 'p2', item_name: 'Scarf', price: 45, currency: 'EUR', quantity: 1 },
          ],
        },
      },
    ]);
    for (const entry of events()) {
      const items = (entry.ecommerce as { items: Array<{ price: unknown }> }).items;
      for (const item of items) expect(item.price).to.be.a('number');
    }
    done();
  });

  it('video_start once per show, video_progress at 25/50/75 %, video_complete at 100 %, live progress every interval', () => {
    const { fire, events, done } = setup({ liveProgressInterval: 30 });
    fire('vitrine-ready', { show: { ...show, products: [] } });
    fire('vitrine-play', { at: 12.4 });
    fire('vitrine-pause', { at: 20 });
    fire('vitrine-play', { at: 20 });
    fire('vitrine-progress', { watched: 10, at: 22, percent: 25 });
    fire('vitrine-progress', { watched: 20, at: 90, percent: 100 });
    fire('vitrine-progress', { watched: 10, at: 95 });
    fire('vitrine-progress', { watched: 30, at: 115 });
    fire('vitrine-progress', { watched: 40, at: 125 });
    fire('vitrine-progress', { watched: 60, at: 145 });
    const base = { video_provider: 'vitrine', video_title: 'Winter drop, live', video_url: location.href, visible: true };
    expect(events()).to.deep.equal([
      { event: 'video_start', ...base, video_current_time: 12 },
      { event: 'video_progress', ...base, video_current_time: 22, video_percent: 25 },
      { event: 'video_complete', ...base, video_current_time: 90, video_percent: 100 },
      { event: 'video_progress', ...base, video_current_time: 115, video_watched: 30 },
      { event: 'video_progress', ...base, video_current_time: 145, video_watched: 60 },
    ]);
    done();
  });

  it('events bubbling from inside the element count; the disconnect function stops everything; no data layer is an error', () => {
    const { element, fire, events, disconnect, done } = setup();
    const inner = document.createElement('span');
    element.append(inner);
    inner.dispatchEvent(new CustomEvent('vitrine-share', { detail: { url: 'https://shop.example.com/?vitrine-show=show-42' }, bubbles: true, composed: true }));
    expect(events()).to.deep.equal([{ event: 'share', method: 'vitrine', content_type: 'video', item_id: 'https://shop.example.com/?vitrine-show=show-42' }]);
    disconnect();
    fire('vitrine-product-view', { product: scarf });
    fire('vitrine-play', { at: 0 });
    expect(events()).to.have.length(1);
    expect(() => connectDataLayer(element, { dataLayer: undefined })).to.throw(TypeError, /no data layer/);
    done();
  });

  it('a malformed detail is skipped, never thrown into the page', () => {
    const { fire, events, done } = setup();
    fire('vitrine-product-view', { product: { id: 'x' } as unknown as Product });
    fire('vitrine-checkout', { cart: null, url: 'https://x.example' });
    fire('vitrine-product-view', { product: scarf });
    expect(events().map((e) => e.event)).to.deep.equal(['view_item']);
    done();
  });
});
