import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { takeEarlyDocument } from '../../core/early-document.js';
import { isRtl, resolveLocale } from '../../core/i18n.js';
import { ShowSession } from '../../core/session.js';
import { ShowStore, type ShowState } from '../../core/store.js';
import type { CartAdapter, CatalogAdapter, StreamAdapter } from '../../core/types.js';
import { releaseWhenGone, VitrineElement } from '../base.js';
import type { VitrinePlayer } from '../player/player.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { ShowChatController } from './show.chat.js';
import { CountdownClock } from './show.clock.js';
import { LazyDetailController, lazyDetailStyles } from './show.detail.js';
import { messages } from './show.messages.js';
import { ShowMomentsController } from './show.moments.js';
import { calendarFile, download, loadCalendar, renderHeader, renderMiniBar, renderPanel, renderPinned, renderPlayer, renderRail, type ShowSnapshot, type Translate } from './show.parts.js';
import { styles } from './show.styles.js';
import { ShowStage } from './show.stage.js';
import { ShowToastController } from './show.toast.js';
import { ShowViewport } from './show.viewport.js';
import { ShowShareController } from './show.share.js';
import { styleProps } from '../style-props.js';

export type { ShowSnapshot } from './show.parts.js';

/** Set by `reservePendingShows()`: a show's first render may wait for a task of its own. */
let pendingIsReserved = false;

/**
 * Called by the storefront's elements chunk (src/elements.ts), whose embed includes the stylesheet
 * `vitrine.css`: that stylesheet gives a show whose first render is pending (`:state(pending)`)
 * the height it reserves for a show not yet defined, so the first render need not run in the task
 * that upgrades the show (the longest of a show's first view, issue 19). Browsers without
 * `:state()` (and pages of `vitrine/define`, which may not link the stylesheet) render in that
 * task, as before: a defined show with nothing rendered yet would be 0 px tall there.
 */
export function reservePendingShows(): void {
  try {
    pendingIsReserved = CSS.supports('selector(:state(pending))');
  } catch {
    pendingIsReserved = false;
  }
}

/**
 * The whole live shopping experience in one tag: the player, the pinned product, the
 * product rail, the product detail and the cart, all fed by one `ShowStore`, against any
 * backend through adapters. The element reads its attributes and hands them to a `ShowSession`
 * (core/session.ts), which builds and runs the show's parts. Scheduled (countdown, "Add to calendar"), live, and ended
 * (replay with chapters, or "This show has ended") states; a floating mini-player.
 *
 * @summary A live shopping show: video, products, cart and checkout.
 *
 * @slot pinned - The merchant's own pinned-product area (e.g. their own card, updated on `vitrine-highlight`). Default: the pinned (or featured) product's card.
 * @slot no-products - Shown in the rail when the show has no products. Default: "No products in this show yet."
 * @slot ended - Shown instead of the video when the show has ended without a replay. Default: "This show has ended" and a hint.
 * @slot unavailable - Shown when the show cannot be loaded, above "Try again". Default: "This show could not be loaded."
 *
 * @csspart base - The layout grid.
 * @csspart header - Title, host, live badge, viewer count, the Share button and the cart button.
 * @csspart share-button - "Share": the Web Share API, else copies a link to this moment of the show.
 * @csspart share-status - "Link copied" (or the link to copy by hand), beside the Share button.
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
 * @csspart chat - The `<vitrine-chat>`: a panel under the pinned product, or over the lower part of the video below 760px.
 * @csspart moments - The live moments near the video: `announcement` (the banner, with its code) and `poll`.
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
 * @fires vitrine-play - Playback started or resumed: `{ at }` (from the player; also `vitrine-pause`).
 * @fires vitrine-pause - Playback paused: `{ at }`.
 * @fires vitrine-progress - Every 10 s watched, and at 25/50/75/100 % of a replay: `{ watched, at, percent? }`.
 * @fires vitrine-product-click - The shopper opened a product from a card: `{ product, source }` (`pinned` or `rail`).
 * @fires vitrine-share - The shopper shared a link to the show (README.md, "Deep links and sharing"): `{ url }`.
 * @fires vitrine-deal - A flash deal started: `{ deal, product }` (also `vitrine-coupon` and `vitrine-vote`, docs/moments.md).
 */
export class VitrineShow extends VitrineElement {
  static override styles = [tokens, buttonStyles, styles, lazyDetailStyles];

  /**
   * The show's own grid reserves every area's size, so it renders in the task that upgrades it (no
   * frame where the defined element is 0 px tall); its cart, rail and detail render in later tasks.
   * Where the page's `vitrine.css` reserves a pending show's height (`reservePendingShows()`), the
   * first render waits for a task of its own: the show is `:state(pending)` until it is drawn.
   */
  protected override get yieldFirstRender(): boolean {
    return this.#internals?.states.has('pending') ?? false;
  }

  /** The custom states (`pending`); absent where the platform has none. */
  #internals: ElementInternals | undefined;

  /** URL of the show document (docs/show-document.md). Changing it loads another show. */
  @property() src?: string;

  /**
   * Base URL of a REST cart backend (docs/cart-protocol.md). Absent: an in-page cart kept in
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

  /** `off`: no messages nor composer (reactions stay); `read-only`: messages without a composer. @default on when the show has a chat */
  @property() chat?: 'off' | 'read-only' | 'on';

  /** The one store of this show (read-only): every inner element is given it. */
  readonly store = new ShowStore();

  @state() private _loadError: VitrineErrorDetail | null = null;
  @state() private _eventsDown = false;

  @query('vitrine-player') private _player?: VitrinePlayer | null;

  #streamOverride: StreamAdapter | undefined;
  #cartOverride: CartAdapter | undefined;
  #catalog: CatalogAdapter | undefined;
  /** Builds and runs the show's parts from what the attributes say (core/session.ts). */
  #session = new ShowSession(this.store, {
    hooks: {
      loading: () => {
        this._loadError = null;
        this._eventsDown = false;
      },
      ready: (show) => this.emit('vitrine-ready', { show }),
      unavailable: () => {
        this._loadError = { code: 'show/unavailable', message: '', recoverable: false };
      },
      eventsHealth: (healthy) => {
        this._eventsDown = !healthy;
      },
      pinned: (product, at) => this.emit('vitrine-highlight', { product, at }),
      chat: (model) => this.#chat.set(model),
      moments: (model) => this.#moments.set(model),
      deal: (deal, product) => this.emit('vitrine-deal', { deal, product }),
    },
  });
  #chat = new ShowChatController(this, this.store);
  /** Deals, the announcement and the poll (show.moments.ts). */
  #moments = new ShowMomentsController(this, (error) => this.reportError(error, 'show/unavailable'));
  /** The product detail's code: when idle, or when a product is opened first (show.detail.ts). */
  #detail = new LazyDetailController(this, this.store, (error) => this.reportError(error, 'show/unavailable'));
  /** "Added: …" with "View cart" after every add (show.toast.ts). */
  #toast = new ShowToastController(this, this.store);
  #unsubscribe: (() => void)[] = [];
  /** Deep links and the Share button (show.share.ts). */
  #share = new ShowShareController(this);
  /** The scheduled show's countdown clock (show.clock.ts). */
  #clock = new CountdownClock(this);
  /** Width classes and the mini-player (show.viewport.ts). */
  #viewport: ShowViewport = new ShowViewport(
    this,
    (): boolean => this.#hasVideo && !this.#stage.open,
    () => Boolean(this._player?.engineLoaded),
  );
  /** The phone stage: the show full-viewport in the top layer (show.stage.ts). */
  #stage: ShowStage = new ShowStage(this, this.store, (): boolean => this.#viewport.narrow && this.#hasVideo);
  /** Listening and attached (from the first connection until the release). */
  #running = false;
  #cancelRelease: (() => void) | undefined;

  /** The stream adapter in use. Setting one replaces what `src` built. */
  get stream(): StreamAdapter | undefined {
    return this.#streamOverride ?? this.#session.stream;
  }
  set stream(adapter: StreamAdapter | undefined) {
    this.#streamOverride = adapter ?? undefined;
    this.requestUpdate();
  }

  /**
   * The cart adapter in use. Setting one replaces what the `cart` attribute built; setting a
   * string sets the `cart` attribute (a REST cart base URL).
   */
  get cart(): CartAdapter | undefined {
    return this.#cartOverride ?? this.#session.cart;
  }
  set cart(adapter: CartAdapter | string | undefined | null) {
    if (typeof adapter === 'string') {
      this.cartUrl = adapter;
      return;
    }
    this.#cartOverride = adapter ?? undefined;
    this.requestUpdate();
  }

  /** The catalog adapter that hydrates products listed by id. Setting one reloads the show. */
  get catalog(): CatalogAdapter | undefined {
    return this.#catalog;
  }
  set catalog(adapter: CatalogAdapter | undefined) {
    this.#catalog = adapter ?? undefined;
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

  /**
   * A show moved in the page (removed and inserted again within `RELEASE_DELAY`) keeps running:
   * its cart, live connection, video and listeners stay as they were. Inserted again after it
   * released them, it starts again (README.md, "Moving a show in the page").
   */
  override connectedCallback(): void {
    if (pendingIsReserved && !this.hasUpdated) this.#setPending(true);
    super.connectedCallback();
    this.#cancelRelease?.();
    this.#cancelRelease = undefined;
    if (!this.#running) {
      this.#running = true;
      this.#listen();
      this.#viewport.start();
    }
    // After a release the session starts again in the next update (willUpdate attaches it); after
    // a move, the countdown and the mini-player are synced again (updated()).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelRelease?.();
    this.#cancelRelease = releaseWhenGone(this, () => this.#release());
  }

  /** Out of the page for good: every connection, timer, observer and listener goes. */
  #release(): void {
    this.#cancelRelease = undefined;
    this.#running = false;
    this.#session.detach();
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
    this.#clock.stop();
    this.#viewport.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.hasUpdated) this.store.set({ locale: this.#locale });
    if (!this.isConnected) return;
    this.#session.offerDocument(takeEarlyDocument(this));
    this.#session.configure({
      src: this.src,
      stream: this.#streamOverride,
      cartUrl: this.cartUrl,
      cart: this.#cartOverride,
      catalog: this.#catalog,
      consent: this.consent === 'granted',
      checkoutUrl: this.checkoutUrl,
      refreshInterval: this.refreshInterval,
    });
    this.#session.attach();
  }

  /**
   * The first render's DOM is committed in this task, so the reservation ends with it (the same
   * frame); also when the update threw (the failure state then takes the show's place, without
   * the reserved height under it).
   */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } finally {
      if (this.#internals) this.#setPending(false);
    }
  }

  #setPending(pending: boolean): void {
    try {
      this.#internals ??= this.attachInternals();
      if (pending) this.#internals.states.add('pending');
      else this.#internals.states.delete('pending');
    } catch {
      // No custom states here (or the page took the internals): the first render is not delayed.
    }
  }

  protected override updated(): void {
    // Out of the page (moved, or released): no countdown timer, no mini-player (a popover must be
    // in the document) until it is back; connectedCallback() asks for the update that syncs them.
    if (!this.#running || !this.isConnected) return;
    const scheduled = this.store.state.status === 'scheduled' && Boolean(this.store.state.show?.startsAt);
    this.#clock.sync(scheduled);
    // "Add to calendar" is on screen: its code is fetched before the shopper asks for it.
    if (scheduled) void loadCalendar().catch(() => undefined);
    this.#viewport.sync();
  }

  // ---- methods of README.md, "The show" ----

  /** Starts playback (loads the video engine if needed). Resolves when playing or refused. */
  async play(): Promise<void> {
    await this.updateComplete;
    await this._player?.play();
  }

  pause(): void {
    this._player?.pause();
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
    this.#detail.load();
    this.store.set({ openProductId: id });
    this.emit('vitrine-product-view', { product });
  }

  /** Moves the playing video into the mini-player in a corner of the page. */
  minimize(): void {
    this.#viewport.minimize();
  }

  /** Brings the video back from the mini-player into the show. */
  restore(): void {
    this.#viewport.restore();
  }

  // ---- wiring ----

  /** The failure state's words (components/base.ts: an update that threw on a page that broke a platform function). */
  protected override failureText(): string {
    return messages(this.#locale, 'unavailable');
  }

  get #locale(): string {
    return resolveLocale(this, this.locale);
  }

  #listen(): void {
    const bus = this.store.bus;
    // Every part of the show reports on the bus, once; this is the one `vitrine-error` the page hears.
    const onError = (detail: VitrineErrorDetail) => this.emit('vitrine-error', detail);
    bus.on('error', onError);
    this.#unsubscribe.push(() => bus.off('error', onError));
    // "Shown at" in a card seeks the video: the video comes into view to show it.
    const onSeek = () => this.#viewport.mini || this.#stage.open || this.#stage.revealVideo();
    bus.on('seek-request', onSeek);
    this.#unsubscribe.push(() => bus.off('seek-request', onSeek));
    this.#unsubscribe.push(
      this.store.subscribe((now, before) => {
        if (now.status !== before.status && now.status) this.emit('vitrine-status', { status: now.status });
        if (now.cart !== before.cart) this.emit('vitrine-cart-change', { cart: now.cart });
        this.requestUpdate();
      }),
    );
  }

  /** Retries loading after a failure. */
  #retry = (): void => {
    this.#session.reload();
  };

  /** There is a video to watch (not a status panel). */
  get #hasVideo(): boolean {
    return Boolean(this.store.state.show?.stream) && this.store.state.status !== 'scheduled';
  }

  /** The video's shape: a valid `aspect-ratio` attribute, else the show document's, else 16:9. */
  get #ratio(): '16:9' | '9:16' {
    const valid = (value: unknown) => (value === '16:9' || value === '9:16' ? value : undefined);
    return valid(this.aspectRatio?.trim()) ?? valid(this.store.state.show?.aspectRatio) ?? '16:9';
  }

  /** The `.ics` text of the scheduled show ("Add to calendar"); undefined when it has no start time. */
  async calendarFile(): Promise<string | undefined> {
    const show = this.store.state.show;
    return show ? calendarFile(show, this.src, this.#locale) : undefined;
  }

  #addToCalendar = async (): Promise<void> => {
    const show = this.store.state.show;
    try {
      const text = await this.calendarFile();
      if (text && show) download(this.renderRoot, text, show.id);
    } catch (error) {
      // Offline, or the chunk is gone after a deploy.
      this.reportError(error, 'show/unavailable');
    }
  };

  // ---- rendering ----

  override render() {
    const s = this.store.state;
    const locale = s.locale;
    const t: Translate = (key, params) => messages(locale, key, params);
    const show = s.show;
    const portrait = this.#ratio === '9:16';
    const moments = this.#moments.render(this.store, this.cart, locale, this.#viewport.narrow);
    const stage = this.#stage.open ? this.#stage.part : undefined;
    const layout = {
      layout: true,
      narrow: this.#viewport.narrow,
      'has-moments': moments !== nothing,
      portrait,
      'has-chat': this.#chat.active && !this.#viewport.stacked && !stage,
      'on-stage': Boolean(stage),
      'sheet-open': Boolean(stage) && this.#stage.sheet,
      [`status-${s.status ?? 'loading'}`]: true,
    };
    // On the stage the chat is the layout's (over the video's lower part); else stacked: over the video, wide: a panel.
    const chatOverVideo = this.#viewport.stacked && !stage;
    return html`
      ${stage ? html`<div class="stage-placeholder" style=${styleProps({ height: `${this.#stage.placeholder}px` })}></div>` : nothing}
      <section
        class=${classMap(layout)}
        part="base"
        dir=${isRtl(locale) ? 'rtl' : 'ltr'}
        lang=${locale}
        aria-label=${show ? t('region', { title: show.title }) : t('regionLoading')}
        aria-busy=${show || this._loadError ? 'false' : 'true'}
        popover=${stage ? 'manual' : nothing}
        role=${stage ? 'dialog' : nothing}
        aria-modal=${stage ? 'true' : nothing}
        @keydown=${this.#stage.onKey}
      >
        <div class="ruler" aria-hidden="true"></div>
        ${renderHeader(this.store, s, t, this.#share.render(t), stage?.closeButton(t, () => this.#stage.close()))}
        <div class="stage-slot" part="stage" tabindex="-1" @click=${this.#stage.onTap}>
          <div class=${classMap({ stage: true, vertical: this.#viewport.narrow && portrait })} popover=${this.#viewport.mini ? 'manual' : nothing}>
            ${this.#renderStage(s, t)}
            ${this.#viewport.mini ? renderMiniBar(t, () => this.restore(), () => (this.pause(), this.restore())) : nothing}
          </div>
          ${this._eventsDown && s.status === 'live'
            ? html`<p class="notice" role="status">${t('eventsDown')}</p>`
            : nothing}
          ${chatOverVideo ? this.#chat.render(this.chat, true, locale) : nothing}
        </div>
        ${moments}
        ${renderPinned(this.store, s, t, this.#moments, stage ? 'chip' : 'compact')}
        ${stage ? stage.sheetHandle(t, s.products.length, this.#stage.sheet, this.#stage.toggleSheet) : nothing}
        ${chatOverVideo ? nothing : this.#chat.render(this.chat, Boolean(stage), locale)}
        ${renderRail(this.store, s, t, this.#moments, stage?.sheetTop(t, this.#stage.toggleSheet))}
        <vitrine-product-detail part="detail" dialog .store=${this.store} .deals=${this.#moments.deals} .now=${this.#moments.now} locale=${locale}></vitrine-product-detail>
        ${this.#toast.render(t, Boolean(stage), () => this.openCart())}
      </section>
    `;
  }

  #renderStage(s: ShowState, t: Translate) {
    const panel = renderPanel(s, t, { loadError: this._loadError, now: this.#clock.now, retry: this.#retry, addToCalendar: this.#addToCalendar });
    return panel ?? renderPlayer(this.store, s, this.#ratio, this.autoplay, this.#share.startTime);
  }
}
