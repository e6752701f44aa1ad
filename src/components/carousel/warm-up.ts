import { buildStyles } from '../define-element.js';
import { VitrineProductCard } from '../product-card/product-card.js';
import { whenIdle } from '../shared/idle.js';
import { VitrineCarousel } from './carousel.js';
import { prepareRail } from './prepare.js';

/**
 * One-off costs of the first rail, in idle moments after the code arrived instead of in its first
 * render, each in an idle callback of its own: the parsing of the rail's and the cards' styles
 * (Lit builds each stylesheet once, for the first element), then the rehearsal of its first render
 * (prepare.ts). Prices and counts need no warm-up: the common locales and currencies are formatted
 * without `Intl` (core/number-formats.ts), so ICU, whose start-up is one long task, does not start
 * before play. Called where the carousel is defined (its `define.ts`, and the CDN's elements
 * chunk); pages without an element never load it.
 */
export function warmUpRail(): void {
  whenIdle(() => {
    buildStyles(VitrineCarousel, VitrineProductCard);
    whenIdle(() => prepareRail());
  });
}
