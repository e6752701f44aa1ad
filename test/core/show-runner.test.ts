import { expect } from '@open-wc/testing';
import { createRestShow } from '../../src/adapters/rest/index.js';
import type { VitrineErrorDetail } from '../../src/core/errors.js';
import { ShowRunner, type HighlightEvent } from '../../src/core/show-runner.js';
import { ShowStore } from '../../src/core/store.js';
import type { CatalogAdapter, Product } from '../../src/core/types.js';
import { eventsLog, product, putDoc, send, uid, until } from '../adapters/helpers.js';

function setUp(url: string, extra: Partial<ConstructorParameters<typeof ShowRunner>[0]> = {}) {
  const store = new ShowStore();
  const errors: VitrineErrorDetail[] = [];
  store.bus.on('error', (e) => errors.push(e));
  const runner = new ShowRunner({
    store,
    stream: createRestShow(url, { events: { retryDelay: 50 } }),
    refreshInterval: 100,
    ...extra,
  });
  return { store, errors, runner };
}

describe('ShowRunner (real HTTP)', () => {
  it('sets the show (the first view) in one task, and starts the live events and onLoad in a later one', async () => {
    const name = uid('order');
    const url = await putDoc(name, { id: 's', title: 'T', status: 'live', events: `/__show/events/${name}`, products: [product('p1')] });
    const log: string[] = [];
    const stream = createRestShow(url, { events: { retryDelay: 50 } });
    const subscribe = stream.subscribe!.bind(stream);
    const store = new ShowStore();
    // What the store's listeners see in the task that sets the show, and what runs in the next tasks.
    store.subscribe((now, before) => {
      if (now.show && !before.show) {
        log.push('show');
        queueMicrotask(() => log.push('same task'));
        setTimeout(() => log.push('next task'), 0);
      }
    });
    const runner = new ShowRunner({
      store,
      stream: { ...stream, loadShow: stream.loadShow.bind(stream), subscribe: (...args: Parameters<typeof subscribe>) => (log.push('subscribe'), subscribe(...args)) },
      onLoad: () => log.push('onLoad'),
    });
    try {
      await runner.start();
      await until(() => log.includes('next task'), 'the next task');
      expect(log.slice(0, 2)).to.deep.equal(['show', 'same task']);
      expect(log.indexOf('onLoad')).to.be.greaterThan(log.indexOf('same task'));
      expect(log.indexOf('subscribe')).to.be.greaterThan(log.indexOf('onLoad'));
    } finally {
      runner.stop();
    }
  });

  it('re-reads a scheduled show after startsAt and follows it to live, then ended', async () => {
    const name = uid('sched');
    const base = { id: 's', title: 'Soon', products: [product('p1')] };
    const url = await putDoc(name, { ...base, status: 'scheduled', startsAt: new Date(Date.now() - 1000).toISOString() });
    const { store, runner } = setUp(url);
    try {
      await runner.start();
      expect(store.state.status).to.equal('scheduled');
      await putDoc(name, { ...base, status: 'live', stream: { src: '/live.m3u8' } });
      await until(() => store.state.status === 'live', 'live by re-reading');
      expect(store.state.show?.stream?.src).to.match(/live\.m3u8$/);
      // No events URL: keeps re-reading while live, and sees the end.
      await putDoc(name, { ...base, status: 'ended', stream: { src: '/replay.m3u8' }, chapters: [{ productId: 'p1', start: 3 }] });
      await until(() => store.state.status === 'ended', 'ended by re-reading');
      expect(store.state.show?.chapters).to.deep.equal([{ productId: 'p1', start: 3 }]);
    } finally {
      runner.stop();
    }
  });

  it('does not re-read a scheduled show long before startsAt', async () => {
    const name = uid('sched');
    const url = await putDoc(name, { id: 's', title: 'Later', status: 'scheduled', startsAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { runner } = setUp(url);
    try {
      await runner.start();
      await new Promise((r) => setTimeout(r, 400));
      expect((await (await fetch(`/__show/doc/${name}/log`)).json()).reads).to.equal(1);
    } finally {
      runner.stop();
    }
  });

  it('goes live on the status event, re-reads the document for the stream, and never goes back', async () => {
    const name = uid('live');
    const base = { id: 's', title: 'T', events: `/__show/events/${name}`, products: [product('p1')] };
    const url = await putDoc(name, { ...base, status: 'scheduled', startsAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { store, runner } = setUp(url);
    try {
      await runner.start();
      await until(async () => (await eventsLog(name)).open === 1, 'events connection');
      await putDoc(name, { ...base, status: 'live', stream: { src: '/live.m3u8' } });
      await send(name, { event: 'status', data: { status: 'live' } });
      await until(() => store.state.show?.stream, 'stream from the re-read');
      expect(store.state.status).to.equal('live');
      await send(name, { event: 'status', data: { status: 'ended' } });
      await until(() => store.state.status === 'ended', 'ended');
      // The document still says live (a stale cache): status stays ended.
      await runner.reload();
      expect(store.state.status).to.equal('ended');
    } finally {
      runner.stop();
    }
  });

  it('applies product and viewers events to the store, and hands highlights over', async () => {
    const name = uid('live');
    const url = await putDoc(name, {
      id: 's',
      title: 'T',
      status: 'live',
      events: `/__show/events/${name}`,
      products: [product('p1', '29.00'), product('p2', '10.00')],
    });
    const highlights: HighlightEvent[] = [];
    const { store, errors, runner } = setUp(url, { onHighlight: (e) => highlights.push(e) });
    try {
      await runner.start();
      await until(async () => (await eventsLog(name)).open === 1, 'events connection');
      await send(name, { event: 'product', data: product('p1', '19.00') });
      await send(name, { event: 'product', data: { id: 'p2', title: 'broken', price: { amount: 'cheap', currencyCode: 'EUR' } } });
      await send(name, { event: 'viewers', data: { count: 42 } });
      await send(name, { event: 'highlight', id: 'h-9', data: { productId: 'p2', at: '2026-11-22T18:03:12.000Z' } });
      await until(() => highlights.length === 1 && store.state.viewers === 42, 'events applied');
      expect(store.product('p1')?.price.amount).to.equal('19.00');
      expect(store.product('p2')?.price.amount).to.equal('10.00');
      expect(highlights[0]).to.include({ productId: 'p2', id: 'h-9' });
      expect(errors.map((e) => e.code)).to.deep.equal(['show/invalid']);
    } finally {
      runner.stop();
    }
  });

  it('hydrates products listed by id through the catalog, in the document order', async () => {
    const url = await putDoc(uid('cat'), { id: 's', title: 'T', status: 'live', products: ['b', { id: 'a' }, 'zz'] });
    const asked: string[][] = [];
    const catalog: CatalogAdapter = {
      async getProducts(ids) {
        asked.push(ids);
        return ids.filter((id) => id !== 'zz').map((id) => product(id) as unknown as Product).map((p) => ({ ...p, options: [], variants: [{ id: p.id, title: p.title, options: {}, price: p.price, available: true }] }));
      },
    };
    const { store, errors, runner } = setUp(url, { catalog });
    try {
      await runner.start();
      expect(asked).to.deep.equal([['b', 'a', 'zz']]);
      expect(store.state.products.map((p) => p.id)).to.deep.equal(['b', 'a']);
      expect(errors).to.have.length(1);
      expect(errors[0]!.message).to.contain('zz');
    } finally {
      runner.stop();
    }
  });

  it('reports a show that cannot load as show/unavailable, not recoverable', async () => {
    const { store, errors, runner } = setUp('/__show/doc/' + uid('missing'));
    expect(await runner.start()).to.equal(null);
    expect(store.state.show).to.equal(null);
    expect(errors).to.deep.equal([{ code: 'show/unavailable', message: 'No such show', recoverable: false }]);
  });
});
