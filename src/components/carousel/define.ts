import { defineElement } from '../define-element.js';
import '../product-card/define.js';
import { VitrineCarousel } from './carousel.js';
import { prepareRailWhenIdle } from './prepare.js';
import { warmUpRail } from './warm-up.js';

defineElement('vitrine-carousel', VitrineCarousel);

warmUpRail();
prepareRailWhenIdle();

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-carousel': VitrineCarousel;
  }
}
