/** Re-renders an element when the moments model it reads changes (a Lit ReactiveController). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Moments } from '../../core/moments.js';

export class MomentsController implements ReactiveController {
  #host: ReactiveControllerHost & { moments?: Moments | undefined };
  #attached: Moments | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost & { moments?: Moments | undefined }) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#attach();
  }

  /**
   * Follows a `moments` property that changed, while connected only: an element taken out before
   * its first render still renders once, and a subscription made then would keep it for good.
   */
  hostUpdate(): void {
    if (this.#connected && this.#host.moments !== this.#attached) this.#attach();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#attached = undefined;
  }

  #attach(): void {
    this.#unsubscribe?.();
    this.#attached = this.#host.moments;
    this.#unsubscribe = this.#attached?.subscribe(() => this.#host.requestUpdate());
  }
}
