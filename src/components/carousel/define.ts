import { defineElement } from '../define-element.js';
import '../product-card/define.js';
import { VitrineCarousel } from './carousel.js';

defineElement('vitrine-carousel', VitrineCarousel);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-carousel': VitrineCarousel;
  }
}
