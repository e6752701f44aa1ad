// The demo backend (examples/backend, docs/show-document.md, docs/cart-protocol.md, docs/live-events.md) mounted for the show and adapter
// tests, with a fault-injecting front for the cart:
//
//   /__show/demo/...               the demo backend itself (shows, SSE, cart, media)
//   /__show/lost/<rest>            the same backend; the FIRST response to each
//                                  POST .../lines Idempotency-Key is processed, then dropped
//                                  (socket destroyed): the client sees a network error
//   GET /__show/lost-log           [{ method, path, key }] of every request through /__show/lost
//
// Timers of the live timeline are pushed far away so stock and prices stay put during tests.
import { createBackend } from '../../examples/backend/index.mjs';

const far = 1e9;
const backend = createBackend({
  basePath: '/__show/demo',
  timing: { tick: 1000, viewers: far, heartbeat: far, flashSale: far, flashSaleFor: far, stock: far, pin: far },
});

const dropped = new Set();
const log = [];

export const middleware = [
  async (ctx, next) => {
    if (ctx.path === '/__show/lost-log') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(log);
      return;
    }
    if (ctx.path.startsWith('/__show/lost/')) {
      const key = ctx.get('idempotency-key') || null;
      log.push({ method: ctx.method, path: ctx.path, key });
      const req = ctx.req;
      const res = ctx.res;
      req.url = req.url.replace('/__show/lost/', '/__show/demo/');
      if (ctx.method === 'POST' && /\/lines$/.test(ctx.path) && key && !dropped.has(key)) {
        dropped.add(key);
        // Let the backend do the work, then lose the answer on the way back.
        res.writeHead = () => res;
        res.write = () => true;
        res.end = () => {
          req.socket.destroy();
          return res;
        };
      }
    }
    if (await backend.handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    return next();
  },
];
