// The demo backend's moments (examples/backend/moments.mjs) for the moments tests, with faults:
//
//   /__moments/demo/...         the demo backend (studio token "test-studio"; nothing scheduled)
//   POST /__moments/fail        { votes?: number, discounts?: number, polls?: number }: the next N
//                               vote / discount / replay-poll requests answer 500 (after being
//                               logged), then all is well again
//   GET  /__moments/log         [{ method, path, key }] of every vote and discount request
//   POST /__moments/reset       clears the log and the faults, forgets the announcement and the poll
//                               and ends the deal (a test starts with no moment of another's)
import { createBackend } from '../../examples/backend/index.mjs';

const far = 1e9;
export const STUDIO_TOKEN = 'test-studio';
const backend = createBackend({
  basePath: '/__moments/demo',
  studioToken: STUDIO_TOKEN,
  timing: { tick: 250, viewers: far, heartbeat: far, flashSale: far, flashSaleFor: far, stock: far, pin: far, deal: far, announce: far, poll: far },
});

let log = [];
const faults = { votes: 0, discounts: 0, polls: 0 };

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export const middleware = [
  async (ctx, next) => {
    if (ctx.path === '/__moments/log') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(log);
      return;
    }
    if (ctx.path === '/__moments/reset' && ctx.method === 'POST') {
      log = [];
      faults.votes = 0;
      faults.discounts = 0;
      faults.polls = 0;
      await backend.moments.reset();
      ctx.body = '{}';
      return;
    }
    if (ctx.path === '/__moments/fail' && ctx.method === 'POST') {
      Object.assign(faults, await body(ctx.req));
      ctx.body = '{}';
      return;
    }
    if (!ctx.path.startsWith('/__moments/demo/')) return next();
    const kind = /\/votes$/.test(ctx.path) ? 'votes' : /\/discounts(\/|$)/.test(ctx.path) ? 'discounts' : /\/polls$/.test(ctx.path) ? 'polls' : null;
    if (kind && ctx.method !== 'OPTIONS') {
      log.push({ method: ctx.method, path: ctx.path, key: ctx.get('idempotency-key') || null });
      if (faults[kind] > 0) {
        faults[kind] -= 1;
        ctx.status = 500;
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ error: { code: 'internal', message: 'Injected failure.' } });
        return;
      }
    }
    if (await backend.handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    return next();
  },
];
