import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { formatNumber } from '../../core/i18n.js';
import { formatMoney } from '../../core/money.js';
import type { ShowStore } from '../../core/store.js';
import type { Cart, CartLine } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { bag, close, minus, plus, trash } from '../shared/icons.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { messages } from './cart.messages.js';
import { styles } from './cart.styles.js';

function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** How long the checkout button may stay pending without an answer (ms). */
const CHECKOUT_TIMEOUT = 15_000;

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
 * @csspart stepper - A line's quantity stepper.
 * @csspart remove-button - Removes a line.
 * @csspart subtotal - The subtotal.
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

  @state() private checkingOut = false;

  @query('dialog') private drawer?: HTMLDialogElement;

  #store = new StoreController(this, (s) => [s.cart, s.cartOpen, s.updatingLines, s.cartError, s.locale]);
  #locale = new LocaleController(this, this.#store);
  #opener: HTMLElement | null = null;
  #checkoutTimer: ReturnType<typeof setTimeout> | undefined;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#checkoutTimer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const drawer = this.drawer;
    if (!drawer) return;
    const open = this.#store.state.cartOpen;
    if (open && !drawer.open) {
      this.#opener = deepActiveElement();
      drawer.showModal();
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    } else if (!open && drawer.open) {
      drawer.close();
    }
    if (this.checkingOut && this.#store.state.cartError) this.#checkoutDone();
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
    const name = t(count === 1 ? 'buttonOne' : 'button', { count: shownCount });

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
        @close=${this.#onClose}
        @click=${this.#onBackdrop}
      >
        <div part="header" class="header">
          <h2 id="title">${t('title')}${count ? html` <span class="muted">(${shownCount})</span>` : nothing}</h2>
          <button part="close-button" class="close icon" type="button" aria-label=${t('close')} @click=${this.close}>
            ${close()}
          </button>
        </div>
        <div class="body">
          ${lines.length
            ? html`<ul part="lines">
                ${lines.map((line) => this.#renderLine(line, locale))}
              </ul>`
            : html`<div part="empty" class="empty">
                ${bag()}
                <p><strong>${t('empty')}</strong></p>
                <p class="hint">${t('emptyHint')}</p>
                <button class="secondary" type="button" @click=${this.close}>${t('continue')}</button>
              </div>`}
        </div>
        ${error || lines.length
          ? html`<div class="footer">
              <div role="alert">${error ? html`<p part="error" class="error">${this.#errorText(error, locale)}</p>` : nothing}</div>
              ${lines.length && cart
                ? html`<dl part="subtotal" class="subtotal">
                      <dt>${t('subtotal')}</dt>
                      <dd>${formatMoney(cart.subtotal, locale)}</dd>
                    </dl>
                    <p class="taxes">${t('taxes')}</p>
                    <button
                      part="checkout-button"
                      class="checkout primary"
                      type="button"
                      aria-disabled=${this.checkingOut || this.#store.state.updatingLines.size ? 'true' : nothing}
                      @click=${this.#checkout}
                    >
                      ${this.checkingOut
                        ? html`<span class="spinner" aria-hidden="true"></span>${t('checkingOut')}`
                        : t('checkout')}
                    </button>`
                : nothing}
            </div>`
          : html`<div role="alert"></div>`}
      </dialog>
    `;
  }

  #renderLine(line: CartLine, locale: string) {
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const busy = this.#store.state.updatingLines.has(line.id);
    const title = line.variantTitle ? `${line.title}, ${line.variantTitle}` : line.title;
    return html`<li part="line" class="line" aria-busy=${busy ? 'true' : 'false'}>
      ${line.image
        ? html`<img part="line-image" class="thumb" src=${line.image} alt="" width="72" height="90" loading="lazy" />`
        : html`<div class="thumb" aria-hidden="true"></div>`}
      <div class="line-info">
        <span class="line-title">${line.title}</span>
        ${line.variantTitle ? html`<span class="line-variant">${line.variantTitle}</span>` : nothing}
        ${line.quantity > 1
          ? html`<span class="line-each">${t('each', { price: formatMoney(line.unitPrice, locale) })}</span>`
          : nothing}
        <div class="line-controls">
          <div part="stepper" class="stepper" role="group" aria-label=${t('quantityOf', { title })}>
            <button
              class="icon"
              type="button"
              aria-label=${t('decrease', { title })}
              ?disabled=${busy || line.quantity <= 1}
              @click=${() => this.#setQuantity(line, line.quantity - 1)}
            >
              ${minus()}
            </button>
            <span class="qty" aria-live="polite"
              >${busy
                ? html`<span class="visually-hidden">${t('updating')}</span><span class="spinner" aria-hidden="true"></span>`
                : line.quantity}</span
            >
            <button
              class="icon"
              type="button"
              aria-label=${t('increase', { title })}
              ?disabled=${busy}
              @click=${() => this.#setQuantity(line, line.quantity + 1)}
            >
              ${plus()}
            </button>
          </div>
          <button
            part="remove-button"
            class="remove icon"
            type="button"
            aria-label=${t('remove', { title })}
            ?disabled=${busy}
            @click=${() => this.#store.store.bus.emit('remove-line-request', { lineId: line.id })}
          >
            ${trash()}
          </button>
        </div>
      </div>
      <span class="line-total">${formatMoney(line.total, locale)}</span>
    </li>`;
  }

  #errorText(error: VitrineErrorDetail, locale: string): string {
    const key =
      error.code === 'cart/out-of-stock'
        ? 'errorStock'
        : error.code === 'cart/not-found'
          ? 'errorGone'
          : error.code === 'checkout/unsafe-url'
            ? 'errorUnsafe'
            : error.code === 'checkout/unavailable'
              ? 'errorNoCheckout'
              : 'errorGeneric';
    return messages(locale, key);
  }

  #setQuantity(line: CartLine, quantity: number): void {
    const bus = this.#store.store.bus;
    if (quantity <= 0) bus.emit('remove-line-request', { lineId: line.id });
    else bus.emit('update-line-request', { lineId: line.id, quantity });
  }

  #checkout = (): void => {
    if (this.checkingOut || this.#store.state.updatingLines.size) return;
    this.checkingOut = true;
    this.#checkoutTimer = setTimeout(() => this.#checkoutDone(), CHECKOUT_TIMEOUT);
    this.#store.store.bus.emit('checkout-request', {
      source: this,
      confirm: (cart, url) => {
        this.#checkoutDone();
        return !this.emit('vitrine-checkout', { cart, url }).defaultPrevented;
      },
    });
  };

  #checkoutDone(): void {
    clearTimeout(this.#checkoutTimer);
    this.checkingOut = false;
  }

  #onClose = (): void => {
    if (this.#store.state.cartOpen) this.close();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  #onBackdrop = (event: MouseEvent): void => {
    if (event.target === this.drawer) this.close();
  };
}
