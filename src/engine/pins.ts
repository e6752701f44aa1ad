/**
 * The pin scheduler: shows a product pin when playback reaches its moment, not when the pin
 * arrives. In-band `#EXT-X-DATERANGE` pins come with a media time; live-event (SSE) pins come with
 * a program date-time that `mapToMediaTime` turns into a media time through the stream's
 * `#EXT-X-PROGRAM-DATE-TIME`. Framework-free and engine-free, so it is tested on its own.
 *
 * Rules:
 * - a pin fires once per `id`, when playback crosses its media time (played through, not seeked
 *   over), or at once when it arrives for a moment that playback has already passed (a late pin);
 * - seeking back to before a pin re-arms it (a replay shows it again);
 * - a pin that cannot be placed in media time (no engine yet, no program date-time in the stream)
 *   fires on arrival.
 */

/** The DATERANGE CLASS of an in-band product pin (docs/live-events.md). */
export const HIGHLIGHT_CLASS = 'com.vitrine.highlight';

export interface Pin {
  /** Stable id: the DATERANGE ID or the live event's id. */
  id: string;
  productId: string;
  /** Media time in seconds, when known (in-band pins). */
  mediaTime?: number;
  /** Program date-time in epoch milliseconds (live-event pins). */
  programDateTime?: number;
}

export interface PinSchedulerOptions {
  /** Called when a pin fires, with the media time it belongs to. */
  fire(pin: Pin, at: number): void;
  /** Maps a program date-time to media time; `undefined` when unknown (yet). */
  mapToMediaTime(epochMs: number): number | undefined;
  /**
   * Whether a mapping can still appear: false before the engine is loaded and once the stream's
   * playlist is known to carry no program date-time. When false, unmappable pins fire on arrival.
   */
  canMap(): boolean;
}

/** The largest step between two ticks that still counts as playing through (not a seek). */
const MAX_PLAY_STEP = 1.5;
/** A pin this close ahead (seconds) counts as reached, so a tick that lands just short is not late. */
const EARLY = 0.05;

interface Entry {
  pin: Pin;
  time: number | undefined;
  fired: boolean;
}

export class PinScheduler {
  #entries = new Map<string, Entry>();
  #last: number | undefined;
  #options: PinSchedulerOptions;

  constructor(options: PinSchedulerOptions) {
    this.#options = options;
  }

  /** Schedules a pin; a pin whose `id` is known already is ignored. `now`: the current media time, if playing. */
  schedule(pin: Pin, now?: number): void {
    if (this.#entries.has(pin.id)) return;
    const entry: Entry = { pin, time: this.#resolve(pin), fired: false };
    this.#entries.set(pin.id, entry);
    if (entry.time === undefined) {
      // No moment to wait for (a live event without `at`), or none that can be mapped: show it now.
      const timeless = pin.mediaTime === undefined && pin.programDateTime === undefined;
      if (timeless || !this.#options.canMap()) this.#fire(entry, now ?? this.#last ?? 0);
      return;
    }
    const current = now ?? this.#last;
    // Late: its moment has passed already (within a window that is still on screen).
    if (current !== undefined && entry.time <= current + EARLY) this.#fire(entry, entry.time);
  }

  /** Advances to media time `time` (call often while playing: every ~100 ms). */
  tick(time: number): void {
    const last = this.#last;
    this.#last = time;
    for (const entry of this.#entries.values()) {
      if (entry.time === undefined) {
        entry.time = this.#resolve(entry.pin);
        if (entry.time === undefined) {
          if (!this.#options.canMap()) this.#fire(entry, time);
          continue;
        }
        if (!entry.fired && entry.time <= time + EARLY) {
          this.#fire(entry, entry.time);
          continue;
        }
      }
      const at = entry.time;
      if (entry.fired) {
        // Seeked back to before it: show it again when playback gets there.
        if (time < at - 0.5) entry.fired = false;
        continue;
      }
      if (last === undefined) continue;
      const step = time - last;
      if (step >= 0 && step <= MAX_PLAY_STEP && last < at + EARLY && time >= at - EARLY) this.#fire(entry, at);
    }
  }

  /** Forgets every pin (a new source). */
  clear(): void {
    this.#entries.clear();
    this.#last = undefined;
  }

  /** The scheduled pins and whether each has fired (for inspection). */
  get pins(): { pin: Pin; mediaTime: number | undefined; fired: boolean }[] {
    return [...this.#entries.values()].map((e) => ({
      pin: e.pin,
      mediaTime: Number.isNaN(e.time) ? undefined : e.time,
      fired: e.fired,
    }));
  }

  #resolve(pin: Pin): number | undefined {
    if (pin.mediaTime !== undefined && Number.isFinite(pin.mediaTime)) return pin.mediaTime;
    if (pin.programDateTime !== undefined) return this.#options.mapToMediaTime(pin.programDateTime);
    return undefined;
  }

  #fire(entry: Entry, at: number): void {
    entry.fired = true;
    // Shown on arrival without a place in media time: it stays shown, never re-armed.
    if (entry.time === undefined) entry.time = Number.NaN;
    this.#options.fire(entry.pin, at);
  }
}
