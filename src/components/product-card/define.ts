import { defineElement } from '../define-element.js';
import { VitrineProductCard } from './product-card.js';

defineElement('vitrine-product-card', VitrineProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-product-card': VitrineProductCard;
  }
}
