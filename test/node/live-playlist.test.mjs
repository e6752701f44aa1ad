// examples/backend/hls/live-playlist.mjs: a live HLS media playlist that slides with the clock.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createLivePlaylist, segmentsOf, HIGHLIGHT_CLASS } from '../../examples/backend/hls/live-playlist.mjs';

const segments = [
  { uri: 'a.ts', duration: 2 },
  { uri: 'b.ts', duration: 2 },
  { uri: 'c.ts', duration: 2 },
];
const start = Date.UTC(2026, 10, 22, 18, 0, 0);

function parse(text) {
  const lines = text.trim().split('\n');
  const tag = (name) => lines.find((l) => l.startsWith(`#${name}:`))?.split(':').slice(1).join(':');
  return {
    lines,
    mediaSequence: Number(tag('EXT-X-MEDIA-SEQUENCE')),
    discontinuitySequence: Number(tag('EXT-X-DISCONTINUITY-SEQUENCE')),
    targetDuration: Number(tag('EXT-X-TARGETDURATION')),
    uris: lines.filter((l) => l && !l.startsWith('#')),
    pdts: lines.filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME:')).map((l) => Date.parse(l.slice(25))),
    dateRanges: lines.filter((l) => l.startsWith('#EXT-X-DATERANGE:')),
    discontinuities: lines.filter((l) => l === '#EXT-X-DISCONTINUITY').length,
    ended: lines.includes('#EXT-X-ENDLIST'),
  };
}

test('live playlist: the window slides with the clock and media sequence counts segments', () => {
  const live = createLivePlaylist({ segments, startedAt: start, windowSize: 3 });
  const at5 = parse(live.playlist(start + 5_000)); // segments 0 and 1 have ended
  assert.equal(at5.mediaSequence, 0);
  assert.deepEqual(at5.uris, ['a.ts', 'b.ts']);
  assert.equal(at5.targetDuration, 2);
  const at13 = parse(live.playlist(start + 13_000)); // 6 segments ended: window 3..5
  assert.equal(at13.mediaSequence, 3);
  assert.deepEqual(at13.uris, ['a.ts', 'b.ts', 'c.ts']);
  assert.deepEqual(at13.pdts, [start + 6_000, start + 8_000, start + 10_000]);
  assert.equal(at13.ended, false);
});

test('live playlist: loops with #EXT-X-DISCONTINUITY and a correct DISCONTINUITY-SEQUENCE', () => {
  const live = createLivePlaylist({ segments, startedAt: start, windowSize: 3 });
  // Window 2..4 holds the loop boundary before segment 3.
  const a = parse(live.playlist(start + 10_000));
  assert.equal(a.mediaSequence, 2);
  assert.equal(a.discontinuitySequence, 0);
  assert.equal(a.discontinuities, 1);
  assert.equal(a.lines.indexOf('#EXT-X-DISCONTINUITY') < a.lines.indexOf('a.ts'), true);
  // Window 4..6: the boundary before 3 slid out (counted), the one before 6 is in.
  const b = parse(live.playlist(start + 14_000));
  assert.equal(b.mediaSequence, 4);
  assert.equal(b.discontinuitySequence, 1);
  assert.equal(b.discontinuities, 1);
  // Hours later the numbers keep counting.
  const c = parse(live.playlist(start + 3 * 3600_000 + 1_000));
  // The last segment that has ended is n = floor(10801 / 2) - 1; the window holds 3.
  assert.equal(c.mediaSequence, Math.floor((3 * 3600 + 1) / 2) - 3);
  assert.equal(c.discontinuitySequence, Math.floor((c.mediaSequence - 1) / 3));
});

test('live playlist: DATERANGE pins (per loop and on a schedule) are listed while their moment is in the window', () => {
  const live = createLivePlaylist({
    segments,
    startedAt: start,
    windowSize: 3,
    pins: [{ id: 'beanie', productId: 'p1', at: 3 }],
    pinEvery: { period: 5, offset: 1, productIds: ['p2', 'p3'] },
  });
  const p = parse(live.playlist(start + 6_500));
  assert.deepEqual(p.dateRanges, [
    `#EXT-X-DATERANGE:ID="pin-0",CLASS="${HIGHLIGHT_CLASS}",START-DATE="2026-11-22T18:00:01.000Z",X-PRODUCT-ID="p2"`,
    `#EXT-X-DATERANGE:ID="beanie-0",CLASS="${HIGHLIGHT_CLASS}",START-DATE="2026-11-22T18:00:03.000Z",X-PRODUCT-ID="p1"`,
  ]);
  const later = parse(live.playlist(start + 12_500)); // window 3..5 = 6..12 s: beanie-1 at 9 s, pin-1 at 6 s, pin-2 at 11 s
  assert.deepEqual(
    later.dateRanges.map((l) => l.match(/ID="([^"]+)"/)[1]),
    ['pin-1', 'beanie-1', 'pin-2'],
  );
});

test('live playlist: ENDLIST once the show ends; segmentsOf reads a VOD playlist', () => {
  const live = createLivePlaylist({ segments, startedAt: start, windowSize: 3, endsAt: start + 8_000 });
  const p = parse(live.playlist(start + 60_000));
  assert.equal(p.ended, true);
  assert.equal(p.mediaSequence, 1);
  assert.deepEqual(segmentsOf('#EXTM3U\n#EXTINF:1.5,\nx.ts\n#EXTINF:2,\ny.ts\n#EXT-X-ENDLIST\n'), [
    { uri: 'x.ts', duration: 1.5 },
    { uri: 'y.ts', duration: 2 },
  ]);
  assert.throws(() => createLivePlaylist({ segments: [] }), TypeError);
});
