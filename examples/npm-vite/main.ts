// Vitrine from npm: register the elements, hand the show a cart adapter, listen to typed events.
import 'vitrine/define'; // registers every <vitrine-*> element (safe to import twice)
import { createRestCart, formatMoney, type VitrineShow } from 'vitrine';

const show = document.querySelector<VitrineShow>('#show')!;
const log = document.querySelector<HTMLOListElement>('#log')!;

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`; // text, never HTML
  log.prepend(item);
}

// The same as the `cart="/api/cart"` attribute, but as an adapter object you could configure
// (or replace with your own: any object with getCart/addLine/updateLine/removeLine works).
show.cart = createRestCart('/api/cart');

// Every `vitrine-*` event is declared in GlobalEventHandlersEventMap: `event.detail` is typed.
show.addEventListener('vitrine-ready', (event) => note(`ready: "${event.detail.show.title}", ${event.detail.show.products.length} products`));
show.addEventListener('vitrine-status', (event) => note(`status: ${event.detail.status}`));
show.addEventListener('vitrine-highlight', (event) => note(`pinned: ${event.detail.product.title} at ${event.detail.at.toFixed(1)} s`));
show.addEventListener('vitrine-add-to-cart', (event) => {
  const { product, variant, quantity } = event.detail;
  note(`add to cart: ${quantity} × ${product.title} (${variant.title}), ${formatMoney(variant.price, 'en')}`);
});
show.addEventListener('vitrine-cart-change', (event) => note(`cart: ${event.detail.cart?.totalQuantity ?? 0} items`));
show.addEventListener('vitrine-checkout', (event) => note(`checkout: ${event.detail.url}`));
show.addEventListener('vitrine-error', (event) => note(`error ${event.detail.code}: ${event.detail.message}`));
