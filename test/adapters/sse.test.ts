import { expect } from '@open-wc/testing';
import { createSseEvents, createSseParser, type RawSseEvent } from '../../src/adapters/sse/index.js';
import { VitrineError } from '../../src/core/errors.js';
import { collect, eventsLog, post, send, uid, until } from './helpers.js';

const fast = { retryDelay: 50, minRetryDelay: 50, maxRetryDelay: 400 };

describe('SSE parser', () => {
  it('parses fields, multi-line data, comments, ids and retry across arbitrary chunk boundaries', () => {
    const events: RawSseEvent[] = [];
    const retries: number[] = [];
    const parser = createSseParser((e) => events.push(e), { onRetry: (ms) => retries.push(ms) });
    const text = ': hello\r\nretry: 1500\r\nid: 7\r\nevent: viewers\r\ndata: {"count":\r\ndata:  3}\r\n\r\ndata: plain\n\nevent: x\n\n';
    for (const char of text) parser.push(char); // worst case: one character at a time
    expect(events).to.deep.equal([
      { type: 'viewers', data: '{"count":\n 3}', id: '7' },
      { type: 'message', data: 'plain', id: '7' },
    ]);
    expect(retries).to.deep.equal([1500]);
    expect(parser.lastEventId).to.equal('7');
  });

  it('drops an oversized event without keeping it in memory', () => {
    const events: RawSseEvent[] = [];
    let oversize = 0;
    const parser = createSseParser((e) => events.push(e), { maxEventSize: 10, onOversize: () => oversize++ });
    parser.push(`data: ${'x'.repeat(50)}\n\ndata: ok\n\n`);
    expect(events.map((e) => e.data)).to.deep.equal(['ok']);
    expect(oversize).to.equal(1);
  });
});

describe('createSseEvents (real SSE over HTTP)', () => {
  // First in this block: the connection code has not been loaded by anything yet.
  it('loads its connection code only at the first subscribe; unsubscribed before it arrives, it never connects', async () => {
    const fetched = () => performance.getEntriesByType('resource').some((e) => /sse\/connection/.test(e.name));
    const ch = uid('sse');
    const events = createSseEvents(`/__show/events/${ch}`, fast);
    expect(fetched(), 'creating the adapter loads nothing').to.be.false;
    const c = collect();
    events.subscribe(c.listener, c.onError)(); // unsubscribed at once
    await until(() => fetched(), 'connection module fetched');
    await new Promise((r) => setTimeout(r, 300));
    expect((await eventsLog(ch)).connects).to.have.length(0);
    expect(c.errors).to.have.length(0);
  });

  it('delivers parsed events, and reports a malformed one as recoverable show/invalid without stopping', async () => {
    const ch = uid('sse');
    const c = collect();
    const stop = createSseEvents(`/__show/events/${ch}`, fast).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await eventsLog(ch)).open === 1, 'connection');
      await send(ch, { event: 'highlight', id: 'h1', data: { productId: 'p1', at: '2026-11-22T18:03:12.000Z' } });
      await send(ch, { event: 'product', data: '{ not json' });
      await send(ch, { event: 'status', data: { status: 'ended' } });
      await until(() => c.events.length === 2, 'two events');
      expect(c.events[0]).to.deep.equal({ type: 'highlight', productId: 'p1', at: Date.parse('2026-11-22T18:03:12.000Z'), id: 'h1' });
      expect(c.events[1]).to.deep.equal({ type: 'status', status: 'ended' });
      expect(c.errors).to.have.length(1);
      expect(c.errors[0]).to.be.instanceOf(VitrineError);
      expect((c.errors[0] as VitrineError).code).to.equal('show/invalid');
      expect((c.errors[0] as VitrineError).recoverable).to.equal(true);
    } finally {
      stop();
    }
  });

  it('reconnects after a drop with the Last-Event-ID header, and gets what it missed', async () => {
    const ch = uid('sse');
    const c = collect();
    const stop = createSseEvents(`/__show/events/${ch}`, fast).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await eventsLog(ch)).open === 1, 'connection');
      await send(ch, { event: 'viewers', id: '1', data: { count: 1 } });
      await send(ch, { event: 'status', id: '2', data: { status: 'live' } });
      await until(() => c.events.some((e) => e.type === 'status'), 'status event');
      await post(`/__show/events/${ch}/drop`);
      // Sent while the client is away: the server keeps it and replays it after id 2.
      await send(ch, { event: 'status', id: '3', data: { status: 'ended' } });
      await until(() => c.events.some((e) => e.type === 'status' && e.status === 'ended'), 'missed event after reconnect');
      const log = await eventsLog(ch);
      expect(log.connects.map((x) => x.lastEventId)).to.deep.equal([null, '2']);
      expect(c.events.filter((e) => e.type === 'status')).to.have.length(2);
    } finally {
      stop();
    }
  });

  it('backs off while the server fails, reports the outage once, then recovers', async () => {
    const ch = uid('sse');
    await post(`/__show/events/${ch}/config`, { fail: 3 });
    const c = collect();
    const stop = createSseEvents(`/__show/events/${ch}`, fast).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await eventsLog(ch)).open === 1, 'connection after 3 failures');
      const log = await eventsLog(ch);
      expect(log.connects).to.have.length(4);
      expect(c.errors.map((e) => (e as VitrineError).code)).to.deep.equal(['events/unavailable']);
      await send(ch, { event: 'viewers', data: { count: 9 } });
      await until(() => c.events.length === 1, 'event after recovery');
    } finally {
      stop();
    }
  });

  it('coalesces a flood of viewers updates into the latest count', async () => {
    const ch = uid('sse');
    const c = collect();
    const stop = createSseEvents(`/__show/events/${ch}`, { ...fast, coalesceViewers: 200 }).subscribe(c.listener, c.onError);
    try {
      await until(async () => (await eventsLog(ch)).open === 1, 'connection');
      const raw = Array.from({ length: 500 }, (_, i) => `event: viewers\ndata: {"count": ${i}}\n\n`).join('');
      await send(ch, { raw });
      await until(() => c.events.length > 0 && (c.events.at(-1) as { count: number }).count === 499, 'latest count');
      expect(c.events.length).to.be.below(5);
      expect(c.errors).to.have.length(0);
    } finally {
      stop();
    }
  });

  it('closes the connection when unsubscribed', async () => {
    const ch = uid('sse');
    const c = collect();
    const stop = createSseEvents(`/__show/events/${ch}`, fast).subscribe(c.listener, c.onError);
    await until(async () => (await eventsLog(ch)).open === 1, 'connection');
    stop();
    await until(async () => (await eventsLog(ch)).open === 0, 'server sees the close');
    await send(ch, { event: 'viewers', data: { count: 1 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(c.events).to.have.length(0);
    expect((await eventsLog(ch)).connects).to.have.length(1);
  });
});
