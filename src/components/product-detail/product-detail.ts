import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ShowStore } from '../../core/store.js';
import type { Deal, Product } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { AddController } from '../shared/add-controller.js';
import { DialogController } from '../shared/dialog-controller.js';
import { whenIdle } from '../shared/idle.js';
import { LazyPart, lazyModule } from '../shared/lazy-part.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, priceStyles, tokens } from '../shared/styles.js';
import { messages } from './product-detail.messages.js';
import { styles } from './product-detail.styles.js';
import { VariantPicker, type Selection } from './variants.js';

/** The detail's content is a lazy chunk (`product-detail.body.ts`): only a shopper who opens a product needs it. */
const bodyModule = lazyModule(() => import('./product-detail.body.js'));

let uid = 0;

/** The first open's one-off costs were paid (once per page: `#rehearse()`). */
let rehearsed = false;

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

  /** The flash deals running, by product id: the product's deal price shows (`<vitrine-show>` sets it). */
  @property({ attribute: false }) deals?: ReadonlyMap<string, Deal>;

  /** The server's clock of the deals' countdowns. @default Date.now */
  @property({ attribute: false }) now?: () => number;

  @state() private selection: Selection = {};
  @state() private qty = 1;

  @query('dialog') private dialogElement?: HTMLDialogElement;

  #store = new StoreController(this, (s) => [s.products, s.adding, s.locale, s.openProductId]);
  #locale = new LocaleController(this, this.#store);
  #add = new AddController(this, this.#store, () => this.#locale.locale);
  #picker: VariantPicker | undefined;
  #dialog = new DialogController(this, {
    dialog: () => this.dialogElement,
    isOpen: () => !!this.#store.state.openProductId,
    close: () => this.hide(),
    focus: () => this.renderRoot.querySelector<HTMLElement>('input:checked:not(:disabled), .add, .close'),
  });
  /** The confirmation after which the dialog closed itself (it closes once per successful add). */
  #closedAfter: unknown;
  #id = `vitrine-detail-${++uid}`;
  #content = new LazyPart(this, bodyModule, {
    styles: (module) => module.bodyStyles,
    // Reported once; the dialog does not stay "open" with nothing in it: the next open retries.
    failed: (error) => {
      this.#store.report(error, 'internal');
      if (this.dialog) this.hide();
    },
  });
  #cancelRehearsal: (() => void) | undefined;

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
    this.#content.retry();
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

  /** Also schedules, once per page, the idle rehearsal of the first open (`#rehearse()`). */
  override connectedCallback(): void {
    super.connectedCallback();
    // After the content's idle prefetch (the LazyPart's), in an idle moment of its own.
    if (this.dialog && !rehearsed) this.#cancelRehearsal ??= whenIdle(() => void bodyModule.load().then(() => this.#rehearse(), () => undefined), 3000);
  }

  /** Also cancels the idle rehearsal if it has not run. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelRehearsal?.();
    this.#cancelRehearsal = undefined;
  }

  /**
   * The first open's one-off costs, paid while the page is idle rather than when the shopper opens
   * the first product (which showed in about 100 ms at 1x CPU, the next ones in 50): the content's
   * styles are adopted (the browser builds their rules in a frame of its own), and the content is
   * rehearsed once, detached (product-detail.body.ts, `rehearseDetail`). Only for a dialog: an
   * inline detail draws its content in its first render, which pays them. Not when a product is
   * open by then: its open paid them.
   */
  #rehearse(): void {
    this.#cancelRehearsal = whenIdle(() => {
      if (rehearsed || !this.isConnected || this.#store.state.openProductId) return;
      rehearsed = true;
      try {
        this.#content.get()?.rehearseDetail(this, this.#add, this.#locale.locale);
      } catch {
        // Best effort: the first open pays its own costs.
      }
    }, 3000);
  }

  /** Also waits for the body chunk when the element is showing a product. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#content.settle(super.getUpdateComplete(), () => super.getUpdateComplete());
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
    // Opened once its content is there (the body chunk, fetched at the first open if not yet).
    if (!this.#store.state.openProductId) this.#content.retry();
    this.#dialog.sync(!!this.#store.state.openProductId && !!this.resolvedProduct && this.#content.loaded);
  }

  override render() {
    const product = this.resolvedProduct;
    const open = !!product && (!this.dialog || !!this.#store.state.openProductId);
    const content = open ? this.#renderDetail(product) : nothing;
    if (!this.dialog) return content;
    return html`<dialog
      part="dialog"
      dir=${this.#locale.dir}
      lang=${this.#locale.locale}
      aria-labelledby=${`${this.#id}-title`}
      @close=${this.#dialog.onClose}
      @click=${this.#dialog.onBackdrop}
    >
      ${content}
    </dialog>
    <div class="visually-hidden" role="status">
      ${!this.#store.state.openProductId && this.#add.feedback?.kind === 'added' ? this.#add.feedback.message : ''}
    </div>`;
  }

  #renderDetail(product: Product) {
    const loaded = this.#content.get();
    if (!loaded) return nothing;
    return loaded.renderDetail({
      product,
      picker: this.#pickerFor(product)!,
      selection: this.selection,
      qty: this.qty,
      dialog: this.dialog,
      id: this.#id,
      locale: this.#locale.locale,
      dir: this.#locale.dir,
      add: this.#add,
      setQty: (qty) => (this.qty = qty),
      choose: (picker, index, value) => this.#choose(picker, index, value),
      hide: () => this.hide(),
      deal: this.deals?.get(product.id),
      now: this.now ?? Date.now,
    });
  }

  #choose(picker: VariantPicker, index: number, value: string): void {
    this.selection = picker.choose(this.selection, index, value);
    this.qty = 1;
  }
}
