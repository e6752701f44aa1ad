// The demo backend's interactions (examples/backend/interactions.mjs, docs/interactions.md) for the
// chat adapter and element tests, with its simulated audience stopped, and fault fronts:
//
//   /__chat/demo/...                     the demo backend (studio token "test-token")
//   /__chat/down/...                     every request answers 503 (the chat backend is down)
//   /__chat/slow/...                     the demo backend, 400 ms later
//   GET /__chat/odd/shows/live/interactions/chat   a history with malformed messages among good ones
//
// Rate limit: 3 posts per viewer per 2 s; tests vary the viewer with an `x-demo-viewer` header.
import { createBackend } from '../../examples/backend/index.mjs';

const far = 1e9;
export const backend = createBackend({
  basePath: '/__chat/demo',
  studioToken: 'test-token',
  timing: { tick: 1000, viewers: far, heartbeat: far, flashSale: far, flashSaleFor: far, stock: far, pin: far },
  chatTiming: { chat: far, spam: far, audienceHearts: far, reactions: 200 },
  rateLimit: { limit: 3, window: 2000 },
});

const odd = {
  messages: [
    { id: 'ok1', author: { id: 'a', name: 'Mia', role: 'viewer' }, text: 'first', at: '2026-11-22T18:00:00Z' },
    { id: 'bad1', author: null, text: 'no author' },
    'garbage',
    { id: 'ok2', author: { id: 'h', name: 'Ava', role: 'host' }, text: '<b>not bold</b>', at: '2026-11-22T18:00:01Z' },
  ],
};

export const middleware = [
  async (ctx, next) => {
    if (!ctx.path.startsWith('/__chat/')) return next();
    if (ctx.path.startsWith('/__chat/down/')) {
      ctx.status = 503;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ error: { code: 'unavailable', message: 'Down for maintenance.' } });
      return;
    }
    if (ctx.path === '/__chat/odd/shows/live/interactions/chat') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(odd);
      return;
    }
    if (ctx.path.startsWith('/__chat/slow/')) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      ctx.req.url = ctx.req.url.replace('/__chat/slow/', '/__chat/demo/');
    }
    if (await backend.handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    return next();
  },
];
