import { expect } from '@open-wc/testing';
import type { VitrineError } from '../../src/core/errors.js';
import { createRestShow } from '../../src/adapters/rest/index.js';
import type { ShowEvent } from '../../src/core/types.js';
import { eventsLog, product, putDoc, rejection, send, signal, uid, until } from './helpers.js';

describe('createRestShow (real HTTP)', () => {
  it('loads and parses the show document, resolving relative URLs against it', async () => {
    const name = uid('doc');
    const url = await putDoc(name, {
      id: 'show-1',
      title: 'Winter drop',
      status: 'live',
      poster: 'poster.jpg',
      stream: { src: '../hls/x/live.m3u8', type: 'application/x-mpegURL' },
      events: `/__show/events/${name}`,
      products: [product('p1'), product('p2')],
      chapters: [{ productId: 'p1', start: 12.5 }],
    });
    const show = await createRestShow(url).loadShow(signal());
    expect(show.title).to.equal('Winter drop');
    expect(show.poster).to.equal(new URL('/__show/doc/poster.jpg', location.href).href);
    expect(show.stream?.src).to.equal(new URL('/__show/hls/x/live.m3u8', location.href).href);
    expect(show.products.map((p) => p.id)).to.deep.equal(['p1', 'p2']);
    expect(show.productIds).to.equal(undefined);
  });

  it('drops an invalid product with a recoverable issue; the others stay', async () => {
    const url = await putDoc(uid('doc'), {
      id: 's',
      title: 'T',
      status: 'live',
      products: [product('p1'), { id: 'p2', title: 'No price' }, product('p3')],
    });
    const issues: Error[] = [];
    const show = await createRestShow(url).loadShow(signal(), (e) => issues.push(e));
    expect(show.products.map((p) => p.id)).to.deep.equal(['p1', 'p3']);
    expect(issues).to.have.length(1);
    expect((issues[0] as VitrineError).code).to.equal('show/invalid');
    expect((issues[0] as VitrineError).recoverable).to.equal(true);
  });

  it('keeps products listed by id only as references for a catalog, without issues', async () => {
    const url = await putDoc(uid('doc'), { id: 's', title: 'T', status: 'live', products: ['a', { id: 'b' }, product('c')] });
    const issues: Error[] = [];
    const show = await createRestShow(url).loadShow(signal(), (e) => issues.push(e));
    expect(show.productIds).to.deep.equal(['a', 'b', 'c']);
    expect(show.products.map((p) => p.id)).to.deep.equal(['c']);
    expect(issues).to.have.length(0);
  });

  it('rejects with show/unavailable on 404 and 5xx, show/invalid on garbage', async () => {
    expect((await rejection(createRestShow('/__show/doc/missing-' + uid()).loadShow(signal()))).code).to.equal('show/unavailable');
    expect((await rejection(createRestShow('/__show/status/500', { retries: 0 }).loadShow(signal()))).code).to.equal(
      'show/unavailable',
    );
    expect((await rejection(createRestShow('/__show/garbage').loadShow(signal()))).code).to.equal('show/invalid');
    const notAShow = await putDoc(uid('doc'), { id: 's', status: 'live' });
    const error = await rejection(createRestShow(notAShow).loadShow(signal()));
    expect(error.code).to.equal('show/invalid');
    expect(error.recoverable).to.equal(false);
  });

  it('retries a failed GET with backoff (safe request), but not a 404', async () => {
    const name = uid('doc');
    await putDoc(name, { id: 's', title: 'Flaky', status: 'live' });
    const show = await createRestShow(`/__show/flaky/${name}?fail=2`, { retries: 2 }).loadShow(signal());
    expect(show.title).to.equal('Flaky');
    expect((await (await fetch(`/__show/flaky/${name}/log`)).json()).reads).to.equal(3);

    const missing = uid('doc');
    const error = await rejection(createRestShow(`/__show/doc/${missing}`, { retries: 2 }).loadShow(signal()));
    expect(error.code).to.equal('show/unavailable');
    expect((await (await fetch(`/__show/doc/${missing}/log`)).json()).reads).to.equal(1);
  });

  it('times out a GET that does not answer (each try, then show/unavailable), and an abort is an abort, not retried', async () => {
    let calls = 0;
    // A server that never answers: the request only ends when its signal aborts.
    const hanging: typeof fetch = (_input, init) => {
      calls++;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    const error = await rejection(createRestShow('/__show/hangs', { fetch: hanging, timeout: 50, retries: 1 }).loadShow(signal()));
    expect(error.code).to.equal('show/unavailable');
    expect(error.message).to.contain('did not answer in time');
    expect(calls, 'tried, timed out, retried once').to.equal(2);

    calls = 0;
    const controller = new AbortController();
    const pending = createRestShow('/__show/hangs', { fetch: hanging, timeout: 10_000, retries: 2 }).loadShow(controller.signal);
    controller.abort();
    const aborted = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    expect((aborted as Error).name).to.equal('AbortError');
    expect(calls).to.equal(1);
  });

  it('subscribes to the events URL of the show', async () => {
    const name = uid('doc');
    const url = await putDoc(name, { id: 's', title: 'T', status: 'live', events: `/__show/events/${name}` });
    const adapter = createRestShow(url, { events: { retryDelay: 50 } });
    const show = await adapter.loadShow(signal());
    const events: ShowEvent[] = [];
    const stop = adapter.subscribe!(show, (e) => events.push(e));
    try {
      await until(async () => (await eventsLog(name)).open === 1, 'connection');
      await send(name, { event: 'viewers', data: { count: 12 } });
      await until(() => events.length === 1, 'event');
      expect(events[0]).to.deep.equal({ type: 'viewers', count: 12 });
    } finally {
      stop();
    }
  });
});
