// The 1,000-product carousel, in two parts measured apart: the load (the carousel's and the card's
// code fetched and evaluated, through the loader, up to the first idle moment after) and the first render (from setting `products` on a
// new element to the painted frame that shows its cards), at once or `settle` ms after the load; then the cards and DOM nodes it keeps,
// the longest task of the render, and the frame rate while its rail scrolls (rAF-driven).
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
/** Resolves after the next frame is painted: a task posted from its requestAnimationFrame runs after the paint. */
const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

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

/**
 * `settle`: ms to wait after the load before the render, for the warm-up the code schedules in
 * idle moments (the styles, then a rehearsal of the first render: carousel/warm-up.ts) to be done,
 * as for a rail whose products come a moment after its code.
 */
window.__carousel = async (count = 1000, settle = 0) => {
  const list = products(count);
  // Load: the loader fetches an element's code when one is created; throwaway ones start it.
  const tasks = [];
  const observer = new PerformanceObserver((entries) => tasks.push(...entries.getEntries()));
  observer.observe({ type: 'longtask' });
  const l0 = performance.now();
  document.createElement('vitrine-carousel');
  document.createElement('vitrine-product-card');
  const defined = Promise.all(['vitrine-carousel', 'vitrine-product-card'].map((tag) => customElements.whenDefined(tag)));
  await Promise.race([defined, new Promise((r) => setTimeout(r, 10_000))]);
  // Up to the first idle moment after: the one-off warm-up the code schedules then (Intl's
  // start-up) is part of the load, not left out of both figures.
  await new Promise((r) => requestIdleCallback(() => r(), { timeout: 2000 }));
  const load = performance.now() - l0;
  if (!customElements.get('vitrine-carousel')) return { error: 'vitrine-carousel is not defined' };
  if (!customElements.get('vitrine-product-card')) return { error: 'vitrine-product-card is not defined' };
  if (settle) await new Promise((r) => setTimeout(r, settle));
  await painted();
  await painted();

  // First render: from setting the products to the painted frame with the rail's cards.
  const t0 = performance.now();
  performance.mark('vitrine-carousel-render');
  const el = document.createElement('vitrine-carousel');
  el.products = list;
  document.getElementById('stage').append(el);
  await el.updateComplete;
  // The visible cards render too (each its own update, in a task of its own), then a frame is painted.
  await Promise.all(deepAll('vitrine-product-card').map((card) => card.updateComplete));
  await painted();
  const render = performance.now() - t0;
  performance.mark('vitrine-carousel-rendered');
  // Long tasks are reported a little after they end.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  const during = (from, to) => tasks.filter((t) => t.startTime < to && t.startTime + t.duration > from);
  const longest = (list) => Math.max(0, ...list.map((t) => t.duration));
  const longestLoadTask = longest(during(l0, t0));
  const longestRenderTask = longest(during(t0, t0 + render));
  const cards = deepAll('vitrine-product-card').length;
  const nodes = deepCount(el.shadowRoot ?? el) + 1;

  // Scroll the rail for 3 s at 40 px a frame (2,400 px/s at 60 Hz: a brisk swipe) and count the
  // frames drawn. Scroll snapping is switched off meanwhile, or each small step would snap back.
  const rail = el.shadowRoot?.querySelector('[part~="rail"]');
  const step = 40;
  if (rail) rail.style.setProperty('scroll-snap-type', 'none');
  let frames = 0;
  let longestGap = 0;
  let maxCards = cards;
  if (rail && rail.scrollWidth > rail.clientWidth) {
    const start = performance.now();
    let last = start;
    while (performance.now() - start < 3000) {
      rail.scrollBy({ left: step, behavior: 'instant' });
      await frame();
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      frames += 1;
      maxCards = Math.max(maxCards, deepAll('vitrine-product-card').length);
    }
    const seconds = (performance.now() - start) / 1000;
    await frame();
    await new Promise((r) => setTimeout(r, 200));
    const visibleAfter = deepAll('vitrine-product-card').filter((c) => c.shadowRoot?.childElementCount).length;
    return { load, render, longestLoadTask, longestRenderTask, cards, nodes, fps: frames / seconds, longestFrame: longestGap, scrolled: rail.scrollLeft, cardsAfterScroll: maxCards, rendered: visibleAfter };
  }
  return { load, render, longestLoadTask, longestRenderTask, cards, nodes, fps: NaN, cardsAfterScroll: cards, error: cards ? undefined : 'no scrollable rail found' };
};
