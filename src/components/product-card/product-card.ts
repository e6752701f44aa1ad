import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ShowStore } from '../../core/store.js';
import type { Deal, Product } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { AddController } from '../shared/add-controller.js';
import { addStatus, addStatusStyles } from '../shared/add-status.js';
import { formatMediaTime } from '../shared/format.js';
import { play } from '../shared/icons.js';
import { LocaleController } from '../shared/locale-controller.js';
import { LOW_STOCK, renderPrice } from '../shared/price.js';
import { addMessages } from '../shared/shared.messages.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, priceStyles, tokens } from '../shared/styles.js';
import { messages } from './product-card.messages.js';
import { styles } from './product-card.styles.js';

/**
 * One product: image, title, price (with the compare-at price and the saving), stock
 * state and "Add to cart". Single-variant products are added directly; for products with
 * variants the button opens the product detail (`store.state.openProductId`).
 *
 * @summary A shoppable product card.
 *
 * @csspart base - The card.
 * @csspart media - The image box (reserves its aspect ratio before the image loads).
 * @csspart image - The product image.
 * @csspart badge - "Live now" (pinned) or "Sold out".
 * @csspart body - Everything below the image.
 * @csspart title - The product title (a button that opens the detail).
 * @csspart price - The current price.
 * @csspart compare-at - The struck-through compare-at price.
 * @csspart saving - "Save 25%".
 * @csspart stock - "Only 3 left" / "Sold out".
 * @csspart add-button - "Add to cart".
 * @csspart status - The polite live region: "Added to cart", or why it failed.
 * @csspart seek-button - In a replay, "Shown at 12:30" (seeks the video there).
 *
 * @cssprop --vitrine-card-width - Width of the card. @default auto (200px in the carousel)
 * @cssprop --vitrine-card-image-ratio - Aspect ratio of the image box. @default 4 / 5
 * @cssprop --vitrine-card-media-width - Width of the image in `layout="compact"`. @default clamp(96px, 38%, 160px)
 *
 * @fires vitrine-add-to-cart - Cancelable; `detail.respondWith(promise)` reports a merchant's own add back.
 * @fires vitrine-product-click - The shopper opened the product from this card: `{ product, source }` (`pinned`
 *   in `<vitrine-show>`'s pinned area, its own or the merchant's `pinned` slot, else `rail`); `vitrine-product-view` follows.
 * @fires vitrine-product-view - The shopper opened the product's detail.
 */
export class VitrineProductCard extends VitrineElement {
  static override styles = [tokens, buttonStyles, priceStyles, addStatusStyles, styles];
  static override shadowRootOptions = { ...VitrineElement.shadowRootOptions, delegatesFocus: true };

  /** The show store (given by `<vitrine-show>` or the carousel; created when standalone). */
  @property({ attribute: false }) store?: ShowStore;

  /** The product to show. When absent, `product-id` is looked up in the store. */
  @property({ attribute: false }) product?: Product;

  /** Id of the product in the store (used when `product` is not set). */
  @property({ attribute: 'product-id' }) productId?: string;

  /** The product is pinned in the live show: "Live now" emphasis. */
  @property({ type: Boolean, reflect: true }) pinned = false;

  /**
   * `compact`: a horizontal card (image beside the text), for tight spaces such as the pinned
   * product beside the video in `<vitrine-show>`; `chip`: one row (a small image, title, price,
   * Add to cart), over the video of the show's phone stage. Default: the image above the text.
   */
  @property({ reflect: true }) layout?: 'compact' | 'chip';

  /** In a replay: the media time (seconds) at which the product was shown; renders a seek button. */
  @property({ type: Number, attribute: 'shown-at' }) shownAt?: number;

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  /** A flash deal running on the product: its price block replaces the price (`<vitrine-deal-price>`, lazy). */
  @property({ attribute: false }) deal?: Deal;

  /** The server's clock for the deal's countdown. @default Date.now */
  @property({ attribute: false }) now?: () => number;

  #store = new StoreController(this, (s) => [s.products, s.adding, s.locale, s.openProductId]);
  #locale = new LocaleController(this, this.#store);
  #add = new AddController(this, this.#store, () => this.#locale.locale);

  /**
   * Given by the rail that renders the card (`<vitrine-carousel>`): it decides when the card's
   * first render runs (one card in the rail's own task, the others a few per task after it), and
   * calls `render` then. Not a reactive property: set once, before the first render.
   *
   * @internal
   */
  firstRenderTurn?: ((card: VitrineProductCard, render: () => void) => void) | undefined;

  /** A rail's card waits for its turn (`firstRenderTurn`) instead of a task of its own. */
  protected override get yieldFirstRender(): boolean {
    return !this.firstRenderTurn;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const turn = this.hasUpdated ? undefined : this.firstRenderTurn;
    if (!turn) return super.scheduleUpdate();
    return new Promise<void>((resolve) =>
      turn(this, () => {
        // The base class guards the update: an error is reported there, never thrown here.
        void super.scheduleUpdate();
        resolve();
      }),
    );
  }

  /** The product rendered: `product`, else the store's product with `product-id`. */
  get resolvedProduct(): Product | undefined {
    if (this.product) return this.#store.store.product(this.product.id) ?? this.product;
    return this.productId ? this.#store.store.product(this.productId) : undefined;
  }

  override render() {
    const product = this.resolvedProduct;
    if (!product) return nothing;
    const locale = this.#locale.locale;
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const a = (key: Parameters<typeof addMessages>[1], params?: Record<string, string | number>) =>
      addMessages(locale, key, params);
    const single = product.variants.length === 1 ? product.variants[0] : undefined;
    const soldOut = !product.available || product.variants.every((v) => !v.available);
    const stock = single?.inventory ?? product.inventory;
    const deal = this.deal?.productId === product.id ? this.deal : undefined;
    // A deal's block is two lines (its price, then its countdown and units left): it takes the
    // stock line's place too, so that a card is no taller with a deal than with low stock (the
    // rail's and the pinned slot's reserved heights hold when a deal starts).
    const lowStock = !deal && !soldOut && stock !== undefined && stock > 0 && stock <= LOW_STOCK;
    const pending = this.#add.pending(product, single);
    const feedback = this.#add.feedbackFor(product);
    const showSeek = this.shownAt !== undefined && Number.isFinite(this.shownAt);
    const label = soldOut
      ? a('soldOut')
      : pending
        ? html`<span class="spinner" aria-hidden="true"></span>${a('adding')}`
        : a('addToCart');

    return html`
      <article part="base" class="card" dir=${this.#locale.dir} lang=${locale} aria-label=${product.title}>
        <div part="media" class="media" @click=${this.#view}>
          ${product.image
            ? html`<img part="image" src=${product.image} alt="" loading="lazy" decoding="async" width="400" height="500" />`
            : html`<div class="placeholder" aria-hidden="true">${product.title.slice(0, 1)}</div>`}
          ${this.pinned && !soldOut ? html`<span part="badge" class="badge">${t('liveNow')}</span>` : nothing}
          ${soldOut ? html`<span part="badge" class="badge sold-out">${a('soldOut')}</span>` : nothing}
        </div>
        <div part="body" class="body">
          <button part="title" class="title" type="button" @click=${this.#view} aria-haspopup="dialog">
            <span class="title-text">${product.title}</span>
          </button>
          ${deal
            ? html`<vitrine-deal-price .deal=${deal} .price=${product.price} .now=${this.now ?? Date.now} locale=${locale}></vitrine-deal-price>`
            : renderPrice(product.price, product.compareAtPrice, locale)}
          ${lowStock ? html`<span part="stock" class="stock">${a('onlyLeft', { count: stock! })}</span>` : nothing}
          <div class="actions">
            ${showSeek
              ? html`<button
                  part="seek-button"
                  class="seek"
                  type="button"
                  aria-label=${t('watchFrom', { time: formatMediaTime(this.shownAt!, locale), title: product.title })}
                  @click=${this.#seek}
                >
                  ${play()}${t('shownAt', { time: formatMediaTime(this.shownAt!, locale) })}
                </button>`
              : nothing}
            <button
              part="add-button"
              class="add primary"
              type="button"
              ?disabled=${soldOut}
              aria-disabled=${pending ? 'true' : nothing}
              aria-haspopup=${single ? nothing : 'dialog'}
              @click=${this.#onAdd}
            >
              ${this.layout === 'chip'
                ? // The chip's button is as wide as its longest label, whichever shows: a label that
                  // changes (adding, sold out) moves neither the button nor the title (no shift).
                  html`<span class="label">${label}</span>
                    <span class="sizer" aria-hidden="true">${a('addToCart')}</span>
                    <span class="sizer" aria-hidden="true">${a('soldOut')}</span>
                    <span class="sizer" aria-hidden="true"><span class="spinner"></span>${a('adding')}</span>`
                : label}
            </button>
            ${addStatus(feedback)}
          </div>
        </div>
      </article>
    `;
  }

  protected override willUpdate(): void {
    // The deal's element is a lazy chunk, fetched with the first deal.
    if (this.deal && !customElements.get('vitrine-deal-price')) {
      import('../moments/define.js').catch((error: unknown) => this.reportError(error, 'show/unavailable'));
    }
  }

  #onAdd = (): void => {
    const product = this.resolvedProduct;
    if (!product) return;
    if (product.variants.length === 1) {
      this.#add.add(product, product.variants[0], 1);
    } else {
      this.#view();
    }
  };

  #view = (): void => {
    const product = this.resolvedProduct;
    if (!product) return;
    this.#store.store.set({ openProductId: product.id });
    this.#store.store.bus.emit('product-view', { product });
    this.emit('vitrine-product-click', { product, source: this.#source() });
    this.emit('vitrine-product-view', { product });
  };

  /** Where the shopper clicked: the card of `<vitrine-show>`'s pinned area, or a card of a rail (or the page). */
  #source(): 'pinned' | 'rail' {
    const host = (this.getRootNode() as Partial<ShadowRoot>).host;
    const slotted = this.closest('[slot="pinned"]')?.parentElement?.localName === 'vitrine-show';
    return host?.localName === 'vitrine-show' || slotted ? 'pinned' : 'rail';
  }

  #seek = (): void => {
    if (this.shownAt !== undefined) this.#store.store.bus.emit('seek-request', { time: this.shownAt });
  };
}
