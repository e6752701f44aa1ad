/**
 * The playback side of `<vitrine-player>`, as a Lit reactive controller: everything between play
 * intent and a playing video, apart from how the element draws it. It activates the video engine
 * (a lazy chunk) on play intent or muted autoplay once visible, warms it up on hover/focus of Play
 * (built without a source, so a click only attaches the stream), retries a failing stream, turns
 * in-band `#EXT-X-DATERANGE` cues and pins (the bus's `pin-request`s, which the element hands
 * over like its `seek-request`s) into product pins shown when playback reaches them, and writes
 * the media time into the store while playing. A lazy chunk: the element loads it when the page
 * is idle, or at the first play intent (with the engine, in parallel). Failures go on the store's bus once (standalone, without a store: `vitrine-error`
 * from the element). The element re-renders when `activated`, `warm`, `state`, `tracks`, `problem`
 * or `autoplayMuted` change.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { VitrineErrorDetail } from '../../core/errors.js';
import type { ShowStore } from '../../core/store.js';
import type { Chapter, Product } from '../../core/types.js';
import { loadEngine, prefetchEngine } from '../../engine/load.js';
import { releaseWhenGone } from '../base.js';
import { HIGHLIGHT_CLASS, PinScheduler, type Pin } from '../../engine/pins.js';
import type { EngineCaption, EngineCue, EngineState, EngineTextTrack, VideoEngine } from '../../engine/types.js';
import { WatchTracker, type WatchEmit } from './watch-tracker.js';

/** How often the player writes `currentTime` into the store, at most (ms). */
const STORE_TIME_MS = 250;
/** How often pins are checked while playing (ms). */
const TICK_MS = 100;

type StreamErrorCode = 'stream/unavailable' | 'stream/offline';
/** The fields the element renders from. */
type Observed = Partial<Pick<PlaybackController, 'activated' | 'warm' | 'state' | 'tracks' | 'problem' | 'autoplayMuted'>>;

/** The element's properties the playback reads: its source, engine settings and store. */
export interface PlaybackHost extends ReactiveElement {
  src?: string | undefined;
  type?: string | undefined;
  poster?: string | undefined;
  /** Where playback starts (s), unless a seek says otherwise. */
  startTime?: number | undefined;
  captions: EngineCaption[];
  retryDelays: readonly number[];
  /** The store: requests come from its bus, pins and the media time go into it. */
  store?: ShowStore | undefined;
  /** A replay's chapters: each is a pin at its media time (the product shown from there on). */
  chapters?: readonly Chapter[];
}

/** What else the playback needs of its element. */
export interface PlaybackOptions {
  /** The engine's accessible name and language. */
  label(): { label: string; language: string };
  /** Where the engine renders (rendered once `activated` or `warm`). */
  stage(): HTMLElement | null | undefined;
  /** A pin was reached: the product is pinned (the element tells the page). */
  pinned(product: Product, at: number): void;
  /** A failure, for a player without a store (with one, it goes on the bus). */
  report(detail: VitrineErrorDetail): void;
  /** Called at play intent: the element fetches what it draws after it (the control bar). */
  intent(): void;
  /** The video started showing (the first `started` state). */
  started(): void;
  /** `vitrine-play`, `vitrine-pause` and `vitrine-progress` (watch-tracker.ts), from the element. */
  watch: WatchEmit;
}

export class PlaybackController implements ReactiveController {
  readonly #host: PlaybackHost;
  readonly #options: PlaybackOptions;

  /** True from play intent on (the engine is loading or loaded). */
  activated = false;
  /** True once hover/focus on Play has built the engine in advance (no source, no request). */
  warm = false;
  state: EngineState | undefined;
  tracks: EngineTextTrack[] = [];
  problem: 'reconnecting' | 'unavailable' | 'offline' | undefined;
  /** Playback started muted (autoplay) and the shopper has not unmuted yet. */
  autoplayMuted = false;
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
  #watch: WatchTracker;
  #lastStoreWrite = 0;
  /** The media time the scheduler heard last. */
  #lastTickTime = 0;
  #metadataLoaded = false;
  #wantsPlay = false;
  #cancelRelease: (() => void) | undefined;
  /** It was playing when it left the document. */
  #resumeOnReturn = false;

  constructor(host: PlaybackHost, options: PlaybackOptions) {
    this.#host = host;
    this.#options = options;
    this.#watch = new WatchTracker(options.watch);
    host.addController(this);
  }

  /** The engine, once activated. */
  get engine(): VideoEngine | undefined {
    return this.#engine;
  }

  hostConnected(): void {
    this.#cancelRelease?.();
    this.#cancelRelease = undefined;
    // Moved a little later than in the same task: the browser paused the <video> when it left the
    // document; it goes on from the same time.
    if (this.#resumeOnReturn && this.#engine?.state.paused) void this.#engine.play().catch(() => {});
    this.#resumeOnReturn = false;
  }

  hostDisconnected(): void {
    // Moved in the DOM (inserted again within RELEASE_DELAY): the engine, its video and position
    // stay. Really gone: disposed.
    this.#resumeOnReturn = Boolean(this.#engine && !this.#engine.state.paused);
    this.#cancelRelease?.();
    this.#cancelRelease = releaseWhenGone(this.#host, () => {
      this.#cancelRelease = undefined;
      this.#resumeOnReturn = false;
      this.dispose();
    });
  }

  /** Starts playback: before the engine, this is play intent (the engine loads). */
  async play(): Promise<void> {
    this.#wantsPlay = true;
    if (!this.#engine) return this.activate({ muted: false });
    // A refused play() is not an error to report: a failing stream comes through the engine's
    // `error` (with retries), and a blocked autoplay through `autoplay-blocked`.
    await this.#engine.play().catch(() => {});
  }

  pause(): void {
    this.#wantsPlay = false;
    this.#engine?.pause();
  }

  /** Muted autoplay (the element saw the player become visible). */
  autoplay(): void {
    this.#wantsPlay = true;
    void this.activate({ muted: true });
  }

  seek(time: number): void {
    if (!Number.isFinite(time)) return;
    if (!this.#engine) {
      void this.activate({ muted: false, startAt: time });
      return;
    }
    this.#engine.seek(time);
  }

  schedulePin(pin: Pin): void {
    this.#scheduler.schedule(pin, this.#engine ? this.#engine.state.currentTime : undefined);
  }

  /** A new source while the engine runs: pins of the old one are dropped. */
  load(src: string | undefined, type: string | undefined): void {
    if (!this.#engine) return;
    this.#scheduler.clear();
    this.#watch.reset();
    this.#metadataLoaded = false;
    this.syncChapters();
    if (src) this.#engine.load({ src, type });
  }

  /**
   * A replay's chapters as pins at their media times: the product of the chapter playback is in is
   * pinned as playback passes each start, and after any seek (the scheduler catches up). Called
   * when the engine starts and when the chapters change; a known chapter is not scheduled twice.
   */
  syncChapters(): void {
    if (!this.#engine) return;
    for (const chapter of this.#host.chapters ?? []) {
      this.#scheduler.schedule(
        { id: `chapter:${chapter.start}:${chapter.productId}`, productId: chapter.productId, mediaTime: chapter.start },
        this.#engine.state.currentTime,
      );
    }
  }

  activate(options: { muted: boolean; startAt?: number }): Promise<void> {
    if (this.#loading) return this.#loading;
    if (!this.#host.src) return Promise.resolve();
    this.#intentAt = performance.now();
    this.#set({ activated: true, problem: undefined, autoplayMuted: options.muted });
    this.#loading = this.#start(options).finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /**
   * Hover or focus on Play: fetch the engine chunk and build the engine (video.js player) without
   * a source, so a click only attaches the stream. No media request happens before the click.
   */
  warmUp(): void {
    prefetchEngine();
    this.#options.intent();
    if (this.#warmEngine || this.activated || !this.#host.src) return;
    this.#warmEngine = this.#createEngine(false).catch(() => undefined);
  }

  /** "Try again" (and back online): reload the stream, or activate again. */
  retry(): void {
    this.#set({ problem: undefined });
    if (!this.#engine) {
      void this.activate({ muted: this.autoplayMuted });
      return;
    }
    const { src, type } = this.#host;
    if (src) this.#engine.load({ src, type });
    void this.play();
  }

  togglePlay(): void {
    if (!this.#engine || this.#engine.state.paused) void this.play();
    else this.pause();
  }

  toggleMute(): void {
    if (!this.#engine) return;
    const muted = !this.#engine.state.muted;
    this.#engine.setMuted(muted);
    if (!muted) this.#set({ autoplayMuted: false });
  }

  /** "Tap to unmute" after muted autoplay: sound on, and playing. */
  unmute(): void {
    this.#engine?.setMuted(false);
    this.#set({ autoplayMuted: false });
    if (this.#engine?.state.paused) void this.play();
  }

  /** Captions off, or on in the track of `locale`'s language (else the first). */
  toggleCaptions(locale: string): void {
    if (!this.#engine) return;
    if (this.tracks.some((track) => track.showing)) {
      this.#engine.setTextTrack(null);
      return;
    }
    const lang = locale.split('-')[0];
    const track = this.tracks.find((tr) => tr.language.split('-')[0] === lang) ?? this.tracks[0];
    this.#engine.setTextTrack(track?.id ?? null);
  }

  async #createEngine(muted: boolean): Promise<VideoEngine | undefined> {
    const factory = await loadEngine();
    this.#set({ warm: true });
    await this.#host.updateComplete;
    const stage = this.#options.stage();
    if (!this.#host.isConnected || !stage) return undefined;
    const { poster, captions, retryDelays } = this.#host;
    const { label, language } = this.#options.label();
    return factory({ container: stage, styleRoot: this.#host.shadowRoot!, poster, muted, captions, label, language, retryDelays });
  }

  async #start(options: { muted: boolean; startAt?: number }): Promise<void> {
    this.#options.intent();
    let engine: VideoEngine | undefined;
    try {
      const warmed = this.#warmEngine;
      this.#warmEngine = undefined;
      engine = (await warmed) ?? (await this.#createEngine(options.muted));
    } catch (error) {
      this.#set({ activated: false });
      if (!navigator.onLine) {
        // The engine chunk could not come: the device is offline. Try again when it is back.
        this.#set({ problem: 'offline' });
        this.report(error, 'stream/offline', true);
        window.addEventListener('online', () => {
          if (this.#host.isConnected && this.problem === 'offline') this.retry();
        }, { once: true });
        return;
      }
      this.#set({ problem: 'unavailable' });
      this.report(error, 'stream/unavailable', false);
      return;
    }
    if (!engine) return;
    const { src, type } = this.#host;
    if (!this.#host.isConnected || !this.activated || !src) {
      engine.dispose();
      return;
    }
    engine.setMuted(options.muted);
    this.#engine = engine;
    this.#metadataLoaded = false;
    this.#engineOff = [
      engine.on('state', (s) => this.#onState(s)),
      engine.on('cues', (cues) => this.#onCues(cues)),
      engine.on('tracks', (tracks) => this.#set({ tracks })),
      engine.on('error', (e) => this.#onEngineError(e)),
      engine.on('autoplay-blocked', () => this.#set({ autoplayMuted: true })),
    ];
    const video = engine.video;
    if (video && 'requestVideoFrameCallback' in video) {
      video.requestVideoFrameCallback(() => {
        this.metrics.intentToFirstFrame = performance.now() - this.#intentAt;
      });
    }
    this.syncChapters();
    engine.load({ src, type });
    // The host's start (a deep link's `vitrine-t`) is read now, with the engine here: it may have come meanwhile.
    const startAt = options.startAt ?? this.#host.startTime;
    if (startAt !== undefined && Number.isFinite(startAt)) engine.seek(startAt);
    if (this.#wantsPlay) {
      await engine.play().catch(() => {});
    }
  }

  /** Disposes the engine (also a warmed one) and forgets every pin. */
  dispose(): void {
    const warmed = this.#warmEngine;
    this.#warmEngine = undefined;
    void warmed?.then((engine) => engine?.dispose());
    clearInterval(this.#tick);
    this.#tick = undefined;
    for (const off of this.#engineOff) off();
    this.#engineOff = [];
    this.#engine?.dispose();
    this.#engine = undefined;
    this.#loading = undefined;
    this.#set({ warm: false, activated: false, state: undefined, tracks: [], problem: undefined });
    this.#scheduler.clear();
    this.#watch.reset();
  }

  #set(patch: Observed): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  #onState(s: EngineState): void {
    const first = s.started && !this.state?.started;
    const patch: Observed = { state: s };
    if (s.duration > 0 || s.live) this.#metadataLoaded = true;
    if (this.problem === 'reconnecting' && s.playing && !s.waiting) patch.problem = undefined;
    if (this.problem === 'offline' && navigator.onLine) patch.problem = undefined;
    this.#set(patch);
    if (s.playing && !this.#tick) {
      this.#tick = setInterval(() => this.#onTick(), TICK_MS);
    } else if (!s.playing && this.#tick) {
      clearInterval(this.#tick);
      this.#tick = undefined;
      this.#onTick();
    } else if (!s.playing && this.#engine && Math.abs(s.currentTime - this.#lastTickTime) > 0.5) {
      // Seeked while paused: the product of the new moment is pinned without waiting for play.
      this.#onTick();
    }
    if (first) this.#options.started();
    this.#watch.sample(s, this.#engine?.video?.playbackRate);
  }

  #onTick(): void {
    const engine = this.#engine;
    if (!engine) return;
    const time = engine.state.currentTime;
    this.#lastTickTime = time;
    this.#scheduler.tick(time);
    const store = this.#host.store;
    if (store && performance.now() - this.#lastStoreWrite >= STORE_TIME_MS) {
      this.#lastStoreWrite = performance.now();
      store.set({ currentTime: time });
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
    const store = this.#host.store;
    const product = store?.product(pin.productId);
    if (!product || !store) return;
    store.set({ highlight: { productId: pin.productId, at } });
    this.#options.pinned(product, at);
  }

  #onEngineError(e: { code: StreamErrorCode; message: string; fatal: boolean }): void {
    if (e.code === 'stream/offline') {
      this.#set({ problem: 'offline' });
      this.report(new Error(e.message), 'stream/offline', true);
      return;
    }
    if (!e.fatal) {
      this.#set({ problem: 'reconnecting' });
      return;
    }
    this.#set({ problem: 'unavailable' });
    this.report(new Error(e.message), 'stream/unavailable', false);
  }

  /** One path: the store's bus (its owner tells the page), or the element itself when it has no store. */
  report(error: unknown, code: StreamErrorCode, recoverable: boolean): void {
    const detail: VitrineErrorDetail = { code, message: error instanceof Error ? error.message : String(error), recoverable };
    const store = this.#host.store;
    if (store) store.bus.emit('error', detail);
    else this.#options.report(detail);
  }
}
