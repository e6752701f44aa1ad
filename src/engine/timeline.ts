/**
 * The stream's timeline: where each segment of a media playlist sits in media time, and which
 * program date-time (`#EXT-X-PROGRAM-DATE-TIME`) it shows. Engine-free, so it is tested on its own.
 *
 * A program date-time is placed through the segment that contains it, never from one origin for
 * the whole stream: after an `#EXT-X-DISCONTINUITY` whose date jumps (an encoder restart, a
 * dropped feed, a stitched replay), media time runs on while the date leaps.
 *
 * Segments are kept by media sequence number, so a live window that slides keeps its history.
 * A segment's start comes from the engine when it knows it (a segment it has loaded), or from the
 * segment before or after it (start + duration); the very first playlist starts at media time 0,
 * as VHS places it.
 */

export interface TimelineSegment {
  /** Seconds. */
  duration: number;
  /** Epoch ms of the segment's first frame, when the playlist says. */
  programDateTime?: number;
  /** Media time of the start in seconds, when the engine knows it. */
  start?: number;
}

interface Placed {
  start: number;
  duration: number;
  pdt: number | undefined;
}

/** The most segments kept (an hour and a half of 2 s segments: more than any DVR window played). */
const KEEP = 3000;

export class Timeline {
  #segments = new Map<number, Placed>();
  #sorted: [number, Placed][] | undefined;

  /** Adds or refreshes a media playlist's segments; `mediaSequence` is the number of the first. */
  update(mediaSequence: number, segments: readonly TimelineSegment[]): void {
    if (!segments.length) return;
    this.#sorted = undefined;
    // An anchor: a segment whose start the engine knows, else one placed before, else 0.
    let anchor = segments.findIndex((s) => typeof s.start === 'number' && Number.isFinite(s.start));
    let anchorStart = anchor >= 0 ? segments[anchor]!.start! : undefined;
    if (anchor < 0) {
      anchor = segments.findIndex((_, i) => this.#segments.has(mediaSequence + i));
      if (anchor >= 0) anchorStart = this.#segments.get(mediaSequence + anchor)!.start;
    }
    if (anchor < 0) {
      // Nothing in common with what is known: continue from the last known segment, or start at 0.
      const last = this.#last();
      anchor = 0;
      anchorStart = last && last[0] < mediaSequence ? this.#extend(last, mediaSequence) : 0;
    }
    const place = (i: number, start: number) => {
      const s = segments[i]!;
      const known = typeof s.start === 'number' && Number.isFinite(s.start) ? s.start : start;
      this.#segments.set(mediaSequence + i, { start: known, duration: s.duration, pdt: s.programDateTime });
      return known;
    };
    let start = place(anchor, anchorStart!);
    for (let i = anchor + 1; i < segments.length; i++) start = place(i, start + segments[i - 1]!.duration);
    start = this.#segments.get(mediaSequence + anchor)!.start;
    for (let i = anchor - 1; i >= 0; i--) start = place(i, start - segments[i]!.duration);
    if (this.#segments.size > KEEP) {
      const drop = [...this.#segments.keys()].sort((a, b) => a - b).slice(0, this.#segments.size - KEEP);
      for (const key of drop) this.#segments.delete(key);
    }
    this.#sorted = undefined;
  }

  /**
   * The media time (s) where program date-time `epochMs` is shown: through the segment that
   * contains it; in a gap between two dated segments (a jump forward), the start of the later one;
   * before the first or after the last dated segment, extrapolated from it (a live moment to come).
   */
  mediaTimeOf(epochMs: number): number | undefined {
    const dated = this.#list().filter(([, s]) => s.pdt !== undefined).map(([, s]) => s);
    if (!dated.length) return undefined;
    for (const s of dated) {
      if (epochMs >= s.pdt! && epochMs < s.pdt! + s.duration * 1000) return s.start + (epochMs - s.pdt!) / 1000;
    }
    const first = dated[0]!;
    const last = dated[dated.length - 1]!;
    if (epochMs < first.pdt!) return first.start - (first.pdt! - epochMs) / 1000;
    if (epochMs >= last.pdt! + last.duration * 1000) return last.start + (epochMs - last.pdt!) / 1000;
    for (let i = 1; i < dated.length; i++) {
      const a = dated[i - 1]!;
      const b = dated[i]!;
      if (epochMs >= a.pdt! + a.duration * 1000 && epochMs < b.pdt!) return b.start;
    }
    return undefined;
  }

  /** The program date-time (epoch ms) shown at media time `seconds`, when the playlist says. */
  programDateTime(seconds: number): number | undefined {
    let best: Placed | undefined;
    for (const [, s] of this.#list()) {
      if (s.pdt === undefined) continue;
      if (seconds >= s.start && seconds < s.start + s.duration) return s.pdt + (seconds - s.start) * 1000;
      if (s.start <= seconds && (!best || s.start > best.start)) best = s;
    }
    return best ? best.pdt! + (seconds - best.start) * 1000 : undefined;
  }

  /** Whether any segment carries a program date-time. */
  get dated(): boolean {
    return this.#list().some(([, s]) => s.pdt !== undefined);
  }

  clear(): void {
    this.#segments.clear();
    this.#sorted = undefined;
  }

  #list(): [number, Placed][] {
    return (this.#sorted ??= [...this.#segments].sort((a, b) => a[0] - b[0]));
  }

  #last(): [number, Placed] | undefined {
    const list = this.#list();
    return list[list.length - 1];
  }

  /** The start of segment `sequence`, continuing from a known earlier one (skipped segments unknown: their durations are guessed as its own). */
  #extend([sequence, s]: [number, Placed], target: number): number {
    return s.start + s.duration * (target - sequence);
  }
}
