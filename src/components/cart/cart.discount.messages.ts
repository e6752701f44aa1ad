import { defineMessages } from '../../core/i18n.js';

/** The drawer's texts for discount codes: in the drawer's lazy chunk, not with the cart button. */
export const discountMessages = defineMessages('cartDiscount', {
  en: { discount: 'Discount', removeCode: 'Remove code {code}', total: 'Total', errorCode: 'This code can’t be used on your cart.' },
});
