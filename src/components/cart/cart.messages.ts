import { defineMessages } from '../../core/i18n.js';

// The cart button shows only the count: its name must contain that count, written the same way
// (WCAG 2.5.3 Label in Name), so every plural form of `button` says `{count}` in figures, not in words.
export const messages = defineMessages('cart', {
  en: {
    button: { one: 'Cart, {count} item', other: 'Cart, {count} items' },
  },
});
