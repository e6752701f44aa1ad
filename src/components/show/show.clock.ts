import type { ReactiveControllerHost } from 'lit';

/** The clock of a scheduled show's countdown: it ticks once a second while it runs. */
export class CountdownClock {
  /** Epoch ms at the last tick. */
  now = Date.now();
  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Ticks (and re-renders the show) while `running`, else stops. */
  sync(running: boolean): void {
    if (running && !this.#timer) {
      this.#timer = setInterval(() => {
        this.now = Date.now();
        this.#host.requestUpdate();
      }, 1000);
    } else if (!running) this.stop();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
