/**
 * The first view's text is drawn in the type scale's strikes only (components/shared/type-scale.ts),
 * and the loader warms the same strikes in the same stack: a size or weight added to the first
 * view, or a scale changed on one side only, would bring back a font look-up in its first layout.
 */
import { expect } from '@open-wc/testing';
import { FONT_STACK, STRIKES } from '../../src/components/shared/type-scale.js';
import { money, mountShow, product, showDoc, until } from '../components/show/helpers.js';

/** Each strike (`weight size`) the text under `root` is drawn in, shadow roots included, with a sample of its text. */
function strikes(root: Node, out = new Map<string, string>()): Map<string, string> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node instanceof Element && node.shadowRoot) strikes(node.shadowRoot, out);
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
    const parent = node.parentElement;
    if (!parent || !parent.getClientRects().length) continue; // not drawn
    const style = getComputedStyle(parent);
    const key = `${style.fontWeight} ${style.fontSize}`;
    if (!out.has(key)) out.set(key, `${parent.localName}.${parent.className}: ${node.textContent!.trim().slice(0, 30)}`);
  }
  return out;
}

describe('the type scale', () => {
  for (const width of [390, 1000]) {
    it(`a show's first view at ${width} px draws its text in the scale's strikes only`, async () => {
      // With images, as products have them (a product without one shows its initial, large: a fallback).
      const image = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 5"><rect width="4" height="5" fill="tan"/></svg>')}`;
      const doc = showDoc({
        products: [
          product('p1', { image, inventory: 2 }),
          product('p2', { image, compareAtPrice: money('59.00'), price: money('49.00') }),
          product('p3', { image, available: false }),
        ],
      });
      const { el, stream } = await mountShow(doc, width);
      stream.send({ type: 'highlight', productId: 'p2' });
      await until(() => el.shadowRoot!.querySelector('.pinned vitrine-product-card'), 'the pinned card');
      for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
      const found = strikes(el.shadowRoot!);
      const outside = [...found].filter(([key]) => !(STRIKES as readonly string[]).includes(key));
      expect(found.size, 'some text is drawn').to.be.greaterThan(2);
      expect(outside.map(([key, sample]) => `${key} (${sample})`).join('; '), 'strikes outside the scale').to.equal('');
      const family = getComputedStyle(el.shadowRoot!.querySelector('h2, h1, p, span')!).fontFamily;
      expect(family.replaceAll('"', "'"), 'the default stack').to.equal(FONT_STACK);
    });
  }

  it('the loader warms the same strikes in the same stack', async () => {
    const loader = await (await fetch('/dist/cdn/vitrine.js')).text();
    expect(loader).to.include(FONT_STACK);
    for (const strike of STRIKES) expect(loader).to.include(strike);
  });
});
