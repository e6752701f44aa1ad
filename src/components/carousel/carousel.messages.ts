import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages('carousel', {
  en: {
    label: 'Shop the show',
    count: { one: '{count} product', other: '{count} products' },
    previous: 'Previous products',
    next: 'Next products',
    nowShowing: 'Now showing: {title}',
    carousel: 'carousel',
  },
});
