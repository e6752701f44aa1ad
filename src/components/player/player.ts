import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { isRtl, resolveLocale } from '../../core/i18n.js';
import type { ShowStore } from '../../core/store.js';
import type { Chapter, ShowStatus } from '../../core/types.js';
import { loadEngine, prefetchEngine } from '../../engine/load.js';
import { PinScheduler, type Pin } from '../../engine/pins.js';
import type { EngineCaption, EngineCue, EngineState, EngineTextTrack, VideoEngine } from '../../engine/types.js';
import { VitrineElement } from '../base.js';
import { buttonStyles, tokens } from '../shared/styles.js';
import { messages } from './player.messages.js';
import { styles } from './player.styles.js';

type ControlsModule = typeof import('./player-controls.js');
let controlsModule: Promise<ControlsModule> | undefined;
/** The control bar module (lazy, fetched with the engine). */
function loadControls(): Promise<ControlsModule> {
  controlsModule ??= import('./player-controls.js').catch((error: unknown) => {
    controlsModule = undefined;
    throw error;
  });
  return controlsModule;
}

/** The DATERANGE CLASS of an in-band product pin (docs/live-events.md). */
export const HIGHLIGHT_CLASS = 'com.vitrine.highlight';
/** How often the player writes `currentTime` into the store, at most (ms). */
const STORE_TIME_MS = 250;
/** How often pins are checked while playing (ms). */
const TICK_MS = 100;
/** Seconds behind the live edge past which "Go live" is offered. */
const BEHIND_LIVE = 4;
/** Seconds the arrow keys seek. */
const KEY_SEEK = 5;
/** Controls hide after this long without pointer movement while playing (ms). */
const IDLE_MS = 3000;

// Media icons (play, pause, volume) never mirror in right-to-left text: they show the direction
// of media time, not of reading. Only directional arrows take `flip-rtl` (shared/icons.ts).
const icon = (body: ReturnType<typeof svg>) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;
const icons = {
  play: () => icon(svg`<path d="M8 5v14l11-7z" fill="currentColor" stroke="none" />`),
  muted: () => icon(svg`<path d="M4 9v6h4l5 4V5L8 9H4z" /><path d="M22 9l-6 6M16 9l6 6" />`),
};

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

  /** True from play intent on (the engine is loading or loaded). */
  @state() private activated = false;
  /** True once hover/focus on Play has built the engine in advance (no source, no request). */
  @state() private warm = false;
  @state() private engineState: EngineState | undefined;
  @state() private tracks: EngineTextTrack[] = [];
  @state() private problem: 'reconnecting' | 'unavailable' | 'offline' | undefined;
  @state() private autoplayMuted = false;
  @state() private fullscreen = false;
  @state() private idle = false;
  /** Live value of the seek slider while it is dragged. */
  @state() private scrub: number | undefined;
  /** The control bar module, once loaded. */
  @state() private controls: ControlsModule | undefined;

  @query('.stage') private stage!: HTMLElement;
  @query('.frame') private frame!: HTMLElement;

  /** Measured figures: ms from play intent to the first video frame (undefined until then). */
  readonly metrics: { intentToFirstFrame?: number } = {};

  #engine: VideoEngine | undefined;
  /** An engine built on hover/focus, without a source, waiting for play intent. */
  #warmEngine: Promise<VideoEngine | undefined> | undefined;
  #engineOff: (() => void)[] = [];
  #loading: Promise<void> | undefined;
  #intentAt = 0;
  #scheduler = new PinScheduler({
    fire: (pin, at) => this.#pinReached(pin, at),
    mapToMediaTime: (ms) => this.#engine?.mediaTimeOf(ms),
    canMap: () => this.#canMap(),
  });
  #tick: ReturnType<typeof setInterval> | undefined;
  #lastStoreWrite = 0;
  #observer: IntersectionObserver | undefined;
  #storeOff: (() => void) | undefined;
  #attachedStore: ShowStore | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #metadataLoaded = false;
  #wantsPlay = false;

  // ---- public API ----

  /** True once the video engine has been created (after play intent). */
  get engineLoaded(): boolean {
    return !!this.#engine;
  }

  /** Media time in seconds (0 before playback). */
  get currentTime(): number {
    return this.#engine?.state.currentTime ?? 0;
  }

  /** Starts playback: on the facade, this is play intent (the engine loads). */
  async play(): Promise<void> {
    this.#wantsPlay = true;
    if (!this.#engine) return this.#activate({ muted: false });
    // A refused play() is not an error to report: a failing stream comes through the engine's
    // `error` (with retries), and a blocked autoplay through `autoplay-blocked`.
    await this.#engine.play().catch(() => {});
  }

  pause(): void {
    this.#wantsPlay = false;
    this.#engine?.pause();
  }

  /** Seeks to `time` seconds (clamped to what can be played). */
  seek(time: number): void {
    if (!Number.isFinite(time)) return;
    if (!this.#engine) {
      void this.#activate({ muted: false, startAt: time });
      return;
    }
    this.#engine.seek(time);
  }

  /** Jumps to the live edge of a live stream. */
  goLive(): void {
    this.#engine?.goLive();
  }

  /**
   * Shows a product pin when playback reaches it: `mediaTime` in seconds, or `programDateTime`
   * (epoch ms) mapped through the stream's `#EXT-X-PROGRAM-DATE-TIME`. Once per `id`; a replay
   * that seeks back before it shows it again. Without a possible mapping it shows on arrival.
   */
  schedulePin(pin: Pin): void {
    this.#scheduler.schedule(pin, this.#engine ? this.#engine.state.currentTime : undefined);
  }

  /** The media time (s) where program date-time `epochMs` is, when the stream says. */
  mediaTimeOf(epochMs: number): number | undefined {
    return this.#engine?.mediaTimeOf(epochMs);
  }

  /** The program date-time (epoch ms) at media time `seconds`, when the stream says. */
  programDateTime(seconds: number): number | undefined {
    return this.#engine?.programDateTime(seconds);
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    this.#attachStore();
    if (this.autoplay) this.#observe();
    this.addEventListener('keydown', this.#onKey);
    this.addEventListener('pointermove', this.#onActivity);
    document.addEventListener('fullscreenchange', this.#onFullscreen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#storeOff?.();
    this.#storeOff = undefined;
    this.#attachedStore = undefined;
    this.removeEventListener('keydown', this.#onKey);
    this.removeEventListener('pointermove', this.#onActivity);
    document.removeEventListener('fullscreenchange', this.#onFullscreen);
    clearTimeout(this.#idleTimer);
    // Moved in the DOM (removed and inserted in the same task): keep playing. Really gone: dispose.
    queueMicrotask(() => {
      if (!this.isConnected) this.#dispose();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#attachStore();
    if ((changed.has('autoplay') || changed.has('src')) && this.isConnected && !this.activated) {
      // Observe afresh: a source that arrives while the player is already visible starts it too.
      this.#observer?.disconnect();
      this.#observer = undefined;
      if (this.autoplay) this.#observe();
    }
    if ((changed.has('src') || changed.has('type')) && changed.get('src') !== undefined && this.#engine) {
      this.#scheduler.clear();
      this.#metadataLoaded = false;
      if (this.src) this.#engine.load({ src: this.src, type: this.type });
    }
  }

  // ---- rendering ----

  get #locale(): string {
    if (this.locale) return resolveLocale(null, this.locale);
    return this.store?.state.locale ?? resolveLocale(this);
  }

  get #live(): boolean {
    return this.engineState ? this.engineState.live : this.status === 'live';
  }

  override render() {
    const locale = this.#locale;
    const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => messages(locale, key, params);
    const started = !!this.engineState?.started;
    const frameClasses = {
      frame: true,
      portrait: this.aspectRatio === '9:16',
      idle: this.idle && started && !!this.engineState?.playing,
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
        ${this.activated || this.warm
          ? html`<div class="stage" part="video" @click=${this.#togglePlay} @dblclick=${this.#toggleFullscreen}></div>`
          : nothing}
        ${started ? nothing : this.#renderFacade(t)}
        ${this.activated && started && !this.noHeader ? this.#renderTop(t, true) : nothing}
        ${this.#renderOverlay(t)}
        ${this.activated && this.autoplayMuted && this.engineState?.muted
          ? html`<button class="unmute primary" part="unmute" @click=${this.#unmute}>${icons.muted()} ${t('tapToUnmute')}</button>`
          : nothing}
        ${this.activated && started && this.controls ? this.#renderControls(this.controls, locale, t) : nothing}
      </div>
    `;
  }

  #renderTop(t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string, over: boolean) {
    const viewers = this.viewers === undefined ? this.store?.state.viewers ?? null : this.viewers;
    const badge =
      this.status === 'live' || this.engineState?.live
        ? html`<span class="badge live" part="badge">${t('live')}</span>`
        : this.status === 'scheduled'
          ? html`<span class="badge" part="badge">${t('scheduled')}</span>`
          : over
            ? nothing
            : html`<span class="badge" part="badge">${t('replay')}</span>`;
    // The viewer count comes after the title: when it arrives (a live event, later) it takes room at
    // the end of the row, and nothing before it moves (it was a layout shift of the title).
    return html`<div class=${over ? 'top over' : 'top'}>
      ${badge}
      ${over ? nothing : html`<p class="title" part="title">${this.label ?? ''}</p>`}
      ${this.#live && viewers !== null && viewers >= 0
        ? html`<span class="viewers" part="viewers">${t('viewers', { count: viewers })}</span>`
        : nothing}
    </div>`;
  }

  #renderFacade(t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string) {
    const loading = this.activated && !this.problem;
    return html`
      ${this.poster ? html`<img class="poster" part="poster" src=${this.poster} alt="" decoding="async" />` : nothing}
      <div class="facade" part="facade">
        ${this.noHeader ? html`<span></span>` : this.#renderTop(t, false)}
        <div class="center">
          ${loading
            ? html`<span class="spinner big" role="status" aria-label=${t('loading')}></span>`
            : this.src && !this.problem
              ? html`<button
                  class="big-play"
                  part="play-button"
                  aria-label=${t('play')}
                  @click=${this.#onPlayIntent}
                  @pointerenter=${this.#warmUp}
                  @focus=${this.#warmUp}
                >
                  ${icons.play()}
                </button>`
              : nothing}
        </div>
      </div>
    `;
  }

  #renderOverlay(t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string) {
    if (!this.problem) {
      if (this.activated && this.engineState?.started && this.engineState.waiting) {
        return html`<div class="overlay"><span class="spinner big" role="status" aria-label=${t('loading')}></span></div>`;
      }
      return nothing;
    }
    return html`<div class="overlay">
      <div class="message" part="message" role=${this.problem === 'unavailable' ? 'alert' : 'status'}>
        ${this.problem === 'reconnecting' ? html`<span class="spinner big" aria-hidden="true"></span>` : nothing}
        <span>${t(this.problem)}</span>
        ${this.problem === 'unavailable'
          ? html`<button class="secondary" @click=${this.#retry}>${t('retry')}</button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderControls(module: ControlsModule, locale: string, t: (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string) {
    return module.renderControls(
      {
        state: this.engineState!,
        live: this.#live,
        behindLive: BEHIND_LIVE,
        locale,
        t,
        tracks: this.tracks,
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
    toggleMute: () => this.#toggleMute(),
    goLive: () => this.goLive(),
    seek: (time: number) => this.seek(time),
    setScrub: (value: number | undefined) => (this.scrub = value),
    toggleCaptions: () => this.#toggleCaptions(),
    pip: () => this.#pip(),
    toggleFullscreen: () => this.#toggleFullscreen(),
  };

  /** Loads the control bar module and adopts its styles (after the component's own). */
  #loadControls(): void {
    void loadControls()
      .then((module) => {
        const root = this.shadowRoot;
        const sheet = module.controlStyles.styleSheet;
        if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) {
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        }
        this.controls = module;
      })
      .catch((error: unknown) => this.#report(error, 'stream/unavailable', true));
  }

  // ---- play intent and the engine ----

  #onPlayIntent = (): void => {
    void this.play();
  };

  #observe(): void {
    if (this.#observer || this.activated) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && this.autoplay && !this.activated && this.src) {
          this.#observer?.disconnect();
          this.#observer = undefined;
          this.#wantsPlay = true;
          void this.#activate({ muted: true });
        }
      },
      { threshold: 0.5 },
    );
    this.#observer.observe(this);
  }

  #activate(options: { muted: boolean; startAt?: number }): Promise<void> {
    if (this.#loading) return this.#loading;
    if (!this.src) return Promise.resolve();
    this.#intentAt = performance.now();
    this.activated = true;
    this.problem = undefined;
    this.autoplayMuted = options.muted;
    this.#loading = this.#start(options).finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /**
   * Hover or focus on Play: fetch the engine chunk and build the engine (video.js player) without
   * a source, so a click only attaches the stream. No media request happens before the click.
   */
  #warmUp = (): void => {
    prefetchEngine();
    void loadControls().catch(() => {});
    if (this.#warmEngine || this.activated || !this.src) return;
    this.#warmEngine = this.#createEngine(false).catch(() => undefined);
  };

  async #createEngine(muted: boolean): Promise<VideoEngine | undefined> {
    const factory = await loadEngine();
    this.warm = true;
    await this.updateComplete;
    if (!this.isConnected || !this.stage) return undefined;
    const locale = this.#locale;
    return factory({
      container: this.stage,
      styleRoot: this.shadowRoot!,
      poster: this.poster,
      muted,
      captions: this.captions,
      label: this.label ? messages(locale, 'video', { title: this.label }) : messages(locale, 'videoUntitled'),
      language: locale,
      retryDelays: this.retryDelays,
    });
  }

  async #start(options: { muted: boolean; startAt?: number }): Promise<void> {
    this.#loadControls();
    let engine: VideoEngine | undefined;
    try {
      const warmed = this.#warmEngine;
      this.#warmEngine = undefined;
      engine = (await warmed) ?? (await this.#createEngine(options.muted));
    } catch (error) {
      this.activated = false;
      if (!navigator.onLine) {
        // The engine chunk could not come: the device is offline. Try again when it is back.
        this.problem = 'offline';
        this.#report(error, 'stream/offline', true);
        window.addEventListener('online', () => {
          if (this.isConnected && this.problem === 'offline') this.#retry();
        }, { once: true });
        return;
      }
      this.problem = 'unavailable';
      this.#report(error, 'stream/unavailable', false);
      return;
    }
    if (!engine) return;
    if (!this.isConnected || !this.activated || !this.src) {
      engine.dispose();
      return;
    }
    engine.setMuted(options.muted);
    this.#engine = engine;
    this.#metadataLoaded = false;
    this.#engineOff = [
      engine.on('state', (s) => this.#onState(s)),
      engine.on('cues', (cues) => this.#onCues(cues)),
      engine.on('tracks', (tracks) => (this.tracks = tracks)),
      engine.on('error', (e) => this.#onEngineError(e)),
      engine.on('autoplay-blocked', () => (this.autoplayMuted = true)),
    ];
    const video = engine.video;
    if (video && 'requestVideoFrameCallback' in video) {
      video.requestVideoFrameCallback(() => {
        this.metrics.intentToFirstFrame = performance.now() - this.#intentAt;
      });
    }
    engine.load({ src: this.src, type: this.type });
    if (options.startAt !== undefined) engine.seek(options.startAt);
    if (this.#wantsPlay) {
      await engine.play().catch(() => {});
    }
  }

  #dispose(): void {
    const warmed = this.#warmEngine;
    this.#warmEngine = undefined;
    void warmed?.then((engine) => engine?.dispose());
    this.warm = false;
    clearInterval(this.#tick);
    this.#tick = undefined;
    for (const off of this.#engineOff) off();
    this.#engineOff = [];
    this.#engine?.dispose();
    this.#engine = undefined;
    this.#loading = undefined;
    this.activated = false;
    this.engineState = undefined;
    this.tracks = [];
    this.problem = undefined;
    this.#scheduler.clear();
  }

  #onState(s: EngineState): void {
    const first = s.started && !this.engineState?.started;
    this.engineState = s;
    if (s.duration > 0 || s.live) this.#metadataLoaded = true;
    if (this.problem === 'reconnecting' && s.playing && !s.waiting) this.problem = undefined;
    if (this.problem === 'offline' && navigator.onLine) this.problem = undefined;
    if (s.playing && !this.#tick) {
      this.#tick = setInterval(() => this.#onTick(), TICK_MS);
    } else if (!s.playing && this.#tick) {
      clearInterval(this.#tick);
      this.#tick = undefined;
      this.#onTick();
    }
    if (first) this.#onActivity();
  }

  #onTick(): void {
    const engine = this.#engine;
    if (!engine) return;
    const time = engine.state.currentTime;
    this.#scheduler.tick(time);
    if (this.store && performance.now() - this.#lastStoreWrite >= STORE_TIME_MS) {
      this.#lastStoreWrite = performance.now();
      this.store.set({ currentTime: time });
    }
  }

  #onCues(cues: EngineCue[]): void {
    for (const cue of cues) {
      if (cue.className !== HIGHLIGHT_CLASS || !cue.attributes['productId']) continue;
      this.#scheduler.schedule(
        { id: cue.id, productId: cue.attributes['productId'], mediaTime: cue.startTime, programDateTime: cue.startDate },
        this.#engine?.state.currentTime,
      );
    }
  }

  #canMap(): boolean {
    if (!this.#engine) return false;
    // Before the playlist is read, a mapping may still come.
    if (!this.#metadataLoaded) return true;
    return this.#engine.mediaTimeOf(Date.now()) !== undefined;
  }

  #pinReached(pin: Pin, at: number): void {
    const product = this.store?.product(pin.productId);
    if (!product || !this.store) return;
    this.store.set({ highlight: { productId: pin.productId, at } });
    this.emit('vitrine-highlight', { product, at });
  }

  #onEngineError(e: { code: 'stream/unavailable' | 'stream/offline'; message: string; fatal: boolean }): void {
    if (e.code === 'stream/offline') {
      this.problem = 'offline';
      this.#report(new Error(e.message), 'stream/offline', true);
      return;
    }
    if (!e.fatal) {
      this.problem = 'reconnecting';
      return;
    }
    this.problem = 'unavailable';
    this.#report(new Error(e.message), 'stream/unavailable', false);
  }

  #report(error: unknown, code: 'stream/unavailable' | 'stream/offline', recoverable: boolean): void {
    const detail: VitrineErrorDetail = {
      code,
      message: error instanceof Error ? error.message : String(error),
      recoverable,
    };
    // Inside a show, the show turns bus errors into one `vitrine-error` (same detail: deduplicated).
    this.store?.bus.emit('error', detail);
    this.emit('vitrine-error', detail);
  }

  #retry = (): void => {
    this.problem = undefined;
    if (!this.#engine) {
      void this.#activate({ muted: this.autoplayMuted });
      return;
    }
    if (this.src) this.#engine.load({ src: this.src, type: this.type });
    void this.play();
  };

  #attachStore(): void {
    if (this.store === this.#attachedStore) return;
    this.#storeOff?.();
    this.#attachedStore = this.store;
    const store = this.store;
    if (!store || !this.isConnected) {
      this.#storeOff = undefined;
      this.#attachedStore = undefined;
      return;
    }
    const onSeek = ({ time }: { time: number }) => {
      this.seek(time);
      if (this.#engine && this.#engine.state.paused) void this.play();
    };
    store.bus.on('seek-request', onSeek);
    const off = store.subscribe((state, previous) => {
      if (state.viewers !== previous.viewers || state.products !== previous.products || state.locale !== previous.locale) {
        this.requestUpdate();
      }
    });
    this.#storeOff = () => {
      store.bus.off('seek-request', onSeek);
      off();
    };
  }

  // ---- controls ----

  #togglePlay = (): void => {
    if (!this.#engine || this.#engine.state.paused) void this.play();
    else this.pause();
  };

  #toggleMute = (): void => {
    if (!this.#engine) return;
    const muted = !this.#engine.state.muted;
    this.#engine.setMuted(muted);
    if (!muted) this.autoplayMuted = false;
  };

  #unmute = (): void => {
    this.#engine?.setMuted(false);
    this.autoplayMuted = false;
    if (this.#engine?.state.paused) void this.play();
  };

  #toggleCaptions = (): void => {
    if (!this.#engine) return;
    const showing = this.tracks.find((track) => track.showing);
    if (showing) {
      this.#engine.setTextTrack(null);
      return;
    }
    const lang = this.#locale.split('-')[0];
    const track = this.tracks.find((tr) => tr.language.split('-')[0] === lang) ?? this.tracks[0];
    this.#engine.setTextTrack(track?.id ?? null);
  };

  #pip = (): void => {
    void this.#engine?.requestPictureInPicture().catch(() => {});
  };

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
    if (!this.#engine) return;
    const rtl = isRtl(this.#locale);
    if ((key === ' ' && !onButton) || key === 'k' || key === 'K') {
      event.preventDefault();
      this.#togglePlay();
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault();
      const forward = (key === 'ArrowRight') !== rtl;
      this.seek(this.#engine.state.currentTime + (forward ? KEY_SEEK : -KEY_SEEK));
    } else if (key === 'm' || key === 'M') {
      event.preventDefault();
      this.#toggleMute();
    } else if (key === 'f' || key === 'F') {
      event.preventDefault();
      this.#toggleFullscreen();
    }
  };
}

