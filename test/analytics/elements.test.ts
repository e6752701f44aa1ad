// connectDataLayer on a real <vitrine-show>: the pushed objects come from the elements' own events
// (the player's play and progress, a card's click), not from synthetic ones.
import { expect } from '@open-wc/testing';
import { connectDataLayer, type DataLayerEntry } from '../../src/analytics/index.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { mountShow, showDoc, until } from '../components/show/helpers.js';

const deep = (root: Element | null | undefined, ...selectors: string[]): Element | null => {
  let node: Element | null | undefined = root;
  for (const selector of selectors) node = node?.shadowRoot?.querySelector(selector);
  return node ?? null;
};
const video = (el: VitrineShow) => deep(el, 'vitrine-player', 'video') as HTMLVideoElement | null;

describe('vitrine/analytics on a real show', function () {
  this.timeout(40000);

  it('pushes video_start, video_progress (25/50/75 %) and video_complete from the player of a replay', async () => {
    // Connected before the show loads (on the document: the show's events bubble there), so it hears vitrine-ready.
    const dataLayer: DataLayerEntry[] = [];
    const disconnect = connectDataLayer(document, { dataLayer });
    const { el } = await mountShow(showDoc({ status: 'ended' }));
    const heard: EventTarget[] = [];
    el.addEventListener('vitrine-progress', (e) => heard.push(e.target!));
    await el.play();
    await until(() => video(el) && !video(el)!.paused && video(el)!.currentTime > 0.1, 'the replay did not play', 20000);
    video(el)!.playbackRate = 2;
    await until(() => dataLayer.some((d) => d['event'] === 'video_complete'), 'no video_complete', 20000);
    disconnect();
    const video_ = dataLayer.filter((d) => String(d['event']).startsWith('video_'));
    expect(video_.map((d) => [d['event'], d['video_percent']])).to.deep.equal([
      ['video_start', undefined],
      ['video_progress', 25],
      ['video_progress', 50],
      ['video_progress', 75],
      ['video_complete', 100],
    ]);
    expect(video_[0]).to.deep.include({ video_provider: 'vitrine', video_title: 'Winter drop', video_url: location.href, visible: true });
    expect(video_[0]!['video_current_time']).to.equal(0);
    expect(video_[2]!['video_current_time']).to.be.within(6, 7);
    expect(heard.every((target) => target === el), 'the player’s events reach the page from the show').to.equal(true);
  });

  it('pushes select_item and view_item when the shopper opens a product from a rail card and from the pinned card', async () => {
    const dataLayer: DataLayerEntry[] = [];
    const disconnect = connectDataLayer(document, { dataLayer });
    const { el } = await mountShow(showDoc({ status: 'ended' }));
    const clicks: { source: string; target: EventTarget | null }[] = [];
    el.addEventListener('vitrine-product-click', (e) => clicks.push({ source: e.detail.source, target: e.target }));
    const railCard = await until(() => {
      const cards = deep(el, 'vitrine-carousel')?.shadowRoot?.querySelectorAll('vitrine-product-card');
      return [...(cards ?? [])].find((card) => card.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() === 'Wool scarf');
    }, 'the rail card of the scarf');
    (railCard!.shadowRoot!.querySelector('[part="title"]') as HTMLButtonElement).click();
    const pinned = deep(el, '[part="pinned"] vitrine-product-card')!;
    await until(() => pinned.shadowRoot?.querySelector('[part="title"]'), 'the pinned card');
    (pinned.shadowRoot!.querySelector('[part="title"]') as HTMLButtonElement).click();
    expect(clicks).to.deep.equal([
      { source: 'rail', target: el },
      { source: 'pinned', target: el },
    ]);
    disconnect();
    const events = dataLayer.filter((d) => d['event'] && d['event'] !== 'view_item_list');
    expect(events.map((d) => d['event'])).to.deep.equal(['select_item', 'view_item', 'select_item', 'view_item']);
    expect(events[0]).to.deep.equal({
      event: 'select_item',
      ecommerce: {
        item_list_id: 'show-1',
        item_list_name: 'Winter drop',
        items: [{ item_id: 'p2', item_name: 'Wool scarf', price: 49, currency: 'EUR', quantity: 1, item_list_id: 'show-1', item_list_name: 'Winter drop', index: 1 }],
        vitrine_source: 'rail',
      },
    });
    expect((events[2]!['ecommerce'] as { items: { item_id: string }[] }).items[0]!.item_id).to.equal('p1');
    expect((events[2]!['ecommerce'] as Record<string, unknown>)['vitrine_source']).to.equal('pinned');
  });
});
