import { defineElement } from '../define-element.js';
import { VitrineCart } from './cart.js';

defineElement('vitrine-cart', VitrineCart);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-cart': VitrineCart;
  }
}
