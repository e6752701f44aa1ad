import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { isRtl, resolveLocale } from '../../core/i18n.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import type { ShowStore } from '../../core/store.js';
import type { Chapter, ShowStatus } from '../../core/types.js';
import { prefetchEngine } from '../../engine/load.js';
import type { Pin } from '../../engine/pins.js';
import type { EngineCaption } from '../../engine/types.js';
import { VitrineElement } from '../base.js';
import { whenIdle } from '../shared/idle.js';
import { LazyPart, lazyModule } from '../shared/lazy-part.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import type { PlaybackController } from './playback-controller.js';
import { messages } from './player.messages.js';
import { icons, renderFacade, renderOverlay, renderTop, type PlaybackView, type Translate } from './player.parts.js';
import { styles } from './player.styles.js';

export { HIGHLIGHT_CLASS } from '../../engine/highlight.js';

/** The control bar is a lazy part (player-controls.ts): fetched when the page is idle, or at play intent. */
const controlsModule = lazyModule(() => import('./player-controls.js'));
/** Playback (playback-controller.ts) is lazy too: fetched when the page is idle, or at play intent with the engine. */
const playbackModule = lazyModule(() => import('./playback-controller.js'));
/** What the facade renders before playback is loaded. */
const BEFORE_PLAYBACK: PlaybackView = { activated: false, warm: false, state: undefined, tracks: [], problem: undefined, autoplayMuted: false };

/** Seconds behind the live edge past which "Go live" is offered. */
const BEHIND_LIVE = 4;
/** Seconds the arrow keys seek. */
const KEY_SEEK = 5;
/** Controls hide after this long without pointer movement while playing (ms). */
const IDLE_MS = 3000;


/**
 * The video of a show. Until a shopper shows the intent to watch, it is a facade that costs
 * the page nothing: poster, title, live badge, a "Play" button, in a box that reserves the
 * video's aspect ratio. On play intent (a click, Enter or Space on Play, `play()`, or `autoplay`
 * once visible) it loads the video engine (video.js with VHS, a separate chunk) into its shadow
 * root and draws its own accessible controls: play/pause, mute, "Go live" when behind the live
 * edge, a seek bar with product chapter markers in a replay, captions, picture-in-picture and
 * full screen. Product pins in the stream (`#EXT-X-DATERANGE`, `CLASS="com.vitrine.highlight"`)
 * and pins given by `schedulePin()` are shown when playback reaches them.
 *
 * Keyboard (when focus is in the player): Space or K play/pause, ←/→ seek 5 s, M mute, F full screen.
 *
 * @summary The show's video: a free facade, then video.js for live and replay, with product pins.
 *
 * @csspart frame - The box with the reserved aspect ratio.
 * @csspart poster - The poster image of the facade.
 * @csspart facade - The facade overlay (title, badges, Play).
 * @csspart title - The show title.
 * @csspart badge - "Live", "Replay" or "Starts soon".
 * @csspart viewers - The live viewer count.
 * @csspart play-button - The big "Play" button of the facade.
 * @csspart video - Where the engine renders the video.
 * @csspart controls - The control bar.
 * @csspart seek - The seek slider (replay).
 * @csspart marker - A chapter marker on the seek bar.
 * @csspart go-live - The "Go live" button.
 * @csspart unmute - The "Tap to unmute" button after muted autoplay.
 * @csspart message - Loading, reconnecting, offline and error messages.
 *
 * @cssprop --vitrine-player-radius - Corner radius of the video. @default var(--vitrine-radius, 12px)
 * @cssprop --vitrine-color-live - The live badge and progress colour. @default #d0173f
 *
 * @fires vitrine-highlight - A product pin was reached: `{ product, at }` (`at`: media time in seconds).
 * @fires vitrine-play - Playback started or resumed: `{ at }` (media time).
 * @fires vitrine-pause - Playback paused: `{ at }`.
 * @fires vitrine-progress - Every 10 s watched, and at 25/50/75/100 % of a replay: `{ watched, at, percent? }`.
 * @fires vitrine-error - `stream/unavailable` when the stream cannot be played after retries, `stream/offline`.
 */
export class VitrinePlayer extends VitrineElement {
  static override styles = [tokens, buttonStyles, styles];

  /** The facade (poster, Play) is the first thing a shopper looks at: rendered at once. */
  protected override get yieldFirstRender(): boolean {
    return false;
  }

  /** URL of the stream: an HLS playlist (`.m3u8`) or a progressive file. */
  @property() src?: string;
  /** MIME type of `src`; guessed from the extension when absent. */
  @property() type?: string;
  /** Poster image URL, shown on the facade (the only request before play intent). */
  @property() poster?: string;
  /** The show title, shown on the facade. */
  @property() label?: string;
  /** `scheduled`, `live` or `ended` (a replay). */
  @property({ reflect: true }) status: ShowStatus = 'ended';
  /** Start muted playback as soon as the player is visible, where the browser allows. */
  @property({ type: Boolean, reflect: true }) autoplay = false;
  /** `16:9` or `9:16`; reserved before anything loads. */
  @property({ attribute: 'aspect-ratio', reflect: true }) aspectRatio: '16:9' | '9:16' = '16:9';
  /** BCP 47 locale of the texts; default: the store's, then the closest `lang`. */
  @property() locale?: string;
  /** Product chapters of a replay (media times in seconds), markers on the seek bar. */
  @property({ attribute: false }) chapters: Chapter[] = [];
  /** Live viewer count, shown beside the live badge; `null` hides it. Default: the store's. */
  @property({ attribute: false }) viewers: number | null | undefined = undefined;
  /** Where playback starts, in seconds (a replay's deep link, `vitrine-t`): used at play intent or autoplay. */
  @property({ type: Number, attribute: 'start-time' }) startTime?: number;
  /** Sidecar WebVTT captions. */
  @property({ attribute: false }) captions: EngineCaption[] = [];
  /** Backoff before each retry when the stream fails, in ms; after the last, `stream/unavailable` is fatal. */
  @property({ attribute: false }) retryDelays: readonly number[] = [1000, 2000, 4000, 8000, 16000];
  /** The show store: seek requests, current time and highlighted product go through it. */
  @property({ attribute: false }) store?: ShowStore;
  /**
   * Hides the player's own title, badge and viewer count (on the facade and over the video), for a
   * host that draws its own header over the video (`<vitrine-show>` in its vertical layout).
   */
  @property({ type: Boolean, attribute: 'no-header', reflect: true }) noHeader = false;

  @state() private fullscreen = false;
  @state() private idle = false;
  /** Live value of the seek slider while it is dragged. */
  @state() private scrub: number | undefined;
  @query('.stage') private stage!: HTMLElement;
  @query('.frame') private frame!: HTMLElement;

  /** The playback controller, once its chunk is here (`#run`). */
  #playback: PlaybackController | undefined;
  #options: ConstructorParameters<typeof PlaybackController>[1] = {
    label: () => {
      const locale = this.#locale;
      return { label: this.label ? messages(locale, 'video', { title: this.label }) : messages(locale, 'videoUntitled'), language: locale };
    },
    stage: () => this.stage,
    pinned: (product, at) => this.emit('vitrine-highlight', { product, at }),
    report: (detail) => this.emit('vitrine-error', detail),
    intent: () => void controlsModule.load().catch(() => undefined),
    started: () => this.#onActivity(),
    watch: (name, detail) => this.emit(name, detail),
  };
  #controls = new LazyPart(this, controlsModule, {
    styles: (module) => module.controlStyles,
    failed: (error) => this.#report(error, 'stream/unavailable', true),
  });
  #observer: IntersectionObserver | undefined;
  #storeOff: (() => void) | undefined;
  #attachedStore: ShowStore | undefined;
  #cancelPrefetch: (() => void) | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** Measured figures: ms from play intent to the first video frame (undefined until then). */
  get metrics(): { intentToFirstFrame?: number } {
    return this.#playback?.metrics ?? {};
  }

  // ---- public API ----

  /** True once the video engine has been created (after play intent). */
  get engineLoaded(): boolean {
    return !!this.#playback?.engine;
  }

  /** Media time in seconds (0 before playback). */
  get currentTime(): number {
    return this.#playback?.engine?.state.currentTime ?? 0;
  }

  /** Starts playback: on the facade, this is play intent (the engine loads). */
  async play(): Promise<void> {
    // The engine chunk starts coming now, while the playback chunk (if not here yet) does.
    if (!this.#playback) prefetchEngine();
    await this.#run((p) => p.play());
  }

  pause(): void {
    this.#playback?.pause();
  }

  /** Seeks to `time` seconds (clamped to what can be played). */
  seek(time: number): void {
    void this.#run((p) => p.seek(time));
  }

  /** Jumps to the live edge of a live stream. */
  goLive(): void {
    this.#playback?.engine?.goLive();
  }

  /**
   * Shows a product pin when playback reaches it: `mediaTime` in seconds, or `programDateTime`
   * (epoch ms) mapped through the stream's `#EXT-X-PROGRAM-DATE-TIME`. Once per `id`; a replay
   * that seeks back before it shows it again. Without a possible mapping it shows on arrival.
   * (Inside a show, live pins come as `pin-request`s on the store's bus.)
   */
  schedulePin(pin: Pin): void {
    void this.#run((p) => p.schedulePin(pin));
  }

  /** The media time (s) where program date-time `epochMs` is, when the stream says. */
  mediaTimeOf(epochMs: number): number | undefined {
    return this.#playback?.engine?.mediaTimeOf(epochMs);
  }

  /** The program date-time (epoch ms) at media time `seconds`, when the stream says. */
  programDateTime(seconds: number): number | undefined {
    return this.#playback?.engine?.programDateTime(seconds);
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attachStore();
    if (!this.#playback) this.#cancelPrefetch = whenIdle(() => void playbackModule.load().catch(() => undefined), 3000);
    if (this.autoplay) this.#observe();
    this.addEventListener('keydown', this.#onKey);
    this.addEventListener('pointermove', this.#onActivity);
    document.addEventListener('fullscreenchange', this.#onFullscreen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#cancelPrefetch?.();
    this.#storeOff?.();
    this.#storeOff = undefined;
    this.#attachedStore = undefined;
    this.removeEventListener('keydown', this.#onKey);
    this.removeEventListener('pointermove', this.#onActivity);
    document.removeEventListener('fullscreenchange', this.#onFullscreen);
    clearTimeout(this.#idleTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#attachStore();
    if ((changed.has('autoplay') || changed.has('src')) && this.isConnected && !this.#view.activated) {
      // Observe afresh: a source that arrives while the player is already visible starts it too.
      this.#observer?.disconnect();
      this.#observer = undefined;
      if (this.autoplay) this.#observe();
    }
    if ((changed.has('src') || changed.has('type')) && changed.get('src') !== undefined) this.#playback?.load(this.src, this.type);
    if (changed.has('chapters')) this.#playback?.syncChapters();
  }

  // ---- rendering ----

  get #locale(): string {
    if (this.locale) return resolveLocale(null, this.locale);
    return this.store?.state.locale ?? resolveLocale(this);
  }

  get #live(): boolean {
    return this.#view.state ? this.#view.state.live : this.status === 'live';
  }

  override render() {
    const locale = this.#locale;
    const t: Translate = (key, params) => messages(locale, key, params);
    const started = !!this.#view.state?.started;
    const frameClasses = {
      frame: true,
      portrait: this.aspectRatio === '9:16',
      idle: this.idle && started && !!this.#view.state?.playing,
    };
    return html`
      <div
        class=${classMap(frameClasses)}
        part="frame"
        dir=${isRtl(locale) ? 'rtl' : 'ltr'}
        lang=${locale}
        role="group"
        aria-label=${this.label ? t('video', { title: this.label }) : t('videoUntitled')}
      >
        ${this.#view.activated || this.#view.warm
          ? html`<div class="stage" part="video" @click=${this.#togglePlay} @dblclick=${this.#toggleFullscreen}></div>`
          : nothing}
        ${started ? nothing : this.#renderFacade(t)}
        ${this.#view.activated && started && !this.noHeader ? this.#renderTop(t, true) : nothing}
        ${renderOverlay(t, this.#view, () => void this.#run((p) => p.retry()))}
        ${this.#view.activated && this.#view.autoplayMuted && this.#view.state?.muted
          ? html`<button class="unmute primary" part="unmute" @click=${() => this.#playback?.unmute()}>${icons.muted()} ${t('tapToUnmute')}</button>`
          : nothing}
        ${this.#view.activated && started ? this.#renderControls(locale) : nothing}
      </div>
    `;
  }

  #renderTop(t: Translate, over: boolean) {
    const viewers = this.viewers === undefined ? this.store?.state.viewers ?? null : this.viewers;
    const live = this.status === 'live' || !!this.#view.state?.live;
    return renderTop(t, { over, live, scheduled: this.status === 'scheduled', label: this.label, viewers: this.#live ? viewers : null });
  }

  #renderFacade(t: Translate) {
    return renderFacade(t, {
      poster: this.poster,
      top: this.noHeader ? html`<span></span>` : this.#renderTop(t, false),
      loading: this.#view.activated && !this.#view.problem,
      canPlay: !!this.src && !this.#view.problem,
      play: () => void this.play(),
      warmUp: this.#warmUp,
    });
  }

  #renderControls(locale: string) {
    const module = this.#controls.get();
    if (!module) return nothing;
    return module.renderControls(
      {
        state: this.#view.state!,
        live: this.#live,
        behindLive: BEHIND_LIVE,
        locale,
        tracks: this.#view.tracks,
        scrub: this.scrub,
        fullscreen: this.fullscreen,
        chapters: this.chapters,
        productTitle: (id) => this.store?.product(id)?.title,
      },
      this.#actions,
    );
  }

  #actions = {
    togglePlay: () => this.#togglePlay(),
    toggleMute: () => this.#playback?.toggleMute(),
    goLive: () => this.goLive(),
    seek: (time: number) => this.seek(time),
    setScrub: (value: number | undefined) => (this.scrub = value),
    toggleCaptions: () => this.#playback?.toggleCaptions(this.#locale),
    pip: () => void this.#playback?.engine?.requestPictureInPicture().catch(() => {}),
    toggleFullscreen: () => this.#toggleFullscreen(),
  };

  // ---- play intent and the engine ----

  #observe(): void {
    if (this.#observer || this.#view.activated) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && this.autoplay && !this.#view.activated && this.src) {
          this.#observer?.disconnect();
          this.#observer = undefined;
          void this.#run((p) => p.autoplay());
        }
      },
      { threshold: 0.5 },
    );
    this.#observer.observe(this);
  }

  #warmUp = (): void => {
    prefetchEngine();
    void this.#run((p) => p.warmUp());
  };

  /** Runs `command` on the playback: at once when it is here, else once its chunk arrived. */
  #run(command: (playback: PlaybackController) => unknown): Promise<unknown> {
    if (this.#playback) return Promise.resolve(command(this.#playback));
    return playbackModule.load().then(
      (module) => {
        this.#playback ??= new module.PlaybackController(this, this.#options);
        return command(this.#playback);
      },
      (error: unknown) => this.#report(error, navigator.onLine ? 'stream/unavailable' : 'stream/offline', true),
    );
  }

  /** One path: the store's bus (its owner tells the page), or this element when it has no store. */
  #report(error: unknown, code: 'stream/unavailable' | 'stream/offline', recoverable: boolean): void {
    const detail: VitrineErrorDetail = { code, message: error instanceof Error ? error.message : String(error), recoverable };
    if (this.store) this.store.bus.emit('error', detail);
    else this.emit('vitrine-error', detail);
  }

  /** Seek and pin requests on the store's bus are carried out like `seek()` and `schedulePin()`. */
  #attachStore(): void {
    const store = this.store;
    if (store === this.#attachedStore) return;
    this.#storeOff?.();
    this.#storeOff = undefined;
    this.#attachedStore = undefined;
    if (!store || !this.isConnected) return;
    this.#attachedStore = store;
    const onSeek = ({ time }: { time: number }) => {
      this.seek(time);
      if (this.#playback?.engine?.state.paused) void this.play();
    };
    const onPin = (pin: Pin) => this.schedulePin(pin);
    store.bus.on('seek-request', onSeek);
    store.bus.on('pin-request', onPin);
    const off = store.subscribe((state, previous) => {
      if (state.viewers !== previous.viewers || state.products !== previous.products || state.locale !== previous.locale) {
        this.requestUpdate();
      }
    });
    this.#storeOff = () => {
      store.bus.off('seek-request', onSeek);
      store.bus.off('pin-request', onPin);
      off();
    };
  }

  /** What the element renders from: the playback's state, or the facade's before it is loaded. */
  get #view(): PlaybackView {
    return this.#playback ?? BEFORE_PLAYBACK;
  }

  // ---- controls ----

  #togglePlay = (): void => void this.#run((p) => p.togglePlay());

  #toggleFullscreen = (): void => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void this.frame?.requestFullscreen().catch(() => {});
  };

  #onFullscreen = (): void => {
    this.fullscreen = !!document.fullscreenElement && (document.fullscreenElement === this || this.shadowRoot?.fullscreenElement === this.frame);
  };

  #onActivity = (): void => {
    this.idle = false;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => (this.idle = true), IDLE_MS);
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    const onButton = target?.localName === 'button';
    const key = event.key;
    this.#onActivity();
    const engine = this.#playback?.engine;
    if (!engine) return;
    const rtl = isRtl(this.#locale);
    if ((key === ' ' && !onButton) || key === 'k' || key === 'K') {
      event.preventDefault();
      this.#togglePlay();
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      const forward = (key === 'ArrowRight') !== rtl;
      this.seek(engine.state.currentTime + (forward ? KEY_SEEK : -KEY_SEEK));
    } else if (key === 'm' || key === 'M') {
      event.preventDefault();
      this.#playback?.toggleMute();
    } else if (key === 'f' || key === 'F') {
      event.preventDefault();
      this.#toggleFullscreen();
    }
  };
}

