// The player's test server: real HLS over HTTP on the test server's origin.
//
//   /__player/hls/<file>                       the fixtures of test/fixtures/hls (VOD, captions, poster)
// Dynamic resources have no file extension: web-test-runner marks every path with one as cacheable
// for a year, which would freeze a live playlist and a 404.
//
//   /__player/live/<session>                   a LIVE sliding window over the fixture segments that
//                                              advances with the clock (examples/backend/hls/live-playlist.mjs),
//                                              with PROGRAM-DATE-TIME and a DATERANGE pin every 3 s
//                                              (p1, p2, p3, ...); the session starts 30 s in the past, 20 s window
//   /__player/flaky/<session>                  the VOD whose segment 3 answers 404 twice, then works
//                                              (segments at /__player/flaky/<session>/seg/<n>)
//   /__player/gone/<session>                   a live stream whose playlist answers 404 after
//                                              `?after=<n>` requests (default 3)
//   /__player/csp.html?src=<url>               a page with a strict CSP (script-src/style-src 'self',
//                                              Trusted Types) holding a <vitrine-player>
//   /__player/csp-listen.js                    its first module: records securitypolicyviolation events
//
// And the engine: video.js cannot be served raw, so requests for src/engine/videojs.(js|ts) get the
// rollup-built engine (.cache/test-engine/videojs.js, made by `npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { createLivePlaylist, segmentsOf } from '../../examples/backend/hls/live-playlist.mjs';

const root = new URL('../../', import.meta.url);
const fixtures = new URL('test/fixtures/hls/', root);
const engineFile = new URL('.cache/test-engine/videojs.js', root);

const vodText = readFileSync(new URL('vod.m3u8', fixtures), 'utf8');
const segments = segmentsOf(vodText);

const types = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  vtt: 'text/vtt',
  jpg: 'image/jpeg',
};

const lives = new Map();
const flaky = new Map();
const gone = new Map();

function liveFor(session) {
  let live = lives.get(session);
  if (!live) {
    live = createLivePlaylist({
      segments,
      startedAt: Date.now() - 30000,
      windowSize: 20,
      uriPrefix: '/__player/hls/',
      loopPins: false,
      pinEvery: { period: 3, offset: 0.5, productIds: ['p1', 'p2', 'p3'] },
    });
    lives.set(session, live);
  }
  return live;
}

function send(ctx, file, status = 200) {
  const ext = file.split('.').pop();
  const url = new URL(file, fixtures);
  if (!/^[\w.-]+$/.test(file) || !existsSync(url)) {
    ctx.status = 404;
    ctx.body = 'not found';
    return;
  }
  ctx.status = status;
  ctx.type = types[ext] ?? 'application/octet-stream';
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.body = readFileSync(url);
}

const cspPage = (src, label) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CSP</title>
<script type="module" src="/__player/csp-listen.js"></script>
<script type="module" src="/src/components/player/define.ts"></script>
</head>
<body>
<vitrine-player src="${src}" label="${label}" status="ended"></vitrine-player>
</body>
</html>`;

const cspListen = `
window.cspViolations = [];
window.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
});
window.headCountAtStart = document.head.children.length;
`;

export const middleware = [
  async (ctx, next) => {
    const path = ctx.path;
    if (path === '/src/engine/videojs.js' || path === '/src/engine/videojs.ts') {
      if (!existsSync(engineFile)) {
        ctx.status = 500;
        ctx.body = 'the test engine is not built: run `npm run build`';
        return;
      }
      ctx.type = 'application/javascript';
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = readFileSync(engineFile);
      return;
    }
    if (!path.startsWith('/__player/')) return next();

    let m;
    if ((m = path.match(/^\/__player\/hls\/([\w.-]+)$/))) return send(ctx, m[1]);

    if ((m = path.match(/^\/__player\/live\/([\w-]+)$/))) {
      ctx.type = types.m3u8;
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = liveFor(m[1]).playlist();
      return;
    }

    if ((m = path.match(/^\/__player\/flaky\/([\w-]+)$/))) {
      ctx.type = types.m3u8;
      ctx.body = vodText.replace(/^seg(\d+)\.ts$/gm, `/__player/flaky/${m[1]}/seg/$1`);
      return;
    }
    if ((m = path.match(/^\/__player\/flaky\/([\w-]+)\/seg\/(\d+)$/))) {
      const [, session, number] = m;
      const file = `seg${number}.ts`;
      if (number === '03') {
        const count = (flaky.get(session) ?? 0) + 1;
        flaky.set(session, count);
        if (count <= 2) {
          ctx.status = 404;
          ctx.body = 'not yet';
          return;
        }
      }
      return send(ctx, file);
    }

    if ((m = path.match(/^\/__player\/gone\/([\w-]+)$/))) {
      const after = Number(ctx.query.after ?? 3);
      const count = (gone.get(m[1]) ?? 0) + 1;
      gone.set(m[1], count);
      if (count > after) {
        ctx.status = 404;
        ctx.body = 'gone';
        return;
      }
      ctx.type = types.m3u8;
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = liveFor(`gone-${m[1]}`).playlist();
      return;
    }

    if (path === '/__player/csp.html') {
      const src = String(ctx.query.src ?? '/__player/hls/vod.m3u8').replace(/[<>"&]/g, '');
      ctx.type = 'text/html';
      ctx.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; worker-src 'self' blob:; require-trusted-types-for 'script'; trusted-types vitrine lit-html",
      );
      ctx.body = cspPage(src, 'CSP test');
      return;
    }
    if (path === '/__player/csp-listen.js') {
      ctx.type = 'application/javascript';
      ctx.body = cspListen;
      return;
    }
    return next();
  },
];
