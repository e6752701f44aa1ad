import { resolveLocale, warmIntl } from '../../core/i18n.js';
import { VitrineProductCard } from '../product-card/product-card.js';
import { whenIdle } from '../shared/idle.js';
import { VitrineCarousel } from './carousel.js';

/**
 * One-off costs of the first rail, in the first idle moment after the code arrived instead of in
 * its first render: ICU's start-up (the page's first Intl formatter, which the count and the
 * prices need: about half of that render at 4x CPU), and the parsing of the rail's and the cards'
 * styles (Lit builds each stylesheet once, for the first element). Called where the carousel is
 * defined (its `define.ts`, and the CDN's elements chunk); pages without an element never load it.
 */
export function warmUpRail(): void {
  whenIdle(() => {
    warmIntl(resolveLocale(document.documentElement));
    for (const element of [VitrineCarousel, VitrineProductCard]) {
      for (const style of element.elementStyles) if ('styleSheet' in style) void style.styleSheet;
    }
  });
}
