/**
 * The product detail is not in a show's first view (issue 19): `<vitrine-product-detail>` is in the
 * show's template from the start (a closed dialog, nothing to see), and its code is defined when the
 * page is idle after the show connected, or at once when a product is opened before that (the
 * dialog opens as the element upgrades: properties set before are kept). Without a show, the
 * script-tag loader defines it for a `<vitrine-product-detail>` of the page (cdn.ts).
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ShowStore } from '../../core/store.js';
import { whenIdle } from '../shared/idle.js';

/**
 * Until it is defined, the element is an empty inline box, which the show's grid would place in a
 * row of its own (a gap taller, then shorter when the code arrives: a layout shift). Not rendered
 * until then.
 */
export const lazyDetailStyles = css`
  vitrine-product-detail:not(:defined) {
    display: none;
  }
`;

let loading: Promise<unknown> | undefined;

/** Defines `<vitrine-product-detail>` (once; a failed import is tried again next time). */
export function loadProductDetail(): Promise<unknown> {
  return (loading ??= import('../product-detail/define.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}

export class LazyDetailController implements ReactiveController {
  readonly #store: ShowStore;
  readonly #onError: (error: unknown) => void;
  #cancelIdle: (() => void) | undefined;
  #loaded = false;

  constructor(host: ReactiveControllerHost, store: ShowStore, onError: (error: unknown) => void) {
    this.#store = store;
    this.#onError = onError;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#loaded) this.#cancelIdle ??= whenIdle(() => this.load(), 3000);
  }

  hostDisconnected(): void {
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
  }

  /** Before each render of the show (each change of its store): a product opened needs the detail now. */
  hostUpdate(): void {
    if (this.#store.state.openProductId) this.load();
  }

  /** Defines the detail now (a product is being opened). */
  load(): void {
    if (this.#loaded) return;
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
    this.#loaded = true;
    loadProductDetail().catch((error: unknown) => {
      this.#loaded = false;
      // Offline or the CDN failed: said once; the product stays closed, the next open tries again.
      if (this.#store.state.openProductId) this.#store.set({ openProductId: null });
      this.#onError(error);
    });
  }
}
