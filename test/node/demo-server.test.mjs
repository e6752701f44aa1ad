// `npm start`'s server (scripts/start.mjs) as an integrator meets it: the show pages carry their
// JSON-LD rendered server-side (vitrine/seo), and the script-tag bundle can be loaded from
// another origin (Access-Control-Allow-Origin on /vitrine/*). Needs dist/ (scripts/test.mjs builds).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startDemo } from '../../scripts/start.mjs';

// vitrine/seo comes from `npm start`'s demo build or from `npm run build` (what `npm test` runs).
const skip = !(existsSync('dist/cdn/vitrine.js') && (existsSync('.cache/demo/seo.js') || existsSync('dist/seo/index.js'))) && 'no build: run npm run build (or npm start once)';
let demo;
before(async () => {
  if (!skip) demo = await startDemo({ port: 0, build: false });
});
after(() => demo?.close());

async function jsonLd(page) {
  const response = await fetch(new URL(page, demo.url));
  assert.equal(response.status, 200);
  const html = await response.text();
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  assert.equal(blocks.length, 1, `${page}: one JSON-LD block`);
  assert.ok(html.indexOf(blocks[0][0]) > html.indexOf('</vitrine-show>'), 'rendered after the element, not in <head>');
  return JSON.parse(blocks[0][1])['@graph'];
}

test('demo server: each show page has its JSON-LD (live, replay, scheduled) with the required video properties', { skip }, async () => {
  const pages = { '/': 'live', '/replay.html': 'ended', '/upcoming.html': 'scheduled' };
  for (const [page, status] of Object.entries(pages)) {
    const [video, list] = await jsonLd(page);
    for (const key of ['name', 'description', 'thumbnailUrl', 'uploadDate']) assert.ok(video[key], `${page} ${key}`);
    assert.equal(video.url, new URL(page, demo.url).href);
    assert.equal(Boolean(video.publication), status !== 'ended', `${page}: BroadcastEvent only for live and scheduled`);
    if (status === 'ended') assert.ok(video.hasPart.length > 0, 'replay key moments');
    assert.ok(list.itemListElement.length > 0);
    assert.match(list.itemListElement[0].item.offers.price, /^\d+(\.\d+)?$/);
  }
});

test('demo server: /vitrine/* answers with Access-Control-Allow-Origin, the shop pages do not need it', { skip }, async () => {
  const bundle = await fetch(new URL('/vitrine/vitrine.js', demo.url), { headers: { Origin: 'https://other.example' } });
  assert.equal(bundle.status, 200);
  assert.equal(bundle.headers.get('access-control-allow-origin'), '*');
  const page = await fetch(new URL('/replay.html', demo.url));
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  const missing = await fetch(new URL('/nope.html', demo.url));
  assert.equal(missing.status, 404);
});

test('demo server: every shop page is the shop layout around its own content, and its grid shows the show document\'s prices', { skip }, async () => {
  // (The live show's prices move with its flash sales: its page is checked for the layout only.)
  const pages = { '/': null, '/vertical.html': null, '/replay.html': 'replay', '/upcoming.html': 'scheduled', '/studio.html': null };
  for (const [page, show] of Object.entries(pages)) {
    const html = await (await fetch(new URL(page, demo.url))).text();
    assert.equal(html.match(/<header class="site">/g)?.length, 1, `${page}: one shop header`);
    assert.equal(html.match(/<footer class="site">/g)?.length, 1, `${page}: one footer`);
    assert.equal(html.match(/<main>/g)?.length, 1, `${page}: one main`);
    assert.doesNotMatch(html, /\{\{|<!-- products:/, `${page}: nothing left unfilled`);
    const current = [...html.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map((m) => m[1]);
    assert.deepEqual(current, page === '/studio.html' ? [] : [page], `${page}: its own link is the current one (the studio has none)`);
    if (!show) continue;
    const doc = demo.backend.showDocument(show, demo.url.replace(/\/$/, ''));
    const prices = new Map(doc.products.map((p) => [p.id, p.price.amount]));
    const tiles = [...html.matchAll(/<li id="product-(\w+)">[\s\S]*?<p class="price">€([\d.]+)/g)];
    assert.ok(tiles.length >= 6, `${page}: a grid of products`);
    for (const [, id, price] of tiles) assert.equal(price, prices.get(id), `${page}: ${id} costs what the show says`);
  }
  assert.equal((await fetch(new URL('/layout.html', demo.url))).status, 404, 'the layout is no page');
});

test('npm start builds only what the demo serves: the CDN bundle and the SEO module, no npm modules, types or test engine', () => {
  const outputs = (env) =>
    JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', "const c = (await import('./rollup.config.mjs')).default; console.log(JSON.stringify(c.map((x) => x.output.dir)))"], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }),
    );
  assert.deepEqual(outputs({ VITRINE_BUILD: 'demo' }), ['.cache/demo', 'dist/cdn']);
  assert.deepEqual(outputs({ VITRINE_BUILD: '' }), ['dist', 'dist/cdn', '.cache/test-engine/next']);
  assert.match(readFileSync('scripts/start.mjs', 'utf8'), /'--environment', 'VITRINE_BUILD:demo'/);
});
