import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../style-props.js';
import type { ShowStore } from '../../core/store.js';
import type { Deal, Product } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { chevronEnd, chevronStart } from '../shared/icons.js';
import { whenIdle } from '../shared/idle.js';
import { yieldToPage } from '../../core/yield.js';
import { LocaleController } from '../shared/locale-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { CardQueue, heightScore } from './card-queue.js';
import { messages } from './carousel.messages.js';
import { styles } from './carousel.styles.js';
import { OVERSCAN, DEFAULT_STRIDE, countInView, firstRail, pixels, USER_SCROLL_GRACE, reducedMotion, type CardContext, type CardRenderer, type Sizes } from './carousel.layout.js';

export type { CardContext, CardRenderer } from './carousel.layout.js';

/**
 * The shoppable product rail: scroll-snap, previous/next buttons, arrow keys, native
 * touch swipe. Only the cards near the viewport exist (fixed card width), so a show of
 * 1,000 products stays fast. The pinned product is scrolled into view (unless the shopper
 * is browsing the rail) and announced politely; in a replay each card offers "Shown at
 * 12:30", which asks the player to seek there.
 *
 * @summary The shoppable product rail.
 *
 * @csspart base - The carousel region.
 * @csspart header - Title, count and the previous/next buttons.
 * @csspart title - The title ("Shop the show").
 * @csspart rail - The horizontally scrolling rail.
 * @csspart item - The box of one card (a list item).
 * @csspart prev-button - Scrolls to the previous cards.
 * @csspart next-button - Scrolls to the next cards.
 * @csspart announcer - The polite live region ("Now showing: …").
 *
 * @cssprop --vitrine-card-width - Width of each card. @default 200px
 * @cssprop --vitrine-carousel-gap - Space between cards. @default 12px
 * @cssprop --vitrine-carousel-padding - Inline padding of the rail. @default 0px
 *
 * @fires vitrine-product-click - From its cards: the shopper opened a product, `{ product, source: 'rail' }`.
 * @fires vitrine-product-view - From its cards: the product's detail opened, `{ product }`.
 */
export class VitrineCarousel extends VitrineElement {
  static override styles = [tokens, buttonStyles, styles];

  /** The show store (given by `<vitrine-show>`; created when standalone). */
  @property({ attribute: false }) store?: ShowStore;

  /** Products to show instead of the store's (standalone use); they are put in the store. */
  @property({ attribute: false }) products?: Product[];

  /**
   * Renders a card yourself (the merchant's own product card). Return a Lit template or a
   * DOM node. Default: `<vitrine-product-card>`.
   */
  @property({ attribute: false }) renderCard?: CardRenderer;

  /** Title and accessible name of the rail. @default "Shop the show" (localised) */
  @property() label?: string;

  /** Overrides the locale (BCP 47). */
  @property() locale?: string;

  /** The flash deals running, by product id: their cards show the deal price (`<vitrine-show>` sets it). */
  @property({ attribute: false }) deals?: ReadonlyMap<string, Deal>;

  /** The server's clock of the deals' countdowns. @default Date.now */
  @property({ attribute: false }) now?: () => number;

  /** Only the cards that can be visible are rendered first; the overscan follows when idle. */
  @state() private range: [number, number] = [0, countInView(DEFAULT_STRIDE) - 1];
  @state() private atStart = true;
  @state() private atEnd = false;
  @state() private announcement = '';

  @query('.rail') private rail?: HTMLElement;

  #store = new StoreController(this, (s) => [s.products, s.highlight, s.show, s.status, s.locale]);
  #locale = new LocaleController(this, this.#store);
  /** Width of one card plus the gap, in px: from the CSS before the first layout when it is in px, then measured. */
  #stride = 0;
  #gap = 12;
  /** The cards' size was measured (a ResizeObserver callback, after a layout). */
  #measured = false;
  /**
   * The tallest the row has been at this card width (px), kept as its minimum: only the cards near
   * the viewport are rendered, and the tallest one leaving that range (the rail scrolled to a pin
   * far away) would otherwise make the row shorter and move every card's button up (a layout shift).
   */
  #rowHeight = 0;
  #frame = 0;
  #measureFrame = 0;
  #lastUserScroll = -Infinity;
  #resize: ResizeObserver | undefined;
  #pinnedId: string | undefined;
  /** A pin that arrived before the cards were measured. */
  #pendingPin: number | undefined;
  /** The card observed for its size (the stride), until measured. */
  #observedItem: Element | undefined;
  #cancelIdle: (() => void) | undefined;
  /** The rail's width and scroll position, as last read where reading costs nothing (0: not yet). */
  #width = 0;
  #position = 0;
  /** The cards' first renders: the lead's in the rail's task, the others a few per task after (card-queue.ts). */
  #cards = new CardQueue();
  /** Products were rendered, and the lead chosen among them (`#chooseLead`). */
  #leadChosen = false;

  get #products(): readonly Product[] {
    return this.#store.state.products;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Sizes are read only in ResizeObserver callbacks, where layout is already done: no render
    // ever forces a synchronous layout. They change the rendered cards, whose heights can change
    // the rail's: applied in the next frame, never while the observer delivers (no 'ResizeObserver
    // loop' error on the page).
    this.#resize = new ResizeObserver(() => {
      const sizes = this.#sizes();
      cancelAnimationFrame(this.#measureFrame);
      this.#measureFrame = requestAnimationFrame(() => this.#measure(sizes));
    });
    if (this.rail) this.#resize.observe(this.rail);
    this.#observedItem = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#measureFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('products') && this.products) {
      this.#store.store.set({ products: this.products });
    }
  }

  /** The stride is read from the CSS before the first render. */
  #strideRead = false;

  /**
   * The stride from the CSS (`--vitrine-card-width` and `--vitrine-carousel-gap`), when both are in
   * px as by default, before the first render: the cards in view, and the track's full length, are
   * then right in the first frame (a style recalculation, no layout). Any other unit (a unitless
   * `0` too) waits for the first measurement.
   */
  #strideFromStyle(): void {
    const style = getComputedStyle(this);
    const width = pixels(style.getPropertyValue('--_card-width'));
    const gap = pixels(style.getPropertyValue('--_gap'));
    if (!width || gap === undefined) return;
    this.#gap = gap;
    this.#stride = width + gap;
    const [first] = this.range;
    this.range = [first, first + countInView(this.#stride) - 1];
  }

  /**
   * The render that first has products (the show document came) waits for a task of its own: it
   * draws the lead card, and in the task that set the show it made one long task with the show's
   * and the player's renders (about 100 ms at 4x). The rail's box is as it was meanwhile.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated && !this.#leadChosen && this.#products.length) return yieldToPage().then(() => super.scheduleUpdate());
    // Reading the CSS recalculates the style of what the page changed since its last frame (the
    // show's first view: 20-60 ms at 4x CPU); in the first render's task it made that task a long
    // one. It is read in a task of its own, and the render (its own task too) follows.
    if (!this.hasUpdated && !this.#strideRead) {
      this.#strideRead = true;
      return yieldToPage().then(() => {
        try {
          this.#strideFromStyle();
        } catch {
          // A page that broke getComputedStyle: the first measurement gives the stride.
        }
        return super.scheduleUpdate();
      });
    }
    return super.scheduleUpdate();
  }

  protected override firstUpdated(): void {
    firstRail.rendered = true;
    if (this.rail) this.#resize?.observe(this.rail);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#leadChosen) this.#chooseLead();
    if (!this.#measured) {
      // Observe the first card for its size; the callback measures (no forced layout here).
      const item = this.renderRoot.querySelector('.item');
      if (item && item !== this.#observedItem) {
        if (this.#observedItem) this.#resize?.unobserve(this.#observedItem);
        this.#observedItem = item;
        this.#resize?.observe(item);
      }
    }
    const pinned = this.#store.state.highlight?.productId;
    if (pinned !== this.#pinnedId) {
      this.#pinnedId = pinned;
      if (pinned) this.#onPin(pinned);
    }
  }

  /**
   * The first time cards appear: the one drawn in the rail's own task, the tallest-looking of those
   * in view (`heightScore`), so the row has its height in the first frame; the others follow in
   * later tasks (card-queue.ts) inside boxes of that size: nothing shifts.
   */
  #chooseLead(): void {
    const products = this.#products;
    if (!products.length) return;
    this.#leadChosen = true;
    // A merchant's own cards draw themselves: no lead to choose.
    if (this.renderCard) return;
    const [first, last] = this.#clampedRange();
    let best = -1;
    for (let i = first; i <= last; i++) {
      const context = this.#context(products[i], i);
      const score = heightScore(products[i], context);
      if (score > best) {
        best = score;
        this.#cards.lead = products[i].id;
      }
    }
  }

  /** Scrolls so that the product at `index` is in view. */
  scrollToIndex(index: number, smooth = !reducedMotion()): void {
    const rail = this.rail;
    if (!rail || !this.#stride) {
      this.#pendingPin = index;
      return;
    }
    this.#pendingPin = undefined;
    // Near the middle, on a card's start (a snap point): the proximity snap cannot then pull the
    // rail to a neighbour's start and leave the pinned card cut off at the edge.
    // The width and position as last read (a ResizeObserver callback, a scroll's frame): reading
    // them here, right after the range's render, would force a layout.
    const width = this.#railWidth();
    const card = this.#stride - this.#gap;
    const before = Math.max(0, Math.floor((width - card) / (2 * this.#stride)));
    const offset = Math.max(0, (index - before) * this.#stride);
    const left = this.#locale.dir === 'rtl' ? -offset : offset;
    // Far away, a jump: a long smooth scroll is cut short when the rendered range changes under it.
    const far = Math.abs(this.#position - offset) > width * 2;
    rail.scrollTo({ left, behavior: smooth && !far ? 'smooth' : 'auto' });
    // The range and the ends follow in the next frame (the scroll's own events too).
    this.#onScroll();
  }

  /** The rail's visible width: as measured, else (before any measurement) read. */
  #railWidth(): number {
    return this.#width || this.rail?.clientWidth || 0;
  }

  /** Moves focus to the card at `index` (rendering it first), keeping the focused control's kind. */
  async focusIndex(index: number, part = ''): Promise<void> {
    const count = this.#products.length;
    if (!count) return;
    const target = Math.max(0, Math.min(count - 1, index));
    const [first, last] = this.range;
    if (target < first || target > last) this.range = this.#rangeAround(target);
    await this.updateComplete;
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (!item) return;
    this.#ensureVisible(target);
    const card = item.firstElementChild as HTMLElement | null;
    // A card just rendered draws its own content in its own update, after the rail's.
    await (card as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    const inner = part ? card?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]:not(:disabled)`) : null;
    (inner ?? card ?? item).focus({ preventScroll: true });
  }

  override render() {
    const products = this.#products;
    const locale = this.#locale.locale;
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const count = products.length;
    const [first, last] = this.#clampedRange();
    const visible = products.slice(first, last + 1);
    const stride = this.#stride;
    const track = stride
      ? {
          '--_offset': `${first * stride}px`,
          '--_track-size': `${Math.max(0, count * stride - this.#gap - first * stride)}px`,
          '--_row-height': `${this.#rowHeight}px`,
        }
      : {};
    const show = this.#store.state.show;
    const replay = show?.status === 'ended' || this.#store.state.status === 'ended';
    const chapters = new Map<string, number>();
    if (replay) for (const c of show?.chapters ?? []) if (!chapters.has(c.productId)) chapters.set(c.productId, c.start);
    const pinned = this.#store.state.highlight?.productId;
    const label = this.label || t('label');

    return html`
      <section
        part="base"
        class="carousel"
        dir=${this.#locale.dir}
        lang=${locale}
        aria-roledescription=${t('carousel')}
        aria-label=${label}
      >
        <div part="header" class="header">
          <div part="title" class="title" aria-hidden="true">
            ${label}<span class="count">${t('count', { count })}</span>
          </div>
          <div class="nav">
            <button
              part="prev-button"
              class="icon"
              type="button"
              aria-label=${t('previous')}
              ?disabled=${this.atStart}
              @click=${() => this.#page(-1)}
            >
              ${chevronStart()}
            </button>
            <button
              part="next-button"
              class="icon"
              type="button"
              aria-label=${t('next')}
              ?disabled=${this.atEnd || count === 0}
              @click=${() => this.#page(1)}
            >
              ${chevronEnd()}
            </button>
          </div>
        </div>
        <div
          part="rail"
          class="rail"
          @scroll=${this.#onScroll}
          @keydown=${this.#onKeydown}
          @pointerdown=${this.#onUserScroll}
          @wheel=${this.#onUserScroll}
          @touchstart=${this.#onUserScroll}
        >
          <div class="track" role="list" style=${styleProps(track)}>
            ${repeat(
              visible,
              (p) => p.id,
              (product, i) => {
                const index = first + i;
                const context: CardContext = {
                  pinned: product.id === pinned,
                  shownAt: chapters.get(product.id),
                  store: this.#store.store,
                  index,
                  deal: this.deals?.get(product.id),
                };
                // \`pending\`: the card's box, drawn as an empty card until the card draws itself.
                return html`<div part="item" class=${this.renderCard ? 'item' : 'item pending'} role="listitem" data-index=${index} aria-setsize=${count} aria-posinset=${index + 1}>
                  ${this.renderCard ? this.renderCard(product, context) : this.#defaultCard(product, context)}
                </div>`;
              },
            )}
          </div>
        </div>
        <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  #defaultCard(product: Product, context: CardContext) {
    return html`<vitrine-product-card
      .store=${context.store}
      .product=${product}
      ?pinned=${context.pinned}
      .shownAt=${context.shownAt}
      .deal=${context.deal}
      .now=${this.now}
      .locale=${this.locale}
      .firstRenderTurn=${this.#cards.turn}
    ></vitrine-product-card>`;
  }

  /** What a card renderer gets for the product at `index` (as `render()` builds it). */
  #context(product: Product, index: number): CardContext {
    const show = this.#store.state.show;
    const replay = show?.status === 'ended' || this.#store.state.status === 'ended';
    const chapter = replay ? show?.chapters?.find((c) => c.productId === product.id) : undefined;
    return {
      pinned: product.id === this.#store.state.highlight?.productId,
      shownAt: chapter?.start,
      store: this.#store.store,
      index,
      deal: this.deals?.get(product.id),
    };
  }

  #clampedRange(): [number, number] {
    const count = this.#products.length;
    const [first, last] = this.range;
    const f = Math.max(0, Math.min(first, count - 1));
    return [f, Math.max(f, Math.min(last, count - 1))];
  }

  #rangeAround(index: number): [number, number] {
    const perView = this.#perView();
    return [Math.max(0, index - perView - OVERSCAN), index + perView + OVERSCAN];
  }

  #perView(): number {
    const width = this.#railWidth();
    return this.#stride && width ? Math.ceil(width / this.#stride) : 8;
  }

  /** The sizes, read in a ResizeObserver callback: layout is done there, reading costs nothing. */
  #sizes(): Sizes | undefined {
    const rail = this.rail;
    const item = this.renderRoot.querySelector<HTMLElement>('.item');
    const track = this.renderRoot.querySelector<HTMLElement>('.track');
    if (!rail || !track) return undefined;
    const gap = parseFloat(getComputedStyle(track).columnGap) || 0;
    const width = item?.getBoundingClientRect().width ?? 0;
    return {
      stride: width ? width + gap : 0,
      gap,
      position: Math.abs(rail.scrollLeft),
      width: rail.clientWidth,
      scrollWidth: rail.scrollWidth,
      rowHeight: track.getBoundingClientRect().height,
    };
  }

  /** Applies the sizes of the last ResizeObserver callback, in the next frame, before its layout. */
  #measure(sizes: Sizes | undefined): void {
    if (!sizes?.stride) return;
    const first = !this.#measured;
    this.#measured = true;
    this.#gap = sizes.gap;
    this.#width = sizes.width;
    this.#position = sizes.position;
    if (Math.abs(sizes.stride - this.#stride) > 0.5) {
      this.#stride = sizes.stride;
      // Another card width: other heights.
      this.#rowHeight = 0;
      this.requestUpdate();
    }
    if (sizes.rowHeight > this.#rowHeight + 0.5) {
      this.#rowHeight = sizes.rowHeight;
      this.requestUpdate();
    }
    if (this.#observedItem) {
      this.#resize?.unobserve(this.#observedItem);
      this.#observedItem = undefined;
    }
    const pin = this.#pendingPin;
    if (pin !== undefined) {
      // A pin that came before the cards were measured: its window, then scroll once the track
      // has its full length (the next render).
      this.range = this.#rangeAround(pin);
      void this.updateComplete.then(() => this.scrollToIndex(pin, false));
    } else if (first) {
      // First the cards in view, the overscan when idle.
      this.#update(0, sizes);
      this.#cancelIdle?.();
      this.#cancelIdle = whenIdle(() => {
        this.#cancelIdle = undefined;
        this.#update();
      });
    } else if (!this.#cancelIdle) {
      this.#update(OVERSCAN, sizes);
    }
  }

  /**
   * Recomputes the rendered range (`overscan` cards beyond each edge) and the ends from the scroll
   * position: the `sizes` of a ResizeObserver callback, else read from the rail.
   */
  #update(overscan = OVERSCAN, sizes?: Sizes): void {
    const rail = this.rail;
    if (!rail || !this.#stride) return;
    const position = sizes?.position ?? Math.abs(rail.scrollLeft);
    const width = sizes?.width ?? rail.clientWidth;
    this.#position = position;
    this.#width = width;
    const first = Math.max(0, Math.floor(position / this.#stride) - overscan);
    const last = Math.ceil((position + width) / this.#stride) + overscan;
    const [f, l] = this.range;
    if (f !== first || l !== last) this.range = [first, last];
    this.atStart = position <= 1;
    // The track's full length is known from the stride, before the overscan cards exist.
    const length = Math.max(sizes?.scrollWidth ?? rail.scrollWidth, this.#products.length * this.#stride - this.#gap);
    this.atEnd = position + width >= length - 1;
  }

  #onScroll = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#update());
  };

  #onUserScroll = (): void => {
    this.#lastUserScroll = performance.now();
  };

  #page(direction: 1 | -1): void {
    const rail = this.rail;
    if (!rail) return;
    this.#onUserScroll();
    const stride = this.#stride || 200;
    const distance = Math.max(stride, Math.floor(rail.clientWidth / stride) * stride) * direction;
    rail.scrollBy({ left: this.#locale.dir === 'rtl' ? -distance : distance, behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    const item = event.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.index !== undefined);
    if (!item) return;
    // Keep the same kind of control focused (the add button stays the add button).
    const focused = event.composedPath()[0];
    const part = focused instanceof HTMLElement ? (focused.getAttribute('part') ?? '').split(' ')[0] : '';
    const index = Number(item.dataset.index);
    const forward = this.#locale.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.#locale.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const target =
      event.key === forward ? index + 1 : event.key === backward ? index - 1 : event.key === 'Home' ? 0 : this.#products.length - 1;
    event.preventDefault();
    this.#onUserScroll();
    void this.focusIndex(target, part);
  };

  #ensureVisible(index: number): void {
    const rail = this.rail;
    if (!rail || !this.#stride) return;
    const start = index * this.#stride;
    const position = Math.abs(rail.scrollLeft);
    let next = position;
    if (start < position) next = start;
    else if (start + this.#stride - this.#gap > position + rail.clientWidth) next = start + this.#stride - this.#gap - rail.clientWidth;
    if (next !== position) rail.scrollTo({ left: this.#locale.dir === 'rtl' ? -next : next, behavior: 'auto' });
    this.#update();
  }

  #onPin(productId: string): void {
    const index = this.#products.findIndex((p) => p.id === productId);
    if (index === -1) return;
    const product = this.#products[index];
    this.announcement = messages(this.#locale.locale, 'nowShowing', { title: product.title });
    const browsing =
      performance.now() - this.#lastUserScroll < USER_SCROLL_GRACE || this.matches(':focus-within');
    if (browsing) return;
    this.range = this.#rangeAround(index);
    // In the next frame, where its layout is due anyway: scrolling right after the range's render
    // would force that layout in the render's task (a long task on a slow phone, issue 19).
    void this.updateComplete.then(() => requestAnimationFrame(() => this.isConnected && this.scrollToIndex(index)));
  }
}
