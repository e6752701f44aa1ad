import { VitrineProductCard } from '../product-card/product-card.js';
import { whenIdle } from '../shared/idle.js';
import { VitrineCarousel } from './carousel.js';

/**
 * One-off costs of the first rail, in the first idle moment after the code arrived instead of in
 * its first render: the parsing of the rail's and the cards' styles (Lit builds each stylesheet
 * once, for the first element). Prices and counts need no warm-up: the common locales and
 * currencies are formatted without `Intl` (core/number-formats.ts), so ICU, whose start-up is one
 * long task, does not start before play. Called where the carousel is defined (its `define.ts`,
 * and the CDN's elements chunk); pages without an element never load it.
 */
export function warmUpRail(): void {
  whenIdle(() => {
    for (const element of [VitrineCarousel, VitrineProductCard]) {
      for (const style of element.elementStyles) if ('styleSheet' in style) void style.styleSheet;
    }
  });
}
