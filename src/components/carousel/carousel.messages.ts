import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages({
  en: {
    label: 'Shop the show',
    count: '{count} products',
    countOne: '1 product',
    previous: 'Previous products',
    next: 'Next products',
    nowShowing: 'Now showing: {title}',
    carousel: 'carousel',
  },
  de: {
    label: 'Produkte aus der Show',
    count: '{count} Produkte',
    countOne: '1 Produkt',
    previous: 'Vorherige Produkte',
    next: 'Nächste Produkte',
    nowShowing: 'Jetzt gezeigt: {title}',
    carousel: 'Karussell',
  },
  ar: {
    label: 'تسوّق من البث',
    count: '{count} منتجات',
    countOne: 'منتج واحد',
    previous: 'المنتجات السابقة',
    next: 'المنتجات التالية',
    nowShowing: 'يُعرض الآن: {title}',
    carousel: 'شريط عرض',
  },
});
