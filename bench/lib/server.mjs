// The bench's HTTP server on localhost: static files from the repo (dist/cdn/, .cache/bench/,
// bench/pages/), pages templated with the widget under test, the demo backend (examples/backend,
// when it exists) under /__demo, and a small live stream + SSE with pins on a known schedule
// under /__bench for the pin-sync section. JS/CSS/HTML are sent gzip-compressed like a CDN would.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.vtt': 'text/vtt',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.m3u8']);

/**
 * @param {{ root: string, pages: (name: string, query: URLSearchParams) => string | null, demo?: boolean, pinPeriod?: number,
 *   mounts?: Record<string, string> }} options  mounts: URL path prefix (no leading slash) → directory
 */
export async function startServer({ root, pages, demo = true, pinPeriod = 4, mounts = {} }) {
  const gzCache = new Map();
  let backend = null;
  let demoError = null;
  const demoModule = join(root, 'examples/backend/index.mjs');
  if (demo && existsSync(demoModule)) {
    try {
      const { createBackend } = await import(pathToFileURL(demoModule).href);
      backend = createBackend({
        basePath: '/__demo',
        // Faster than the demo's defaults, so a short bench run sees pins, viewers and prices move.
        timing: { viewers: 1_000, pin: 6_000, flashSale: 20_000, flashSaleFor: 8_000, stock: 5_000 },
      });
    } catch (error) {
      demoError = `demo backend failed to start: ${error.message}`;
    }
  } else if (demo) {
    demoError = 'examples/backend/index.mjs not found (demo backend not landed)';
  }

  const pins = await createPinStream(root, pinPeriod);
  const sseClients = new Set();

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (backend && url.pathname.startsWith('/__demo/') && (await backend.handle(req, res))) return;
      if (url.pathname.startsWith('/__bench/page/')) {
        const html = pages(url.pathname.slice('/__bench/page/'.length), url.searchParams);
        if (html == null) return notFound(res);
        return send(req, res, Buffer.from(html), '.html', 'no-store');
      }
      if (pins && url.pathname.startsWith('/__bench/pins/')) return pins.handle(url, req, res, sseClients);
      return serveStatic(req, res, url.pathname);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error?.stack ?? error));
    }
  });

  function send(req, res, body, ext, cacheControl) {
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && body.length > 512) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      body = gzipSync(body, { level: 6 });
    }
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function serveStatic(req, res, pathname) {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    if (rel.startsWith('..')) return notFound(res);
    const allowed = ['dist/', '.cache/bench/', 'bench/pages/', 'examples/', 'node_modules/video.js/dist/', 'test/fixtures/'];
    if (!allowed.some((prefix) => rel.startsWith(prefix))) return notFound(res);
    const mount = Object.keys(mounts).find((prefix) => rel.startsWith(prefix));
    const file = mount ? join(mounts[mount], rel.slice(mount.length)) : join(root, rel);
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
    const ext = extname(file);
    // Hashed chunks are immutable, as on a CDN; the rest may be revalidated.
    const cache = ext === '.m3u8' ? 'no-cache' : rel.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600';
    const key = `${file}:${statSync(file).mtimeMs}`;
    let body = gzCache.get(key);
    if (!body) gzCache.set(key, (body = readFileSync(file)));
    return send(req, res, body, ext, cache);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    demo: backend ? `${url}/__demo` : null,
    demoError,
    /** The demo's moments (examples/backend/moments.mjs): `startPoll`, `announce`, `startDeal`, as the studio starts them. */
    moments: backend?.moments ?? null,
    pins: pins ? { ...pins.info, url: `${url}/__bench/pins` } : null,
    pinsError: pins ? null : 'examples/backend/hls/live-playlist.mjs not found',
    async close() {
      for (const client of sseClients) client.end();
      backend?.close();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function notFound(res) {
  res.statusCode = 404;
  res.end('not found');
}

/**
 * A live stream looping the bench media with pins every `period` seconds, in two flavours:
 * `inband.m3u8` carries them as #EXT-X-DATERANGE; `plain.m3u8` carries none and `events` sends
 * each as an SSE `highlight` (at = its program date-time) a few seconds BEFORE playback reaches it,
 * as a server would while the viewer is behind the live edge. Both have #EXT-X-PROGRAM-DATE-TIME.
 */
async function createPinStream(root, period) {
  const module = join(root, 'examples/backend/hls/live-playlist.mjs');
  if (!existsSync(module)) return null;
  const { createLivePlaylist } = await import(pathToFileURL(module).href);
  const { ensureMedia } = await import('./media.mjs');
  const segments = ensureMedia(join(root, '.cache/bench/hls'));
  const startedAt = Math.floor(Date.now() / 1000) * 1000 - 30_000;
  const productIds = ['b1', 'b2', 'b3', 'b4'];
  const common = { segments, startedAt, windowSize: 6, uriPrefix: '/.cache/bench/hls/' };
  const inband = createLivePlaylist({ ...common, pinEvery: { period, offset: period / 2, productIds } });
  const plain = createLivePlaylist({ ...common });
  const pinAt = (k) => startedAt + (period / 2 + k * period) * 1000;
  const products = productIds.map((id, i) => ({
    id,
    title: `Bench product ${i + 1}`,
    url: `https://shop.example.com/products/${id}`,
    price: { amount: `${19 + i}.00`, currencyCode: 'EUR' },
    available: true,
  }));

  function handle(url, req, res, clients) {
    const path = url.pathname.slice('/__bench/pins/'.length);
    const origin = `http://${req.headers.host}`;
    if (path === 'inband.m3u8' || path === 'plain.m3u8') {
      res.setHeader('Content-Type', 'application/vnd.apple.mpegurl');
      res.setHeader('Cache-Control', 'no-cache');
      return res.end((path === 'inband.m3u8' ? inband : plain).playlist(Date.now()));
    }
    if (path === 'show-inband' || path === 'show-sse') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(
        JSON.stringify({
          id: `bench-${path}`,
          title: 'Bench live show',
          status: 'live',
          poster: `${origin}/.cache/bench/hls/poster.jpg`,
          stream: { src: `${origin}/__bench/pins/${path === 'show-inband' ? 'inband' : 'plain'}.m3u8`, type: 'application/x-mpegURL' },
          ...(path === 'show-sse' ? { events: `${origin}/__bench/pins/events` } : {}),
          products,
        }),
      );
    }
    if (path === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'Access-Control-Allow-Origin': '*' });
      res.write('retry: 2000\n\n');
      clients.add(res);
      let sent = Math.floor((Date.now() - startedAt) / 1000 / period);
      let id = 0;
      // Announce each pin 2 s before its program date-time reaches the live edge: the viewer,
      // several seconds behind, must hold it until playback gets there.
      const timer = setInterval(() => {
        while (pinAt(sent) - 2_000 <= Date.now()) {
          const k = sent++;
          res.write(`id: ${++id}\nevent: highlight\ndata: ${JSON.stringify({ productId: productIds[k % productIds.length], at: new Date(pinAt(k)).toISOString() })}\n\n`);
        }
        res.write(`event: viewers\ndata: {"count":${100 + (id % 50)}}\n\n`);
      }, 250);
      req.on('close', () => {
        clearInterval(timer);
        clients.delete(res);
      });
      return;
    }
    if (path === 'schedule.json') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify({ startedAt, period, offset: period / 2, productIds }));
    }
    return notFound(res);
  }
  return { handle, info: { startedAt, period, productIds } };
}
