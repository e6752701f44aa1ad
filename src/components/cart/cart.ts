import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { formatNumber } from '../../core/i18n.js';
import type { ShowStore } from '../../core/store.js';
import type { Cart, CartLine } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { bag } from '../shared/icons.js';
import { DialogController } from '../shared/dialog-controller.js';
import { LazyPart, lazyModule } from '../shared/lazy-part.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { messages } from './cart.messages.js';
import { styles } from './cart.styles.js';

/** The drawer's content is a lazy chunk (`cart.drawer.ts`): only a shopper who opens the cart needs it. */
const drawerModule = lazyModule(() => import('./cart.drawer.js'));

/**
 * The cart: a button ("Cart, 2 items") that opens a drawer, a modal dialog open while
 * `store.state.cartOpen`: focus moves in and stays in, Escape closes, focus returns. Lines
 * with image, title, variant, a quantity stepper and remove; the backend's exact subtotal;
 * "Checkout", which fires the cancelable `vitrine-checkout` and hands off to the checkout
 * URL (only `http:`/`https:`, with attribution).
 *
 * @summary Cart button and drawer with checkout handoff.
 *
 * @csspart button - The cart button.
 * @csspart count - The item count badge on the button.
 * @csspart drawer - The drawer (`<dialog>`).
 * @csspart header - The drawer's title row.
 * @csspart close-button - Closes the drawer.
 * @csspart lines - The list of lines.
 * @csspart line - One line.
 * @csspart line-image - A line's image.
 * @csspart line-compare-at - A line's price without the sale (struck), when its product is on sale.
 * @csspart line-saving - What the sale saves on a line ("You save €20.00").
 * @csspart line-limit - Why "+" is disabled: the line holds all the stock there is.
 * @csspart stepper - A line's quantity stepper.
 * @csspart remove-button - Removes a line.
 * @csspart subtotal - The subtotal.
 * @csspart discounts - The discount codes applied, each with its amount.
 * @csspart remove-discount-button - Takes a code off the cart.
 * @csspart total - The total after discounts.
 * @csspart checkout-button - "Checkout".
 * @csspart empty - The empty state.
 * @csspart error - Why the last change or checkout failed.
 *
 * @cssprop --vitrine-cart-button-background - Background of the cart button.
 * @cssprop --vitrine-cart-button-color - Text colour of the cart button.
 *
 * @fires vitrine-checkout - Cancelable `{ cart, url }`: `preventDefault()` to handle navigation yourself.
 * @fires vitrine-cart-change - The cart changed (standalone only; inside `<vitrine-show>` the show fires it).
 * @fires vitrine-error - A cart or checkout failure (standalone only; inside `<vitrine-show>` the show fires it).
 */
export class VitrineCart extends VitrineElement {
  static override styles = [tokens, buttonStyles, styles];

  /** The show store (given by `<vitrine-show>`; created when standalone). */
  @property({ attribute: false }) store?: ShowStore;

  /** Hides the cart button (render your own and call `open()`); the drawer still works. */
  @property({ type: Boolean, reflect: true, attribute: 'no-button' }) noButton = false;

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  @query('dialog') private drawer?: HTMLDialogElement;

  #store = new StoreController(this, (s) => [s.cart, s.cartOpen, s.updatingLines, s.cartError, s.checkingOut, s.locale, s.products]);
  #locale = new LocaleController(this, this.#store);
  #dialog = new DialogController(this, {
    dialog: () => this.drawer,
    isOpen: () => this.#store.state.cartOpen,
    close: () => this.close(),
    focus: () => this.renderRoot.querySelector<HTMLElement>('.close'),
  });
  #content = new LazyPart(this, drawerModule, {
    styles: (module) => module.drawerStyles,
    // Reported once; the drawer does not stay "open" with nothing in it: the next open retries.
    failed: (error) => {
      this.#store.report(error, 'cart/unavailable');
      this.close();
    },
  });

  /** The cart shown (the store's). */
  get cart(): Cart | null {
    return this.#store.state.cart;
  }

  /** True while the drawer is open. */
  get isOpen(): boolean {
    return this.#store.state.cartOpen;
  }

  /** Opens the drawer (sets `store.state.cartOpen`). */
  open(): void {
    this.#store.store.set({ cartOpen: true });
  }

  /** Closes the drawer; focus returns to where it was. */
  close(): void {
    this.#store.store.set({ cartOpen: false });
  }

  /** Also waits for the drawer chunk while the drawer is open. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#content.settle(super.getUpdateComplete(), () => super.getUpdateComplete());
  }

  protected override willUpdate(): void {
    if (!this.#store.state.cartOpen) this.#content.retry();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#bumpCount();
    // Opened once its content is there (the drawer chunk, fetched at the first open if not yet).
    this.#dialog.sync(this.#store.state.cartOpen && this.#content.loaded);
  }

  override render() {
    const locale = this.#locale.locale;
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const cart = this.#store.state.cart;
    const count = cart?.totalQuantity ?? 0;
    const lines = cart?.lines ?? [];
    const error = this.#store.state.cartError;
    // The visible count and the button's name use the same figures (label in name, WCAG 2.5.3).
    const shownCount = formatNumber(count, locale);
    const name = t('button', { count });

    return html`
      ${this.noButton
        ? nothing
        : html`<button
            part="button"
            class="cart-button"
            type="button"
            dir=${this.#locale.dir}
            lang=${locale}
            aria-label=${name}
            aria-haspopup="dialog"
            @click=${this.open}
          >
            ${bag()}<span part="count" class=${classMap({ count: true, zero: count === 0 })} aria-hidden="true"
              >${shownCount}</span
            >
          </button>`}
      <dialog
        part="drawer"
        dir=${this.#locale.dir}
        lang=${locale}
        aria-labelledby="title"
        @close=${this.#dialog.onClose}
        @click=${this.#dialog.onBackdrop}
      >
        ${this.#renderDrawer(locale, cart, lines, count, shownCount, error)}
      </dialog>
    `;
  }

  #renderDrawer(locale: string, cart: Cart | null, lines: readonly CartLine[], count: number, shownCount: string, error: VitrineErrorDetail | null) {
    if (!this.#store.state.cartOpen) return nothing;
    const loaded = this.#content.get();
    if (!loaded) return nothing;
    return loaded.renderDrawer({
      locale,
      cart,
      lines,
      count,
      shownCount,
      error,
      checkingOut: this.#store.state.checkingOut,
      updating: this.#store.state.updatingLines,
      close: () => this.close(),
      checkout: () => this.#checkout(),
      setQuantity: (line, quantity) => this.#setQuantity(line, quantity),
      remove: (line) => this.#store.store.bus.emit('remove-line-request', { lineId: line.id }),
      removeDiscount: (code) => this.#store.store.bus.emit('discount-request', { code, action: 'remove' }),
      productOf: (line) => {
        const product = this.#store.store.product(line.productId);
        if (!product) return undefined;
        const variant = product.variants.find((v) => v.id === line.variantId);
        return { compareAtPrice: variant?.compareAtPrice ?? product.compareAtPrice, stock: variant?.inventory ?? product.inventory };
      },
    });
  }

  /** The count last drawn (undefined before the first cart). */
  #drawnCount: number | undefined;

  /**
   * The count grows and settles when it changes, so the shopper sees where the add went; with
   * `prefers-reduced-motion`, only the figure changes.
   */
  #bumpCount(): void {
    // No cart yet is an empty one.
    const count = this.#store.state.cart?.totalQuantity ?? 0;
    const before = this.#drawnCount;
    this.#drawnCount = count;
    if (before === undefined || count === before) return;
    const badge = this.renderRoot.querySelector<HTMLElement>('.count');
    if (!badge || typeof badge.animate !== 'function' || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    badge.animate([{ transform: 'scale(1)' }, { transform: 'scale(1.45)' }, { transform: 'scale(1)' }], { duration: 420, easing: 'ease-out' });
  }

  #setQuantity(line: CartLine, quantity: number): void {
    const bus = this.#store.store.bus;
    if (quantity <= 0) bus.emit('remove-line-request', { lineId: line.id });
    else bus.emit('update-line-request', { lineId: line.id, quantity });
  }

  /** Asks the cart service to check out; it keeps `checkingOut` in the store until the outcome is known. */
  #checkout = (): void => {
    const state = this.#store.state;
    if (state.checkingOut || state.updatingLines.size) return;
    this.#store.store.bus.emit('checkout-request', {
      source: this,
      confirm: (cart, url) => !this.emit('vitrine-checkout', { cart, url }).defaultPrevented,
    });
  };
}
