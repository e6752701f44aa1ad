import { expect } from '@open-wc/testing';
import type { VitrineProductCard } from '../../../src/components/product-card/product-card.js';
import type { VitrineShow } from '../../../src/components/show/show.js';
import { mountShow, shadow, showDoc, until } from './helpers.js';

const video = (el: VitrineShow) => shadow(el, 'vitrine-player')?.shadowRoot?.querySelector('video') ?? null;

describe('<vitrine-show> replay chapters (issue 17)', function () {
  this.timeout(40000);

  it('the highlighted product follows the chapters: as playback passes each, and after seeks back and forward', async () => {
    const doc = showDoc({ status: 'ended', chapters: [{ productId: 'p1', start: 1 }, { productId: 'p2', start: 3 }, { productId: 'p3', start: 8 }] });
    const { el, log } = await mountShow(doc);
    expect(el.state.highlighted).to.equal(null);
    await el.play();
    await until(() => el.state.highlighted?.id === 'p1', 'p1 at 0:01', 10000);
    await until(() => el.state.highlighted?.id === 'p2', 'p2 at 0:03', 10000);
    expect(log.of('highlight').map((e) => e.detail.product.id)).to.deep.equal(['p1', 'p2']);
    expect(log.of('highlight')[1]!.detail.at).to.equal(3);
    expect(shadow(el, '.pinned .label')!.textContent).to.equal('Shown now');
    // Forward over a chapter: the product of where playback lands.
    el.store.bus.emit('seek-request', { time: 9 });
    await until(() => el.state.highlighted?.id === 'p3', 'p3 after a seek forward', 10000);
    // Back into the first chapter.
    el.store.bus.emit('seek-request', { time: 1.5 });
    await until(() => el.state.highlighted?.id === 'p1', 'p1 after a seek back', 10000);
    // Paused, a seek still moves the pin.
    el.pause();
    await until(() => video(el)?.paused, 'paused');
    el.store.bus.emit('seek-request', { time: 4 });
    await until(() => el.state.highlighted?.id === 'p2', 'p2 after a seek while paused', 10000);
  });

  it('"Shown at" brings the video into view when it is scrolled away', async () => {
    const doc = showDoc({ status: 'ended', chapters: [{ productId: 'p2', start: 3 }] });
    const { el, wrapper } = await mountShow(doc);
    const spacer = document.createElement('div');
    spacer.style.setProperty('height', '3000px');
    wrapper.after(spacer);
    const rail = shadow(el, 'vitrine-carousel')!;
    rail.scrollIntoView({ block: 'end' });
    const slot = shadow(el, '.stage-slot')!;
    const inView = () => {
      const box = slot.getBoundingClientRect();
      return box.top >= -1 && box.bottom <= innerHeight + 1;
    };
    await until(() => !inView(), 'scrolled away');
    const seek = await until(
      () => [...rail.shadowRoot!.querySelectorAll<VitrineProductCard>('vitrine-product-card')].find((card) => card.shownAt === 3)?.shadowRoot?.querySelector<HTMLButtonElement>('[part="seek-button"]'),
      'the "Shown at" button',
    );
    seek!.click();
    await until(inView, 'the video came into view', 5000);
    spacer.remove();
  });
});
