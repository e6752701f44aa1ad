import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages('productDetail', {
  en: {
    close: 'Close',
    quantity: 'Quantity',
    decrease: 'Decrease quantity',
    increase: 'Increase quantity',
    viewProduct: 'View full details',
    comboSoldOut: '{combo} — sold out',
    comboUnavailable: '{combo} — not available',
    unavailable: 'unavailable',
    variant: 'Variant',
  },
});
