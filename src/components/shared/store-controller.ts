/**
 * Connects an element to a `ShowStore` (a Lit ReactiveController). The element
 * re-renders when the parts of the state it reads change.
 *
 * Standalone use: an element that has no `store` when it connects creates its own,
 * with a `ShowSession` (core/session.ts: an in-memory cart and its cart service), sets it as
 * its `store` (so a developer can share it: `cart.store = carousel.store`), and
 * forwards that store's errors and cart changes as `vitrine-error` and
 * `vitrine-cart-change`. A store given by `<vitrine-show>` is the show's to forward: an
 * element reports its own failures on the store's bus (`report()`), never as an event.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VitrineError, type VitrineErrorCode } from '../../core/errors.js';
import { resolveLocale } from '../../core/i18n.js';
import { ShowSession } from '../../core/session.js';
import { ShowStore, type ShowState } from '../../core/store.js';
import { releaseWhenGone, type VitrineElement } from '../base.js';

export type StoreHost = ReactiveControllerHost & VitrineElement & { store?: ShowStore | undefined };

/** Picks the values of the state an element renders; it re-renders when one changes (by identity). */
export type Selector = (state: ShowState) => readonly unknown[];

export class StoreController implements ReactiveController {
  #host: StoreHost;
  #select: Selector | undefined;
  #attached: ShowStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #owned: { store: ShowStore; session: ShowSession; dispose: () => void } | undefined;
  #cancelRelease: (() => void) | undefined;
  #connected = false;

  constructor(host: StoreHost, select?: Selector) {
    this.#host = host;
    this.#select = select;
    host.addController(this);
  }

  /** The store in use: the host's, or the one it owns when standalone. */
  get store(): ShowStore {
    if (!this.#host.store) this.#host.store = this.#own();
    return this.#host.store;
  }

  /** True when the element created its own store (standalone). */
  get owned(): boolean {
    return !!this.#owned && this.#owned.store === this.#host.store;
  }

  get state(): ShowState {
    return this.store.state;
  }

  /** Puts a failure of the element on the store's bus, once: the store's owner tells the page. */
  report(error: unknown, code: VitrineErrorCode = 'internal'): void {
    this.store.bus.emit('error', VitrineError.from(error, code).toDetail());
  }

  hostConnected(): void {
    this.#connected = true;
    this.#cancelRelease?.();
    this.#cancelRelease = undefined;
    // Back after its release: the standalone element's cart works again (the same cart).
    if (this.owned) this.#owned!.session.attach();
    this.#attach();
  }

  hostUpdate(): void {
    if (this.#connected && this.#host.store !== this.#attached) this.#attach();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#attached = undefined;
    // A standalone element's own session (its cart's requests and subscription) stops once the
    // element has been out of the page for RELEASE_DELAY; a move keeps it.
    this.#cancelRelease?.();
    if (this.#owned) {
      const session = this.#owned.session;
      this.#cancelRelease = releaseWhenGone(this.#host, () => session.detach());
    }
  }

  #attach(): void {
    const store = this.store;
    if (store === this.#attached) return;
    this.#unsubscribe?.();
    if (this.#owned && this.#owned.store !== store) {
      this.#owned.dispose();
      this.#owned = undefined;
    }
    this.#attached = store;
    const select = this.#select;
    this.#unsubscribe = store.subscribe((state, previous) => {
      if (!select) return this.#host.requestUpdate();
      const now = select(state);
      const before = select(previous);
      if (now.some((value, i) => !Object.is(value, before[i]))) this.#host.requestUpdate();
    });
    this.#host.requestUpdate();
  }

  #own(): ShowStore {
    const host = this.#host;
    const store = new ShowStore({ locale: resolveLocale(host) });
    const session = new ShowSession(store);
    session.attach();
    const onError = (detail: Parameters<typeof host.emit<'vitrine-error'>>[1]) => host.emit('vitrine-error', detail);
    store.bus.on('error', onError);
    const off = store.subscribe((state, previous) => {
      if (state.cart !== previous.cart) host.emit('vitrine-cart-change', { cart: state.cart });
    });
    this.#owned = {
      store,
      session,
      dispose: () => {
        off();
        store.bus.off('error', onError);
        session.detach();
      },
    };
    return store;
  }
}
