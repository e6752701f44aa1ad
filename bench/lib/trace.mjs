// `npm run bench -- --only blocking --trace`: a Chrome trace of each show page load in the
// blocking section (written to .cache/bench/traces/), and what its long tasks were made of,
// printed per task: the main thread's work inside it by kind, scripts by file and function, then the
// load's totals (style, layout, paint, the fonts' platform look-ups). Tracing slows the page a
// little, so the figures of a traced run are not the bench's: use it to see where time goes.
// TRACE_CATEGORIES=a,b,… replaces the categories (e.g. add `blink` for text shaping).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const CATEGORIES = process.env.TRACE_CATEGORIES?.split(',') ?? [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // A forced layout's or style recalculation's JavaScript stack.
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'fonts',
  'loading',
  'blink.user_timing',
];

/** Starts tracing the page's CDP session. */
export async function startTrace(cdp) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  return async function stop() {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** Writes `events` as `<dir>/<name>.json` (chrome://tracing, DevTools' Performance panel). */
export function saveTrace(dir, name, events) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return file;
}

const fileOf = (url) => (url ? basename(new URL(url, 'http://x').pathname) : '');

/** What one event is, for the summary: its name, a script's file, a function call's function. */
function label(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  switch (event.name) {
    case 'EvaluateScript':
    case 'v8.compileModule':
    case 'v8.evaluateModule':
      return `${event.name} ${fileOf(data.url ?? event.args?.fileName)}`;
    case 'FunctionCall':
      return `FunctionCall ${fileOf(data.url)}:${data.functionName || '(anonymous)'}`;
    case 'TimerFire':
    case 'FireAnimationFrame':
    case 'EventDispatch':
      return `${event.name} ${data.type ?? ''}`.trim();
    default:
      return event.name;
  }
}

/**
 * The renderer main thread's tasks over 50 ms, each as a tree of the work inside it over `min` ms
 * (a script's evaluation, a microtask's function call, a style recalculation, a layout, a paint),
 * `depth` levels deep.
 */
export function longTasks(events, { min = 4, depth = 4 } = {}) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ResourceSendRequest'));
  if (!main) return [];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const start = Math.min(...mine.map((e) => e.ts));
  const within = (outer, list) => list.filter((e) => e !== outer && e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur);
  const tree = (outer, list, level) => {
    const inside = within(outer, list);
    // Direct children: those not inside another event inside `outer`.
    const children = inside.filter((e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && (p.ts < e.ts || p.dur > e.dur)));
    return children
      .filter((e) => e.dur >= min * 1000)
      .map((e) => ({ what: label(e), ms: Math.round(e.dur / 100) / 10, parts: level > 1 ? tree(e, inside, level - 1) : [] }));
  };
  return mine
    .filter((e) => e.name === 'RunTask' && e.dur > 50_000)
    .map((task) => ({ at: Math.round((task.ts - start) / 1000), ms: Math.round(task.dur / 1000), parts: tree(task, mine, depth) }));
}

/** The summary as lines of text: each long task, then the load's totals. */
export function describeLongTasks(tasks, events = []) {
  const lines = (parts, indent) => parts.flatMap((p) => [`${indent}${String(p.ms).padStart(6)} ms  ${p.what}`, ...lines(p.parts, `${indent}  `)]);
  return [...tasks.flatMap((t) => [`  task at ${t.at} ms: ${t.ms} ms`, ...lines(t.parts, '    ')]), ...(events.length ? [`  totals: ${totals(events)}`] : [])];
}

/** The main thread's time in style, layout, paint and the fonts' platform look-ups, over the load. */
function totals(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ResourceSendRequest'));
  if (!main) return 'no renderer thread';
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const sum = (name) => {
    const all = mine.filter((e) => e.name === name);
    // Outermost only: a look-up may nest in another of the same name.
    const outer = all.filter((e) => !all.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur));
    return `${outer.length} × ${Math.round(outer.reduce((t, e) => t + e.dur, 0) / 1000)} ms`;
  };
  const forced = mine.filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace).length;
  return `style ${sum('UpdateLayoutTree')}, layout ${sum('Layout')} (${forced} forced by script), paint ${sum('Paint')}, font look-ups ${sum('FontCache::GetFontPlatformData')}`;
}
