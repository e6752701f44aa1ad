/**
 * Finds the stream's timed metadata for the engine: the playlist's `#EXT-X-DATERANGE` tags (read
 * from the playlist text, daterange.ts), placed by program date-time through the timeline
 * (timeline.ts); ID3 timed metadata frames, which VHS turns into cues on its "Timed Metadata"
 * track (id3.ts); and the DATERANGE cues of a native HLS player (Safari keeps the `X-` names).
 * Each is reported once, as an `EngineCue`.
 */
import { clientAttributes, camel, DateRanges, dateRangeTagParser } from './daterange.js';
import { pinFromId3, type Id3Frame } from './id3.js';
import { Timeline, type TimelineSegment } from './timeline.js';
import { HIGHLIGHT_CLASS } from './pins.js';
import type { EngineCue } from './types.js';

export { HIGHLIGHT_CLASS };

/** The parts of a parsed media playlist read here. */
export interface PlaylistLike {
  mediaSequence?: number;
  segments?: (TimelineSegment & { start?: number })[];
}

export class CueReader {
  readonly timeline = new Timeline();
  #ranges = new DateRanges();
  #seen = new Set<string>();

  /** The VHS `customTagParsers` entry that hands this reader every DATERANGE line. */
  readonly tagParser = dateRangeTagParser((range) => this.#ranges.add(range));

  clear(): void {
    this.timeline.clear();
    this.#ranges.clear();
    this.#seen.clear();
  }

  /** Reads a media playlist's segments into the timeline. */
  playlist(media: PlaylistLike | undefined): void {
    if (media?.segments?.length) this.timeline.update(media.mediaSequence ?? 0, media.segments);
  }

  /** The cues not reported before: the playlist's DATERANGEs and those of the metadata text tracks. */
  read(tracks: TextTrackList): EngineCue[] {
    const fresh: EngineCue[] = [];
    for (const range of this.#ranges.placeable) {
      const key = `daterange:${range.id}`;
      if (this.#seen.has(key)) continue;
      const startTime = this.timeline.mediaTimeOf(range.startDate!);
      // No place yet (no segment read): wait for the timeline.
      if (startTime === undefined) continue;
      this.#seen.add(key);
      fresh.push({ id: range.id, className: range.className, startTime, startDate: range.startDate, attributes: clientAttributes(range) });
    }
    for (let i = 0; i < tracks.length; i++) {
      const track = tracks[i]!;
      if (track.kind !== 'metadata') continue;
      // Cues of a disabled native track are not readable.
      if (track.mode === 'disabled') track.mode = 'hidden';
      if (track.cues) fresh.push(...this.#trackCues(track.cues));
    }
    return fresh;
  }

  #trackCues(cues: TextTrackCueList): EngineCue[] {
    const fresh: EngineCue[] = [];
    const byId = new Map<string, { startTime: number; attributes: Record<string, string>; className?: string }>();
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c] as TextTrackCue & { value?: Id3Frame & { key?: string; data?: unknown } };
      if (!cue.id) {
        // An ID3 frame (VHS's in-band metadata cues have no id).
        const pin = pinFromId3(cue.value);
        if (!pin) continue;
        const id = pin.id ?? `id3:${cue.startTime.toFixed(3)}:${pin.productId}`;
        if (this.#seen.has(`id3:${id}`)) continue;
        this.#seen.add(`id3:${id}`);
        fresh.push({ id, className: HIGHLIGHT_CLASS, startTime: cue.startTime, attributes: { productId: pin.productId } });
        continue;
      }
      if (this.#seen.has(`daterange:${cue.id}`)) continue;
      const entry = byId.get(cue.id) ?? { startTime: cue.startTime, attributes: {} };
      const key = cue.value?.key;
      const data = cue.value?.data;
      if (key === 'CLASS' && typeof data === 'string') entry.className = data;
      else if (typeof key === 'string' && key.startsWith('X-') && (typeof data === 'string' || typeof data === 'number')) {
        entry.attributes[camel(key.slice(2))] = String(data); // native HLS (Safari) keeps the X- name
      }
      byId.set(cue.id, entry);
    }
    for (const [id, entry] of byId) {
      this.#seen.add(`daterange:${id}`);
      fresh.push({ id, className: entry.className, startTime: entry.startTime, attributes: entry.attributes });
    }
    return fresh;
  }
}
