/**
 * The confirmation after every add inside `<vitrine-show>` (the pinned card, a rail card, the
 * product detail, the stage's chip): "Added: Organic cotton tee" with "View cart", for a few
 * seconds, in the top layer (a manual popover), so it shows over the phone stage and after the
 * product detail closed itself. The region is always in the DOM (`role="status"`), so screen
 * readers hear the new text. It listens to the store's bus (`add-result`): every add of the show,
 * whichever element asked.
 */
import { css, html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
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
    this.#store.bus.on('add-result', this.#onResult);
  }

  hostDisconnected(): void {
    this.#store.bus.off('add-result', this.#onResult);
    clearTimeout(this.#timer);
    this.title = undefined;
  }

  hostUpdated(): void {
    const toast = this.#host.renderRoot.querySelector<HTMLElement>('.toast');
    if (!toast || typeof toast.showPopover !== 'function' || !this.#host.isConnected) return;
    const open = toast.matches(':popover-open');
    if (this.title && (!open || this.#synced !== this.#shown)) {
      // Hidden and shown again: it goes above what opened since (the stage, a dialog).
      if (open) toast.hidePopover();
      toast.showPopover();
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

  #onResult = (result: StoreEvents['add-result']): void => {
    if (!result.ok) return;
    this.title = (this.#store.product(result.product.id) ?? result.product).title;
    this.#shown += 1;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.dismiss(), TOAST_MS);
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

export const toastStyles = css`
  .toast {
    position: fixed;
    inset: auto 0 calc(24px + env(safe-area-inset-bottom, 0px)) 0;
    margin: 0 auto;
    box-sizing: border-box;
    width: max-content;
    max-width: min(440px, calc(100vw - 24px));
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: 6px 6px 6px 16px;
    border: 0;
    border-radius: 999px;
    background: #17181c;
    color: #fff;
    font: 600 14px/1.3 var(--_font);
    box-shadow: 0 8px 28px rgb(0 0 0 / 30%);
    overflow: visible;
  }
  .toast:not(:popover-open) {
    display: none;
  }
  .toast::backdrop {
    display: none;
  }
  .toast.on-stage {
    inset: calc(env(safe-area-inset-top, 0px) + 64px) 0 auto 0;
  }
  .toast-text {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .toast-action {
    flex: none;
    min-height: 44px;
    padding: 0 14px;
    border-radius: 999px;
    background: #fff;
    color: #17181c;
    font-size: 14px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .toast:popover-open {
      animation: vitrine-toast-in 200ms ease-out;
    }
    @keyframes vitrine-toast-in {
      from {
        opacity: 0;
        transform: translateY(12px);
      }
    }
  }
`;
