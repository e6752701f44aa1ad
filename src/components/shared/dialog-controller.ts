/**
 * The modal `<dialog>` of an element whose open state lives in the store (the cart drawer:
 * `cartOpen`; the product detail: `openProductId`), as a Lit reactive controller. The one place
 * for: opening with `showModal()` (focus moves in, to the element `focus` names), closing, a click
 * on the backdrop, Escape (the dialog's own `close`), and focus returning to where it was. The
 * store stays the truth: the dialog only follows it, and a closed dialog tells the store.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './focus.js';

export interface DialogOptions {
  /** The `<dialog>` in the host's shadow root, once rendered. */
  dialog(): HTMLDialogElement | null | undefined;
  /** Whether the store says the dialog is open. */
  isOpen(): boolean;
  /** Tells the store the dialog closed (Escape, the backdrop, the close button). */
  close(): void;
  /** Where focus goes when the dialog opens. */
  focus(): HTMLElement | null | undefined;
}

export class DialogController implements ReactiveController {
  readonly #options: DialogOptions;
  /** The element that had focus before the dialog opened: it gets it back. */
  #opener: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost, options: DialogOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#opener = null;
  }

  /** For the host's `updated()`: opens or closes the `<dialog>` to match `open`. */
  sync(open: boolean): void {
    const dialog = this.#options.dialog();
    if (!dialog) return;
    if (open && !dialog.open) {
      this.#opener = deepActiveElement();
      dialog.showModal();
      this.#options.focus()?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }

  /** The `<dialog>`'s `@close`: tells the store, and gives focus back. */
  readonly onClose = (): void => {
    // A late `close` event (it is queued) after the dialog was opened again in the meantime.
    if (this.#options.dialog()?.open) return;
    if (this.#options.isOpen()) this.#options.close();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  /** The `<dialog>`'s `@click`: a click on the dialog element itself (not its content) is on the backdrop. */
  readonly onBackdrop = (event: MouseEvent): void => {
    if (event.target === this.#options.dialog()) this.#options.close();
  };
}
