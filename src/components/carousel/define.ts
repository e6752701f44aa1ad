import { defineElement } from '../define-element.js';
import '../product-card/define.js';
import { VitrineCarousel } from './carousel.js';
import { warmUpRail } from './warm-up.js';

defineElement('vitrine-carousel', VitrineCarousel);

warmUpRail();

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-carousel': VitrineCarousel;
  }
}
