import { defineElement } from '../define-element.js';
import { VitrineProductDetail } from './product-detail.js';

defineElement('vitrine-product-detail', VitrineProductDetail);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-product-detail': VitrineProductDetail;
  }
}
