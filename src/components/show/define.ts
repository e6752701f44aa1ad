import { defineElement } from '../define-element.js';
import '../product-card/define.js';
import { VitrineShow } from './show.js';

defineElement('vitrine-show', VitrineShow);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-show': VitrineShow;
  }
}
