import { expect } from '@open-wc/testing';

/** Resolves once the browser was idle twice (the carousel's code warms up in its first idle moment). */
const idle = () =>
  new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 2000 }), { timeout: 2000 }));

describe('<vitrine-carousel> code: warm-up', () => {
  it("parses the rail's and cards' styles in an idle moment after it is defined, before any rail renders; neither it nor the first rail (prices in euros) starts ICU (issue 19)", async () => {
    const created: string[] = [];
    const Original = Intl.NumberFormat;
    // Counts the number formats created from here on (this file imports nothing else that formats).
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      created.push(String(args[0] ?? ''));
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    Object.assign(Counting, Original);
    Intl.NumberFormat = Counting;
    let parsed = 0;
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
      parsed++;
      return replaceSync.call(this, text);
    };
    const lang = document.documentElement.getAttribute('lang');
    try {
      document.documentElement.lang = 'de';
      await import('../../../src/components/carousel/define.js');
      expect(customElements.get('vitrine-carousel')).to.exist;
      // Not while the code runs: in an idle moment.
      expect(created).to.deep.equal([]);
      expect(parsed).to.equal(0);
      await idle();
      // No Intl formatter: the first one starts ICU, one long task (prices and counts of a
      // rail in euros in the common locales are formatted without it, core/number-formats.ts).
      expect(created).to.deep.equal([]);
      expect(document.querySelector('vitrine-carousel')).to.equal(null);
      // The rail's and the cards' styles were parsed then: the first rail parses none.
      expect(parsed).to.be.greaterThan(0);
      const before = parsed;
      const { setup } = await import('../product-card/fixtures.js');
      const el = document.createElement('vitrine-carousel');
      el.store = setup().store;
      document.body.append(el);
      await el.updateComplete;
      const cards = [...el.shadowRoot!.querySelectorAll('vitrine-product-card')];
      expect(cards.length).to.be.greaterThan(0);
      await Promise.all(cards.map((card) => card.updateComplete));
      expect(parsed, 'stylesheets parsed by the first rail').to.equal(before);
      expect(el.shadowRoot!.textContent + cards.map((card) => card.shadowRoot!.textContent).join('')).to.contain('€89.00');
      expect(created, 'Intl.NumberFormat created by the first rail').to.deep.equal([]);
      el.remove();
    } finally {
      Intl.NumberFormat = Original;
      CSSStyleSheet.prototype.replaceSync = replaceSync;
      if (lang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', lang);
    }
  });
});
