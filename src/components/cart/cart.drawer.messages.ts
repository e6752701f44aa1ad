/**
 * Texts of the cart drawer (lazy, with cart.drawer.ts): the same `cart` namespace as the button's
 * text in cart.messages.ts, kept apart so the storefront's first view does not carry them.
 */
import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages('cart', {
  en: {
    title: 'Your cart',
    close: 'Close cart',
    empty: 'Your cart is empty',
    emptyHint: 'Products you add from the show appear here.',
    continue: 'Continue shopping',
    quantityOf: 'Quantity of {title}',
    decrease: 'Decrease quantity of {title}',
    increase: 'Increase quantity of {title}',
    remove: 'Remove {title}',
    each: '{price} each',
    subtotal: 'Subtotal',
    taxes: 'Shipping and taxes are calculated at checkout.',
    checkout: 'Checkout',
    checkingOut: 'Going to checkout…',
    updating: 'Updating…',
    errorStock: 'Not enough stock for that quantity.',
    errorGone: 'That item is no longer in your cart.',
    errorUnsafe: 'Checkout isn’t available: the shop’s checkout link is not safe to open.',
    errorNoCheckout: 'Checkout isn’t available right now.',
    errorGeneric: 'Something went wrong. Please try again.',
    wasPrice: 'Was {price}',
    youSave: 'You save {amount}',
    stockLimit: 'Only {count} in stock: you have them all',
  },
});
