import { defineElement } from '../define-element.js';
import '../player/define.js';
import '../product-card/define.js';
import '../carousel/define.js';
import '../cart/define.js';
import { VitrineShow } from './show.js';

defineElement('vitrine-show', VitrineShow);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-show': VitrineShow;
  }
}
