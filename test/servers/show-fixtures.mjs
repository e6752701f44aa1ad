// Test server for <vitrine-show> and the REST/SSE adapters: real HTTP on the test origin,
// driven by the tests themselves. Every route is under /__show/. Documented in /tmp/api/show.md.
//
//   PUT  /__show/doc/<name>            body: a show document (JSON) -> stored
//   GET  /__show/doc/<name>            the stored document (404 not_found when unknown)
//   GET  /__show/doc/<name>/log        { reads: n } (how often the document was read)
//   GET  /__show/flaky/<name>?fail=n  the document, after failing the first n reads with 503
//   GET  /__show/flaky/<name>/log      { reads: n }
//   GET  /__show/status/<code>         answers that status with an error body (for failures)
//   GET  /__show/garbage               200 text/html (not JSON)
//   GET  /__show/big/<n>               a show document with n products, made here (the page that
//                                      measures its long tasks does not build it)
//
//   GET  /__show/events/<ch>           text/event-stream; honours Last-Event-ID (replays what came after)
//   POST /__show/events/<ch>/send      { event, data, id?, raw? } to every open connection (and the history)
//   POST /__show/events/<ch>/drop      ends every open connection of the channel
//   POST /__show/events/<ch>/config    { fail: n }: the next n connections answer 503
//   GET  /__show/events/<ch>/log       { connects: [{ lastEventId, query }], open }
//
//   GET  /__show/hls/<ch>/live.m3u8    a live sliding-window playlist (PROGRAM-DATE-TIME) over
//                                      test/fixtures/hls, started at ?startedAt=<epoch ms>
//   GET  /__show/hls/<ch>/segNN.ts     the fixture segments
import { readFile } from 'node:fs/promises';
import { createLivePlaylist } from '../../examples/backend/hls/live-playlist.mjs';

const docs = new Map();
const reads = new Map();
const channels = new Map();
const fixtures = new URL('../fixtures/hls/', import.meta.url);

function channel(name) {
  let ch = channels.get(name);
  if (!ch) {
    ch = { open: new Set(), history: [], connects: [], fail: 0 };
    channels.set(name, ch);
  }
  return ch;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(body);
}

function frame({ event, data, id }) {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return `${id !== undefined ? `id: ${id}\n` : ''}${event ? `event: ${event}\n` : ''}${text
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;
}

const playlists = new Map();

export const middleware = [
  async (ctx, next) => {
    if (!ctx.path.startsWith('/__show/')) return next();
    const parts = ctx.path.split('/').slice(2).map(decodeURIComponent);
    const [area, name, action] = parts;

    if (area === 'doc') {
      if (ctx.method === 'PUT') {
        docs.set(name, await readJson(ctx.req));
        return json(ctx, 204, {});
      }
      if (action === 'log') return json(ctx, 200, { reads: reads.get(name) ?? 0 });
      reads.set(name, (reads.get(name) ?? 0) + 1);
      if (!docs.has(name)) return json(ctx, 404, { error: { code: 'not_found', message: 'No such show' } });
      return json(ctx, 200, docs.get(name));
    }

    if (area === 'big') {
      const n = Math.min(Number(name) || 0, 1_000_000);
      const products = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: `Product ${i}`, price: { amount: '29.00', currencyCode: 'EUR' }, available: true }));
      return json(ctx, 200, { id: `big-${n}`, title: 'Big', status: 'live', products });
    }

    if (area === 'flaky') {
      const key = `flaky:${name}`;
      if (action === 'log') return json(ctx, 200, { reads: reads.get(key) ?? 0 });
      const n = (reads.get(key) ?? 0) + 1;
      reads.set(key, n);
      if (n <= Number(ctx.query.fail ?? 0)) return json(ctx, 503, { error: { code: 'unavailable', message: 'flaky' } });
      if (!docs.has(name)) return json(ctx, 404, { error: { code: 'not_found', message: 'No such show' } });
      return json(ctx, 200, docs.get(name));
    }

    if (area === 'status') {
      const status = Number(name);
      const code = status === 404 ? 'not_found' : status === 409 ? 'out_of_stock' : status >= 500 ? 'unavailable' : 'invalid';
      return json(ctx, status, { error: { code, message: `Failing with ${name} on purpose` } });
    }

    if (area === 'garbage') {
      ctx.type = 'text/html';
      ctx.body = '<html>not json</html>';
      return;
    }

    if (area === 'events') {
      const ch = channel(name);
      if (action === 'send' && ctx.method === 'POST') {
        const message = await readJson(ctx.req);
        const text = message.raw ?? frame(message);
        if (message.id !== undefined) ch.history.push({ id: String(message.id), text });
        for (const res of ch.open) res.write(text);
        return json(ctx, 200, { delivered: ch.open.size });
      }
      if (action === 'drop' && ctx.method === 'POST') {
        const n = ch.open.size;
        for (const res of ch.open) res.destroy();
        ch.open.clear();
        return json(ctx, 200, { dropped: n });
      }
      if (action === 'config' && ctx.method === 'POST') {
        Object.assign(ch, await readJson(ctx.req));
        return json(ctx, 200, {});
      }
      if (action === 'log') return json(ctx, 200, { connects: ch.connects, open: ch.open.size });
      const lastEventId = ctx.get('last-event-id') || null;
      ch.connects.push({ lastEventId, query: ctx.querystring, at: Date.now() });
      if (ch.fail > 0) {
        ch.fail--;
        return json(ctx, 503, { error: { code: 'unavailable', message: 'events down on purpose' } });
      }
      ctx.respond = false;
      const res = ctx.res;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (lastEventId) {
        const index = ch.history.findIndex((e) => e.id === lastEventId);
        for (const missed of ch.history.slice(index + 1)) res.write(missed.text);
      }
      ch.open.add(res);
      ctx.req.on('close', () => ch.open.delete(res));
      return;
    }

    if (area === 'hls') {
      if (action === 'live.m3u8') {
        const startedAt = Number(ctx.query.startedAt) || Date.now();
        const key = `${name}|${startedAt}`;
        let live = playlists.get(key);
        if (!live) {
          live = createLivePlaylist({
            segments: Array.from({ length: 12 }, (_, i) => ({ uri: `seg${String(i).padStart(2, '0')}.ts`, duration: 1 })),
            startedAt,
            windowSize: 12,
          });
          playlists.set(key, live);
        }
        ctx.type = 'application/vnd.apple.mpegurl';
        ctx.set('cache-control', 'no-cache');
        ctx.body = live.playlist(Date.now());
        return;
      }
      if (/^seg\d\d\.ts$/.test(action ?? '')) {
        ctx.type = 'video/mp2t';
        ctx.body = await readFile(new URL(action, fixtures));
        return;
      }
    }
    return next();
  },
];
