/**
 * HLS WebVTT subtitles without vtt.js's globals: video.js bundles vtt.js, which sets `window.vttjs`
 * and `window.WebVTT`; `load.ts` removes them after handing the library here, and each player's
 * VHS subtitle loader is given this private copy.
 */
import type { SubtitleLoader, SubtitleSegmentInfo, VjsPlayer } from './videojs-shapes.js';

/** vtt.js, kept privately (its `window.vttjs` / `window.WebVTT` globals are removed by `load.ts`). */
interface VttJs {
  WebVTT: { Parser: new (window: Window, vttjs: unknown, decoder: TextDecoder) => VttParser };
}
interface VttParser {
  oncue: (cue: unknown) => void;
  ontimestampmap: (map: unknown) => void;
  onparsingerror: (error: unknown) => void;
  parse(data: Uint8Array): void;
  flush(): void;
}
let vtt: VttJs | undefined;

/** Hands the engine vtt.js (captured before its globals were removed). */
export function provideVtt(value: unknown): void {
  const candidate = value as VttJs | undefined;
  if (candidate && typeof candidate.WebVTT?.Parser === 'function') vtt = candidate;
}

/**
 * VHS parses HLS WebVTT subtitle segments with `window.WebVTT`, which the contract keeps off the
 * page. Give this player's subtitle loader the privately kept vtt.js instead (same parsing as
 * VHS's own `parseVTTCues_`), and stop it from waiting for the global to appear.
 */
export function patchSubtitles(player: VjsPlayer): void {
  let loader: SubtitleLoader | undefined;
  try {
    loader = player.tech({ IWillNotUseThisInPlugins: true })?.vhs?.playlistController_?.subtitleSegmentLoader_;
  } catch {
    return;
  }
  const parserLib = vtt;
  if (!loader || loader.vitrinePatched || !parserLib) return;
  loader.vitrinePatched = true;
  loader.loadVttJs = undefined;
  loader.parseVTTCues_ = function (this: SubtitleLoader, info: SubtitleSegmentInfo) {
    info.cues = [];
    info.timestampmap = { MPEGTS: 0, LOCAL: 0 };
    if (info.mp4VttCues) {
      this.parseMp4VttCues_(info);
      return;
    }
    const parser = new parserLib.WebVTT.Parser(window, parserLib, new TextDecoder('utf8'));
    parser.oncue = (cue) => info.cues.push(cue);
    parser.ontimestampmap = (map) => {
      info.timestampmap = map;
    };
    parser.onparsingerror = () => {};
    if (info.segment.map) parser.parse(info.segment.map.bytes);
    parser.parse(info.bytes);
    parser.flush();
  };
}
