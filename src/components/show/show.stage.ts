/**
 * The phone stage of `<vitrine-show>` (README.md, "The phone stage"): on a phone (a show narrower
 * than 480px), Play or a tap on the video opens the whole show full-viewport in the top layer (the
 * show's own layout becomes a manual popover: nothing is moved in the DOM, so the video keeps
 * playing): the video fills it, the header over its top with Close and the cart, the pinned product
 * as a chip over the bottom, the rail as a sheet. Close, Escape and the phone's Back (a history
 * entry) return to the page, where the show keeps its place and its playback (inline, or the
 * mini-player when `floating` and scrolled away).
 *
 * This controller is eager and small; the stage's styles, templates and the chip's measuring are a
 * lazy chunk (show.stage-part.ts), fetched at the first open.
 */
import type { ReactiveController } from 'lit';
import { VitrineError } from '../../core/errors.js';
import type { ShowStore } from '../../core/store.js';
import { lazyModule } from '../shared/lazy-part.js';

const part = lazyModule(() => import('./show.stage-part.js'));
let stageIds = 0;

/** What the stage needs of its show. */
export interface StageHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
}

export class ShowStage implements ReactiveController {
  /** The stage is open (the show fills the viewport). */
  open = false;
  /** The product sheet is up. */
  sheet = false;
  /** The show's height in the page when the stage opened: kept there while it is open (no shift). */
  placeholder = 0;

  readonly #host: StageHost;
  readonly #store: ShowStore;
  /** The show may open the stage now (a phone width, and a video). */
  readonly #allowed: () => boolean;
  readonly #id = `vitrine-stage-${++stageIds}`;
  #styled = false;
  #focusClose = false;
  /** A chip taller than its row lifts the chat above it (show.stage-part.ts); made at the first open. */
  #chipLift: InstanceType<NonNullable<typeof part.current>['ChipLift']> | undefined;

  constructor(host: StageHost, store: ShowStore, allowed: () => boolean) {
    this.#host = host;
    this.#store = store;
    this.#allowed = allowed;
    host.addController(this);
  }

  /** The stage's lazy part, once here (its templates). */
  get part() {
    return part.current;
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
    if (this.open) this.close();
    this.#chipLift?.watch(this.#host.renderRoot, null);
  }

  hostUpdated(): void {
    const layout = this.#host.renderRoot.querySelector<HTMLElement>('.layout');
    if (this.open && part.current) this.#chipLift ??= new part.current.ChipLift();
    this.#chipLift?.watch(this.#host.renderRoot, this.open ? layout : null);
    if (!layout || typeof layout.showPopover !== 'function') return;
    const shown = layout.hasAttribute('popover') && layout.matches(':popover-open');
    if (this.open && layout.hasAttribute('popover') && !shown) layout.showPopover();
    if (this.#focusClose) {
      this.#focusClose = false;
      layout.querySelector<HTMLElement>('.stage-close')?.focus({ preventScroll: true });
    }
  }

  /** A tap on the video: on a phone, the stage opens (the tap also reaches Play). */
  onTap = (event: Event): void => {
    if (this.open || !this.#allowed()) return;
    const path = event.composedPath();
    // Not for the mini-player's own buttons.
    if (path.some((node) => node instanceof HTMLElement && node.classList.contains('mini-bar'))) return;
    void this.show();
  };

  /** Opens the stage (loads its part first). */
  async show(): Promise<void> {
    if (this.open) return;
    try {
      const module = await part.load();
      const root = this.#host.shadowRoot;
      if (!this.#styled && root) {
        this.#styled = true;
        const sheet = module.stageStyles.styleSheet;
        if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    } catch (error) {
      this.#store.bus.emit('error', VitrineError.from(error, 'show/unavailable', true).toDetail());
      return;
    }
    if (this.open || !this.#host.isConnected) return;
    this.placeholder = this.#host.getBoundingClientRect().height;
    this.open = true;
    this.sheet = false;
    this.#focusClose = true;
    try {
      history.pushState({ ...(history.state as object | null), vitrineStage: this.#id }, '');
    } catch {
      // A sandboxed frame may refuse: Close and Escape still work.
    }
    this.#host.requestUpdate();
  }

  /** Closes the stage; `fromHistory`: the phone's Back did (the entry is gone already). */
  close(fromHistory = false): void {
    if (!this.open) return;
    this.open = false;
    this.sheet = false;
    const layout = this.#host.renderRoot.querySelector<HTMLElement>('.layout');
    if (layout?.matches(':popover-open')) layout.hidePopover();
    if (!fromHistory && (history.state as { vitrineStage?: string } | null)?.vitrineStage === this.#id) history.back();
    this.#host.requestUpdate();
    // Focus back where the shopper opened the stage.
    queueMicrotask(() => this.#host.renderRoot.querySelector<HTMLElement>('.stage-slot')?.focus({ preventScroll: true }));
  }

  toggleSheet = (open = !this.sheet): void => {
    this.sheet = open;
    this.#host.requestUpdate();
  };

  /** Escape closes the sheet, then the stage; not while the detail or the cart is over it (they close first). */
  onKey = (event: KeyboardEvent): void => {
    if (!this.open || event.key !== 'Escape' || event.defaultPrevented) return;
    const s = this.#store.state;
    if (s.openProductId || s.cartOpen) return;
    event.preventDefault();
    if (this.sheet) this.toggleSheet(false);
    else this.close();
  };

  /** Scrolls the video into view unless it is ("Shown at" seeks it; the shopper should see it). */
  revealVideo(): void {
    const slot = this.#host.renderRoot.querySelector<HTMLElement>('.stage-slot');
    if (!slot) return;
    const box = slot.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= innerHeight) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    slot.scrollIntoView({ block: box.height > innerHeight ? 'start' : 'nearest', behavior: smooth ? 'smooth' : 'instant' });
  }

  #onPopState = (): void => {
    if (this.open && (history.state as { vitrineStage?: string } | null)?.vitrineStage !== this.#id) this.close(true);
  };
}
