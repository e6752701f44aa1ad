import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { createMemoryCart } from '../../adapters/memory/index.js';
import { createRestCart, type RestCartAdapter } from '../../adapters/rest/cart.js';
import { createRestShow } from '../../adapters/rest/show.js';
import { buildIcs } from '../../core/calendar.js';
import { CartService } from '../../core/cart-service.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { formatDateTime, formatNumber, isRtl, resolveLocale } from '../../core/i18n.js';
import { ShowController, type HighlightEvent } from '../../core/show-controller.js';
import { ShowStore, type ShowState } from '../../core/store.js';
import type { Cart, CartAdapter, CatalogAdapter, Product, Show, ShowStatus, StreamAdapter } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { messages } from './show.messages.js';
import { styles } from './show.styles.js';

/** What `<vitrine-show>` needs of `<vitrine-player>` (duck-typed: the player loads on its own). */
interface PlayerLike extends HTMLElement {
  play(): Promise<void>;
  pause(): void;
  schedulePin(pin: { id: string; productId: string; mediaTime?: number; programDateTime?: number }): void;
  readonly engineLoaded?: boolean;
}

/** The read-only snapshot of `<vitrine-show>.state`. */
export interface ShowSnapshot {
  readonly show: Show | null;
  readonly status: ShowStatus | null;
  readonly products: readonly Product[];
  readonly highlighted: Product | null;
  readonly cart: Cart | null;
  readonly viewers: number | null;
}

let pinSequence = 0;

/**
 * The whole live shopping experience in one tag: the player, the pinned product, the
 * product rail, the product detail and the cart, all fed by one `ShowStore`, against any
 * backend through adapters. Scheduled (countdown, "Add to calendar"), live, and ended
 * (replay with chapters, or "This show has ended") states; a floating mini-player.
 *
 * @summary A live shopping show: video, products, cart and checkout.
 *
 * @csspart base - The layout grid.
 * @csspart header - Title, host, live badge, viewer count and the cart button.
 * @csspart stage - The video area (reserves its aspect ratio before anything loads).
 * @csspart player - The `<vitrine-player>`.
 * @csspart status - The panel shown instead of the video: loading, scheduled, ended or unavailable.
 * @csspart countdown - The countdown to the start of a scheduled show.
 * @csspart calendar-button - "Add to calendar".
 * @csspart retry-button - "Try again" after the show failed to load.
 * @csspart pinned - The pinned (currently shown) product.
 * @csspart rail - The product carousel.
 * @csspart cart - The `<vitrine-cart>`.
 * @csspart detail - The `<vitrine-product-detail>` dialog.
 * @csspart mini-bar - The buttons of the mini-player.
 *
 * @cssprop --vitrine-show-rail-height - Height reserved for the product rail (the carousel's height with 200px cards). @default 500px
 * @cssprop --vitrine-show-pinned-height - Height reserved for the pinned product card in the stacked layout. @default 160px
 * @cssprop --vitrine-show-stage-background - Background of the video area. @default #0d0e11
 *
 * @fires vitrine-ready - The show document loaded: `{ show }`.
 * @fires vitrine-status - The show's status is known or changed: `{ status }`.
 * @fires vitrine-highlight - A product was pinned at the moment playback reached it: `{ product, at }`.
 * @fires vitrine-product-view - The shopper opened a product: `{ product }`.
 * @fires vitrine-add-to-cart - Cancelable: `{ product, variant, quantity, respondWith }`.
 * @fires vitrine-cart-change - The cart changed: `{ cart }`.
 * @fires vitrine-checkout - Cancelable: `{ cart, url }`.
 * @fires vitrine-error - Something failed: `{ code, message, recoverable }`.
 */
export class VitrineShow extends VitrineElement {
  static override styles = [tokens, buttonStyles, styles];

  /**
   * The show's own grid reserves every area's size, so it renders in the task that upgrades it (no
   * frame where the defined element is 0 px tall); its cart, rail and detail render in later tasks.
   */
  protected override get yieldFirstRender(): boolean {
    return false;
  }

  /** URL of the show document (CONTRACT.md section 4). Changing it loads another show. */
  @property() src?: string;

  /**
   * Base URL of a REST cart backend (CONTRACT.md section 5). Absent: an in-page cart kept in
   * memory. (The `cart` *property* is the cart adapter in use.)
   */
  @property({ attribute: 'cart' }) cartUrl?: string;

  /** Where checkout goes when the cart backend gives no `checkoutUrl`. */
  @property({ attribute: 'checkout-url' }) checkoutUrl?: string;

  /** BCP 47 locale for texts, numbers and money. @default the page's `lang`, then the browser's */
  @property() locale?: string;

  /** Start muted playback when visible, where the browser allows. */
  @property({ type: Boolean }) autoplay = false;

  /**
   * The video's shape, `16:9` or `9:16`, known before the show document arrives: the stage is
   * reserved at that shape from the first render (no shift when a vertical show loads on a phone).
   * On phones (< 480px) a `9:16` show fills a portrait stage with the header over its top; a `16:9`
   * one is a full-width video below the header.
   * @default the show document's `aspectRatio`, then `16:9`
   */
  @property({ attribute: 'aspect-ratio' }) aspectRatio?: string;

  /** Allow the mini-player (on scroll-away, or `minimize()`). */
  @property({ type: Boolean, reflect: true }) floating = false;

  /** `granted`: the cart id is kept in `sessionStorage` across page loads. Otherwise nothing is stored. */
  @property() consent?: string;

  /**
   * How often the show document is re-read around the start of a scheduled show, and while a
   * live show's events connection is down (ms).
   * @default 15000
   */
  @property({ attribute: false }) refreshInterval = 15_000;

  /** The one store of this show (read-only): every inner element is given it. */
  readonly store = new ShowStore();

  @state() private _loadError: VitrineErrorDetail | null = null;
  @state() private _eventsDown = false;
  @state() private _mini = false;
  /** < 480px: the phone layout (show.styles.ts). */
  @state() private _narrow = false;
  /** < 760px: the header is above (or over) the video, not beside it. */
  @state() private _stacked = false;
  @state() private _now = Date.now();

  #streamOverride: StreamAdapter | undefined;
  #cartOverride: CartAdapter | undefined;
  #catalog: CatalogAdapter | undefined;
  #stream: StreamAdapter | undefined;
  #cart: CartAdapter | undefined;
  #controller: ShowController | undefined;
  #service: CartService | undefined;
  #streamDirty = true;
  #cartDirty = true;
  #unsubscribe: (() => void)[] = [];
  /** Error details already reported as `vitrine-error` (a child's and the bus's are one). */
  #reported = new WeakSet<object>();
  #countdown: ReturnType<typeof setInterval> | undefined;
  #intersection: IntersectionObserver | undefined;
  #resize: ResizeObserver | undefined;
  #scrolledAway = false;
  #minimizedByCall = false;
  #readyFor: Show | undefined;

  /** The stream adapter in use. Setting one replaces what `src` built. */
  get stream(): StreamAdapter | undefined {
    return this.#streamOverride ?? this.#stream;
  }
  set stream(adapter: StreamAdapter | undefined) {
    this.#streamOverride = adapter ?? undefined;
    this.#streamDirty = true;
    this.requestUpdate();
  }

  /**
   * The cart adapter in use. Setting one replaces what the `cart` attribute built; setting a
   * string sets the `cart` attribute (a REST cart base URL).
   */
  get cart(): CartAdapter | undefined {
    return this.#cartOverride ?? this.#cart;
  }
  set cart(adapter: CartAdapter | string | undefined | null) {
    if (typeof adapter === 'string') {
      this.cartUrl = adapter;
      return;
    }
    this.#cartOverride = adapter ?? undefined;
    this.#cartDirty = true;
    this.requestUpdate();
  }

  /** The catalog adapter that hydrates products listed by id. Setting one reloads the show. */
  get catalog(): CatalogAdapter | undefined {
    return this.#catalog;
  }
  set catalog(adapter: CatalogAdapter | undefined) {
    this.#catalog = adapter ?? undefined;
    this.#streamDirty = true;
    this.requestUpdate();
  }

  /** A read-only snapshot: the show, its status, products, the highlighted product and the cart. */
  get state(): ShowSnapshot {
    const s = this.store.state;
    return Object.freeze({
      show: s.show,
      status: s.status,
      products: s.products,
      highlighted: this.store.highlighted ?? null,
      cart: s.cart,
      viewers: s.viewers,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
    this.#streamDirty = true;
    this.#cartDirty = true;
    this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.stop();
    this.#controller = undefined;
    this.#service?.dispose();
    this.#service = undefined;
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
    clearInterval(this.#countdown);
    this.#countdown = undefined;
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) this.store.set({ locale: this.#locale });
    if (changed.has('src')) this.#streamDirty = true;
    if (changed.has('cartUrl')) this.#cartDirty = true;
    if (changed.has('consent') && this.#cart && 'setPersist' in this.#cart) {
      (this.#cart as RestCartAdapter).setPersist(this.consent === 'granted');
    }
    if (changed.has('checkoutUrl') && this.#service) this.#service.options.checkoutFallbackUrl = this.checkoutUrl;
    if (this.isConnected && this.#cartDirty) this.#setUpCart();
    if (this.isConnected && this.#streamDirty) this.#setUpStream();
  }

  protected override updated(): void {
    this.#syncCountdown();
    this.#syncMini();
  }

  // ---- methods of CONTRACT.md section 2 ----

  /** Starts playback (loads the video engine if needed). Resolves when playing or refused. */
  async play(): Promise<void> {
    await this.updateComplete;
    await this.#player?.play();
  }

  pause(): void {
    this.#player?.pause();
  }

  openCart(): void {
    this.store.set({ cartOpen: true });
  }

  closeCart(): void {
    this.store.set({ cartOpen: false });
  }

  /** Opens the detail of a product of the show; unknown ids are ignored. */
  openProduct(id: string): void {
    const product = this.store.product(id);
    if (!product) return;
    this.store.set({ openProductId: id });
    this.emit('vitrine-product-view', { product });
  }

  /** Moves the playing video into the mini-player in a corner of the page. */
  minimize(): void {
    this.#minimizedByCall = true;
    this._mini = true;
  }

  /** Brings the video back from the mini-player into the show. */
  restore(): void {
    const wasScrolledAway = this.#scrolledAway && this._mini;
    this.#minimizedByCall = false;
    this._mini = false;
    if (wasScrolledAway) {
      this.#scrolledAway = false;
      this.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  // ---- wiring ----

  get #locale(): string {
    return resolveLocale(this, this.locale);
  }

  get #player(): PlayerLike | null {
    return this.renderRoot?.querySelector?.('vitrine-player') as PlayerLike | null;
  }

  #listen(): void {
    const bus = this.store.bus;
    const onError = (detail: VitrineErrorDetail) => this.#emitError(detail);
    bus.on('error', onError);
    this.#unsubscribe.push(() => bus.off('error', onError));
    this.#unsubscribe.push(
      this.store.subscribe((now, before) => {
        if (now.status !== before.status && now.status) this.emit('vitrine-status', { status: now.status });
        if (now.cart !== before.cart) this.emit('vitrine-cart-change', { cart: now.cart });
        this.requestUpdate();
      }),
    );
  }

  #emitError(detail: VitrineErrorDetail): void {
    if (this.#reported.has(detail)) return;
    this.#reported.add(detail);
    this.emit('vitrine-error', detail);
  }

  /** A child's own `vitrine-error` for a failure the bus already reported is not told twice. */
  #onChildError = (event: Event): void => {
    const detail = (event as CustomEvent<VitrineErrorDetail>).detail;
    if (typeof detail !== 'object' || detail === null) return;
    if (this.#reported.has(detail)) event.stopPropagation();
    else this.#reported.add(detail);
  };

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.addEventListener('vitrine-error', this.#onChildError);
    return root;
  }

  #setUpCart(): void {
    this.#cartDirty = false;
    this.#service?.dispose();
    let adapter = this.#cartOverride;
    const store = this.store;
    if (!adapter) {
      this.#cart = this.cartUrl
        ? createRestCart(this.cartUrl, { persist: this.consent === 'granted', scope: this.src || this.id || undefined })
        : createMemoryCart({
            lookup: (id) => store.product(id),
            // Read when needed: an emptied cart shows its subtotal in the show's currency.
            get currencyCode() {
              return store.state.products[0]?.price.currencyCode;
            },
          });
      adapter = this.#cart;
    }
    this.store.set({ cart: null, cartError: null, adding: new Set(), addErrors: new Map() });
    this.#service = new CartService(this.store, adapter, {
      checkoutFallbackUrl: this.checkoutUrl,
    });
    this.#service.connect();
    void this.#service.load();
  }

  #setUpStream(): void {
    this.#streamDirty = false;
    this.#controller?.stop();
    this.#controller = undefined;
    this._loadError = null;
    this._eventsDown = false;
    this.#readyFor = undefined;
    this.#stream = this.#streamOverride ?? (this.src ? createRestShow(this.src) : undefined);
    this.store.set({ show: null, status: null, products: [], highlight: null, viewers: null, openProductId: null });
    if (!this.#stream) return;
    const controller = new ShowController({
      store: this.store,
      stream: this.#stream,
      catalog: this.#catalog,
      refreshInterval: this.refreshInterval,
      onHighlight: (event) => this.#highlight(event),
      onEventsHealth: (healthy) => {
        this._eventsDown = !healthy;
      },
      onLoad: (show) => {
        this.#readyFor = show;
        this.emit('vitrine-ready', { show });
      },
    });
    this.#controller = controller;
    void controller.start().then((show) => {
      if (show || this.#controller !== controller || this.#readyFor) return;
      this._loadError = { code: 'show/unavailable', message: '', recoverable: false };
    });
  }

  /** Retries loading after a failure. */
  #retry = (): void => {
    this.#streamDirty = true;
    this.requestUpdate();
  };

  #highlight(event: HighlightEvent): void {
    const product = this.store.product(event.productId);
    if (!product) return;
    const player = this.#player;
    if (player && typeof player.schedulePin === 'function') {
      const pin: { id: string; productId: string; programDateTime?: number } = {
        id: event.id ?? `sse-${event.productId}-${event.at ?? ++pinSequence}`,
        productId: event.productId,
      };
      if (event.at !== undefined) pin.programDateTime = event.at;
      player.schedulePin(pin);
      return;
    }
    // No video to wait for (scheduled, or an ended show without replay): pin now.
    const at = this.store.state.currentTime;
    this.store.set({ highlight: { productId: product.id, at } });
    this.emit('vitrine-highlight', { product, at });
  }

  #observe(): void {
    if (typeof IntersectionObserver !== 'undefined') {
      this.#intersection?.disconnect();
      this.#intersection = new IntersectionObserver(
        ([entry]) => {
          if (!entry) return;
          this.#scrolledAway = !entry.isIntersecting;
          this.#syncMini();
        },
        { threshold: 0 },
      );
      this.#intersection.observe(this);
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize?.disconnect();
      this.#resize = new ResizeObserver(([entry]) => {
        const width = entry?.contentBoxSize?.[0]?.inlineSize ?? this.clientWidth;
        const narrow = width > 0 && width < 480;
        const stacked = width > 0 && width < 760;
        if (narrow !== this._narrow) this._narrow = narrow;
        if (stacked !== this._stacked) this._stacked = stacked;
      });
      this.#resize.observe(this);
    }
  }

  /** The video's shape: a valid `aspect-ratio` attribute, else the show document's, else 16:9. */
  get #ratio(): '16:9' | '9:16' {
    const valid = (value: unknown) => (value === '16:9' || value === '9:16' ? value : undefined);
    return valid(this.aspectRatio?.trim()) ?? valid(this.store.state.show?.aspectRatio) ?? '16:9';
  }

  /** The mini-player is on when asked for, or when scrolled away while the video plays. */
  #syncMini(): void {
    const hasVideo = Boolean(this.store.state.show?.stream) && this.store.state.status !== 'scheduled';
    const playing = Boolean(this.#player?.engineLoaded);
    const want = hasVideo && (this.#minimizedByCall || (this.floating && this.#scrolledAway && playing));
    if (want !== this._mini) {
      // The stage gets (or loses) its popover attribute in the next render; updated() comes back here.
      this._mini = want;
      return;
    }
    const stage = this.renderRoot?.querySelector?.<HTMLElement>('.stage');
    if (!stage || typeof stage.showPopover !== 'function' || (this._mini && !stage.hasAttribute('popover'))) return;
    const open = stage.matches(':popover-open');
    if (this._mini && !open) stage.showPopover();
    else if (!this._mini && open) stage.hidePopover();
  }

  #syncCountdown(): void {
    const scheduled = this.store.state.status === 'scheduled' && Boolean(this.store.state.show?.startsAt);
    if (scheduled && !this.#countdown) {
      this.#countdown = setInterval(() => {
        this._now = Date.now();
      }, 1000);
    } else if (!scheduled && this.#countdown) {
      clearInterval(this.#countdown);
      this.#countdown = undefined;
    }
  }

  /** The `.ics` text of the scheduled show ("Add to calendar"). */
  calendarFile(): string | undefined {
    const show = this.store.state.show;
    if (!show?.startsAt) return undefined;
    const page = globalThis.location?.href;
    const host = (() => {
      try {
        return new URL(this.src ?? page ?? 'https://vitrine.invalid').host || 'vitrine';
      } catch {
        return 'vitrine';
      }
    })();
    return buildIcs({
      uid: `${show.id}@${host}`,
      title: show.title,
      start: new Date(show.startsAt),
      ...(page && /^https?:/.test(page) ? { url: page } : {}),
      ...(show.host ? { description: messages(this.#locale, 'hostedBy', { name: show.host.name }) } : {}),
    });
  }

  #addToCalendar = (): void => {
    const text = this.calendarFile();
    const show = this.store.state.show;
    if (!text || !show) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${show.id.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'show'}.ics`;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // ---- rendering ----

  override render() {
    const s = this.store.state;
    const locale = s.locale;
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
      messages(locale, key, params);
    const show = s.show;
    const portrait = this.#ratio === '9:16';
    const layout = {
      layout: true,
      narrow: this._narrow,
      portrait,
      [`status-${s.status ?? 'loading'}`]: true,
    };
    return html`
      <section
        class=${classMap(layout)}
        part="base"
        dir=${isRtl(locale) ? 'rtl' : 'ltr'}
        lang=${locale}
        aria-label=${show ? t('region', { title: show.title }) : t('regionLoading')}
        aria-busy=${show || this._loadError ? 'false' : 'true'}
      >
        ${this.#renderHeader(s, t)}
        <div class="stage-slot" part="stage">
          <div class=${classMap({ stage: true, vertical: this._narrow && portrait })} popover=${this._mini ? 'manual' : nothing}>
            ${this.#renderStage(s, t)}
            ${this._mini
              ? html`<div class="mini-bar" part="mini-bar" role="group" aria-label=${t('miniPlayer')}>
                  <button class="icon" type="button" aria-label=${t('restore')} title=${t('restore')} @click=${() => this.restore()}>
                    <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 14h6v6M20 10h-6V4M14 10l7-7M3 21l7-7" /></svg>
                  </button>
                  <button
                    class="icon"
                    type="button"
                    aria-label=${t('closeMini')}
                    title=${t('closeMini')}
                    @click=${() => {
                      this.pause();
                      this.restore();
                    }}
                  >
                    <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
                  </button>
                </div>`
              : nothing}
          </div>
          ${this._eventsDown && s.status === 'live'
            ? html`<p class="notice" role="status">${t('eventsDown')}</p>`
            : nothing}
        </div>
        ${this.#renderPinned(s, t)}
        <div class=${classMap({ rail: true, empty: Boolean(show) && s.products.length === 0 })} part="rail">
          ${show && s.products.length === 0
            ? html`<p>${t('noProducts')}</p>`
            : html`<vitrine-carousel .store=${this.store} locale=${locale}></vitrine-carousel>`}
        </div>
        <vitrine-product-detail part="detail" dialog .store=${this.store} locale=${locale}></vitrine-product-detail>
      </section>
    `;
  }

  #renderHeader(s: ShowState, t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string) {
    const show = s.show;
    const badge =
      s.status === 'live'
        ? html`<span class="badge live">${t('live')}</span>`
        : s.status === 'ended'
          ? html`<span class="badge">${t('replay')}</span>`
          : s.status === 'scheduled'
            ? html`<span class="badge">${t('upcoming')}</span>`
            : nothing;
    return html`
      <header class="header" part="header">
        <div class="title-block">
          ${show ? html`<h2 class="title">${show.title}</h2>` : nothing}
          <div class="meta">
            ${badge}
            ${show?.host
              ? html`${show.host.avatar ? html`<img class="avatar" src=${show.host.avatar} alt="" />` : nothing}
                  <span class="host">${t('hostedBy', { name: show.host.name })}</span>`
              : nothing}
            ${s.viewers !== null && s.status === 'live'
              ? html`<span class="viewers">${t('viewers', { count: s.viewers })}</span>`
              : nothing}
          </div>
        </div>
        <vitrine-cart part="cart" .store=${this.store} locale=${s.locale}></vitrine-cart>
      </header>
    `;
  }

  #renderStage(s: ShowState, t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string) {
    const show = s.show;
    if (this._loadError) {
      return html`<div class="panel" part="status" role="alert">
        <p class="headline">${t('unavailable')}</p>
        <button class="secondary" type="button" part="retry-button" @click=${this.#retry}>${t('retry')}</button>
      </div>`;
    }
    if (!show) {
      return html`<div class="skeleton" part="status" role="status"><span class="visually-hidden">${t('loading')}</span></div>`;
    }
    const poster = show.poster ? html`<img class="poster" src=${show.poster} alt="" />` : nothing;
    if (s.status === 'scheduled') {
      const startsAt = show.startsAt ? Date.parse(show.startsAt) : NaN;
      const remaining = startsAt - this._now;
      return html`<div class=${classMap({ panel: true, 'has-poster': Boolean(show.poster) })} part="status">
        ${poster}
        ${Number.isFinite(startsAt)
          ? html`<p class="headline">${t('startsOn', { date: formatDateTime(startsAt, s.locale) })}</p>
              <p class="countdown" part="countdown" role="timer">
                ${remaining > 0 ? t('startsIn', { time: this.#formatCountdown(remaining, s.locale) }) : t('startingSoon')}
              </p>
              <button class="secondary" type="button" part="calendar-button" @click=${this.#addToCalendar}>
                ${t('addToCalendar')}
              </button>`
          : html`<p class="headline">${t('startingSoon')}</p>`}
      </div>`;
    }
    if (!show.stream) {
      if (s.status === 'ended') {
        return html`<div class=${classMap({ panel: true, 'has-poster': Boolean(show.poster) })} part="status" role="status">
          ${poster}
          <p class="headline">${t('ended')}</p>
          ${s.products.length ? html`<p>${t('endedHint')}</p>` : nothing}
        </div>`;
      }
      return html`<div class=${classMap({ panel: true, 'has-poster': Boolean(show.poster) })} part="status" role="status">
        ${poster}
        <p class="headline">${t('startingSoon')}</p>
      </div>`;
    }
    return html`<vitrine-player
      part="player"
      .store=${this.store}
      src=${show.stream.src}
      type=${show.stream.type ?? nothing}
      poster=${show.poster ?? nothing}
      label=${show.title}
      status=${s.status ?? 'live'}
      aspect-ratio=${this.#ratio}
      locale=${s.locale}
      ?autoplay=${this.autoplay}
      ?no-header=${this._stacked}
      .chapters=${s.status === 'ended' ? show.chapters : []}
      .viewers=${s.status === 'live' ? s.viewers : null}
    ></vitrine-player>`;
  }

  #renderPinned(s: ShowState, t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string) {
    const pinned = this.store.highlighted;
    // Until a product is pinned, the first one is featured: the area keeps its size (no shift).
    const product = pinned ?? s.products[0];
    if (!product) return html`<div class="pinned empty" part="pinned"></div>`;
    return html`<div class="pinned" part="pinned">
      <p class="label">${pinned ? t('pinnedNow') : t('featured')}</p>
      <vitrine-product-card
        .store=${this.store}
        product-id=${product.id}
        ?pinned=${Boolean(pinned)}
        layout="compact"
        locale=${s.locale}
      ></vitrine-product-card>
    </div>`;
  }

  #formatCountdown(ms: number, locale: string): string {
    const total = Math.ceil(ms / 1000);
    const days = Math.floor(total / 86_400);
    const hours = Math.floor((total % 86_400) / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const pad = (n: number) => formatNumber(n, locale).padStart(2, formatNumber(0, locale));
    const clock = `${hours ? `${formatNumber(hours, locale)}:` : ''}${pad(minutes)}:${pad(seconds)}`;
    return days ? `${messages(locale, 'days', { count: days })} ${clock}` : clock;
  }
}
