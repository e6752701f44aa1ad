/**
 * The confirmation after every add inside `<vitrine-show>` (the pinned card, a rail card, the
 * product detail, the stage's chip): "Added: Organic cotton tee" with "View cart", for a few
 * seconds, in the top layer (a manual popover), so it shows over the phone stage and after the
 * product detail closed itself. The region is always in the DOM (`role="status"`), so screen
 * readers hear the new text. It listens to the store's bus (`add-result`): every add of the show,
 * whichever element asked. Its styles are a lazy chunk (show.toast-part.ts), fetched at the first
 * add request, while the add is on its way; the toast shows once they are here.
 */
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { VitrineError } from '../../core/errors.js';
import { classMap } from 'lit/directives/class-map.js';
import type { ShowStore, StoreEvents } from '../../core/store.js';
import type { Translate } from './show.parts.js';

/** How long the toast stays, in ms. */
export const TOAST_MS = 4000;

export class ShowToastController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #store: ShowStore;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The title of the product added last, while the toast shows. */
  title: string | undefined;
  /** Bumped on every add: a second add while the toast shows brings it to the top again. */
  #shown = 0;
  #synced = 0;

  constructor(host: ReactiveElement, store: ShowStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#store.bus.on('add-request', this.#loadStyles);
    this.#store.bus.on('add-result', this.#onResult);
  }

  hostDisconnected(): void {
    this.#store.bus.off('add-request', this.#loadStyles);
    this.#store.bus.off('add-result', this.#onResult);
    clearTimeout(this.#timer);
    this.title = undefined;
  }

  hostUpdated(): void {
    const toast = this.#host.renderRoot.querySelector<HTMLElement>('.toast');
    if (!toast || typeof toast.showPopover !== 'function' || !this.#host.isConnected || !this.#styled) return;
    const open = toast.matches(':popover-open');
    if (this.title && (!open || this.#synced !== this.#shown)) {
      // Hidden and shown again: it goes above what opened since (the stage, a dialog).
      if (open) toast.hidePopover();
      toast.showPopover();
      // Its few seconds count from when it shows (its styles may have come after the add).
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.dismiss(), TOAST_MS);
    } else if (!this.title && open) {
      toast.hidePopover();
    }
    this.#synced = this.#shown;
  }

  /** Hides the toast now (its "View cart" was used). */
  dismiss(): void {
    clearTimeout(this.#timer);
    this.title = undefined;
    this.#host.requestUpdate();
  }

  #styled = false;
  #loading = false;

  /** The toast's styles, adopted once (at the first add request; again at a result if that failed). */
  #loadStyles = (): void => {
    if (this.#styled || this.#loading) return;
    this.#loading = true;
    import('./show.toast-part.js').then(
      ({ toastStyles }) => {
        const root = this.#host.shadowRoot;
        const sheet = toastStyles.styleSheet;
        if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.#styled = true;
        this.#loading = false;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = false;
        this.#store.bus.emit('error', VitrineError.from(error, 'show/unavailable', true).toDetail());
      },
    );
  };

  #onResult = (result: StoreEvents['add-result']): void => {
    if (!result.ok) return;
    this.#loadStyles();
    this.title = (this.#store.product(result.product.id) ?? result.product).title;
    this.#shown += 1;
    this.#host.requestUpdate();
  };

  /** `onStage`: placed under the stage's top bar instead of at the bottom of the screen. */
  render(t: Translate, onStage: boolean, viewCart: () => void) {
    return html`<div class=${classMap({ toast: true, 'on-stage': onStage })} part="toast" popover="manual" role="status">
      ${this.title
        ? html`<span class="toast-text">${t('toastAdded', { title: this.title })}</span>
            <button
              class="toast-action"
              type="button"
              @click=${() => {
                this.dismiss();
                viewCart();
              }}
            >
              ${t('viewCart')}
            </button>`
        : nothing}
    </div>`;
  }
}
