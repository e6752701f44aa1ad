/**
 * Runs one show, without any UI (`ShowSession`, session.ts, builds and stops it): loads the show
 * document through a `StreamAdapter`, hydrates products through a `CatalogAdapter`, delivers live
 * events to the store, and follows status changes (by the `status` event, or by re-reading the document near and
 * after `startsAt`, and while live events are down). Events the store does not keep (chat,
 * polls, deals...) go on the bus as `live-event`. Every failure becomes a bus `error`; none
 * stops the show.
 */
import { VitrineError, isAbortError } from './errors.js';
import { warmIntl } from './i18n.js';
import type { ShowStore } from './store.js';
import { yieldToPage } from './yield.js';
import type { CatalogAdapter, Product, Show, ShowEvent, ShowStatus, StreamAdapter } from './types.js';

export type HighlightEvent = Extract<ShowEvent, { type: 'highlight' }>;

export interface ShowRunnerOptions {
  store: ShowStore;
  stream: StreamAdapter;
  catalog?: CatalogAdapter | undefined;
  /**
   * Receives each `highlight` event (the show hands it to the player's pin scheduler, which
   * holds it until playback reaches its program date-time).
   * @default sets `store.highlight` at once
   */
  onHighlight?: (event: HighlightEvent) => void;
  /** Called after each successful first load (not after re-reads). */
  onLoad?: (show: Show) => void;
  /** Hears whether the live events connection works (false while it reconnects). */
  onEventsHealth?: (healthy: boolean) => void;
  /**
   * How often the document is re-read while a scheduled show is about to start or late, and
   * while a live show has no working live events connection (ms).
   * @default 15000
   */
  refreshInterval?: number;
  /**
   * How long before `startsAt` re-reading begins (ms).
   * @default 60000
   */
  refreshLead?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

const ORDER: Record<ShowStatus, number> = { scheduled: 0, live: 1, ended: 2 };
/** `setTimeout` refuses delays above 2^31 - 1 ms; wake up at least daily. */
const MAX_TIMER = 24 * 60 * 60 * 1000;

/** Runs one show (not a Lit controller: framework-free). */
export class ShowRunner {
  readonly #options: ShowRunnerOptions;
  #abort = new AbortController();
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #subscribedTo: string | undefined;
  /** False while the live events connection is down (then the document is re-read). */
  #eventsHealthy = false;
  #reloading: Promise<void> | undefined;

  constructor(options: ShowRunnerOptions) {
    this.#options = options;
  }

  get store(): ShowStore {
    return this.#options.store;
  }

  /** Loads the show and starts following it. Resolves with the show, or null when it failed. */
  async start(): Promise<Show | null> {
    this.stop();
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    // While the show document is on its way, in a task of its own: for a locale whose prices
    // and counts need Intl (number-formats.ts covers the common ones without it), the page's
    // first Intl formatter (ICU's start-up, a long task on a slow phone).
    const locale = this.store.state.locale;
    setTimeout(() => warmIntl(locale), 0);
    try {
      const show = await this.#load(signal);
      // Reading the document (parsing, validating every product) and the first view it fills in
      // (the player's facade, the pinned card, the rail) are two tasks, not one long one.
      await yieldToPage();
      if (signal.aborted) return null;
      this.store.setShow(show);
      // The first view (poster, title, badge, pinned product, rail) renders in the task that set
      // the show; what it does not show (the live events connection, the chat and its backend,
      // the `vitrine-ready` listeners' work) starts in a task after it (issue 19: one long task).
      await yieldToPage();
      if (signal.aborted) return null;
      this.#options.onLoad?.(show);
      this.#subscribe(show);
      this.#schedule();
      return show;
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return null;
      // Without a show there is nothing to keep working: not recoverable (the UI offers a retry).
      this.#report(VitrineError.from(error, 'show/unavailable', false), false);
      return null;
    }
  }

  /**
   * Re-reads the document: a new status, stream, chapters or product list replace the old,
   * without resetting the pinned product. A failure keeps the show as it was.
   */
  reload(): Promise<void> {
    this.#reloading ??= this.#reload().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  /** Stops: aborts requests, closes the live events connection, clears timers. */
  stop(): void {
    this.#abort.abort();
    this.suspend();
  }

  /**
   * Closes the live events connection and clears the timers, keeping the show: the page went into
   * the back/forward cache (`pagehide` with `persisted`). A frozen page's open connection would
   * hold one of the browser's few connections to the backend (HTTP/1.1 allows six per host) for
   * the next page, and count a viewer who left.
   */
  suspend(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Back from the back/forward cache: the document read again (what changed meanwhile) and followed again. */
  resume(): void {
    if (this.#unsubscribe || this.#abort.signal.aborted) return;
    void this.reload();
  }

  async #reload(): Promise<void> {
    const signal = this.#abort.signal;
    const current = this.store.state.show;
    if (signal.aborted || !current) return;
    try {
      const fresh = await this.#load(signal);
      if (signal.aborted) return;
      // Status only moves forward: a cached document must not undo a `status` event.
      const status = this.#later(this.store.state.status, fresh.status);
      const show = { ...fresh, status };
      this.store.set({ show, status, products: show.products });
      this.#subscribe(show);
    } catch (error) {
      if (!signal.aborted && !isAbortError(error)) this.#report(VitrineError.from(error, 'show/unavailable', true), true);
    } finally {
      if (!signal.aborted) this.#schedule();
    }
  }

  async #load(signal: AbortSignal): Promise<Show> {
    const show = await this.#options.stream.loadShow(signal, (issue) => this.#report(VitrineError.from(issue, 'show/invalid')));
    return this.#hydrate(show, signal);
  }

  /** Fills in products from the catalog (it wins over the document: it knows price and stock). */
  async #hydrate(show: Show, signal: AbortSignal): Promise<Show> {
    const ids = show.productIds ?? show.products.map((p) => p.id);
    const fromDoc = new Map(show.products.map((p) => [p.id, p]));
    const catalog = this.#options.catalog;
    let fromCatalog = new Map<string, Product>();
    if (catalog && ids.length) {
      try {
        fromCatalog = new Map((await catalog.getProducts(ids, signal)).map((p) => [p.id, p]));
      } catch (error) {
        if (isAbortError(error)) throw error;
        this.#report(VitrineError.from(error, 'show/unavailable', true));
      }
    }
    const products: Product[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const product = fromCatalog.get(id) ?? fromDoc.get(id);
      if (product) products.push(product);
      else missing.push(id);
    }
    if (missing.length) {
      const why = catalog ? 'the catalog does not know them' : 'the show lists them by id and no catalog is set';
      this.#report(
        new VitrineError('show/invalid', `${missing.length} product(s) left out (${why}): ${missing.slice(0, 5).join(', ')}`),
      );
    }
    const result: Show = { ...show, products };
    delete result.productIds;
    return result;
  }

  #subscribe(show: Show): void {
    const subscribe = this.#options.stream.subscribe;
    const key = show.events ?? '(adapter)';
    if (!subscribe || this.#subscribedTo === key) return;
    this.#unsubscribe?.();
    this.#subscribedTo = key;
    // Without an `events` URL there is no telling whether events flow: re-read while live.
    this.#eventsHealthy = Boolean(show.events);
    this.#unsubscribe = subscribe.call(
      this.#options.stream,
      show,
      (event) => {
        this.#setHealth(true);
        this.#onEvent(event);
      },
      (error) => {
        const vitrineError = VitrineError.from(error, 'events/unavailable', true);
        if (vitrineError.code === 'events/unavailable') {
          this.#setHealth(false);
          this.#schedule();
        }
        this.#report(vitrineError);
      },
    );
  }

  #onEvent(event: ShowEvent): void {
    const store = this.store;
    switch (event.type) {
      case 'highlight':
        if (this.#options.onHighlight) this.#options.onHighlight(event);
        else store.set({ highlight: { productId: event.productId } });
        break;
      case 'status': {
        const status = this.#later(store.state.status, event.status);
        if (status === store.state.status) break;
        const show = store.state.show;
        store.set({ status, show: show ? { ...show, status } : show });
        // The new state comes with its own stream (live) or replay and chapters (ended).
        void this.reload();
        break;
      }
      case 'product':
        store.upsertProduct(event.product);
        break;
      case 'viewers':
        store.set({ viewers: event.count });
        break;
      default:
        // Chat, reactions, polls, announcements, deals: not the store's; the part that shows them listens.
        store.bus.emit('live-event', event);
    }
  }

  #setHealth(healthy: boolean): void {
    if (this.#eventsHealthy === healthy) return;
    this.#eventsHealthy = healthy;
    this.#options.onEventsHealth?.(healthy);
  }

  #later(current: ShowStatus | null, next: ShowStatus): ShowStatus {
    return current && ORDER[current] > ORDER[next] ? current : next;
  }

  /** Plans the next re-read of the document, when one is useful. */
  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { status, show } = this.store.state;
    if (!show || this.#abort.signal.aborted) return;
    const interval = this.#options.refreshInterval ?? 15_000;
    const now = (this.#options.now ?? Date.now)();
    let delay: number | undefined;
    if (status === 'scheduled') {
      const startsAt = show.startsAt ? Date.parse(show.startsAt) : NaN;
      const wake = Number.isFinite(startsAt) ? startsAt - (this.#options.refreshLead ?? 60_000) - now : 0;
      delay = wake > 0 ? Math.min(wake, MAX_TIMER) : interval;
    } else if (status === 'live' && !this.#eventsHealthy) {
      delay = interval;
    }
    if (delay !== undefined) this.#timer = setTimeout(() => void this.reload(), delay);
  }

  /** Puts a failure on the bus; `recoverable` overrides the error's own flag when given. */
  #report(error: VitrineError, recoverable?: boolean): void {
    const detail = error.toDetail();
    this.store.bus.emit('error', recoverable === undefined ? detail : { ...detail, recoverable });
  }
}
