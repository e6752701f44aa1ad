// The 1,000-product carousel: time from creating the element to its first painted frame, the
// cards and DOM nodes it keeps, and the frame rate while its rail scrolls (rAF-driven).
import '/dist/cdn/vitrine.js';

const deepAll = (selector, root = document, out = []) => {
  root.querySelectorAll(selector).forEach((el) => out.push(el));
  root.querySelectorAll('*').forEach((el) => el.shadowRoot && deepAll(selector, el.shadowRoot, out));
  return out;
};
const deepCount = (root) => {
  let n = 0;
  root.querySelectorAll('*').forEach((el) => {
    n += 1;
    if (el.shadowRoot) n += deepCount(el.shadowRoot);
  });
  return n;
};
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function products(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    title: `Product number ${i + 1}, merino and recycled cashmere`,
    url: `https://shop.example.com/products/p${i + 1}`,
    image: `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 5"><rect width="4" height="5" fill="hsl(${(i * 37) % 360} 35% 75%)"/></svg>`)}`,
    price: { amount: `${(19 + (i % 80)).toFixed(2)}`, currencyCode: 'EUR' },
    ...(i % 5 === 0 ? { compareAtPrice: { amount: `${(29 + (i % 80)).toFixed(2)}`, currencyCode: 'EUR' } } : {}),
    available: i % 17 !== 0,
    inventory: i % 9 === 0 ? 2 : 40,
    variants: [{ id: `p${i + 1}-v`, title: 'Default', options: {}, price: { amount: `${(19 + (i % 80)).toFixed(2)}`, currencyCode: 'EUR' }, available: i % 17 !== 0 }],
  }));
}

window.__carousel = async (count = 1000) => {
  // The loader fetches an element's code when one is created (or put in the page): a throwaway one
  // starts it, outside the timed part.
  document.createElement('vitrine-carousel');
  await Promise.race([customElements.whenDefined('vitrine-carousel'), new Promise((r) => setTimeout(r, 5000))]);
  const Carousel = customElements.get('vitrine-carousel');
  if (!Carousel) return { error: 'vitrine-carousel is not defined' };
  const list = products(count);
  await frame();
  const t0 = performance.now();
  const el = document.createElement('vitrine-carousel');
  el.products = list;
  document.getElementById('stage').append(el);
  await el.updateComplete;
  // The visible cards render too (their own update cycle), then the frame is painted.
  await Promise.all(deepAll('vitrine-product-card').map((card) => card.updateComplete));
  await frame();
  const render = performance.now() - t0;
  const cards = deepAll('vitrine-product-card').length;
  const nodes = deepCount(el.shadowRoot ?? el) + 1;

  // Scroll the rail for 3 s at 40 px a frame (2,400 px/s at 60 Hz: a brisk swipe) and count the
  // frames drawn. Scroll snapping is switched off meanwhile, or each small step would snap back.
  const rail = el.shadowRoot?.querySelector('[part~="rail"]');
  const step = 40;
  if (rail) rail.style.setProperty('scroll-snap-type', 'none');
  let frames = 0;
  let longest = 0;
  let maxCards = cards;
  if (rail && rail.scrollWidth > rail.clientWidth) {
    const start = performance.now();
    let last = start;
    while (performance.now() - start < 3000) {
      rail.scrollBy({ left: step, behavior: 'instant' });
      await frame();
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      frames += 1;
      maxCards = Math.max(maxCards, deepAll('vitrine-product-card').length);
    }
    const seconds = (performance.now() - start) / 1000;
    await frame();
    await new Promise((r) => setTimeout(r, 200));
    const visibleAfter = deepAll('vitrine-product-card').filter((c) => c.shadowRoot?.childElementCount).length;
    return { render, cards, nodes, fps: frames / seconds, longestFrame: longest, scrolled: rail.scrollLeft, cardsAfterScroll: maxCards, rendered: visibleAfter };
  }
  return { render, cards, nodes, fps: NaN, cardsAfterScroll: cards, error: cards ? undefined : 'no scrollable rail found' };
};
