/**
 * The pin scheduler: shows a product pin when playback reaches its moment, not when the pin
 * arrives. In-band `#EXT-X-DATERANGE` pins come with a media time; live-event (SSE) pins come with
 * a program date-time that `mapToMediaTime` turns into a media time through the stream's
 * `#EXT-X-PROGRAM-DATE-TIME`. Framework-free and engine-free, so it is tested on its own.
 *
 * Rules:
 * - a pin fires once per `id`, when playback crosses its media time (played through);
 * - when playback starts or jumps (a live viewer joining at the live edge, a seek either way), the
 *   product pinned at that moment, the latest pin before it, is shown at once; the pins jumped over
 *   are not;
 * - a pin that arrives for a moment playback has already passed (a late pin) shows at once, unless
 *   a later pin is shown already;
 * - seeking back to before a pin re-arms it (a replay shows it again);
 * - a pin that cannot be placed in media time (no engine yet, no program date-time in the stream)
 *   fires on arrival.
 */

/** The DATERANGE CLASS of an in-band product pin (docs/live-events.md). */
export { HIGHLIGHT_CLASS } from './highlight.js';

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
  /** The pin shown last, and its media time. */
  #current: Entry | undefined;
  /** Media time of a catch-up with late pins, queued for the end of the current task. */
  #lateAt: number | undefined;
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
    // Late: its moment has passed already. The pins that arrive together (a live window's cues)
    // are caught up with once, in a microtask: only the latest is shown, and none older than the
    // pin on screen.
    if (current !== undefined && entry.time <= current + EARLY) this.#queueCatchUp(current);
  }

  #queueCatchUp(time: number): void {
    const queued = this.#lateAt !== undefined;
    this.#lateAt = Math.max(this.#lateAt ?? time, time);
    if (queued) return;
    queueMicrotask(() => {
      const at = this.#lateAt;
      this.#lateAt = undefined;
      // Undefined after `clear()`: a former source's pins are gone.
      if (at !== undefined) this.#catchUp(at);
    });
  }

  /** Advances to media time `time` (call often while playing: every ~100 ms). */
  tick(time: number): void {
    const last = this.#last;
    this.#last = time;
    const step = last === undefined ? Number.NaN : time - last;
    // Started, or jumped: not played through.
    const jumped = !(step >= 0 && step <= MAX_PLAY_STEP);
    for (const entry of this.#entries.values()) {
      if (entry.time === undefined) {
        entry.time = this.#resolve(entry.pin);
        if (entry.time === undefined) {
          if (!this.#options.canMap()) this.#fire(entry, time);
          continue;
        }
        if (!entry.fired && entry.time <= time + EARLY && !jumped) {
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
      if (!jumped && last! < at + EARLY && time >= at - EARLY) this.#fire(entry, at);
    }
    if (jumped) this.#catchUp(time);
  }

  /** Shows the product pinned at `time` (the latest pin before it), once, after a start or a jump. */
  #catchUp(time: number): void {
    let latest: Entry | undefined;
    for (const entry of this.#entries.values()) {
      const at = entry.time;
      if (at === undefined || !Number.isFinite(at) || at > time + EARLY) continue;
      if (!latest || at > latest.time!) latest = entry;
    }
    if (!latest) return;
    for (const entry of this.#entries.values()) {
      // Jumped over: not shown now, and not when playback goes on.
      if (entry !== latest && entry.time !== undefined && Number.isFinite(entry.time) && entry.time <= latest.time!) entry.fired = true;
    }
    if (this.#current === latest && latest.fired) return;
    this.#fire(latest, latest.time!);
  }

  /** Forgets every pin (a new source). */
  clear(): void {
    this.#entries.clear();
    this.#last = undefined;
    this.#current = undefined;
    this.#lateAt = undefined;
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
    this.#current = entry;
    // Shown on arrival without a place in media time: it stays shown, never re-armed.
    if (entry.time === undefined) entry.time = Number.NaN;
    this.#options.fire(entry.pin, at);
  }
}
