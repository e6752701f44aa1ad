// A live HLS media playlist that advances with the clock, built from pre-encoded segments.
//
// Dependency-free (Node or any JS runtime). The pre-encoded segments are played in a loop,
// so a show can run for hours from a few seconds of media: segment number n (the media
// sequence number) is source segment n mod N, every loop begins with #EXT-X-DISCONTINUITY,
// and #EXT-X-MEDIA-SEQUENCE / #EXT-X-DISCONTINUITY-SEQUENCE follow RFC 8216 as the window
// slides. Every segment carries #EXT-X-PROGRAM-DATE-TIME (wall clock of its first frame), and
// product pins are #EXT-X-DATERANGE tags with CLASS="com.vitrine.highlight" and X-PRODUCT-ID
// (docs/live-events.md), listed while the moment they mark is inside the window.
//
// @example
//   import { createLivePlaylist } from './live-playlist.mjs';
//   const live = createLivePlaylist({
//     segments: [{ uri: 'seg00.ts', duration: 1 }, { uri: 'seg01.ts', duration: 1 }],
//     startedAt: Date.now(),
//     pins: [{ id: 'beanie', productId: 'p1', at: 0.5 }],   // seconds into each loop
//   });
//   // GET /live.m3u8 -> Content-Type: application/vnd.apple.mpegurl, Cache-Control: no-cache
//   res.end(live.playlist());

/** The DATERANGE CLASS of a product pin. */
export const HIGHLIGHT_CLASS = 'com.vitrine.highlight';

/**
 * @typedef {{ uri: string, duration: number }} Segment  a pre-encoded segment and its duration in seconds
 * @typedef {{ id: string, productId: string, at: number }} Pin
 *   `at`: seconds into each loop of the media (loopPins, the default) or since `startedAt` (loopPins: false)
 * @typedef {{ period: number, offset?: number, productIds: string[] }} PinEvery
 *   a repeating schedule: pin k at `offset + k * period` seconds since `startedAt`, product `productIds[k % length]`
 *
 * @typedef {object} LivePlaylistOptions
 * @property {Segment[]} segments  the media to loop, in order (at least one)
 * @property {number} [startedAt]  wall clock (epoch ms) of the first frame of segment 0; default: now
 * @property {number} [windowSize]  segments in the sliding window; default 6
 * @property {number} [targetDuration]  default: the longest segment, rounded up
 * @property {Pin[]} [pins]  pins in the media of one loop (repeated every loop, id suffixed `-<loop>`)
 * @property {boolean} [loopPins]  false: `pins[].at` count from `startedAt` and fire once; default true
 * @property {PinEvery} [pinEvery]  an additional repeating pin schedule
 * @property {number} [endsAt]  wall clock (epoch ms) when the show ends: the playlist then gets #EXT-X-ENDLIST
 * @property {string} [uriPrefix]  prepended to every segment URI (e.g. a CDN path); default ''
 */

/**
 * @param {LivePlaylistOptions} options
 */
export function createLivePlaylist(options) {
  const segments = options.segments;
  if (!Array.isArray(segments) || segments.length === 0) throw new TypeError('segments: at least one is needed');
  for (const s of segments) {
    if (typeof s.uri !== 'string' || !(s.duration > 0)) throw new TypeError(`bad segment ${JSON.stringify(s)}`);
  }
  const startedAt = options.startedAt ?? Date.now();
  const windowSize = Math.max(1, options.windowSize ?? 6);
  const targetDuration = options.targetDuration ?? Math.ceil(Math.max(...segments.map((s) => s.duration)) - 1e-6);
  const uriPrefix = options.uriPrefix ?? '';
  const loopPins = options.loopPins ?? true;
  const pins = options.pins ?? [];
  const pinEvery = options.pinEvery;
  const N = segments.length;
  /** Start of each source segment within one loop, in seconds. */
  const offsets = [];
  let loopLength = 0;
  for (const s of segments) {
    offsets.push(loopLength);
    loopLength += s.duration;
  }

  /** Seconds after `startedAt` where segment number n starts. */
  const startOf = (n) => Math.floor(n / N) * loopLength + offsets[n % N];
  const durationOf = (n) => segments[n % N].duration;

  /** The last segment fully available at `elapsed` seconds (at least segment 0). */
  function edge(elapsed) {
    const loop = Math.floor(elapsed / loopLength);
    let n = loop * N + N - 1;
    // Walk back from the end of this loop to the last segment that has ended.
    while (n > 0 && startOf(n) + durationOf(n) > elapsed) n -= 1;
    return Math.max(0, n);
  }

  /** Pins (absolute: seconds since startedAt) whose moment lies in [from, to). */
  function pinsIn(from, to) {
    const found = [];
    if (loopPins) {
      const first = Math.floor(from / loopLength);
      const last = Math.floor(to / loopLength);
      for (let loop = first; loop <= last; loop += 1) {
        for (const pin of pins) {
          const at = loop * loopLength + pin.at;
          if (at >= from && at < to) found.push({ id: `${pin.id}-${loop}`, productId: pin.productId, at });
        }
      }
    } else {
      for (const pin of pins) if (pin.at >= from && pin.at < to) found.push(pin);
    }
    if (pinEvery && pinEvery.period > 0 && pinEvery.productIds.length) {
      const offset = pinEvery.offset ?? 0;
      for (let k = Math.max(0, Math.ceil((from - offset) / pinEvery.period)); offset + k * pinEvery.period < to; k += 1) {
        found.push({ id: `pin-${k}`, productId: pinEvery.productIds[k % pinEvery.productIds.length], at: offset + k * pinEvery.period });
      }
    }
    return found.sort((a, b) => a.at - b.at);
  }

  const iso = (seconds) => new Date(startedAt + Math.round(seconds * 1000)).toISOString();
  const quote = (value) => String(value).replace(/["\r\n]/g, '');

  /**
   * The playlist as the clock says at `now` (epoch ms).
   * @param {number} [now]
   * @returns {string}
   */
  function playlist(now = Date.now()) {
    const ended = options.endsAt !== undefined && now >= options.endsAt;
    const clock = ended ? options.endsAt : now;
    const last = edge((clock - startedAt) / 1000);
    const first = Math.max(0, last - windowSize + 1);
    const discontinuitySequence = first === 0 ? 0 : Math.floor((first - 1) / N);
    const lines = [
      '#EXTM3U',
      '#EXT-X-VERSION:6',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      `#EXT-X-TARGETDURATION:${targetDuration}`,
      `#EXT-X-MEDIA-SEQUENCE:${first}`,
      `#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuitySequence}`,
    ];
    for (let n = first; n <= last; n += 1) {
      const start = startOf(n);
      if (n > 0 && n % N === 0) lines.push('#EXT-X-DISCONTINUITY');
      lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(start)}`);
      for (const pin of pinsIn(start, start + durationOf(n))) {
        lines.push(
          `#EXT-X-DATERANGE:ID="${quote(pin.id)}",CLASS="${HIGHLIGHT_CLASS}",START-DATE="${iso(pin.at)}",X-PRODUCT-ID="${quote(pin.productId)}"`,
        );
      }
      lines.push(`#EXTINF:${durationOf(n).toFixed(3)},`, uriPrefix + segments[n % N].uri);
    }
    if (ended) lines.push('#EXT-X-ENDLIST');
    return lines.join('\n') + '\n';
  }

  return {
    playlist,
    /** Wall clock (epoch ms) of the first frame of segment number `n`. */
    programDateTime: (n) => startedAt + Math.round(startOf(n) * 1000),
    /** Pins (seconds since startedAt) in [from, to). */
    pinsIn,
    startedAt,
    loopLength,
  };
}

/**
 * Reads `#EXTINF` durations and URIs from a VOD media playlist's text, to feed `segments`.
 * @param {string} text
 * @returns {Segment[]}
 */
export function segmentsOf(text) {
  const out = [];
  let duration = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith('#') && duration !== null) {
      out.push({ uri: line, duration });
      duration = null;
    }
  }
  return out;
}
