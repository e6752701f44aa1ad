/**
 * The store a story renders: one `ShowStore` and one connected `CartService` over a mock cart,
 * the way `<vitrine-show>` wires its children. Checkout never leaves Storybook: it is logged
 * in the Actions panel.
 */
import { action } from 'storybook/actions';
import { CartService } from '../../src/core/cart-service.js';
import { ShowStore, type ShowState } from '../../src/core/store.js';
import type { CartAdapter, Product, Show } from '../../src/core/types.js';
import { createMockCart, type MockCartOptions } from './cart.js';

export interface StoryStoreOptions extends Partial<Omit<MockCartOptions, 'products'>> {
  products: readonly Product[];
  show?: Show;
  locale?: string;
  /** A ready cart adapter instead of the mock one. */
  adapter?: CartAdapter;
  /** Anything else to start the state with (highlight, openProductId, cartOpen...). */
  state?: Partial<ShowState>;
}

export interface StoryStore {
  store: ShowStore;
  service: CartService;
}

/** Builds the store, connects the cart service and loads the starting cart. */
export async function createStoryStore(options: StoryStoreOptions): Promise<StoryStore> {
  const store = new ShowStore({ locale: options.locale ?? 'en', ...options.state });
  if (options.show) store.setShow({ ...options.show, products: [...options.products] });
  else store.set({ products: options.products });
  const adapter = options.adapter ?? (await createMockCart({ ...options, products: options.products }));
  const service = new CartService(store, adapter, {
    checkoutFallbackUrl: 'https://shop.example.com/checkout',
    navigate: action('checkout navigation (not followed in Storybook)'),
  });
  service.connect();
  await service.load();
  return { store, service };
}
