import { buildStyles } from '../define-element.js';
import { VitrineProductCard } from '../product-card/product-card.js';
import { whenIdle } from '../shared/idle.js';
import { VitrineCarousel } from './carousel.js';
import { firstRail } from './carousel.layout.js';

/**
 * One-off costs of the first rail, in idle moments after the code arrived instead of in its first
 * render, each in an idle callback of its own: the parsing of the rail's and the cards' styles
 * (Lit builds each stylesheet once, for the first element), then the rehearsal of its first render
 * (prepare.ts, a chunk of its own: most pages never need it). Prices and counts need no warm-up:
 * the common locales and currencies are formatted without `Intl` (core/number-formats.ts), so ICU,
 * whose start-up is one long task, does not start before play. Called where the carousel is
 * defined (its `define.ts`, and the CDN's elements chunk); pages without an element never load
 * it. Once a rail rendered (a show's, in the task after the show's own first render), these costs
 * are paid: nothing more is done, and a show's page has no idle task of the warm-up's.
 */
export function warmUpRail(): void {
  whenIdle(() => {
    if (firstRail.rendered) return;
    buildStyles(VitrineCarousel, VitrineProductCard);
    // Requested now, so that it is usually in by the next idle moment.
    import('./prepare.js').then(
      ({ prepareRail }) => whenIdle(() => firstRail.rendered || prepareRail()),
      () => {
        // Offline, or the chunk is gone after a deploy: the first rail pays its own costs.
      },
    );
  });
}
