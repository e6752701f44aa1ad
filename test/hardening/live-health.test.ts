/**
 * The live events connection's health (issue 13): the SSE adapter against real Server-Sent
 * Events servers on localhost (test/servers/hardening.mjs) that misbehave the way broken or
 * overloaded backends do. Reconnect counts over a window are reported, and bounded loosely
 * (a server that says `retry: 0` and closes got 122 reconnects in 10 s before this fix).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createRestShow } from '../../src/adapters/rest/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { createSseEvents, createSseParser, type RawSseEvent } from '../../src/adapters/sse/index.js';
import type { VitrineError } from '../../src/core/errors.js';
import type { ShowEvent } from '../../src/core/types.js';
import { scenario, sleep, until, visibleText, type SseStep } from './harness.js';

function collect() {
  const events: ShowEvent[] = [];
  const errors: VitrineError[] = [];
  return { events, errors, listener: (e: ShowEvent) => events.push(e), onError: (e: Error) => errors.push(e as VitrineError) };
}

async function events(connections: SseStep[][]) {
  return scenario({ events: { connections } });
}

describe('hardening: live events connection health', function () {
  this.timeout(40_000);

  it('a server that says retry: 0 and closes at once: backs off (few reconnects in 10 s) and reports events/unavailable', async () => {
    const s = await events([[{ raw: 'retry: 0\n\n' }, { close: true }]]);
    const c = collect();
    const stop = createSseEvents(s.events).subscribe(c.listener, c.onError);
    const started = Date.now();
    await sleep(10_000);
    stop();
    const connects = (await s.log()).connections.filter((x) => x.at - started <= 10_000).length;
    console.log(`[hardening] retry: 0 and close: ${connects} connections in 10 s`);
    expect(connects, 'reconnects in 10 s').to.be.at.most(10);
    expect(connects).to.be.at.least(2);
    expect(c.errors.map((e) => e.code)).to.deep.equal(['events/unavailable']);
    expect(c.errors[0].recoverable).to.equal(true);
  });

  it('an empty 200 answer counts as a failure: reported after a few, with back-off between tries', async () => {
    const s = await events([[{ close: true }]]);
    const c = collect();
    const stop = createSseEvents(s.events, { retryDelay: 100, minRetryDelay: 100, maxRetryDelay: 2_000 }).subscribe(c.listener, c.onError);
    try {
      await until(() => c.errors.length === 1, 'the empty answers were never reported', 15_000);
      const at = (await s.log()).connections.map((x) => x.at);
      expect(at.length).to.be.at.least(3);
      expect(c.errors[0].code).to.equal('events/unavailable');
      // Back-off from the first failure: the gaps grow (loosely: the longest of the later gaps is
      // longer than the shorter of the first two). The delays are drawn at random (full jitter),
      // so the later gaps are four, not two: with two, a full run of 1 December drew both short.
      await until(async () => (await s.log()).connections.length >= 7, 'seven tries', 20_000);
      const times = (await s.log()).connections.map((x) => x.at);
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      expect(Math.max(...gaps.slice(2))).to.be.greaterThan(Math.min(...gaps.slice(0, 2)));
      expect(c.errors, 'reported once per outage').to.have.length(1);
    } finally {
      stop();
    }
  });

  it('the back-off resets only after a real event, not when headers arrive', async () => {
    // Each connection answers 200 with headers and closes: never healthy, so the delay keeps growing.
    const s = await events([[{ close: true }], [{ close: true }], [{ close: true }], [{ event: 'viewers', data: { count: 1 } }, { close: true }], [{ close: true }]]);
    const c = collect();
    const stop = createSseEvents(s.events, { retryDelay: 200, minRetryDelay: 200, maxRetryDelay: 10_000, random: () => 1 }).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await s.log()).connections.length >= 5, 'five connections', 20_000);
      const times = (await s.log()).connections.map((x) => x.at);
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      // random() = 1: delay = min + retry * 2^failures: 600, 1000, 1800 ms; after the event, 400 ms.
      expect(gaps[0]).to.be.at.least(550);
      expect(gaps[2]).to.be.at.least(1_700);
      expect(gaps[3], 'after a real event the back-off starts over').to.be.below(gaps[2] - 800);
      expect(c.events).to.have.length(1);
    } finally {
      stop();
    }
  });

  it('retry: under the minimum is raised; absurdly large values are clamped to the maximum', async () => {
    const small = await events([[{ event: 'viewers', data: { count: 1 } }, { raw: 'retry: 1\n\n' }, { close: true }]]);
    const c = collect();
    let stop = createSseEvents(small.events, { random: () => 0 }).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await small.log()).connections.length >= 2, 'a reconnect', 6_000);
      const [a, b] = (await small.log()).connections;
      expect(b.at - a.at, 'retry: 1 raised to 1 s').to.be.at.least(950);
    } finally {
      stop();
    }
    const large = await events([[{ event: 'viewers', data: { count: 1 } }, { raw: 'retry: 999999999999\n\n' }, { close: true }]]);
    stop = createSseEvents(large.events, { maxRetryDelay: 1_500, random: () => 1 }).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await large.log()).connections.length >= 2, 'a reconnect within the clamp', 6_000);
    } finally {
      stop();
    }
  });

  it('no event or heartbeat for the idle timeout: reconnects with Last-Event-ID and reports it', async () => {
    const s = await events([
      [{ event: 'viewers', id: 'e1', data: { count: 1 } }, { wait: 60_000 }],
      [{ event: 'viewers', id: 'e2', data: { count: 2 } }],
    ]);
    const c = collect();
    const stop = createSseEvents(s.events, { idleTimeout: 1_000, minRetryDelay: 100, retryDelay: 100, coalesceViewers: 0 }).subscribe(c.listener, c.onError);
    try {
      await until(() => c.events.length === 2, 'no reconnect after the silence', 10_000);
      expect(c.errors.map((e) => e.code)).to.deep.equal(['events/unavailable']);
      expect(c.errors[0].message).to.match(/no live event/i);
      const log = await s.log();
      expect(log.connections.map((x) => x.lastEventId)).to.deep.equal([null, 'e1']);
    } finally {
      stop();
    }
  });

  it('heartbeats (comment lines) keep a quiet connection open', async () => {
    const beat: SseStep[] = Array.from({ length: 8 }, () => [{ wait: 300 }, { raw: ': hb\n\n' }] as SseStep[]).flat();
    const s = await events([[{ event: 'viewers', data: { count: 1 } }, ...beat]]);
    const c = collect();
    const stop = createSseEvents(s.events, { idleTimeout: 1_000, minRetryDelay: 100, retryDelay: 100 }).subscribe(c.listener, c.onError);
    try {
      await sleep(2_800);
      expect((await s.log()).connections).to.have.length(1);
      expect(c.errors).to.deep.equal([]);
    } finally {
      stop();
    }
  });
});

describe('hardening: a silent live connection in the show', function () {
  this.timeout(30_000);

  it('no event or heartbeat: the show says "Live updates paused", reconnects, and the notice goes with the next event', async () => {
    const s = await scenario({
      show: { doc: { id: 'quiet', title: 'Quiet live', status: 'live', products: [] } },
      events: { connections: [[{ event: 'viewers', id: 'a', data: { count: 3 } }, { wait: 60_000 }], [{ wait: 500 }, { event: 'viewers', id: 'b', data: { count: 4 } }]] },
    });
    const el = await fixture<VitrineShow>(html`<vitrine-show locale="en"></vitrine-show>`);
    el.stream = createRestShow(s.show, { retries: 0, events: { idleTimeout: 1_000, minRetryDelay: 100, retryDelay: 100, coalesceViewers: 0 } });
    await until(() => el.state.viewers === 3, 'first event');
    await until(() => /Live updates paused/.test(visibleText(el)), 'the silence was never shown', 8_000);
    await until(() => el.state.viewers === 4, 'no reconnect', 10_000);
    await until(() => !/Live updates paused/.test(visibleText(el)), 'the notice stays');
    expect((await s.log()).connections.map((c) => c.lastEventId)).to.deep.equal([null, 'a']);
    el.remove();
  });
});

describe('hardening: SSE parser', () => {
  it('commits an event id only when the event is dispatched (a drop between id: and the blank line)', () => {
    const events: RawSseEvent[] = [];
    const parser = createSseParser((e) => events.push(e));
    parser.push('id: 1\ndata: one\n\n');
    parser.push('id: 2\ndata: two\n'); // the connection drops here
    expect(parser.lastEventId).to.equal('1');
    parser.reset();
    expect(parser.lastEventId, 'the reconnect asks for what came after 1').to.equal('1');
    parser.push('data: after\n\n');
    expect(events.map((e) => [e.data, e.id])).to.deep.equal([
      ['one', '1'],
      ['after', '1'],
    ]);
  });

  it('is linear in the length of a line that never ends', () => {
    // Ten times the line must cost about ten times, not a hundred (a parser that rescans or joins
    // what it holds at every chunk is quadratic). The best of three runs of each size, so that a
    // busy machine's pauses do not count; no absolute time is asserted.
    const events: RawSseEvent[] = [];
    const parser = createSseParser((e) => events.push(e), { maxEventSize: 100_000_000 });
    const chunk = 'x'.repeat(1_000);
    const time = (n: number) => {
      const t0 = performance.now();
      parser.push('data: ');
      for (let i = 0; i < n; i++) parser.push(chunk);
      parser.push('\n\n');
      return performance.now() - t0;
    };
    const best = (n: number) => Math.min(time(n), time(n), time(n));
    const short = best(500);
    const long = best(5_000);
    console.log(`[hardening] SSE parser, one line: 500 kB ${short.toFixed(1)} ms, 5 MB ${long.toFixed(1)} ms (best of 3)`);
    expect(long / Math.max(short, 1), 'cost of a 10x longer line').to.be.below(40);
    expect(events.map((e) => e.data.length)).to.deep.equal([500_000, 500_000, 500_000, 5_000_000, 5_000_000, 5_000_000]);
  });

  it('drops a line past the event size cap, and goes on with the next', () => {
    let oversize = 0;
    const events: RawSseEvent[] = [];
    const parser = createSseParser((e) => events.push(e), { onOversize: () => oversize++ });
    const chunk = 'x'.repeat(1_000);
    for (const n of [50, 5_000]) {
      parser.push('data: ');
      for (let i = 0; i < n; i++) parser.push(chunk);
      parser.push('\n\n');
    }
    expect(oversize).to.equal(1);
    parser.push('data: fine\n\n');
    expect(events.map((e) => e.data)).to.deep.equal([`${'x'.repeat(50_000)}`, 'fine']);
  });
});
