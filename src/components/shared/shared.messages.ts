/** Texts of the add-to-cart flow, shared by the product card and the product detail. */
import { defineMessages } from '../../core/i18n.js';

export const addMessages = defineMessages('addToCart', {
  en: {
    addToCart: 'Add to cart',
    adding: 'Adding…',
    added: 'Added to cart',
    addedNamed: '{title} added to cart',
    soldOut: 'Sold out',
    onlyLeft: 'Only {count} left',
    addFailed: 'Couldn’t add to cart. Please try again.',
    was: 'Original price',
    now: 'Price',
    save: 'Save {percent}%',
  },
  de: {
    addToCart: 'In den Warenkorb',
    adding: 'Wird hinzugefügt…',
    added: 'Im Warenkorb',
    addedNamed: '{title} wurde in den Warenkorb gelegt',
    soldOut: 'Ausverkauft',
    onlyLeft: 'Nur noch {count} verfügbar',
    addFailed: 'Konnte nicht in den Warenkorb gelegt werden. Bitte erneut versuchen.',
    was: 'Ursprünglicher Preis',
    now: 'Preis',
    save: '{percent} % sparen',
  },
  ar: {
    addToCart: 'أضف إلى السلة',
    adding: 'جارٍ الإضافة…',
    added: 'أُضيف إلى السلة',
    addedNamed: 'أُضيف {title} إلى السلة',
    soldOut: 'نفدت الكمية',
    onlyLeft: {
      zero: 'نفدت الكمية',
      one: 'بقيت قطعة واحدة فقط',
      two: 'بقيت قطعتان فقط',
      few: 'بقيت {count} قطع فقط',
      many: 'بقيت {count} قطعة فقط',
      other: 'بقيت {count} قطعة فقط',
    },
    addFailed: 'تعذّرت الإضافة إلى السلة. يُرجى المحاولة مرة أخرى.',
    was: 'السعر الأصلي',
    now: 'السعر',
    save: 'وفّر {percent}٪',
  },
});
