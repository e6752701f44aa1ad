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
});
