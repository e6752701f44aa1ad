/**
 * What the player tells analytics about watching (README.md, "Analytics"): `vitrine-play` and
 * `vitrine-pause` when playback starts and stops, and `vitrine-progress` every 10 s of video
 * watched, plus, in a replay, when playback passes 25, 50 and 75 % of the video and reaches its
 * end (100). Seconds watched are media seconds played through: a seek is not watching, and
 * neither is buffering. Fed with the engine's states by the PlaybackController; framework-free.
 */
import type { VitrineEventMap } from '../../core/events.js';
import type { EngineState } from '../../engine/types.js';

/** `vitrine-progress` comes every this many seconds watched. */
export const PROGRESS_EVERY = 10;
/** The percentages of a replay that send `vitrine-progress` with `percent` (100: its end). */
const MILESTONES = [25, 50, 75] as const;

export type WatchEventName = 'vitrine-play' | 'vitrine-pause' | 'vitrine-progress';
export type WatchEmit = <K extends WatchEventName>(name: K, detail: VitrineEventMap[K]) => void;

export class WatchTracker {
  readonly #emit: WatchEmit;
  #playing = false;
  #watched = 0;
  /** The multiple of `PROGRESS_EVERY` last reported. */
  #reported = 0;
  #passed = new Set<number>();
  /** The previous sample: media time and when it was taken (ms). */
  #last: { time: number; at: number } | undefined;

  constructor(emit: WatchEmit) {
    this.#emit = emit;
  }

  /** Seconds of video watched since the source was loaded. */
  get watched(): number {
    return this.#watched;
  }

  /** A new source: counting starts again (no event). */
  reset(): void {
    this.#playing = false;
    this.#watched = 0;
    this.#reported = 0;
    this.#passed.clear();
    this.#last = undefined;
  }

  /**
   * One engine state; `rate` is the playback rate (a faster rate covers more media time per
   * second), `now` the clock in ms.
   */
  sample(s: EngineState, rate = 1, now = performance.now()): void {
    const playing = s.playing && s.started;
    const at = s.currentTime;
    if (playing && !this.#playing) this.#emit('vitrine-play', { at });
    if (!playing && this.#playing && !s.ended) this.#emit('vitrine-pause', { at });
    const last = this.#last;
    if (playing && this.#playing && last && !s.waiting) {
      const delta = at - last.time;
      // More media time than the clock allows is a seek, and backwards too: not watched.
      const allowed = ((now - last.at) / 1000) * Math.max(rate, 0.1) * 1.5 + 0.5;
      if (delta > 0 && delta <= allowed) this.#advance(last.time, at, s);
    }
    if (s.ended && this.#playing && this.#replay(s) && !this.#passed.has(100)) {
      this.#passed.add(100);
      this.#emit('vitrine-progress', { watched: round(this.#watched), at, percent: 100 });
    }
    this.#playing = playing;
    this.#last = { time: at, at: now };
  }

  #advance(from: number, to: number, s: EngineState): void {
    this.#watched += to - from;
    while (this.#watched >= this.#reported + PROGRESS_EVERY) {
      this.#reported += PROGRESS_EVERY;
      this.#emit('vitrine-progress', { watched: this.#reported, at: to });
    }
    if (!this.#replay(s)) return;
    for (const percent of MILESTONES) {
      const mark = (s.duration * percent) / 100;
      if (this.#passed.has(percent) || from >= mark || to < mark) continue;
      this.#passed.add(percent);
      this.#emit('vitrine-progress', { watched: round(this.#watched), at: to, percent });
    }
  }

  #replay(s: EngineState): boolean {
    return !s.live && Number.isFinite(s.duration) && s.duration > 0;
  }
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
