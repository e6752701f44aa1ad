// Real-world stream shapes for the player's pin tests, made here from the fixture segments
// (test/fixtures/hls, twelve 1 s segments). Paths have no file extension (see player.mjs).
//
//   /__streams/ids                     VOD with PROGRAM-DATE-TIME and DATERANGE pins whose product ids
//                                      look like numbers: X-PRODUCT-ID=1234 (1 s), "4321" (3 s), "12.50" (5 s)
//   /__streams/jump                    VOD: six segments from 18:00:00, a DISCONTINUITY, six more from
//                                      18:00:36 (the date jumps 30 s, media time does not); a pin at
//                                      18:00:38 (media time 8 s) for p2 and one at 18:00:02 (2 s) for p1
//   /__streams/join/<s>?startedAt=<ms> a LIVE window (20 s) started at `startedAt`, pins every 10 s
//                                      from 1 s (p1, p2, p3, ...)
//   /__streams/scte/<s>                a LIVE window with pins every 3 s and, on every refresh, an SCTE-35
//                                      IN DATERANGE without START-DATE (its OUT has left the window)
//   /__streams/id3                     VOD of the fixture segments where segment 4 carries a TXXX pin
//                                      (p1, at 4.3 s) and segment 7 a PRIV pin (p2, at 7.6 s), as ID3 in
//                                      the TS (examples/backend/hls/id3.mjs); segments /__streams/id3seg/<n>
import { readFileSync } from 'node:fs';
import { createLivePlaylist, segmentsOf } from '../../examples/backend/hls/live-playlist.mjs';
import { id3Tag, injectId3 } from '../../examples/backend/hls/id3.mjs';

const fixtures = new URL('../fixtures/hls/', import.meta.url);
const segments = segmentsOf(readFileSync(new URL('vod.m3u8', fixtures), 'utf8'));
const CLASS = 'com.vitrine.highlight';
const ORIGIN = Date.UTC(2026, 10, 22, 18, 0, 0);
const iso = (ms) => new Date(ms).toISOString();

function vod(lines) {
  return ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:1', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD', ...lines, '#EXT-X-ENDLIST', ''].join('\n');
}

function idsPlaylist() {
  const pins = { 1: 'X-PRODUCT-ID=1234', 3: 'X-PRODUCT-ID="4321"', 5: 'X-PRODUCT-ID="12.50"' };
  const lines = [];
  segments.forEach((s, n) => {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(ORIGIN + n * 1000)}`);
    if (pins[n]) lines.push(`#EXT-X-DATERANGE:ID="num-${n}",CLASS="${CLASS}",START-DATE="${iso(ORIGIN + n * 1000)}",${pins[n]}`);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`, `/__player/hls/${s.uri}`);
  });
  return vod(lines);
}

function jumpPlaylist() {
  const lines = [];
  segments.forEach((s, n) => {
    if (n === 6) lines.push('#EXT-X-DISCONTINUITY');
    const pdt = ORIGIN + n * 1000 + (n >= 6 ? 30000 : 0);
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(pdt)}`);
    if (n === 2) lines.push(`#EXT-X-DATERANGE:ID="before-jump",CLASS="${CLASS}",START-DATE="${iso(pdt)}",X-PRODUCT-ID="p1"`);
    if (n === 8) lines.push(`#EXT-X-DATERANGE:ID="after-jump",CLASS="${CLASS}",START-DATE="${iso(pdt)}",X-PRODUCT-ID="p2"`);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`, `/__player/hls/${s.uri}`);
  });
  return vod(lines);
}

const id3Segments = new Map([
  [4, [{ at: 0.3, tag: id3Tag({ txxx: JSON.stringify({ vitrine: 'highlight', productId: 'p1' }) }) }]],
  [7, [{ at: 0.6, tag: id3Tag({ priv: JSON.stringify({ vitrine: 'highlight', productId: 'p2', id: 'priv-7' }) }) }]],
  // Not a pin: other metadata in the same stream is ignored.
  [2, [{ at: 0.5, tag: id3Tag({ txxx: 'song title' }) }]],
]);

function id3Playlist() {
  return vod(segments.flatMap((s, n) => [`#EXTINF:${s.duration.toFixed(3)},`, `/__streams/id3seg/${n}`]));
}

const lives = new Map();
function live(key, make) {
  if (!lives.has(key)) lives.set(key, make());
  return lives.get(key);
}

const SCTE_IN =
  '#EXT-X-DATERANGE:ID="splice-6FFFFFF0",DURATION=59.993,SCTE35-IN=0xFC002A0000000000FF00000F056FFFFFF000401162802E6100000000000A0008029896F50000008700000000';

function send(ctx, type, body) {
  ctx.type = type;
  ctx.set('Cache-Control', 'no-cache');
  ctx.body = body;
}

export const middleware = [
  async (ctx, next) => {
    const path = ctx.path;
    if (!path.startsWith('/__streams/')) return next();
    const m3u8 = 'application/vnd.apple.mpegurl';
    let m;
    if (path === '/__streams/ids') return send(ctx, m3u8, idsPlaylist());
    if (path === '/__streams/jump') return send(ctx, m3u8, jumpPlaylist());
    if (path === '/__streams/id3') return send(ctx, m3u8, id3Playlist());
    if ((m = path.match(/^\/__streams\/id3seg\/(\d+)$/))) {
      const n = Number(m[1]);
      const segment = segments[n];
      if (!segment) return next();
      const bytes = readFileSync(new URL(segment.uri, fixtures));
      return send(ctx, 'video/mp2t', id3Segments.has(n) ? injectId3(bytes, id3Segments.get(n)) : bytes);
    }
    if ((m = path.match(/^\/__streams\/join\/([\w-]+)$/))) {
      const startedAt = Number(ctx.query.startedAt) || Date.now() - 40000;
      const playlist = live(`join-${m[1]}`, () =>
        createLivePlaylist({ segments, startedAt, windowSize: 20, uriPrefix: '/__player/hls/', loopPins: false, pinEvery: { period: 10, offset: 1, productIds: ['p1', 'p2', 'p3'] } }),
      );
      return send(ctx, m3u8, playlist.playlist());
    }
    if ((m = path.match(/^\/__streams\/scte\/([\w-]+)$/))) {
      const playlist = live(`scte-${m[1]}`, () =>
        createLivePlaylist({ segments, startedAt: Date.now() - 30000, windowSize: 20, uriPrefix: '/__player/hls/', loopPins: false, pinEvery: { period: 3, offset: 0.5, productIds: ['p1', 'p2', 'p3'] } }),
      );
      // The IN tag right after the first segment's date, as a live window shows it once its OUT is gone.
      const text = playlist.playlist().replace(/(#EXT-X-PROGRAM-DATE-TIME:[^\n]+\n)/, `$1${SCTE_IN}\n`);
      return send(ctx, m3u8, text);
    }
    return next();
  },
];
