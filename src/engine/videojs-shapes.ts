/**
 * The parts of video.js and VHS that the engine uses, typed (video.js's own types are loose).
 * Types only: nothing here imports video.js.
 */
/** The parts of a video.js player this engine uses (video.js's own types are loose). */
export interface VjsPlayer {
  src(source?: { src: string; type?: string }): unknown;
  play(): Promise<void> | undefined;
  pause(): void;
  paused(): boolean;
  ended(): boolean;
  muted(value?: boolean): boolean;
  volume(): number;
  currentTime(value?: number): number;
  duration(): number;
  seekable(): TimeRanges;
  buffered(): TimeRanges;
  error(value?: null): { code: number; message: string } | null;
  textTracks(): TextTrackList & { addEventListener(type: string, h: () => void): void };
  addRemoteTextTrack(options: Record<string, unknown>, manualCleanup: boolean): { track: TextTrack } | HTMLTrackElement;
  liveTracker?: { isLive(): boolean; liveCurrentTime(): number; seekToLiveEdge(): void; seekableEnd(): number };
  tech(options: { IWillNotUseThisInPlugins: true }): { vhs?: VhsLike; el(): HTMLVideoElement } | undefined;
  el(): HTMLElement;
  on(type: string | string[], handler: (event?: Event) => void): void;
  off(type: string | string[], handler: (event?: Event) => void): void;
  requestPictureInPicture(): Promise<unknown>;
  dispose(): void;
  isDisposed(): boolean;
  updateStyleEl_?: () => void;
}

export interface HlsPlaylist {
  mediaSequence?: number;
  segments?: { duration: number; programDateTime?: number; start?: number }[];
  targetDuration?: number;
  endList?: boolean;
}

export interface VhsLike {
  playlists?: { media(): HlsPlaylist | undefined; on?(type: string, h: () => void): void };
  playlistController_?: { subtitleSegmentLoader_?: SubtitleLoader };
}

/** VHS's WebVTT segment loader: the two members the engine replaces. */
export interface SubtitleLoader {
  loadVttJs?: unknown;
  parseVTTCues_(segmentInfo: SubtitleSegmentInfo): void;
  parseMp4VttCues_(segmentInfo: SubtitleSegmentInfo): void;
  vitrinePatched?: boolean;
}
export interface SubtitleSegmentInfo {
  cues: unknown[];
  timestampmap: unknown;
  mp4VttCues?: unknown;
  bytes: Uint8Array;
  segment: { map?: { bytes: Uint8Array } };
}
