import { expect } from '@open-wc/testing';
import { setup } from '../product-card/fixtures.js';

const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));

describe('<vitrine-carousel> code: no warm-up once a rail rendered', () => {
  it("does nothing in idle moments when a rail rendered before them (a show's page): no styles, no rehearsal, no chunk (issue 19)", async () => {
    await import('../../../src/components/carousel/define.js');
    // A rail renders in the task after the code arrived, before any idle moment (as a show's does).
    const el = document.createElement('vitrine-carousel');
    el.store = setup().store;
    document.body.append(el);
    await el.updateComplete;
    const cards = [...el.shadowRoot!.querySelectorAll('vitrine-product-card')];
    await Promise.all(cards.map((card) => card.updateComplete));

    let templates = 0;
    const create = document.createElement;
    document.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
      if (String(args[0]).toLowerCase() === 'template') templates++;
      return create.apply(this, args);
    } as Document['createElement'];
    try {
      for (let i = 0; i < 6; i++) await idle();
      expect(templates, 'templates prepared in idle moments').to.equal(0);
      const requested = performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(requested.filter((name) => name.includes('carousel/prepare'))).to.deep.equal([]);
    } finally {
      document.createElement = create;
      el.remove();
    }
  });
});
