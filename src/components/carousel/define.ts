import { resolveLocale, warmIntl } from '../../core/i18n.js';
import { defineElement } from '../define-element.js';
import '../product-card/define.js';
import { whenIdle } from '../shared/idle.js';
import { VitrineCarousel } from './carousel.js';

defineElement('vitrine-carousel', VitrineCarousel);

// ICU's start-up (the page's first Intl formatter: about half of a rail's first render at 4x CPU)
// in the first idle moment after the code arrived, not in the first render: the rail's count and
// its cards' prices need formatters. A page that does not format (no element) never loads this.
whenIdle(() => warmIntl(resolveLocale(document.documentElement)));

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-carousel': VitrineCarousel;
  }
}
