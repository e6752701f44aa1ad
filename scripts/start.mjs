#!/usr/bin/env node
// `npm start`: the demo storefront on an embedded live backend, with no account and no internet.
// Builds `dist/cdn/` when it is missing or older than `src/`, then serves on one origin:
//   /               examples/storefront/ (the shop: live, vertical, replay, upcoming and studio show
//                   pages, each put into the shop's layout.html); a page with a
//                   <vitrine-show src="/shows/…"> gets the show's JSON-LD rendered in (vitrine/seo),
//                   as a merchant's server would
//   /vitrine/*      dist/cdn/* (the script-tag bundle and its lazy chunks), with
//                   Access-Control-Allow-Origin: * so pages on other origins can load them
//   /shows, /cart, /checkout, /media, /images   the demo backend (examples/backend/)
// PORT overrides 8080 (PORT=0 picks a free port); SCHEDULED_IN=<seconds> sets when the upcoming
// show goes live (default 600); SKIP_BUILD=1 serves dist/ as it is; REDIS_URL=redis://… shares the live
// events, carts and deal stock with every other instance on that Redis. Ctrl-C or SIGTERM stops everything.
// STUDIO=1 also starts nginx with the RTMP module (README: "Go live from OBS"): OBS streams to
// rtmp://127.0.0.1:${RTMP_PORT:-1935}/live with the stream key `studio`, shown at /studio.html.
//
// As a module: `const demo = await startDemo({ port: 0, build: false })` -> { url, backend, close() }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBackend } from '../examples/backend/index.mjs';
import { sendFile } from '../examples/backend/static.mjs';
import { renderShopPage } from '../examples/backend/shop-pages.mjs';
import { startStudioNginx } from '../examples/backend/rtmp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'dist/cdn/vitrine.js');
const SEO = join(root, '.cache/demo/seo.js'); // vitrine/seo, built for the demo (rollup.config.mjs)
const NPM_SEO = join(root, 'dist/seo/index.js'); // the same module from the full build (`npm run build`)
/** The vitrine/seo module the demo renders JSON-LD with: the demo build's, else the full build's. */
const seoModule = () => [SEO, NPM_SEO].find((file) => existsSync(file));
const STOREFRONT = join(root, 'examples/storefront');
const CDN = join(root, 'dist/cdn');

/** Newest modification time (ms) of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

/** True when the script-tag bundle or the SEO module is missing or older than the sources. */
export function needsBuild() {
  const sources = newest(join(root, 'src'));
  return [BUNDLE, SEO].some((file) => !existsSync(file) || statSync(file).mtimeMs < sources);
}

/** Builds only what the demo serves (rollup.config.mjs, VITRINE_BUILD=demo): no types, no test engine, no manifest. */
function build() {
  console.log('Building Vitrine for the demo (dist/ is missing or older than src/)...');
  const rollup = join(root, 'node_modules/.bin/rollup');
  const status = spawnSync(rollup, ['-c', '--silent', '--environment', 'VITRINE_BUILD:demo'], { cwd: root, stdio: 'inherit' }).status;
  if (status !== 0) throw new Error('the demo build (rollup -c, VITRINE_BUILD=demo) failed');
}

/** The shows whose page gets the show's JSON-LD rendered in (vitrine/seo). */
const SHOW_TAG = /<vitrine-show\b[^>]*\ssrc="\/shows\/(live|replay|scheduled)"[^>]*>\s*<\/vitrine-show>/;

function originOf(req) {
  const host = /^[a-z0-9.\-:[\]]{1,255}$/i.test(req.headers.host ?? '') ? req.headers.host : 'localhost';
  return `http://${host}`;
}

/**
 * Sends a page of the shop (examples/backend/shop-pages.mjs puts it into the shop's layout) as a
 * merchant's server would: with the show's schema.org JSON-LD (`showJsonLd` from vitrine/seo)
 * right after the element. False when `path` is no page of the shop.
 */
async function sendShopPage(req, res, path, backend) {
  const name = path.endsWith('/') ? `${path}index.html` : path;
  let html = renderShopPage(STOREFRONT, name.slice(1));
  if (html === null) return false;
  const tag = SHOW_TAG.exec(html);
  if (tag && seoModule()) {
    const origin = originOf(req);
    const { showJsonLd } = await import(pathToFileURL(seoModule()).href);
    const doc = backend.showDocument(tag[1], origin);
    const jsonLd = `\n        <script type="application/ld+json">${showJsonLd(doc, { pageUrl: new URL(req.url ?? '/', origin).href })}</script>`;
    html = html.slice(0, tag.index + tag[0].length) + jsonLd + html.slice(tag.index + tag[0].length);
  }
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
  return true;
}

const notFound = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found · Atelier Nord</title>
<body style="font-family: system-ui; padding: 40px"><h1>Not found</h1><p><a href="/">Back to the shop</a></p></body></html>`;

/**
 * Starts the demo. Resolves once it listens.
 * @param {{ port?: number, host?: string, build?: boolean, scheduledIn?: number, log?: boolean,
 *           backendOptions?: Parameters<typeof createBackend>[0], cdnDir?: string }} [options]
 *   `backendOptions` go to createBackend (e.g. `{ timing: { pin: 8000 } }` for faster pins);
 *   `cdnDir` serves another copy of dist/cdn/ at /vitrine/ (tests serve a snapshot, so a build
 *   started meanwhile cannot pull files from under the page); `redisUrl` shares the live events,
 *   carts and deal stock with other instances through Redis (examples/backend/redis.mjs)
 * @param {{ rtmpPort?: number, fragment?: number }} [options.studio]  also start nginx-rtmp for the `studio` show
 *   (examples/backend/rtmp.mjs) in a temp dir; `fragment`: HLS fragment seconds (default 1)
 */
export async function startDemo({ port = 8080, host, build: mayBuild = true, scheduledIn = 600, log = false, backendOptions = {}, cdnDir = CDN, studio, redisUrl } = {}) {
  if (mayBuild && needsBuild()) build();
  const studioDir = studio ? mkdtempSync(join(tmpdir(), 'vitrine-studio-')) : undefined;
  if (studioDir) backendOptions = { ...backendOptions, studio: { hlsDir: join(studioDir, 'hls') } };
  if (!existsSync(join(cdnDir, 'vitrine.js'))) throw new Error(`${join(cdnDir, 'vitrine.js')} is missing: run \`npm run build\``);

  const backendSettings = { scheduledStartsAt: Date.now() + scheduledIn * 1000, ...backendOptions };
  // REDIS_URL: live events, carts and deal stock shared with other instances on the same Redis.
  const backend = redisUrl
    ? await (await import('../examples/backend/redis.mjs')).createRedisBackend(redisUrl, backendSettings)
    : createBackend(backendSettings);
  const server = createServer(async (req, res) => {
    const started = Date.now();
    if (log) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started} ms`));
    try {
      if (await backend.handle(req, res)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      // The bundle and its chunks are module scripts: another origin's page may load them only with CORS.
      const sent = path.startsWith('/vitrine/')
        ? await sendFile(req, res, cdnDir, path.slice('/vitrine/'.length), { cacheControl: 'no-cache', headers: { 'Access-Control-Allow-Origin': '*' } })
        : (await sendShopPage(req, res, path, backend)) || (!path.endsWith('.html') && !path.endsWith('/') && (await sendFile(req, res, STOREFRONT, path)));
      if (!sent) res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    // A deal drop makes a thousand viewers connect within a second: Node's default backlog (511)
    // overflows the kernel's accept queue, and the dropped SYNs come back only after 1, 3, 7 s,
    // past a client's connect timeout (the bench's 1,000-viewer burst lost 104 adds to it).
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://localhost:${address.port}/`;
  const nginx = studioDir
    ? await startStudioNginx({ dir: studioDir, rtmpPort: studio.rtmpPort ?? 1935, fragment: studio.fragment, callbackBase: `http://127.0.0.1:${address.port}` }).catch((error) => {
        server.close();
        backend.close();
        throw error;
      })
    : undefined;

  let closing;
  function close() {
    closing ??= new Promise((resolve) => {
      backend.close(); // ends the live event streams, so open connections can finish
      const stopped = nginx ? nginx.stop().then(() => rmSync(studioDir, { recursive: true, force: true })) : Promise.resolve();
      server.close(() => stopped.then(resolve));
      server.closeIdleConnections?.();
      setTimeout(() => server.closeAllConnections?.(), 1000).unref();
    });
    return closing;
  }
  return { url, server, backend, close, studio: nginx && { rtmpUrl: nginx.rtmpUrl, hlsDir: nginx.hlsDir } };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  const scheduledIn = process.env.SCHEDULED_IN ? Number(process.env.SCHEDULED_IN) : 600;
  try {
    const studio = process.env.STUDIO ? { rtmpPort: Number(process.env.RTMP_PORT) || 1935 } : undefined;
    const redisUrl = process.env.REDIS_URL || undefined;
    const demo = await startDemo({ port, scheduledIn, build: !process.env.SKIP_BUILD, log: Boolean(process.env.DEMO_LOG), studio, redisUrl });
    if (demo.studio) console.log(`\n  Studio: stream to ${demo.studio.rtmpUrl.replace(/\/studio$/, '')} with the stream key "studio", watch ${demo.url}studio.html`);
    if (redisUrl) console.log(`  Live events, carts and deal stock shared through Redis (${redisUrl.replace(/\/\/[^@/]*@/, '//…@')}).`);
    console.log(`\n  Vitrine demo storefront: ${demo.url}\n`);
    console.log(`  live show ${demo.url}   vertical ${demo.url}vertical.html   replay ${demo.url}replay.html   upcoming ${demo.url}upcoming.html`);
    console.log(`  studio (run the show: pin, write as the host, moderate) ${demo.url}studio?token=${demo.backend.studioToken}`);
    console.log('  Ctrl-C to stop.\n');
    const stop = (signal) => {
      console.log(`\n${signal}: stopping the demo...`);
      demo.close().then(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(`Port ${port} is in use. Pick another: PORT=${port + 1} npm start`);
    } else {
      console.error(error.message ?? error);
    }
    process.exit(1);
  }
}
