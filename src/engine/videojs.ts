/**
 * The video.js engine: the only module that imports video.js (with VHS for HLS). It is
 * loaded by `load.ts` with a dynamic `import()`, so it is a lazy chunk of every build.
 *
 * Contained inside the player's shadow root:
 * - no video.js control bar, poster, spinner or error display: only the media loader and the
 *   live tracker, with `controls: false`; the player draws its own accessible controls;
 * - no `<style>` in `<head>` (`VIDEOJS_NO_DYNAMIC_STYLE`, set only while a player is built; its
 *   dimension style updates are switched off per player), and the few rules it needs adopted into
 *   the shadow root as a constructable stylesheet;
 * - native text tracks (no vtt.js globals), so captions render with `::cue` in the `<video>`.
 *
 * Failures of the playlist or of segments are retried with backoff (1, 2, 4, 8, 16 s) by reloading
 * the source where playback was; when that fails too, a fatal `stream/unavailable` is reported.
 */
import videojs from 'video.js';
import { CueReader, HIGHLIGHT_CLASS } from './cues.js';
import { patchSubtitles } from './subtitles.js';
import type {
  EngineEventMap,
  EngineOptions,
  EngineSource,
  EngineState,
  EngineTextTrack,
  VideoEngine,
} from './types.js';
import type { HlsPlaylist, VjsPlayer } from './videojs-shapes.js';

export { provideVtt } from './subtitles.js';

const RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000];
/** How often cues and the live position are polled while playing (zero-length cues fire no `cuechange`). */
const POLL_MS = 200;

/** The few rules video.js's markup needs; the rest of the look is the player's own. */
const ENGINE_CSS = `
.video-js { position: absolute; inset: 0; width: 100%; height: 100%; overflow: hidden; background: #000; }
.video-js .vjs-tech { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.video-js .vjs-hidden, .video-js .vjs-offscreen { display: none !important; }
`;

let engineSheet: CSSStyleSheet | undefined;

/** Every live engine, for tests and for `getPlayers()`. */
const engines = new Set<VideoJsEngine>();

/** The video.js players that exist (for leak tests): must be empty after every player is disposed. */
export function getPlayers(): Record<string, unknown> {
  const players = (videojs as unknown as { getPlayers(): Record<string, unknown | null> }).getPlayers();
  return Object.fromEntries(Object.entries(players).filter(([, p]) => p));
}

/** The number of engines not yet disposed. */
export function liveEngineCount(): number {
  return engines.size;
}

export function createVideoJsEngine(options: EngineOptions): VideoEngine {
  return new VideoJsEngine(options);
}

type Handler = (event: never) => void;

class VideoJsEngine implements VideoEngine {
  #player: VjsPlayer;
  #handlers = new Map<keyof EngineEventMap, Set<Handler>>();
  #source: EngineSource | undefined;
  #started = false;
  #waiting = false;
  #waitingAt: number | undefined;
  #retries = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #resumeAt = 0;
  #wasPlaying = false;
  /** The stream's DATERANGEs, ID3 pins and timeline (cues.ts). */
  #cues = new CueReader();
  #tracksKey = '';
  #disposed = false;
  #offline = false;
  #retryDelays: readonly number[];
  /** Media time and wall time of the last progress, for the stall watchdog. */
  #progress = { time: -1, at: 0 };
  #onOnline = () => this.#online();
  #onOffline = () => this.#wentOffline();

  constructor(options: EngineOptions) {
    this.#retryDelays = options.retryDelays ?? RETRY_DELAYS;
    if (!engineSheet) {
      engineSheet = new CSSStyleSheet();
      engineSheet.replaceSync(ENGINE_CSS);
    }
    if (!options.styleRoot.adoptedStyleSheets.includes(engineSheet)) {
      options.styleRoot.adoptedStyleSheets = [...options.styleRoot.adoptedStyleSheets, engineSheet];
    }
    const video = document.createElement('video');
    video.className = 'video-js';
    video.setAttribute('playsinline', '');
    video.crossOrigin = 'anonymous';
    if (options.muted) video.muted = true;
    if (options.poster) video.poster = options.poster;
    for (const track of options.captions ?? []) {
      const el = document.createElement('track');
      el.kind = 'captions';
      el.src = track.src;
      el.srclang = track.srclang;
      el.label = track.label;
      if (track.default) el.default = true;
      video.append(el);
    }
    options.container.append(video);

    const win = window as unknown as Record<string, unknown>;
    const flagBefore = Object.prototype.hasOwnProperty.call(win, 'VIDEOJS_NO_DYNAMIC_STYLE');
    win['VIDEOJS_NO_DYNAMIC_STYLE'] = true;
    const log = (videojs as unknown as { log: { level(value?: string): string } }).log;
    const level = log.level();
    try {
      log.level('error');
      this.#player = videojs(video, {
        controls: false,
        autoplay: false,
        preload: 'auto',
        muted: options.muted ?? false,
        children: ['mediaLoader', 'liveTracker'],
        liveTracker: { trackingThreshold: 0, liveTolerance: 3 },
        html5: {
          nativeTextTracks: true,
          nativeAudioTracks: false,
          nativeVideoTracks: false,
          // DATERANGE lines are read by the engine (daterange.ts), not converted and placed by VHS.
          vhs: { overrideNative: true, useDtsForTimestampOffset: true, customTagParsers: [this.#cues.tagParser] },
        },
        language: options.language ?? 'en',
      }) as unknown as VjsPlayer;
    } finally {
      log.level(level);
      if (!flagBefore) delete win['VIDEOJS_NO_DYNAMIC_STYLE'];
    }
    // The flag is gone: keep this player from writing its dimension <style> into <head>.
    this.#player.updateStyleEl_ = () => {};
    if (options.label) this.#player.el().setAttribute('aria-label', options.label);
    engines.add(this);

    const p = this.#player;
    p.on(['play', 'pause', 'playing', 'timeupdate', 'volumechange', 'durationchange', 'loadedmetadata', 'ended', 'seeked', 'seeking', 'progress'], (event) => {
      if (event?.type === 'playing') {
        this.#waiting = false;
        this.#retries = 0;
      }
      if (event?.type === 'playing') this.#started = true;
      if (event?.type === 'timeupdate' && this.#waiting) {
        // Some recoveries resume without a `playing` event: moving media time means not waiting.
        const time = p.currentTime();
        if (this.#waitingAt !== undefined && time > this.#waitingAt + 0.05) this.#waiting = false;
      }
      this.#emitState();
    });
    p.on('waiting', () => {
      this.#waiting = true;
      this.#waitingAt = p.currentTime();
      this.#emitState();
    });
    p.on('error', () => this.#failed());
    p.on('loadedmetadata', () => {
      patchSubtitles(this.#player);
      this.#scan();
    });
    p.on('loadstart', () => patchSubtitles(this.#player));
    p.textTracks().addEventListener('addtrack', () => this.#scan());
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    this.#poll = setInterval(() => {
      if (!p.paused() || this.#waiting) this.#scan();
      this.#watchdog();
    }, POLL_MS);
  }

  get state(): EngineState {
    const p = this.#player;
    const live = this.#isLive();
    return {
      playing: !p.paused() && !p.ended(),
      paused: p.paused(),
      muted: p.muted(),
      volume: p.volume(),
      currentTime: p.currentTime() || 0,
      duration: live ? Infinity : p.duration() || 0,
      live,
      liveLatency: live ? this.#latency() : 0,
      waiting: this.#waiting,
      ended: p.ended(),
      started: this.#started,
      seekableStart: seekableStart(p),
      seekableEnd: seekableEnd(p),
    };
  }

  get video(): HTMLVideoElement | null {
    return this.#player.el()?.querySelector('video') ?? null;
  }

  load(source: EngineSource): void {
    this.#source = source;
    this.#started = false;
    this.#cues.clear();
    this.#player.src({ src: source.src, type: source.type ?? guessType(source.src) });
  }

  async play(): Promise<void> {
    this.#wasPlaying = true;
    try {
      await this.#player.play();
    } catch (error) {
      if ((error as { name?: string })?.name !== 'NotAllowedError') throw error;
      // The browser refused sound: play muted and let the shopper unmute.
      this.#player.muted(true);
      this.#emit('autoplay-blocked', { muted: true });
      await this.#player.play();
    }
  }

  pause(): void {
    this.#wasPlaying = false;
    this.#player.pause();
  }

  seek(time: number): void {
    const start = seekableStart(this.#player);
    const end = this.#isLive() ? seekableEnd(this.#player) : this.#player.duration() || Infinity;
    this.#player.currentTime(Math.min(Math.max(time, start), end));
  }

  goLive(): void {
    const tracker = this.#player.liveTracker;
    if (tracker?.isLive()) tracker.seekToLiveEdge();
    else this.#player.currentTime(seekableEnd(this.#player));
    if (this.#player.paused()) void this.play().catch(() => {});
  }

  setMuted(muted: boolean): void {
    this.#player.muted(muted);
  }

  setTextTrack(id: string | null): void {
    patchSubtitles(this.#player);
    const tracks = this.#player.textTracks();
    for (let i = 0; i < tracks.length; i++) {
      const track = tracks[i]!;
      if (track.kind !== 'captions' && track.kind !== 'subtitles') continue;
      track.mode = trackId(track, i) === id ? 'showing' : 'disabled';
    }
    this.#emitTracks(true);
  }

  async requestPictureInPicture(): Promise<void> {
    const video = this.video;
    if (!video) return;
    if (document.pictureInPictureElement === video) await document.exitPictureInPicture();
    else await video.requestPictureInPicture();
  }


  programDateTime(mediaTime: number): number | undefined {
    this.#cues.playlist(this.#media());
    return this.#cues.timeline.programDateTime(mediaTime);
  }

  mediaTimeOf(epochMs: number): number | undefined {
    this.#cues.playlist(this.#media());
    return this.#cues.timeline.mediaTimeOf(epochMs);
  }

  on<K extends keyof EngineEventMap>(type: K, handler: (event: EngineEventMap[K]) => void): () => void {
    let set = this.#handlers.get(type);
    if (!set) this.#handlers.set(type, (set = new Set()));
    set.add(handler as Handler);
    return () => {
      set.delete(handler as Handler);
    };
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    clearInterval(this.#poll);
    clearTimeout(this.#retryTimer);
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#handlers.clear();
    engines.delete(this);
    if (!this.#player.isDisposed()) this.#player.dispose();
  }

  // --- internals ---

  #emit<K extends keyof EngineEventMap>(type: K, event: EngineEventMap[K]): void {
    for (const handler of [...(this.#handlers.get(type) ?? [])]) (handler as (event: EngineEventMap[K]) => void)(event);
  }

  #emitState(): void {
    if (this.#disposed) return;
    this.#emit('state', this.state);
  }

  #isLive(): boolean {
    const media = this.#media();
    if (media) return !media.endList;
    return this.#player.duration() === Infinity;
  }

  #latency(): number {
    const tracker = this.#player.liveTracker;
    const edge = tracker?.isLive() ? tracker.liveCurrentTime() : seekableEnd(this.#player);
    return Math.max(0, edge - (this.#player.currentTime() || 0));
  }

  #media(): HlsPlaylist | undefined {
    try {
      return this.#player.tech({ IWillNotUseThisInPlugins: true })?.vhs?.playlists?.media();
    } catch {
      return undefined;
    }
  }

  /** Reads the playlist's timeline and the stream's timed metadata; emits the new cues. */
  #scan(): void {
    if (this.#disposed) return;
    this.#cues.playlist(this.#media());
    const fresh = this.#cues.read(this.#player.textTracks());
    if (fresh.length) this.#emit('cues', fresh);
    this.#emitTracks(false);
    this.#emitState();
  }

  #emitTracks(force: boolean): void {
    const list: EngineTextTrack[] = [];
    const tracks = this.#player.textTracks();
    for (let i = 0; i < tracks.length; i++) {
      const track = tracks[i]!;
      if (track.kind !== 'captions' && track.kind !== 'subtitles') continue;
      list.push({ id: trackId(track, i), label: track.label, language: track.language, showing: track.mode === 'showing' });
    }
    const key = JSON.stringify(list);
    if (!force && key === this.#tracksKey) return;
    this.#tracksKey = key;
    this.#emit('tracks', list);
  }

  /**
   * VHS retries the only playlist of a stream forever when it stops answering, and playback just
   * waits. When playback should run but media time has not moved for three target durations (at
   * least 4 s), treat it as a failure: reload, and in the end report it.
   */
  #watchdog(): void {
    const p = this.#player;
    const now = performance.now();
    const time = p.currentTime() || 0;
    const running =
      this.#wasPlaying && !p.paused() && !p.ended() && !(p as unknown as { seeking(): boolean }).seeking() && !this.#offline && this.#retryTimer === undefined;
    if (!running || time !== this.#progress.time) {
      this.#progress = { time, at: now };
      return;
    }
    const target = this.#media()?.targetDuration ?? 2;
    // Starting (engine, playlist, first segments) on a slow device gets more time than a stall.
    const limit = this.#started ? Math.max(4000, 3000 * target) : 15000;
    if (now - this.#progress.at > limit) {
      this.#progress = { time, at: now };
      this.#failed('The stream stopped.');
    }
  }

  /** The playlist or a segment failed: retry with backoff from where playback was; give up after the last delay. */
  #failed(reason?: string): void {
    if (this.#disposed || !this.#source) return;
    const error = reason ? { message: reason } : this.#player.error();
    if (this.#offline) return;
    const time = this.#player.currentTime() || 0;
    if (time > 0) this.#resumeAt = time;
    if (this.#retries >= this.#retryDelays.length) {
      this.#emit('error', {
        code: 'stream/unavailable',
        message: error?.message || 'The stream cannot be played.',
        fatal: true,
      });
      return;
    }
    const delay = this.#retryDelays[this.#retries++]!;
    this.#emit('error', { code: 'stream/unavailable', message: error?.message || 'The stream failed; retrying.', fatal: false });
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#reload();
    }, delay);
  }

  #reload(): void {
    if (this.#disposed || !this.#source) return;
    const live = this.#isLive();
    const resumeAt = this.#resumeAt;
    this.#player.error(null);
    this.load(this.#source);
    const p = this.#player;
    const resume = () => {
      p.off('loadedmetadata', resume);
      if (!live && resumeAt > 0) p.currentTime(resumeAt);
      if (this.#wasPlaying) void this.play().catch(() => {});
    };
    p.on('loadedmetadata', resume);
    if (this.#wasPlaying) void this.play().catch(() => {});
  }

  #wentOffline(): void {
    this.#offline = true;
    this.#emit('error', { code: 'stream/offline', message: 'The device is offline.', fatal: false });
  }

  #online(): void {
    if (!this.#offline) return;
    this.#offline = false;
    this.#retries = 0;
    if (this.#player.error()) this.#reload();
    this.#emit('state', this.state);
  }
}

function seekableStart(p: VjsPlayer): number {
  const r = p.seekable();
  return r && r.length ? r.start(0) : 0;
}

function seekableEnd(p: VjsPlayer): number {
  const r = p.seekable();
  return r && r.length ? r.end(r.length - 1) : 0;
}

function trackId(track: TextTrack, index: number): string {
  return track.id || `${track.language || 'track'}-${index}`;
}

function guessType(src: string): string | undefined {
  const path = src.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.m3u8')) return 'application/x-mpegURL';
  if (path.endsWith('.mp4')) return 'video/mp4';
  if (path.endsWith('.webm')) return 'video/webm';
  return undefined;
}

export { HIGHLIGHT_CLASS };
