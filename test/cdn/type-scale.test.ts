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

  /** The fonts the loader measured on a page with `body`, in an iframe, recorded from the canvas's `measureText`. */
  async function warmed(body: string): Promise<string[]> {
    const frame = document.createElement('iframe');
    const record = `<script>window.__fonts = []; const m = OffscreenCanvasRenderingContext2D.prototype.measureText;
      OffscreenCanvasRenderingContext2D.prototype.measureText = function (t) { window.__fonts.push(this.font); return m.call(this, t); };<\/script>`;
    frame.srcdoc = `<!doctype html><html lang="en"><head>${record}<script type="module" src="/dist/cdn/vitrine.js"><\/script></head><body>${body}</body></html>`;
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as Window & { __fonts: string[] };
      await until(() => win.__fonts.length >= STRIKES.length, 'the loader measured every strike');
      await new Promise((r) => setTimeout(r, 50));
      return [...win.__fonts];
    } finally {
      frame.remove();
    }
  }

  it('the loader looks each strike up once, in the default stack, while the code loads', async () => {
    const fonts = await warmed('<vitrine-carousel></vitrine-carousel>');
    expect(fonts).to.have.length(STRIKES.length);
    expect(new Set(fonts).size, 'five different strikes').to.equal(STRIKES.length);
    for (const font of fonts) expect(font).to.include('system-ui');
    for (const size of ['12px', '13px', '14px', '16px']) expect(fonts.some((font) => font.includes(size)), size).to.equal(true);
  });

  it("the loader looks the strikes up in the element's --vitrine-font", async () => {
    const fonts = await warmed('<vitrine-carousel style="--vitrine-font: Georgia, serif"></vitrine-carousel>');
    expect(fonts).to.have.length(STRIKES.length);
    for (const font of fonts) expect(font).to.include('Georgia');
  });

  it('a page without a vitrine element measures nothing', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html><head><script>window.__fonts = []; const m = OffscreenCanvasRenderingContext2D.prototype.measureText;
      OffscreenCanvasRenderingContext2D.prototype.measureText = function (t) { window.__fonts.push(this.font); return m.call(this, t); };<\/script><script type="module" src="/dist/cdn/vitrine.js"><\/script></head><body><p>Shop</p></body></html>`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await new Promise((r) => setTimeout(r, 300));
    expect((frame.contentWindow as Window & { __fonts: string[] }).__fonts).to.deep.equal([]);
    frame.remove();
  });

  it('the loader warms the same strikes in the same stack', async () => {
    const loader = await (await fetch('/dist/cdn/vitrine.js')).text();
    expect(loader).to.include(FONT_STACK);
    for (const strike of STRIKES) expect(loader).to.include(strike);
  });
});
