/* global self, Response */
// Storybook's live stream, with no server: answers `media/live.m3u8` with a sliding-window live
// HLS playlist computed from the clock, looping the segments of `media/replay.m3u8` (the demo's
// committed media, examples/backend/media) forever
// (DISCONTINUITY at each loop and wherever replay.m3u8 has one, PROGRAM-DATE-TIME on every segment, and an in-band pin
// `#EXT-X-DATERANGE CLASS="com.vitrine.highlight" X-PRODUCT-ID=…` every `pinEvery` seconds).
// Query parameters of live.m3u8: `pins` (product ids, comma separated), `window` (segments),
// `pinEvery` (seconds). `media/stall.m3u8` never answers (a loading state that stays).
// Registered by stories/mocks/live-stream.ts; every other request goes to the network.
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

let vod; // Promise<{ uris: string[], durations: number[] }>

/**
 * The segments of a VOD playlist, and where it has a discontinuity. The demo's replay is its
 * 30 s loop three times over, with #EXT-X-DISCONTINUITY between the copies: a live playlist
 * that loops it has to keep those (a segment after one has timestamps from zero again).
 */
function parseVod(text) {
  const uris = [];
  const durations = [];
  const breaks = []; // breaks[i]: a discontinuity before segment i of the VOD
  let pendingBreak = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('#EXT-X-DISCONTINUITY')) pendingBreak = true;
    const m = /^#EXTINF:([\d.]+)/.exec(lines[i]);
    if (m) {
      durations.push(Number(m[1]));
      uris.push(lines[i + 1].trim());
      breaks.push(pendingBreak && uris.length > 1);
      pendingBreak = false;
    }
  }
  return { uris, durations, breaks };
}

function loadVod(base) {
  vod ??= fetch(new URL('replay.m3u8', base), { cache: 'no-store' })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`replay.m3u8: ${r.status}`))))
    .then(parseVod)
    .catch((error) => {
      vod = undefined;
      throw error;
    });
  return vod;
}

const quote = (value) => String(value).replace(/["\r\n]/g, '');

function livePlaylist({ uris, durations, breaks = [] }, { now, windowSize, pins, pinEvery }) {
  // Segments are a fixed length (the fixture is cut every 2 s): sequence n starts at n * length ms
  // after the epoch, so every viewer sees the same moment at the same wall-clock time.
  const length = durations[0] * 1000;
  const loop = uris.length;
  const last = Math.floor(now / length) - 1; // the newest complete segment
  const first = Math.max(0, last - windowSize + 1);
  const target = Math.ceil(Math.max(...durations));
  // Live sequence n > 0 follows a discontinuity at each loop start and where the VOD has one.
  const discontinuity = (n) => n > 0 && (n % loop === 0 || Boolean(breaks[n % loop]));
  // DISCONTINUITY-SEQUENCE: the discontinuities up to the first segment, whose own tag is left out.
  const perLoop = 1 + breaks.filter(Boolean).length;
  const inLoop = breaks.slice(0, (first % loop) + 1).filter(Boolean).length;
  const out = [
    '#EXTM3U',
    '#EXT-X-VERSION:6',
    `#EXT-X-TARGETDURATION:${target}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / loop) * perLoop + inLoop}`,
  ];
  const perPin = Math.max(1, Math.round((pinEvery * 1000) / length));
  for (let n = first; n <= last; n++) {
    if (n !== first && discontinuity(n)) out.push('#EXT-X-DISCONTINUITY');
    const start = new Date(n * length).toISOString();
    out.push(`#EXT-X-PROGRAM-DATE-TIME:${start}`);
    if (pins.length && n % perPin === 0) {
      const productId = pins[Math.floor(n / perPin) % pins.length];
      out.push(
        `#EXT-X-DATERANGE:ID="h-${n}",CLASS="com.vitrine.highlight",START-DATE="${start}",X-PRODUCT-ID="${quote(productId)}"`,
      );
    }
    out.push(`#EXTINF:${durations[n % loop].toFixed(3)},`, uris[n % loop]);
  }
  return `${out.join('\n')}\n`;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  // `media/stall.m3u8` never answers: the player's loading state stays on screen.
  if (url.pathname.endsWith('/media/stall.m3u8')) {
    event.respondWith(new Promise(() => {}));
    return;
  }
  if (!url.pathname.endsWith('/media/live.m3u8')) return;
  event.respondWith(
    loadVod(url).then(
      (media) => {
        const pins = (url.searchParams.get('pins') ?? '').split(',').filter(Boolean);
        const windowSize = Math.max(4, Number(url.searchParams.get('window')) || 15);
        const pinEvery = Math.max(2, Number(url.searchParams.get('pinEvery')) || 8);
        const body = livePlaylist(media, { now: Date.now(), windowSize, pins, pinEvery });
        return new Response(body, {
          headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-cache' },
        });
      },
      (error) => new Response(String(error), { status: 502 }),
    ),
  );
});
