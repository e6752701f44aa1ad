/**
 * The shape of a shipped locale: every namespace and key of the English texts (TypeScript checks
 * that a locale file misses none; test/core/locales.test.ts checks the plural forms).
 */
import type { Text } from '../core/i18n.js';
import type { messages as carousel } from '../components/carousel/carousel.messages.js';
import type { messages as cart } from '../components/cart/cart.messages.js';
import type { discountMessages as cartDiscount } from '../components/cart/cart.discount.messages.js';
import type { messages as cartDrawer } from '../components/cart/cart.drawer.messages.js';
import type { messages as chat } from '../components/chat/chat.messages.js';
import type { messages as moments } from '../components/moments/moments.messages.js';
import type { messages as player } from '../components/player/player.messages.js';
import type { controlMessages as playerControls } from '../components/player/player.controls.messages.js';
import type { messages as productCard } from '../components/product-card/product-card.messages.js';
import type { messages as productDetail } from '../components/product-detail/product-detail.messages.js';
import type { addMessages as addToCart } from '../components/shared/shared.messages.js';
import type { messages as show } from '../components/show/show.messages.js';

type Table<T extends (locale: string, key: never) => string> = Record<Parameters<T>[1], Text>;

export interface LocaleCatalog {
  show: Table<typeof show>;
  player: Table<typeof player> & Table<typeof playerControls>;
  carousel: Table<typeof carousel>;
  productCard: Table<typeof productCard>;
  productDetail: Table<typeof productDetail>;
  addToCart: Table<typeof addToCart>;
  cart: Table<typeof cart> & Table<typeof cartDrawer>;
  cartDiscount: Table<typeof cartDiscount>;
  chat: Table<typeof chat>;
  moments: Table<typeof moments>;
}
