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
  de: {
    label: 'Produkte aus der Show',
    count: { one: '{count} Produkt', other: '{count} Produkte' },
    previous: 'Vorherige Produkte',
    next: 'Nächste Produkte',
    nowShowing: 'Jetzt gezeigt: {title}',
    carousel: 'Karussell',
  },
  ar: {
    label: 'تسوّق من البث',
    count: {
      zero: 'لا منتجات',
      one: 'منتج واحد',
      two: 'منتجان',
      few: '{count} منتجات',
      many: '{count} منتجًا',
      other: '{count} منتج',
    },
    previous: 'المنتجات السابقة',
    next: 'المنتجات التالية',
    nowShowing: 'يُعرض الآن: {title}',
    carousel: 'شريط عرض',
  },
});
