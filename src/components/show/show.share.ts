/**
 * Deep links and sharing of `<vitrine-show>` (README.md, "Deep links and sharing"), as a Lit
 * reactive controller: once the show is loaded it loads the lazy chunk (show.share-part.ts) that
 * reads the page's link (opens the linked product, gives a replay its start) and draws the header's
 * "Share" button.
 */
import { nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { VitrineEventMap } from '../../core/events.js';
import type { ShowStore } from '../../core/store.js';
import { yieldToPage } from '../../core/yield.js';
import { LazyPart, lazyModule } from '../shared/lazy-part.js';
import type { Translate } from './show.parts.js';
import type { ShowShare } from './show.share-part.js';

const shareModule = lazyModule(() => import('./show.share-part.js'));

/** What sharing needs of `<vitrine-show>`. */
export interface ShareHost extends ReactiveElement {
  readonly store: ShowStore;
  openProduct(id: string): void;
  emit<K extends 'vitrine-share'>(name: K, detail: VitrineEventMap[K]): CustomEvent<VitrineEventMap[K]>;
  reportError(error: unknown, code?: 'show/unavailable'): void;
}

export class ShowShareController implements ReactiveController {
  readonly #host: ShareHost;
  readonly #part: LazyPart<typeof import('./show.share-part.js')>;
  #share: ShowShare | undefined;
  /** The show's first view with its document was drawn: sharing comes in a task after it (issue 19). */
  #due = false;
  #waiting = false;

  constructor(host: ShareHost) {
    this.#host = host;
    this.#part = new LazyPart(host, shareModule, {
      styles: (module) => module.shareStyles,
      failed: (error) => host.reportError(error, 'show/unavailable'),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#share?.connect();
  }

  hostDisconnected(): void {
    this.#share?.disconnect();
  }

  /** Where a replay starts (seconds) when the page's link names this show (for the player). */
  get startTime(): number | undefined {
    return this.#share?.startTime;
  }

  /** The "Share" button and its status, for the header (nothing before the show and the chunk are here). */
  render(t: Translate) {
    if (!this.#host.store.state.show) return nothing;
    if (!this.#due) {
      if (!this.#waiting) {
        this.#waiting = true;
        void yieldToPage().then(() => {
          this.#due = true;
          this.#host.requestUpdate();
        });
      }
      return nothing;
    }
    const module = this.#part.get();
    if (!module) return nothing;
    if (!this.#share) {
      this.#share = new module.ShowShare(this.#host);
      if (this.#host.isConnected) this.#share.connect();
    }
    return this.#share.render(t);
  }
}
