// .storybook/public/vitrine-live-sw.js: Storybook's live stream, a service worker that loops the
// demo's replay. Run here in a vm with the real replay playlist (three copies of the 30 s loop,
// with #EXT-X-DISCONTINUITY between them): each segment must sit on the right timeline, or
// video.js appends seg00 (timestamps from zero again) right after seg14 and gives up with
// MEDIA_ERR_DECODE, as the live stories did when their live edge was at that point of the loop.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';

const source = readFileSync(new URL('../../.storybook/public/vitrine-live-sw.js', import.meta.url), 'utf8');
const replay = readFileSync(new URL('../../examples/backend/media/replay.m3u8', import.meta.url), 'utf8');

function loadWorker() {
  const context = { self: { addEventListener() {} }, URL, Response: class {}, fetch: () => Promise.reject(new Error('offline')) };
  vm.runInNewContext(source, context);
  return context;
}

/** The segments of a live playlist: media sequence, URI and timeline (RFC 8216 §6.2.2). */
function segmentsOf(text) {
  const lines = text.trim().split('\n');
  let sequence = Number(lines.find((l) => l.startsWith('#EXT-X-MEDIA-SEQUENCE:')).split(':')[1]);
  let timeline = Number(lines.find((l) => l.startsWith('#EXT-X-DISCONTINUITY-SEQUENCE:')).split(':')[1]);
  const out = [];
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') timeline += 1;
    else if (line && !line.startsWith('#')) out.push({ sequence: sequence++, uri: line, timeline });
  }
  return out;
}

test('storybook live stream: a new timeline exactly where the media restarts, numbered the same in every refresh', () => {
  const { parseVod, livePlaylist } = loadWorker();
  const vod = parseVod(replay);
  assert.equal(vod.uris.length, 45, 'the replay is the 15-segment loop three times');
  assert.deepEqual(
    [...vod.breaks.keys()].filter((i) => vod.breaks[i]),
    [15, 30],
  );
  const timelineOf = new Map(); // media sequence -> timeline, over every refresh
  const start = Date.UTC(2026, 10, 29, 18, 0, 0);
  for (let now = start; now < start + 200_000; now += 1_000) {
    const segments = segmentsOf(livePlaylist(vod, { now, windowSize: 15, pins: [], pinEvery: 8 }));
    assert.equal(segments.length, 15);
    for (let i = 1; i < segments.length; i++) {
      const [a, b] = [segments[i - 1], segments[i]];
      const continuous = Number(b.uri.slice(3, 5)) === Number(a.uri.slice(3, 5)) + 1;
      assert.equal(b.timeline !== a.timeline, !continuous, `${a.sequence} ${a.uri} -> ${b.sequence} ${b.uri} at ${now}`);
    }
    for (const s of segments) {
      if (timelineOf.has(s.sequence)) assert.equal(s.timeline, timelineOf.get(s.sequence), `segment ${s.sequence} changed timeline at ${now}`);
      else timelineOf.set(s.sequence, s.timeline);
    }
  }
});
