import { expect } from '@open-wc/testing';
import { eur, image, setup, single } from '../product-card/fixtures.js';

/** Resolves once the browser was idle. */
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));

/** Resolves once `done()` is true, checked in idle moments (at most 20). */
async function untilIdleWith(done: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !done(); i++) await idle();
}

describe('<vitrine-carousel> code: the first render rehearsed when idle', () => {
  it("prepares the rail's and the cards' templates in an idle moment, so that the first rail prepares none (issue 19)", async () => {
    const templates = { count: 0 };
    // Lit prepares a template by creating a <template> element from its HTML, once per template.
    const create = document.createElement;
    document.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
      if (String(args[0]).toLowerCase() === 'template') templates.count++;
      return create.apply(this, args);
    } as Document['createElement'];
    const body = document.body.innerHTML;
    try {
      await import('../../../src/components/carousel/define.js');
      expect(customElements.get('vitrine-carousel')).to.exist;
      // Not while the code runs: in an idle moment.
      expect(templates.count).to.equal(0);
      // Its styles in one idle moment, its rehearsal (a chunk of its own) in later ones.
      await untilIdleWith(() => templates.count > 3);
      expect(templates.count, 'templates prepared when idle').to.be.greaterThan(3);
      // Nothing entered the page.
      expect(document.body.innerHTML).to.equal(body);

      const before = templates.count;
      const products = [
        single('plain', { title: 'Plain', image: image(10) }),
        single('sale', { title: 'On sale', image: image(50), price: eur('19.00'), compareAtPrice: eur('29.00'), inventory: 2 }),
        single('gone', { title: 'Sold out', image: image(90), available: false }),
      ];
      const world = setup(products);
      const el = document.createElement('vitrine-carousel');
      el.store = world.store;
      document.body.append(el);
      await el.updateComplete;
      const cards = [...el.shadowRoot!.querySelectorAll('vitrine-product-card')];
      expect(cards).to.have.length(3);
      await Promise.all(cards.map((card) => card.updateComplete));
      expect(cards[1].shadowRoot!.querySelector('[part~="compare-at"]')).to.exist;
      expect(cards[2].shadowRoot!.textContent).to.include('Sold out');
      expect(templates.count - before, 'templates prepared by the first rail').to.equal(0);
      el.remove();
    } finally {
      document.createElement = create;
    }
  });
});
