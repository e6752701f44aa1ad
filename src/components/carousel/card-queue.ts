/**
 * The order and pace of the rail's cards' first renders. A card's first render (a shadow root, its
 * template, its controllers) is the rail's main cost: drawn all in the rail's task, the cards in
 * view made one long task. Instead, one card (the lead) draws in the rail's own task, so the row
 * has its height in the first frame; the others draw after it, in the rail's order, a few per task
 * (`CARD_BUDGET`), with the page let in between (input, frames). Until then each card's box is
 * drawn empty (`pending`), at its final size: nothing shifts when the card draws.
 */
import { yieldToPage } from '../../core/yield.js';
import type { Product } from '../../core/types.js';
import type { VitrineProductCard } from '../product-card/product-card.js';

/**
 * How long the cards' first renders may run in one task (ms, as measured, throttled or not) before
 * the rail yields to the page: a task is this plus one card's render, under 50 ms at 4x CPU.
 */
export const CARD_BUDGET = 12;

/** The stock at or below which a card shows "Only N left" (shared/price.ts's LOW_STOCK). */
const LOW_STOCK = 5;

/**
 * What can make a card taller than the others (the replay's seek button, a deal's price block, the
 * stock line, a price row that wraps): the lead is the card in view that has the most.
 */
export function heightScore(product: Product, extra: { shownAt?: number | undefined; deal?: unknown }): number {
  const single = product.variants.length === 1 ? product.variants[0] : undefined;
  const stock = single?.inventory ?? product.inventory;
  const low = product.available && stock !== undefined && stock > 0 && stock <= LOW_STOCK;
  return (extra.shownAt !== undefined ? 4 : 0) + (extra.deal ? 3 : 0) + (low ? 2 : 0) + (product.compareAtPrice ? 1 : 0);
}

export class CardQueue {
  /** The product whose card draws at once (in the rail's task), once. */
  lead: string | undefined;
  #waiting: (() => void)[] = [];
  #draining = false;

  /** A card's turn (its `firstRenderTurn`): `render` runs now for the lead, else queued. */
  turn = (card: VitrineProductCard, render: () => void): void => {
    const draw = () => {
      // The box leaves its empty look whatever the render does (the card's update reports its
      // own errors: the base class guards it).
      try {
        render();
      } finally {
        card.parentElement?.classList.remove('pending');
      }
    };
    if (this.lead !== undefined && card.product?.id === this.lead) {
      this.lead = undefined;
      draw();
      return;
    }
    this.#waiting.push(draw);
    if (!this.#draining) void this.#drain();
  };

  /** Cards waiting for their first render. */
  get size(): number {
    return this.#waiting.length;
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#waiting.length) {
        await yieldToPage();
        const start = performance.now();
        do this.#waiting.shift()!();
        while (this.#waiting.length && performance.now() - start < CARD_BUDGET);
      }
    } finally {
      this.#draining = false;
    }
  }
}
