// Bench section "chat": a chat flood. A storefront page with a <vitrine-chat> panel whose model is
// fed 200 and 1,000 viewers' messages a second for 10 s (--quick: 4 s), at the bench's CPU
// slowdown, against the same page with no flood. Measured: the longest main-thread task, the
// frames dropped (against 60 Hz, counted with requestAnimationFrame), the DOM nodes (page and
// shadow roots) and the chat's messages in the DOM at the end, and the messages shown vs sampled.
//
// Messages are delivered as the SSE adapter does (JSON parsed by parseShowEvent, then
// ChatModel.handleEvent), in bursts every 20 ms. The chat (element, ChatModel) is bundled from src/ with esbuild into
// .cache/bench/chat/ (the CDN bundle keeps the model out of its public surface).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { median, ms, num, row } from './report.mjs';

const RATES = [0, 200, 1000];

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat flood</title>
<style>
  body { margin: 0; font: 16px system-ui, sans-serif; }
  main { display: grid; grid-template-columns: 1fr 380px; gap: 24px; padding: 24px; }
  .video { aspect-ratio: 16 / 9; background: #222; border-radius: 12px; }
  p { max-width: 60ch; }
</style>
<script type="module" src="./flood.js"></script>
</head>
<body>
<main>
  <div><div class="video"></div><h1>Winter edit, live</h1><p>${'Merino, cashmere and linen from small mills. '.repeat(20)}</p></div>
  <vitrine-chat lang="en" style="--vitrine-chat-height: 600px"></vitrine-chat>
</main>
</body>
</html>`;

const entry = `
import { ChatModel } from '../../../src/core/chat.js';
import { createMemoryInteractions } from '../../../src/adapters/memory/interactions.js';
import { parseShowEvent } from '../../../src/core/parse-event.js';
import { VitrineChat } from '../../../src/components/chat/chat.js';

// (package.json's "sideEffects" would let esbuild drop a bare import of define.js.)
customElements.define('vitrine-chat', VitrineChat);

const TEXTS = ['Does it come in navy?', 'Is it true to size?', 'Love this ❤️', 'Shipping to Germany?', 'Just ordered one!', 'Hi from Oslo 👋'];
const interactions = createMemoryInteractions();
const model = new ChatModel({ interactions });
// As the SSE adapter delivers them: each message's data parsed from JSON by parseShowEvent.
const deliver = (author, text, i) => {
  const result = parseShowEvent('chat', JSON.stringify({ id: 'm' + i, author, text, at: new Date().toISOString() }));
  if (result.ok) model.handleEvent(result.value);
};
const chat = document.querySelector('vitrine-chat');
chat.model = model;
await model.start();

function nodes(root) {
  let n = 0;
  const walk = (node) => {
    n += 1;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children) walk(child);
  };
  walk(root);
  return n;
}

window.__flood = async (rate, seconds) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  let frames = 0;
  let running = true;
  const count = () => {
    frames += 1;
    if (running) requestAnimationFrame(count);
  };
  requestAnimationFrame(count);
  const started = performance.now();
  let sent = 0;
  let i = 0;
  // Messages arrive in bursts every 20 ms, as SSE chunks do.
  const timer = rate
    ? setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
        for (let k = 0; k < due; k++, i++) {
          deliver({ id: 'v' + (i % 500), name: 'Viewer ' + (i % 500), role: 'viewer' }, TEXTS[i % TEXTS.length] + ' #' + i, i);
          if (i % 400 === 0) deliver({ id: 'ava', name: 'Ava', role: 'host' }, 'Navy is back in stock!', 'h' + i);
        }
        sent += due;
      }, 20)
    : undefined;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(timer);
  running = false;
  const elapsed = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return {
    sent,
    longest: tasks.length ? Math.max(...tasks) : 0,
    longTasks: tasks.length,
    dropped: Math.max(0, Math.round(elapsed / (1000 / 60)) - frames),
    expected: Math.round(elapsed / (1000 / 60)),
    nodes: nodes(document.documentElement),
    messages: chat.shadowRoot.querySelectorAll('.message').length,
    shown: model.state.messages.length,
    sampled: model.state.sampled,
  };
};
window.__ready = true;
`;

export async function bundle(root) {
  const dir = join(root, '.cache/bench/chat');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'entry.mjs'), entry);
  await build({
    entryPoints: [join(dir, 'entry.mjs')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'flood.js'),
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
}

export const chatFlood = {
  id: 'chat',
  title: 'chat flood',
  async run(ctx) {
    try {
      await bundle(ctx.root);
    } catch (error) {
      return { rows: [row('chat flood', { na: `could not bundle the chat: ${error.message.split('\n')[0]}` })] };
    }
    const seconds = ctx.args.quick ? 4 : 10;
    const samples = Object.fromEntries(RATES.map((r) => [r, []]));
    for (let run = 0; run < ctx.args.runs; run += 1) {
      for (let k = 0; k < RATES.length; k += 1) {
        const rate = RATES[(k + run) % RATES.length];
        const { page: tab, close } = await ctx.newPage();
        try {
          await tab.goto(`${ctx.server.url}/.cache/bench/chat/index.html`, { waitUntil: 'load' });
          await tab.waitForFunction(() => window.__ready === true, null, { timeout: 30_000 });
          await new Promise((resolve) => setTimeout(resolve, 300));
          samples[rate].push(await tab.evaluate(([r, s]) => window.__flood(r, s), [rate, seconds]));
        } finally {
          await close();
        }
      }
    }
    const base = samples[0];
    const pick = (list, key) => median(list.map((s) => s[key]));
    const rows = [];
    for (const rate of [200, 1000]) {
      const s = samples[rate];
      rows.push(
        row(`chat flood ${num(rate)} msg/s, ${seconds} s (${ctx.args.cpu}x CPU): longest task`, {
          vitrine: ms(pick(s, 'longest')),
          baseline: `${ms(pick(base, 'longest'))} (no flood)`,
          goal: '< 50 ms',
          pass: pick(s, 'longest') < 50,
        }),
        row('  frames dropped (of ~60/s)', {
          vitrine: `${num(pick(s, 'dropped'))} of ${num(pick(s, 'expected'))}`,
          baseline: `${num(pick(base, 'dropped'))} of ${num(pick(base, 'expected'))}`,
        }),
        row('  DOM nodes (page + shadow roots) / messages in the DOM', {
          vitrine: `${num(pick(s, 'nodes'))} / ${num(pick(s, 'messages'))}`,
          baseline: `${num(pick(base, 'nodes'))} / ${num(pick(base, 'messages'))}`,
          goal: '≤ 200 messages',
          pass: Math.max(...s.map((x) => x.messages)) <= 200,
        }),
        row('  messages received / left out by flood control', { vitrine: `${num(pick(s, 'sent'))} / ${num(pick(s, 'sampled'))}` }),
      );
    }
    return { rows, data: samples };
  },
};
