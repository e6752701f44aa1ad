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
  de: {
    close: 'Schließen',
    quantity: 'Menge',
    decrease: 'Menge verringern',
    increase: 'Menge erhöhen',
    viewProduct: 'Alle Details ansehen',
    comboSoldOut: '{combo} – ausverkauft',
    comboUnavailable: '{combo} – nicht erhältlich',
    unavailable: 'nicht verfügbar',
    variant: 'Variante',
  },
  ar: {
    close: 'إغلاق',
    quantity: 'الكمية',
    decrease: 'تقليل الكمية',
    increase: 'زيادة الكمية',
    viewProduct: 'عرض كل التفاصيل',
    comboSoldOut: '{combo} — نفدت الكمية',
    comboUnavailable: '{combo} — غير متوفر',
    unavailable: 'غير متوفر',
    variant: 'الخيار',
  },
});
