import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { safeUrl } from '../../core/parse.js';
import type { ShowStore } from '../../core/store.js';
import type { Product } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { LOW_STOCK, renderPrice } from '../product-card/product-card.js';
import { AddController } from '../shared/add-controller.js';
import { close, external, minus, plus } from '../shared/icons.js';
import { LocaleController } from '../shared/locale-controller.js';
import { addMessages } from '../shared/shared.messages.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, priceStyles, tokens } from '../shared/styles.js';
import { messages } from './product-detail.messages.js';
import { styles } from './product-detail.styles.js';
import { VariantPicker, type Selection } from './variants.js';

/** The most a shopper can add in one go when the backend gives no stock. */
export const MAX_QUANTITY = 99;

/** The deepest focused element, crossing shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

let uid = 0;

/**
 * A product's detail: option pickers built from its `options` (radio groups), resolving
 * the chosen variant; unavailable combinations are disabled and explained ("Navy / L — sold
 * out"); quantity; the variant's price; the description as plain text; "Add to cart"; a link
 * to the product page. With `dialog`, it is a modal dialog (a bottom sheet on phones) open
 * while `store.state.openProductId` is set: focus moves in, Escape closes, focus returns.
 *
 * @summary Variant picker, quantity and add to cart for one product.
 *
 * @csspart base - The detail layout.
 * @csspart dialog - The `<dialog>` (with `dialog` only).
 * @csspart close-button - Closes the dialog.
 * @csspart image - The product (or variant) image.
 * @csspart title - The product title (a heading).
 * @csspart price - The chosen variant's price.
 * @csspart compare-at - Its compare-at price.
 * @csspart saving - "Save 25%".
 * @csspart option - One option group (fieldset).
 * @csspart option-value - One option value (segmented button).
 * @csspart quantity - The quantity stepper.
 * @csspart add-button - "Add to cart".
 * @csspart status - The polite live region: "Added to cart", or why not.
 * @csspart description - The description (plain text).
 * @csspart link - The link to the product page.
 *
 * @fires vitrine-add-to-cart - Cancelable; `detail.respondWith(promise)` reports a merchant's own add back.
 */
export class VitrineProductDetail extends VitrineElement {
  static override styles = [tokens, buttonStyles, priceStyles, styles];

  /** The show store (given by `<vitrine-show>`; created when standalone). */
  @property({ attribute: false }) store?: ShowStore;

  /** The product. When absent: the store's product with `product-id`, else the open product. */
  @property({ attribute: false }) product?: Product;

  @property({ attribute: 'product-id' }) productId?: string;

  /**
   * Render as a modal dialog driven by `store.state.openProductId` (Escape, the close button and
   * the backdrop close it; so does a successful add, whose confirmation is then announced).
   */
  @property({ type: Boolean, reflect: true }) dialog = false;

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  @state() private selection: Selection = {};
  @state() private qty = 1;

  @query('dialog') private dialogElement?: HTMLDialogElement;

  #store = new StoreController(this, (s) => [s.products, s.adding, s.locale, s.openProductId]);
  #locale = new LocaleController(this, this.#store);
  #add = new AddController(this, this.#store, () => this.#locale.locale);
  #picker: VariantPicker | undefined;
  #opener: HTMLElement | null = null;
  /** The confirmation after which the dialog closed itself (it closes once per successful add). */
  #closedAfter: unknown;
  #id = `vitrine-detail-${++uid}`;

  /** The product shown. */
  get resolvedProduct(): Product | undefined {
    const store = this.#store.store;
    if (this.product) return store.product(this.product.id) ?? this.product;
    const id = this.productId ?? store.state.openProductId;
    return id ? store.product(id) : undefined;
  }

  /** The variant the current selection names (available or not). */
  get variant() {
    return this.#pickerFor(this.resolvedProduct)?.resolve(this.selection);
  }

  /** The quantity chosen. */
  get quantity(): number {
    return this.qty;
  }

  /** Opens the dialog for `productId` (or the current product). */
  show(productId?: string): void {
    const id = productId ?? this.resolvedProduct?.id;
    if (id) this.#store.store.set({ openProductId: id });
  }

  /** Closes the dialog. */
  hide(): void {
    this.#store.store.set({ openProductId: null });
  }

  #pickerFor(product: Product | undefined): VariantPicker | undefined {
    if (!product) return undefined;
    if (this.#picker?.product !== product) {
      const previous = this.#picker;
      this.#picker = new VariantPicker(product, messages(this.#locale.locale, 'variant'));
      // A live update of the same product keeps the shopper's choice where it still exists.
      if (previous?.product.id !== product.id || !this.#picker.resolve(this.selection)) {
        this.selection = this.#picker.initial();
        this.qty = 1;
      }
    }
    return this.#picker;
  }

  protected override willUpdate(): void {
    this.#pickerFor(this.resolvedProduct);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.dialog) return;
    const dialog = this.dialogElement;
    if (!dialog) return;
    // A successful add from the dialog closes it (the shopper goes on watching; the cart button
    // shows the new count and the confirmation is announced from outside the closed dialog).
    const feedback = this.#add.feedback;
    if (feedback?.kind === 'added' && feedback !== this.#closedAfter && dialog.open) {
      this.#closedAfter = feedback;
      if (this.#store.state.openProductId === feedback.productId) {
        this.hide();
        return;
      }
    }
    const open = !!this.#store.state.openProductId && !!this.resolvedProduct;
    if (open && !dialog.open) {
      this.#opener = deepActiveElement();
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('input:checked:not(:disabled), .add, .close')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }

  override render() {
    const product = this.resolvedProduct;
    if (!this.dialog) return product ? this.#renderDetail(product) : nothing;
    return html`<dialog
      part="dialog"
      dir=${this.#locale.dir}
      lang=${this.#locale.locale}
      aria-labelledby=${`${this.#id}-title`}
      @close=${this.#onClose}
      @click=${this.#onBackdrop}
    >
      ${product ? this.#renderDetail(product) : nothing}
    </dialog>
    <div class="visually-hidden" role="status">
      ${!this.#store.state.openProductId && this.#add.feedback?.kind === 'added' ? this.#add.feedback.message : ''}
    </div>`;
  }

  #renderDetail(product: Product) {
    const locale = this.#locale.locale;
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const a = (key: Parameters<typeof addMessages>[1], params?: Record<string, string | number>) =>
      addMessages(locale, key, params);
    const picker = this.#pickerFor(product)!;
    const variant = picker.resolve(this.selection);
    const purchasable = !!variant && variant.available && product.available;
    const stock = variant?.inventory ?? (product.variants.length === 1 ? product.inventory : undefined);
    const max = Math.max(1, Math.min(MAX_QUANTITY, stock ?? MAX_QUANTITY));
    const qty = Math.min(this.qty, max);
    const pending = this.#add.pending(product, variant);
    const feedback = this.#add.feedbackFor(product);
    const image = variant?.image ?? product.image;
    const url = safeUrl(product.url);
    const compareAt = variant?.compareAtPrice ?? (variant?.price.amount === product.price.amount ? product.compareAtPrice : undefined);
    const lastIndex = picker.options.length - 1;
    const unavailableNote = variant && !purchasable && picker.options.length
      ? t('comboSoldOut', { combo: picker.combo(this.selection, lastIndex, this.selection[picker.options[lastIndex].name]) })
      : '';

    return html`
      <div part="base" class="detail" dir=${this.dialog ? nothing : this.#locale.dir} lang=${this.dialog ? nothing : locale}>
        ${this.dialog
          ? html`<button part="close-button" class="close icon" type="button" aria-label=${t('close')} @click=${this.hide}>
              ${close()}
            </button>`
          : nothing}
        <div class="media">
          ${image
            ? html`<img part="image" src=${image} alt="" width="800" height="1000" decoding="async" />`
            : nothing}
        </div>
        <div class="info">
          <h2 part="title" id=${`${this.#id}-title`}>${product.title}</h2>
          ${variant ? renderPrice(variant.price, compareAt, locale) : renderPrice(product.price, product.compareAtPrice, locale)}
          ${picker.options.map((option, index) => this.#renderOption(picker, option.name, option.values, index, locale))}
          ${purchasable && stock !== undefined && stock > 0 && stock <= LOW_STOCK
            ? html`<span class="stock">${a('onlyLeft', { count: stock })}</span>`
            : nothing}
          <div class="buy">
            <div part="quantity" class="stepper" role="group" aria-label=${t('quantity')}>
              <button
                class="icon"
                type="button"
                aria-label=${t('decrease')}
                ?disabled=${qty <= 1 || !purchasable}
                @click=${() => (this.qty = Math.max(1, qty - 1))}
              >
                ${minus()}
              </button>
              <output aria-live="polite" aria-label=${t('quantity')}>${qty}</output>
              <button
                class="icon"
                type="button"
                aria-label=${t('increase')}
                ?disabled=${qty >= max || !purchasable}
                @click=${() => (this.qty = Math.min(max, qty + 1))}
              >
                ${plus()}
              </button>
            </div>
            <button
              part="add-button"
              class="add primary"
              type="button"
              ?disabled=${!purchasable}
              aria-disabled=${pending ? 'true' : nothing}
              aria-describedby=${unavailableNote ? `${this.#id}-why` : nothing}
              @click=${() => variant && purchasable && this.#add.add(product, variant, qty)}
            >
              ${!purchasable
                ? a('soldOut')
                : pending
                  ? html`<span class="spinner" aria-hidden="true"></span>${a('adding')}`
                  : a('addToCart')}
            </button>
          </div>
          ${unavailableNote ? html`<p class="note" id=${`${this.#id}-why`}>${unavailableNote}</p>` : nothing}
          <div
            part="status"
            class=${classMap({ status: true, added: feedback?.kind === 'added', error: feedback?.kind === 'error' })}
            role="status"
          >
            ${feedback?.message ?? ''}
          </div>
          ${product.description ? html`<p part="description" class="description">${product.description}</p>` : nothing}
          ${url
            ? html`<a part="link" class="link" href=${url} target="_blank" rel="noopener noreferrer">
                ${t('viewProduct')}${external()}
              </a>`
            : nothing}
        </div>
      </div>
    `;
  }

  #renderOption(picker: VariantPicker, name: string, values: string[], index: number, locale: string) {
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const chosen = this.selection[name];
    const notes: string[] = [];
    const radios = values.map((value) => {
      const state = picker.state(this.selection, index, value);
      if (state !== 'available') {
        notes.push(
          t(state === 'sold-out' ? 'comboSoldOut' : 'comboUnavailable', { combo: picker.combo(this.selection, index, value) }),
        );
      }
      return html`<label part="option-value" class="value">
        <input
          type="radio"
          name=${`${this.#id}-${index}`}
          .value=${value}
          .checked=${value === chosen}
          ?disabled=${state !== 'available'}
          @change=${() => this.#choose(picker, index, value)}
        /><span
          >${value}${state !== 'available' ? html`<span class="visually-hidden">, ${t('unavailable')}</span>` : nothing}</span
        >
      </label>`;
    });
    const noteId = `${this.#id}-note-${index}`;
    return html`<fieldset part="option" aria-describedby=${notes.length ? noteId : nothing}>
      <legend>${name}: <span class="chosen">${chosen}</span></legend>
      <div class="values">${radios}</div>
      ${notes.length ? html`<p class="note" id=${noteId}>${notes.join(' · ')}</p>` : nothing}
    </fieldset>`;
  }

  #choose(picker: VariantPicker, index: number, value: string): void {
    this.selection = picker.choose(this.selection, index, value);
    this.qty = 1;
  }

  #onClose = (): void => {
    // A late 'close' event (it is queued) after the dialog was opened again in the meantime.
    if (this.dialogElement?.open) return;
    if (this.#store.state.openProductId) this.hide();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  #onBackdrop = (event: MouseEvent): void => {
    // A click on the dialog element itself (not its content) is a click on the backdrop.
    if (event.target === this.dialogElement) this.hide();
  };
}
