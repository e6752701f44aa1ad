/**
 * The video engine seam. The player UI talks only to this interface; the video.js
 * implementation (the only code that imports video.js) is loaded on demand, and a
 * native `<video>` or another engine can plug in the same way.
 */

export interface EngineSource {
  src: string;
  type?: string;
}

/**
 * A timed metadata cue the engine found in the stream: an `#EXT-X-DATERANGE` (placed by its
 * START-DATE through the segment that holds it), or an ID3 pin frame in the segments (class
 * `com.vitrine.highlight`, attribute `productId`; docs/live-events-id3.md).
 */
export interface EngineCue {
  /** The DATERANGE ID, or the ID3 pin's id (its payload's `id`, else made from its time and product). */
  id: string;
  /** The DATERANGE CLASS, such as `com.vitrine.highlight`. */
  className?: string;
  /** Media time in seconds where the cue starts. */
  startTime: number;
  /** Program date-time of the start, epoch milliseconds, when known. */
  startDate?: number;
  /** The `X-` attributes, with camel-cased keys without the `x` prefix lost: `X-PRODUCT-ID` is `productId`. */
  attributes: Record<string, string>;
}

export interface EngineTextTrack {
  id: string;
  label: string;
  language: string;
  showing: boolean;
}

export interface EngineState {
  playing: boolean;
  paused: boolean;
  muted: boolean;
  volume: number;
  currentTime: number;
  duration: number;
  /** True for a live stream. */
  live: boolean;
  /** Seconds behind the live edge (0 when at it or not live). */
  liveLatency: number;
  waiting: boolean;
  ended: boolean;
  /** First frame rendered. */
  started: boolean;
  /** Start of the seekable range (the oldest moment of a live window). */
  seekableStart: number;
  /** End of the seekable range (the live point of a live stream). */
  seekableEnd: number;
}

export type EngineEventMap = {
  state: EngineState;
  cues: EngineCue[];
  tracks: EngineTextTrack[];
  error: { code: 'stream/unavailable' | 'stream/offline'; message: string; fatal: boolean };
  /** Playback was refused by the browser's autoplay policy (with sound). */
  'autoplay-blocked': { muted: boolean };
};

export interface EngineOptions {
  /** Element the engine renders into (inside the player's shadow root). */
  container: HTMLElement;
  /** Where the engine's own stylesheets go (the player's shadow root). */
  styleRoot: ShadowRoot;
  poster?: string;
  muted?: boolean;
  /** Sidecar WebVTT captions, added as native `<track>`s. */
  captions?: EngineCaption[];
  /** Accessible name of the video region. */
  label?: string;
  /** BCP 47 language of the UI. */
  language?: string;
  /** Backoff before each retry of a failed stream, in ms; after the last, the failure is fatal. */
  retryDelays?: readonly number[];
}

/** A sidecar WebVTT captions file. */
export interface EngineCaption {
  src: string;
  /** BCP 47 language of the captions, such as `en`. */
  srclang: string;
  label: string;
  default?: boolean;
}

/** A loaded video engine. */
export interface VideoEngine {
  load(source: EngineSource): void;
  play(): Promise<void>;
  pause(): void;
  seek(time: number): void;
  /** Jumps to the live edge. */
  goLive(): void;
  setMuted(muted: boolean): void;
  setTextTrack(id: string | null): void;
  /** Toggles picture-in-picture (full screen is the player element's, with its own controls). */
  requestPictureInPicture(): Promise<void>;
  /** The program date-time (epoch ms) shown at `mediaTime`, if the stream carries `#EXT-X-PROGRAM-DATE-TIME`. */
  programDateTime(mediaTime: number): number | undefined;
  /** The media time where program date-time `epochMs` is, if known. */
  mediaTimeOf(epochMs: number): number | undefined;
  readonly state: EngineState;
  /** The `<video>` element, for frame callbacks and measurement. */
  readonly video: HTMLVideoElement | null;
  on<K extends keyof EngineEventMap>(type: K, handler: (event: EngineEventMap[K]) => void): () => void;
  dispose(): void;
}

export type EngineFactory = (options: EngineOptions) => VideoEngine | Promise<VideoEngine>;
