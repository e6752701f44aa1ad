/** Products, stores and helpers shared by the shop element tests. */
import { CartService, type CartServiceOptions } from '../../../src/core/cart-service.js';
import { ShowStore } from '../../../src/core/store.js';
import type { Money, Product, Show, Variant } from '../../../src/core/types.js';
import { createMemoryCart } from '../../../src/adapters/memory/index.js';

export const eur = (amount: string): Money => ({ amount, currencyCode: 'EUR' });

/** A small SVG as a data URL, so tests need no network. */
export function image(hue: number, label = ''): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="500" viewBox="0 0 400 500">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 45% 82%)"/><stop offset="1" stop-color="hsl(${hue} 40% 62%)"/></linearGradient></defs>
<rect width="400" height="500" fill="url(#g)"/><circle cx="200" cy="230" r="110" fill="hsl(${hue} 35% 48%)" opacity=".55"/>
<text x="200" y="440" font-family="sans-serif" font-size="28" text-anchor="middle" fill="hsl(${hue} 30% 25%)">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function single(id: string, overrides: Partial<Product> = {}, variant: Partial<Variant> = {}): Product {
  const price = overrides.price ?? eur('29.00');
  const product: Product = {
    id,
    title: `Product ${id}`,
    price,
    available: true,
    options: [],
    variants: [],
    ...overrides,
  };
  product.variants = overrides.variants ?? [
    { id, title: product.title, options: {}, price, available: product.available, ...variant },
  ];
  return product;
}

/** A beanie in Red and Navy, sizes S M L; Navy / L sold out; Red / S does not exist. */
export function beanie(): Product {
  const v = (color: string, size: string, available = true, inventory?: number): Variant => ({
    id: `beanie-${color}-${size}`.toLowerCase(),
    title: `${color} / ${size}`,
    options: { Color: color, Size: size },
    price: eur(size === 'L' ? '34.00' : '29.00'),
    available,
    ...(inventory !== undefined ? { inventory } : {}),
  });
  return {
    id: 'beanie',
    title: 'Merino beanie',
    url: 'https://shop.example.com/products/beanie',
    image: image(8, 'beanie'),
    description: 'Soft merino wool.\nMade in Portugal. <b>not bold</b>',
    price: eur('29.00'),
    compareAtPrice: eur('39.00'),
    available: true,
    options: [
      { name: 'Color', values: ['Red', 'Navy'] },
      { name: 'Size', values: ['S', 'M', 'L'] },
    ],
    variants: [v('Red', 'M'), v('Red', 'L', true, 2), v('Navy', 'S'), v('Navy', 'M'), v('Navy', 'L', false)],
  };
}

export const catalog = (): Product[] => [
  single('scarf', {
    title: 'Cashmere scarf',
    image: image(210, 'scarf'),
    price: eur('89.00'),
    compareAtPrice: eur('119.00'),
    url: 'https://shop.example.com/products/scarf',
  }),
  beanie(),
  single('mittens', { title: 'Wool mittens', image: image(140, 'mittens'), price: eur('24.50'), inventory: 3 }, { inventory: 3 }),
  single('socks', { title: 'Alpaca socks, two pairs', image: image(40, 'socks'), price: eur('19.99'), available: false }),
  single('gloves', { title: 'Leather gloves', image: image(280, 'gloves'), price: eur('59.00') }),
  single('hat', { title: 'Felt hat', image: image(330, 'hat'), price: eur('74.00') }),
];

export function showOf(products: Product[], overrides: Partial<Show> = {}): Show {
  return { id: 'show-42', title: 'Winter drop, live', status: 'live', products, chapters: [], ...overrides };
}

/** A store with a show, an in-memory cart and a connected CartService, as `<vitrine-show>` sets them up. */
export function setup(products: Product[] = catalog(), options: CartServiceOptions & { checkoutUrl?: string } = {}) {
  const store = new ShowStore({ locale: 'en' });
  store.setShow(showOf(products));
  const { checkoutUrl, ...serviceOptions } = options;
  const adapter = createMemoryCart({ lookup: (id) => store.product(id), ...(checkoutUrl ? { checkoutUrl } : {}) });
  const navigated: string[] = [];
  const service = new CartService(store, adapter, { navigate: (url) => navigated.push(url), ...serviceOptions });
  service.connect();
  return { store, adapter, service, navigated };
}

/** Resolves after the next store change that satisfies `test`. */
export function until(store: ShowStore, test: (s: ShowStore['state']) => boolean, timeout = 3000): Promise<void> {
  if (test(store.state)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for the store'));
    }, timeout);
    const off = store.subscribe((s) => {
      if (test(s)) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

/** The deepest focused element, crossing shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The accessible name of a button as our elements give it (aria-label, else text). */
export function nameOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Finds a button by role and accessible name in a shadow root (exact string or pattern). */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b)),
  );
}
