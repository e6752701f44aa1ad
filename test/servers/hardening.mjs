// Fault-injecting servers for the hardening tests (issue 9). Everything is under /__hardening/.
//
// The demo backend (examples/backend, docs/show-document.md, docs/cart-protocol.md, docs/live-events.md) is mounted at /__hardening/demo/
// and wrapped, per test "scenario", with faults. A test creates a scenario and gets an id:
//
//   POST /__hardening/scenario  { cart?: Rule[], show?: ShowSpec, events?: EventsSpec }  -> { id }
//
//   /__hardening/s/<id>/cart...     the demo cart; each request first meets the scenario's cart
//                                   rules: { method?, path? (regex), times (default 1), skip?, fault, ms? }
//                                   fault: '500' | '503' | 'hang' (never answers) | 'slow' (ms, then
//                                   answers) | 'lost' (the backend does the work, the answer is lost:
//                                   socket destroyed) | 'oos' (409 out_of_stock) | 'garbage' (200, not
//                                   JSON) | 'wrong-shape' (200, JSON that is no cart) | 'unsafe-checkout'
//                                   (the cart's checkoutUrl becomes javascript:) | 'rewrite' (patch,
//                                   linePatch merged into the answer, e.g. markup in line titles)
//   /__hardening/s/<id>/show        the show document: show.rules as above (faults '404', '500',
//                                   'hang', 'slow', 'notjson', 'html'), then show.doc (a literal
//                                   document) or the demo's show show.base ('live' | 'replay' |
//                                   'scheduled', default 'live'); `events` points to the scenario's
//                                   SSE when events is given; show.patch is merged into the document.
//   /__hardening/s/<id>/events      Server-Sent Events: events.connections[i] is the script of the
//                                   i-th connection (the last one repeats): steps { event, data, id? }
//                                   | { raw } | { wait: ms } | { repeat: n, event, data } | { close: true }
//                                   | { destroy: true } (reset, no clean end). After the script: kept
//                                   open with heartbeats.
//   /__hardening/s/<id>/live        with stream: true, the demo's live HLS (segments under
//                                   /__hardening/s/<id>/seg/), faults set by POST .../stream-fault
//   GET /__hardening/s/<id>/log     { requests: [{ method, path, key, fault, status }], connections:
//                                   [{ lastEventId }] }
//   GET /__hardening/demo-cart/<cartId>  the demo backend's own view of a cart (for "nothing doubled")
//   /__hardening/page/<name>.html   test pages with strict CSP headers (see PAGES below)
import { createBackend } from '../../examples/backend/index.mjs';

const far = 1e9;
const BASE = '/__hardening/demo';
const backend = createBackend({
  basePath: BASE,
  timing: { tick: 1000, viewers: far, heartbeat: far, flashSale: far, flashSaleFor: far, stock: far, pin: far },
});

/** @type {Map<string, { cart: any[], show: any, events: any, log: any[], connections: any[] }>} */
const scenarios = new Map();
let nextId = 1;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(body);
}

/** Takes the first rule that matches the request and still has uses left. */
function takeRule(rules, ctx, subPath) {
  for (const rule of rules ?? []) {
    if ((rule.times ?? 1) <= 0) continue;
    if (rule.method && rule.method.toUpperCase() !== ctx.method) continue;
    if (rule.path && !new RegExp(rule.path).test(subPath)) continue;
    if (rule.skip > 0) {
      rule.skip -= 1;
      continue;
    }
    rule.times = (rule.times ?? 1) - 1;
    return rule;
  }
  return undefined;
}

/** Waits until the client gives up on the request (it never gets an answer). */
function hang(ctx) {
  ctx.respond = false;
  return new Promise((resolve) => {
    ctx.req.on('close', resolve);
    ctx.res.on('close', resolve);
    setTimeout(() => {
      ctx.req.socket.destroy();
      resolve();
    }, 60_000).unref?.();
  });
}

/**
 * Runs the demo backend on `ctx.req` with its URL rewritten to `url`, capturing the answer
 * instead of sending it: { status, headers, body }.
 */
async function capture(ctx, url) {
  const req = ctx.req;
  const res = ctx.res;
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, setHeader: res.setHeader };
  let status = 200;
  let headers = {};
  const chunks = [];
  let done;
  const ended = new Promise((resolve) => (done = resolve));
  res.setHeader = (name, value) => {
    headers[name.toLowerCase()] = value;
    return res;
  };
  res.writeHead = (code, h = {}) => {
    status = code;
    for (const [k, v] of Object.entries(h)) headers[k.toLowerCase()] = v;
    return res;
  };
  res.write = (chunk) => {
    chunks.push(Buffer.from(chunk));
    return true;
  };
  res.end = (chunk) => {
    if (chunk) chunks.push(Buffer.from(chunk));
    done();
    return res;
  };
  req.url = url;
  try {
    const handled = await backend.handle(req, res);
    if (!handled) return { status: 404, headers: {}, body: '{"error":{"code":"not_found","message":"no route"}}' };
    await ended;
  } finally {
    Object.assign(res, original);
  }
  const bytes = Buffer.concat(chunks);
  return { status, headers, body: bytes.toString('utf8'), bytes };
}

function send(ctx, { status, headers, body }) {
  ctx.status = status;
  for (const [k, v] of Object.entries(headers)) {
    if (k !== 'content-length') ctx.set(k, String(v));
  }
  ctx.body = body;
}

/**
 * The demo's live HLS stream through the scenario, with faults switched on and off by the test:
 * POST /__hardening/s/<id>/stream-fault { playlist?: null | '404' | 'reset', segments?: null | '404' |
 * 'reset', stall?: ms (the next segment request waits that long), segment404?: n (the next n
 * segment requests answer 404) }.
 */
async function streamRoute(ctx, scenario, id, rest) {
  const faults = scenario.streamFaults;
  if (rest === '/live') {
    scenario.streamLog.push({ kind: 'playlist', fault: faults.playlist ?? null, at: Date.now() });
    if (faults.playlist === '404') return json(ctx, 404, { error: { code: 'not_found', message: 'gone' } });
    if (faults.playlist === 'reset') {
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    const answer = await capture(ctx, `${BASE}/shows/live/live.m3u8`);
    // Extensionless URLs: web-test-runner marks paths with an extension as cacheable for a year.
    const body = answer.body.replace(new RegExp(`${BASE}/media/([\\w-]+)\\.ts`, 'g'), `/__hardening/s/${id}/seg/$1`);
    return send(ctx, { ...answer, body });
  }
  const file = `${rest.slice('/seg/'.length)}.ts`;
  let fault = faults.segments ?? null;
  if (faults.segment404 > 0) {
    faults.segment404 -= 1;
    fault = '404';
  }
  const stall = faults.stall;
  if (stall) faults.stall = 0;
  scenario.streamLog.push({ kind: 'segment', file, fault: fault ?? (stall ? `stall ${stall}` : null), at: Date.now() });
  if (stall) await sleep(stall);
  if (fault === '404') return json(ctx, 404, { error: { code: 'not_found', message: 'no segment' } });
  if (fault === 'reset') {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  const answer = await capture(ctx, `${BASE}/media/${file}`);
  send(ctx, { ...answer, body: answer.bytes });
}

async function cartRoute(ctx, scenario, id, subPath) {
  const entry = { method: ctx.method, path: subPath, key: ctx.get('idempotency-key') || null, fault: null, status: null };
  scenario.log.push(entry);
  const rule = takeRule(scenario.cart, ctx, subPath);
  entry.fault = rule?.fault ?? null;
  const forward = () => capture(ctx, `${BASE}/cart${subPath}${ctx.search}`);
  switch (rule?.fault) {
    case '500':
    case '503':
      entry.status = Number(rule.fault);
      return json(ctx, entry.status, { error: { message: 'The cart service is having a bad day.' } });
    case 'oos':
      entry.status = 409;
      return json(ctx, 409, { error: { code: 'out_of_stock', message: 'Sold out while you were watching.' } });
    case 'garbage':
      entry.status = 200;
      ctx.type = 'application/json';
      ctx.body = '<html><body>Bad gateway</body></html>';
      return;
    case 'wrong-shape':
      entry.status = 200;
      return json(ctx, 200, { id: 'x', lines: 'many', subtotal: 12.5 });
    case 'hang':
      entry.status = 'hung';
      return hang(ctx);
    case 'slow':
      await sleep(rule.ms ?? 1500);
      break;
    case 'lost': {
      const answer = await forward();
      entry.status = `lost ${answer.status}`;
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    case 'rewrite': {
      // The backend's answer with rule.patch merged into the cart and rule.linePatch into every line.
      const answer = await forward();
      entry.status = answer.status;
      const body = JSON.parse(answer.body);
      mergeDeep(body, rule.patch);
      for (const line of body.lines ?? []) mergeDeep(line, rule.linePatch);
      return send(ctx, { ...answer, body: JSON.stringify(body) });
    }
    case 'unsafe-checkout': {
      const answer = await forward();
      entry.status = answer.status;
      const body = JSON.parse(answer.body);
      body.checkoutUrl = rule.url ?? 'javascript:window.__vitrinePwned=1//';
      return send(ctx, { ...answer, body: JSON.stringify(body) });
    }
    default:
      break;
  }
  const answer = await forward();
  entry.status = answer.status;
  send(ctx, answer);
}

function mergeDeep(target, patch) {
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') mergeDeep(target[k], v);
    else target[k] = v;
  }
  return target;
}

async function showRoute(ctx, scenario, id) {
  const spec = scenario.show ?? {};
  const entry = { method: ctx.method, path: '/show', key: null, fault: null, status: null };
  scenario.log.push(entry);
  const rule = takeRule(spec.rules, ctx, '/show');
  entry.fault = rule?.fault ?? null;
  switch (rule?.fault) {
    case '404':
      entry.status = 404;
      return json(ctx, 404, { error: { code: 'not_found', message: 'No such show.' } });
    case '500':
      entry.status = 500;
      return json(ctx, 500, { error: { message: 'Oops.' } });
    case 'hang':
      entry.status = 'hung';
      return hang(ctx);
    case 'slow':
      await sleep(rule.ms ?? 1500);
      break;
    case 'notjson':
      entry.status = 200;
      ctx.type = 'application/json';
      ctx.body = '{"id": "show-1", "title": "Cut off in the midd';
      return;
    case 'html':
      entry.status = 200;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Maintenance</title><script>window.__vitrinePwned=1</script>';
      return;
    default:
      break;
  }
  let doc;
  if (spec.doc) doc = structuredClone(spec.doc);
  else {
    const answer = await capture(ctx, `${BASE}/shows/${spec.base ?? 'live'}`);
    doc = JSON.parse(answer.body);
  }
  if (scenario.events) doc.events = `/__hardening/s/${id}/events`;
  if (scenario.stream) doc.stream = { src: `/__hardening/s/${id}/live`, type: 'application/x-mpegURL' };
  mergeDeep(doc, spec.patch);
  entry.status = 200;
  json(ctx, 200, doc);
}

function sseLine(step) {
  let text = '';
  if (step.id !== undefined) text += `id: ${step.id}\n`;
  if (step.event) text += `event: ${step.event}\n`;
  const data = typeof step.data === 'string' ? step.data : JSON.stringify(step.data);
  for (const line of String(data).split('\n')) text += `data: ${line}\n`;
  return `${text}\n`;
}

async function eventsRoute(ctx, scenario) {
  const spec = scenario.events ?? { connections: [[]] };
  const index = scenario.connections.length;
  const connection = { lastEventId: ctx.get('last-event-id') || null, at: Date.now(), closedAt: null };
  scenario.connections.push(connection);
  const connections = spec.connections ?? [[]];
  const script = connections[Math.min(index, connections.length - 1)] ?? [];
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write('retry: 300\n\n');
  let open = true;
  ctx.req.on('close', () => {
    open = false;
    connection.closedAt = Date.now();
  });
  for (const step of script) {
    if (!open) return;
    if (step.wait) await sleep(step.wait);
    else if (step.close) {
      res.end();
      return;
    } else if (step.destroy) {
      ctx.req.socket.destroy();
      return;
    } else if (step.raw !== undefined) res.write(step.raw);
    else if (step.repeat) {
      let chunk = '';
      for (let i = 0; i < step.repeat; i++) {
        const data = typeof step.data === 'string' ? step.data.replaceAll('{{i}}', String(i)) : step.data;
        chunk += sseLine({ ...step, data, id: step.id === undefined ? undefined : `${step.id}-${i}` });
        if (chunk.length > 64_000) {
          res.write(chunk);
          chunk = '';
        }
      }
      res.write(chunk);
    } else res.write(sseLine(step));
  }
  // Keep the connection open (with heartbeats) until the client leaves.
  while (open) {
    await sleep(1000);
    if (open) res.write(': heartbeat\n\n');
  }
}

/** Pages served with strict CSP (and Trusted Types) headers. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; img-src 'self' data:; connect-src 'self'";
const PAGES = {
  csp: CSP,
  'csp-tt': `${CSP}; require-trusted-types-for 'script'; trusted-types vitrine lit-html`,
};

function page(name, query) {
  const driver = query.get('driver') ?? 'csp-driver';
  if (!/^[a-z0-9-]+$/.test(driver)) return undefined;
  // The page itself has no inline script or style: everything is an external same-origin file.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Vitrine under ${name}</title>
<script type="module" src="/test/hardening/pages/${driver}.js"></script>
</head>
<body>
<main id="host"></main>
</body>
</html>`;
}

export const middleware = [
  async (ctx, next) => {
    if (!ctx.path.startsWith('/__hardening/')) return next();
    const path = ctx.path;

    if (path === '/__hardening/scenario' && ctx.method === 'POST') {
      const spec = JSON.parse((await readBody(ctx.req)) || '{}');
      const id = `s${nextId++}`;
      scenarios.set(id, { cart: spec.cart ?? [], show: spec.show, events: spec.events, stream: spec.stream, streamFaults: {}, streamLog: [], log: [], connections: [] });
      return json(ctx, 201, { id });
    }

    const pageMatch = /^\/__hardening\/page\/([a-z-]+)\.html$/.exec(path);
    if (pageMatch && PAGES[pageMatch[1]]) {
      const body = page(pageMatch[1], new URLSearchParams(ctx.querystring));
      if (!body) return json(ctx, 400, { error: { code: 'invalid', message: 'driver' } });
      ctx.set('content-security-policy', PAGES[pageMatch[1]]);
      ctx.type = 'text/html';
      ctx.body = body;
      return;
    }

    const demoCart = /^\/__hardening\/demo-cart\/([^/]+)$/.exec(path);
    if (demoCart) {
      const answer = await capture(ctx, `${BASE}/cart/${demoCart[1]}`);
      return send(ctx, answer);
    }

    const m = /^\/__hardening\/s\/([a-z0-9]+)(\/.*)$/.exec(path);
    if (m) {
      const [, id, rest] = m;
      const scenario = scenarios.get(id);
      if (!scenario) return json(ctx, 404, { error: { code: 'not_found', message: 'no scenario' } });
      if (rest === '/log') return json(ctx, 200, { requests: scenario.log, connections: scenario.connections, stream: scenario.streamLog });
      if (rest === '/stream-fault' && ctx.method === 'POST') {
        Object.assign(scenario.streamFaults, JSON.parse((await readBody(ctx.req)) || '{}'));
        return json(ctx, 200, scenario.streamFaults);
      }
      if (rest === '/live' || /^\/seg\/[\w-]+$/.test(rest)) return streamRoute(ctx, scenario, id, rest);
      if (rest === '/show') return showRoute(ctx, scenario, id);
      if (rest === '/events') return eventsRoute(ctx, scenario);
      if (rest === '/cart' || rest.startsWith('/cart/')) return cartRoute(ctx, scenario, id, rest.slice('/cart'.length));
      return json(ctx, 404, { error: { code: 'not_found', message: 'no route' } });
    }

    if (path.startsWith(`${BASE}/`)) {
      if (await backend.handle(ctx.req, ctx.res)) {
        ctx.respond = false;
        return;
      }
    }
    return next();
  },
];

/**
 * `executeServerCommand('hardening-heap')` (from @web/test-runner-commands): garbage-collects the
 * test page over the Chrome DevTools Protocol and answers its JS heap `{ usedSize, totalSize }` in bytes.
 */
export const plugins = [
  {
    name: 'hardening-heap',
    async executeCommand({ command, session }) {
      if (command !== 'hardening-heap') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) return null;
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return await cdp.send('Runtime.getHeapUsage');
      } finally {
        await cdp.detach().catch(() => {});
      }
    },
  },
];
