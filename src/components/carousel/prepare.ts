/**
 * The rail's first render, rehearsed once in an idle moment after its code arrived: the carousel
 * and three sample cards (plain; on sale with low stock; sold out) render into a detached fragment.
 * That pays, off the critical path, what only the first rail of a page pays otherwise: Lit's
 * preparation of each template (parsing its HTML into a `<template>`, walking it for its parts),
 * the compilation of the render code, and the locale's plural rules (the count "1,000 products").
 * Nothing enters the page: the elements are never connected, so they subscribe to nothing and
 * schedule no update; the images (`data:,`) request nothing.
 */
import { render } from 'lit';
import { resolveLocale } from '../../core/i18n.js';
import { ShowStore } from '../../core/store.js';
import type { Money, Product } from '../../core/types.js';
import { VitrineProductCard } from '../product-card/product-card.js';
import { VitrineCarousel } from './carousel.js';

const price: Money = { amount: '1.00', currencyCode: 'USD' };

const sample = (id: string, extra: Partial<Product> = {}): Product => ({
  id,
  title: id,
  image: 'data:,',
  price,
  available: true,
  options: [],
  variants: [{ id, title: id, options: {}, price, available: true }],
  ...extra,
});

/** Renders a carousel of the samples and their cards once, detached. Best effort: any failure is ignored. */
export function prepareRail(locale = resolveLocale(document.documentElement)): void {
  try {
    const products = [sample('a'), sample('b', { compareAtPrice: { ...price, amount: '2.00' }, inventory: 2 }), sample('c', { available: false })];
    const store = new ShowStore({ locale, products });
    const carousel = new VitrineCarousel();
    carousel.store = store;
    const fragment = document.createDocumentFragment();
    render(carousel.render(), fragment);
    for (const card of fragment.querySelectorAll('vitrine-product-card')) {
      if (card instanceof VitrineProductCard) render(card.render(), document.createDocumentFragment());
    }
  } catch {
    // A copy of another version defined the tags (the constructors then throw): nothing to prepare.
  }
}
