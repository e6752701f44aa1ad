/**
 * `<vitrine-show>`'s live moments (docs/moments.md): the model the session creates with the first
 * moment (core/session-moments.ts) is followed here, the moments' elements (a lazy chunk) are
 * loaded then, and rendered: the announcement banner and the poll near the video, the deal price
 * on the pinned card, the rail's cards and the product detail.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Moments } from '../../core/moments.js';
import type { ShowStore } from '../../core/store.js';
import type { CartAdapter, Deal } from '../../core/types.js';

const noDeals: ReadonlyMap<string, Deal> = new Map();

type Kind = 'announcement' | 'poll';

export class ShowMomentsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: ParentNode };
  readonly #report: (error: unknown) => void;
  #model: Moments | undefined;
  #unsubscribe: (() => void) | undefined;
  #loaded = false;
  /** Glides what moves in the list of moments it is given (the moments chunk's `glider`). */
  #glide: ((list: Element | null) => void) | undefined;
  /** The banner and the poll on screen, in the order they came: one that comes later goes below. */
  #order: Kind[] = [];

  constructor(host: ReactiveControllerHost & { renderRoot: ParentNode }, report: (error: unknown) => void) {
    this.#host = host;
    this.#report = report;
    host.addController(this);
  }

  /** The server's clock of the countdowns (a stable function: cards compare it by identity). */
  readonly now = (): number => this.#model?.now() ?? Date.now();

  /** The running deals, by product id. */
  get deals(): ReadonlyMap<string, Deal> {
    return this.#model?.state.deals ?? noDeals;
  }

  /** Follows `model` (the session's `moments` hook) and loads the moments' elements. */
  set(model: Moments): void {
    if (model === this.#model) return;
    this.#unsubscribe?.();
    this.#model = model;
    this.#unsubscribe = model.subscribe(() => this.#host.requestUpdate());
    if (!this.#loaded) {
      this.#loaded = true;
      import('../moments/define.js').then(
        ({ glider }) => {
          this.#glide = glider();
          this.#host.requestUpdate();
        },
        (error: unknown) => {
          this.#loaded = false;
          this.#report(error);
        },
      );
    }
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (this.#model && !this.#unsubscribe) this.#unsubscribe = this.#model.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /**
   * The list of moments glides what moves in it (moments/glide.ts), from its first render on. The
   * list's observers go with it: a show taken off the page and put back keeps them.
   */
  hostUpdated(): void {
    this.#glide?.(this.#host.renderRoot.querySelector('.moments-list'));
  }

  /**
   * The announcement banner and the poll, or nothing while neither runs. They take no room in the
   * show's layout: show.styles.ts lays them over the place kept for them, where a moment taller
   * than that place scrolls (the list is focusable, for the keyboard). `compact`: the phone layout.
   * They keep the order they came in: a banner that starts while a poll is open goes below it, so
   * nothing on screen moves down (and each keeps its element when the other ends). What does move
   * (the poll, when the banner above it ends) glides there (moments/glide.ts).
   */
  render(store: ShowStore, cart: CartAdapter | undefined, locale: string, compact: boolean) {
    const model = this.#model;
    const state = model?.state;
    const running = (kind: Kind) => Boolean(state?.[kind]);
    this.#order = this.#order.filter(running);
    for (const kind of ['announcement', 'poll'] as const) {
      if (running(kind) && !this.#order.includes(kind)) this.#order.push(kind);
    }
    if (!model || !this.#order.length) return nothing;
    const moment = (kind: Kind) =>
      kind === 'announcement'
        ? html`<vitrine-announcement
            part="announcement"
            .store=${store}
            .moments=${model}
            ?can-apply=${typeof cart?.applyDiscount === 'function'}
            locale=${locale}
          ></vitrine-announcement>`
        : html`<vitrine-poll part="poll" .store=${store} .moments=${model} locale=${locale}></vitrine-poll>`;
    return html`<div class="moments" part="moments" ?data-compact=${compact}><div class="moments-list" tabindex="0">
      ${repeat(this.#order, (kind) => kind, moment)}
    </div></div>`;
  }
}
