import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the viewport controller needs of its show. */
export interface ViewportHost extends ReactiveControllerHost, HTMLElement {
  /** The `floating` attribute: the mini-player may open on scroll-away. */
  readonly floating: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Where the show sits in the page: its width class (phone, stacked, wide) and the mini-player
 * (on scroll-away while the video plays, or on `minimize()`).
 *
 * The width is read from a ruler (`ruler()`, a zero-height element as wide as the show), not from
 * the show itself: switching layouts changes the show's height, and a ResizeObserver on the show
 * would then report a size it cannot deliver in the same frame (the page hears "ResizeObserver
 * loop completed with undelivered notifications"). The ruler only changes when the width does.
 */
export class ShowViewport implements ReactiveController {
  /** < 480px: the phone layout (show.styles.ts). */
  narrow = false;
  /** < 760px: the header is above (or over) the video, not beside it. */
  stacked = false;
  /** The video is in the mini-player. */
  mini = false;

  readonly #host: ViewportHost;
  /** There is a video (not a status panel): `minimize()` may open the mini-player. */
  readonly #hasVideo: () => boolean;
  /** Its engine is loaded: scrolling away may open the mini-player. */
  readonly #playing: () => boolean;
  #intersection: IntersectionObserver | undefined;
  #resize: ResizeObserver | undefined;
  #ruler: Element | null = null;
  #scrolledAway = false;
  #minimizedByCall = false;

  constructor(host: ViewportHost, hasVideo: () => boolean, playing: () => boolean) {
    this.#host = host;
    this.#hasVideo = hasVideo;
    this.#playing = playing;
    host.addController(this);
  }

  /** Starts observing (the show is in the page and running). */
  start(): void {
    this.stop();
    if (typeof IntersectionObserver !== 'undefined') {
      this.#intersection = new IntersectionObserver(
        ([entry]) => {
          if (!entry) return;
          this.#scrolledAway = !entry.isIntersecting;
          this.sync();
        },
        { threshold: 0 },
      );
      this.#intersection.observe(this.#host);
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(([entry]) => {
        const width = entry?.contentBoxSize?.[0]?.inlineSize ?? this.#host.clientWidth;
        const narrow = width > 0 && width < 480;
        const stacked = width > 0 && width < 760;
        if (narrow === this.narrow && stacked === this.stacked) return;
        this.narrow = narrow;
        this.stacked = stacked;
        this.#host.requestUpdate();
      });
      this.#observeRuler();
    }
  }

  /** Stops observing (released). */
  stop(): void {
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    this.#intersection = this.#resize = undefined;
    this.#ruler = null;
  }

  hostUpdated(): void {
    this.#observeRuler();
  }

  /** The zero-height element, as wide as the show, whose width this controller follows. */
  get #rulerElement(): Element | null {
    return this.#host.renderRoot?.querySelector?.('.ruler') ?? null;
  }

  #observeRuler(): void {
    const ruler = this.#rulerElement;
    if (!this.#resize || !ruler || ruler === this.#ruler) return;
    if (this.#ruler) this.#resize.unobserve(this.#ruler);
    this.#ruler = ruler;
    this.#resize.observe(ruler);
  }

  /** Moves the playing video into the mini-player (`minimize()`). */
  minimize(): void {
    this.#minimizedByCall = true;
    this.mini = true;
    this.#host.requestUpdate();
  }

  /** Brings the video back into the show; after a scroll-away, scrolls the show into view. */
  restore(): void {
    const wasScrolledAway = this.#scrolledAway && this.mini;
    this.#minimizedByCall = false;
    this.mini = false;
    this.#host.requestUpdate();
    if (wasScrolledAway) {
      this.#scrolledAway = false;
      this.#host.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  /** The mini-player is on when asked for, or when scrolled away while the video plays. */
  sync(): void {
    const want = this.#hasVideo() && (this.#minimizedByCall || (this.#host.floating && this.#scrolledAway && this.#playing()));
    if (want !== this.mini) {
      // The stage gets (or loses) its popover attribute in the next render; the show's updated() comes back here.
      this.mini = want;
      this.#host.requestUpdate();
      return;
    }
    const stage = this.#host.renderRoot?.querySelector?.<HTMLElement>('.stage');
    if (!stage || typeof stage.showPopover !== 'function' || (this.mini && !stage.hasAttribute('popover'))) return;
    const open = stage.matches(':popover-open');
    if (this.mini && !open) stage.showPopover();
    else if (!this.mini && open) stage.hidePopover();
  }
}
