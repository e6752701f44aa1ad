/**
 * Keeps the chat overlay on its newest message without a layout shift (issue 19, CLS on phones).
 *
 * The overlay's log is a scroll container whose list grows downwards after a lead as tall as the
 * viewport (chat.styles.ts), so the first messages sit at its bottom too. A new message is added
 * below the others, which do not move by layout; the log then scrolls to its end (scrolling is not
 * a layout shift) and the message fades in (opacity only, none with reduced motion: a transform on
 * the list would suspend the browser's scroll anchoring). The oldest message leaving the top is
 * above the part in view, and its room stays (the list's padding grows by it, chat.places.ts): the
 * rest keep their place in the log, so the scroll to a new message in the same frame is all that
 * moves them (scroll anchoring alone left Chrome counting that as a layout shift). A message
 * deleted in view keeps its place, hidden (chat.places.ts). A
 * shopper who scrolled up stays where they are until they scroll back to the end (or send one).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close (px) to the end still counts as at the end. */
const SLACK = 8;
/** What the shopper scrolls the log with. */
const INPUTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export class FollowController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #find: () => HTMLElement | null;
  #log: HTMLElement | null = null;
  #follow = true;
  #pending = true;
  /** The shopper has scrolled, touched or used a key on the log since it was last at its end. */
  #touched = false;
  readonly #resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.#stick()) : undefined;

  /** `find`: the log to keep at its end, or null when the chat is not an overlay. */
  constructor(host: ReactiveControllerHost, find: () => HTMLElement | null) {
    this.#host = host;
    this.#find = find;
    host.addController(this);
  }

  /** The messages changed: the next update scrolls to the newest if the log was at its end. */
  changed(): void {
    this.#pending = true;
  }

  /** Back to the newest message (the shopper sent one). */
  toEnd(): void {
    this.#follow = true;
    this.#pending = true;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const log = this.#find();
    if (log !== this.#log) {
      this.#release();
      this.#log = log;
      if (!log) return;
      log.addEventListener('scroll', this.#onScroll, { passive: true });
      for (const type of INPUTS) log.addEventListener(type, this.#onInput, { passive: true });
      this.#resize?.observe(log);
      // A new log starts at its newest message: scrolled there by the observer's first callback,
      // after the frame's layout and before its paint, rather than here, where reading the list's
      // place would force a layout of the whole page in the render's task (the chat's first render
      // was one long task on a slow phone, issue 19).
      this.#follow = true;
      this.#touched = false;
      this.#pending = false;
      if (!this.#resize) this.#stick();
      return;
    }
    if (log && this.#pending) this.#stick();
  }

  hostDisconnected(): void {
    this.#release();
    this.#log = null;
  }

  #release(): void {
    this.#log?.removeEventListener('scroll', this.#onScroll);
    for (const type of INPUTS) this.#log?.removeEventListener(type, this.#onInput);
    this.#resize?.disconnect();
  }

  /**
   * Back at the end: following again. Away from it: only the shopper's own scrolling (a wheel, a
   * touch, a key on the log) stops the following; a layout change (a phone turned, the log shown
   * again) may move the scroll position too, and is followed by a stick to the end.
   */
  #onScroll = (): void => {
    const log = this.#log;
    if (!log) return;
    const atEnd = log.scrollTop >= this.#end(log) - SLACK;
    if (atEnd) this.#touched = false;
    if (atEnd || this.#touched) this.#follow = atEnd;
    else if (this.#follow) this.#stick();
  };

  #onInput = (): void => {
    this.#touched = true;
  };

  /** The scroll position that shows the newest message at the bottom (the list's box, positioned in the log). */
  #end(log: HTMLElement): number {
    const list = log.firstElementChild as HTMLElement | null;
    return list ? Math.max(0, list.offsetTop + list.offsetHeight - log.clientHeight) : 0;
  }

  #stick(): void {
    this.#pending = false;
    const log = this.#log;
    if (log && this.#follow && log.isConnected) log.scrollTop = this.#end(log);
  }
}
