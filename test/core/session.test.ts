import { expect } from '@open-wc/testing';
import type { VitrineErrorDetail } from '../../src/core/errors.js';
import { ShowSession } from '../../src/core/session.js';
import { ShowStore, type PinRequest } from '../../src/core/store.js';
import type { CartAdapter, InteractionAdapter, Show, ShowEvent, ShowEventListener, StreamAdapter } from '../../src/core/types.js';
import { createMemoryCart } from '../../src/adapters/memory/index.js';
import { product, putDoc, uid, until } from '../adapters/helpers.js';

/** A stream adapter whose live events the test sends. */
function liveStream(doc: Partial<Show> & { id: string }) {
  let listener: ShowEventListener | undefined;
  const stream: StreamAdapter = {
    async loadShow() {
      return { title: 'T', status: 'live', products: [], ...doc } as Show;
    },
    subscribe(_show, onEvent) {
      listener = onEvent;
      return () => (listener = undefined);
    },
  };
  return { stream, send: (event: ShowEvent) => listener?.(event), subscribed: () => !!listener };
}

describe('ShowSession (how a show is put together)', () => {
  it('builds the REST show from src and an in-memory cart, and detach() stops both', async () => {
    const url = await putDoc(uid('session'), { id: 's1', title: 'Session', status: 'live', products: [product('p1')] });
    const store = new ShowStore();
    const ready: string[] = [];
    const session = new ShowSession(store, { hooks: { ready: (show) => ready.push(show.id) } });
    session.configure({ src: url });
    expect(store.state.show, 'nothing before attach()').to.equal(null);
    session.attach();
    await until(() => store.state.show?.id === 's1', 'the show loaded');
    expect(ready).to.deep.equal(['s1']);
    expect(session.stream).to.exist;
    // The memory cart answers add requests on the bus.
    store.bus.emit('add-request', { product: store.product('p1')!, variant: store.product('p1')!.variants[0]!, quantity: 2, source: null });
    await until(() => store.state.cart?.totalQuantity === 2, 'added through the bus');
    session.detach();
    store.bus.emit('add-request', { product: store.product('p1')!, variant: store.product('p1')!.variants[0]!, quantity: 1, source: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(store.state.cart?.totalQuantity, 'no cart service after detach()').to.equal(2);
  });

  it('attach() after detach() keeps the cart adapter: the same cart and lines come back, the show loads again', async () => {
    const url = await putDoc(uid('session'), { id: 's2', title: 'Session', status: 'live', products: [product('p1')] });
    const store = new ShowStore();
    const ready: string[] = [];
    const session = new ShowSession(store, { hooks: { ready: (show) => ready.push(show.id) } });
    session.configure({ src: url });
    session.attach();
    await until(() => store.state.show?.id === 's2', 'the show loaded');
    const cart = session.cart;
    store.bus.emit('add-request', { product: store.product('p1')!, variant: store.product('p1')!.variants[0]!, quantity: 2, source: null });
    await until(() => store.state.cart?.totalQuantity === 2, 'added through the bus');
    session.detach();
    session.attach();
    expect(session.cart, 'the same cart adapter').to.equal(cart);
    await until(() => ready.length === 2, 'the show loaded again');
    store.bus.emit('add-request', { product: store.product('p1')!, variant: store.product('p1')!.variants[0]!, quantity: 1, source: null });
    await until(() => store.state.cart?.totalQuantity === 3, 'the same cart answers again');
    session.detach();
  });

  it('the cart’s code is lazy: requests made before it loaded are held and answered in order; a REST cart never loads the in-memory one', async () => {
    const url = await putDoc(uid('session'), { id: 's-lazy', title: 'Session', status: 'live', products: [product('p1'), product('p2')] });
    const store = new ShowStore();
    const session = new ShowSession(store);
    session.configure({ src: url });
    session.attach();
    await until(() => store.state.show?.id === 's-lazy', 'the show loaded');
    const [p1, p2] = [store.product('p1')!, store.product('p2')!];
    // Two adds in one task, before the cart service's chunk can be there: held, then served in order.
    store.bus.emit('add-request', { product: p1, variant: p1.variants[0]!, quantity: 2, source: null });
    store.bus.emit('add-request', { product: p2, variant: p2.variants[0]!, quantity: 1, source: null });
    await until(() => store.state.cart?.totalQuantity === 3, 'both adds answered');
    expect(store.state.cart!.lines.map((l) => l.productId), 'in order').to.deep.equal(['p1', 'p2']);
    const line = store.state.cart!.lines[0]!;
    store.bus.emit('update-line-request', { lineId: line.id, quantity: 5 });
    await until(() => store.state.cart?.totalQuantity === 6, 'the update answered');
    session.detach();

    // A cart URL: the adapter in use is the REST cart (its own methods), built from its chunk only.
    const rest = new ShowSession(new ShowStore());
    rest.configure({ src: url, cartUrl: '/__show/demo/cart' });
    rest.attach();
    const adapter = rest.cart as CartAdapter & { setPersist?: unknown; cartId?: unknown };
    expect(typeof adapter.setPersist, 'the REST cart’s setPersist, at once').to.equal('function');
    expect(await adapter.getCart(new AbortController().signal), 'no cart yet').to.equal(null);
    expect(adapter.cartId, 'read from the built REST cart').to.equal(null);
    rest.detach();
  });

  it('an adapter given wins over the URL; a changed cart rebuilds only the cart side', async () => {
    const store = new ShowStore();
    const { stream } = liveStream({ id: 'given', products: [product('p1') as never] });
    let loads = 0;
    const counted: StreamAdapter = { loadShow: (signal, onIssue) => (loads++, stream.loadShow(signal, onIssue)) };
    const session = new ShowSession(store);
    session.configure({ src: 'https://nowhere.invalid/show', stream: counted });
    session.attach();
    await until(() => store.state.show?.id === 'given', 'the given stream used');
    const mine: CartAdapter = createMemoryCart({ lookup: (id) => store.product(id) });
    session.configure({ src: 'https://nowhere.invalid/show', stream: counted, cart: mine });
    expect(session.cart).to.equal(mine);
    expect(loads, 'the show was not reloaded').to.equal(1);
    session.detach();
  });

  it('a live highlight becomes a pin-request when a player listens, and is pinned at once otherwise', async () => {
    const store = new ShowStore();
    const live = liveStream({ id: 'pins', products: [product('p1') as never, product('p2') as never] });
    const pinned: string[] = [];
    const session = new ShowSession(store, { hooks: { pinned: (p) => pinned.push(p.id) } });
    session.configure({ stream: live.stream });
    session.attach();
    await until(() => live.subscribed(), 'subscribed');
    live.send({ type: 'highlight', productId: 'p1' });
    expect(pinned).to.deep.equal(['p1']);
    expect(store.state.highlight?.productId).to.equal('p1');
    const requests: PinRequest[] = [];
    store.bus.on('pin-request', (pin) => requests.push(pin));
    live.send({ type: 'highlight', productId: 'p2', at: 1_700_000_000_000, id: 'h-2' });
    expect(requests).to.deep.equal([{ id: 'h-2', productId: 'p2', programDateTime: 1_700_000_000_000 }]);
    expect(pinned, 'not pinned before playback gets there').to.deep.equal(['p1']);
    session.detach();
  });

  it('plugs in interactions: the factory builds an adapter from the show’s interactions URL; its live messages reach the bus', async () => {
    const store = new ShowStore();
    const live = liveStream({ id: 'chat', interactions: 'https://api.example.com/shows/chat/interactions' });
    let own: ShowEventListener | undefined;
    const built: string[] = [];
    const adapter = {
      subscribe(listener: ShowEventListener) {
        own = listener;
        return () => (own = undefined);
      },
    } as unknown as InteractionAdapter;
    const session = new ShowSession(store, {
      factories: {
        interactions: (url) => {
          built.push(url);
          return adapter;
        },
      },
    });
    const events: ShowEvent[] = [];
    store.bus.on('live-event', (event) => events.push(event));
    session.configure({ stream: live.stream });
    session.attach();
    await until(() => session.interactions === adapter, 'the interaction adapter built');
    expect(built).to.deep.equal(['https://api.example.com/shows/chat/interactions']);
    const message = { id: 'm1', author: { id: 'a', name: 'Ava', role: 'host' as const }, text: 'Hi', at: Date.parse('2026-11-30T12:00:00Z') };
    own?.({ type: 'chat', message });
    // The stream's own chat events go the same way.
    await until(() => live.subscribed(), 'subscribed');
    live.send({ type: 'chat', message: { ...message, id: 'm2' } });
    expect(events.map((e) => (e.type === 'chat' ? e.message.id : e.type))).to.deep.equal(['m1', 'm2']);
    session.detach();
    expect(own, 'detach() stops its subscription').to.equal(undefined);
  });

  it('into the back/forward cache its live connections close, keeping the show; back from it, they open again and the document and cart are read again', async () => {
    const store = new ShowStore();
    const live = liveStream({ id: 'bfcache', interactions: 'https://api.example.com/shows/bfcache/interactions' });
    let loads = 0;
    const loadShow = live.stream.loadShow.bind(live.stream);
    live.stream.loadShow = (...args) => (loads++, loadShow(...args));
    let own: ShowEventListener | undefined;
    let subscriptions = 0;
    const adapter = {
      subscribe(listener: ShowEventListener) {
        subscriptions++;
        own = listener;
        return () => (own = undefined);
      },
    } as unknown as InteractionAdapter;
    let cartReads = 0;
    const cart = createMemoryCart({ lookup: (id) => store.product(id) });
    const getCart = cart.getCart.bind(cart);
    cart.getCart = (signal) => (cartReads++, getCart(signal));
    const session = new ShowSession(store, { factories: { interactions: () => adapter } });
    session.configure({ stream: live.stream, cart });
    session.attach();
    await until(() => live.subscribed() && own && cartReads === 1, 'following the show, its interactions and its cart');
    const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) => dispatchEvent(new PageTransitionEvent(type, { persisted }));

    // A page that is unloaded for good (not persisted) is not the session's business.
    transition('pagehide', false);
    expect(live.subscribed(), 'kept on a plain pagehide').to.equal(true);

    transition('pagehide', true);
    expect(live.subscribed(), 'the live events connection closed').to.equal(false);
    expect(own, 'the interactions connection closed').to.equal(undefined);
    expect(store.state.show?.id, 'the show stays').to.equal('bfcache');

    transition('pageshow', true);
    await until(() => live.subscribed() && own, 'following again');
    expect(loads, 'the document read again').to.equal(2);
    expect(subscriptions).to.equal(2);
    await until(() => cartReads === 2, 'the cart read again');
    session.detach();
    transition('pagehide', true);
    transition('pageshow', true);
    await new Promise((r) => setTimeout(r, 50));
    expect(live.subscribed() || own, 'a detached session stays closed').to.not.be.ok;
    expect(loads).to.equal(2);
  });

  it('reports a show that cannot load once on the bus, and says unavailable; reload() tries again', async () => {
    const store = new ShowStore();
    const errors: VitrineErrorDetail[] = [];
    store.bus.on('error', (e) => errors.push(e));
    let unavailable = 0;
    let fail = true;
    const stream: StreamAdapter = {
      async loadShow() {
        if (fail) throw new Error('down');
        return { id: 'back', title: 'Back', status: 'live', products: [] } as unknown as Show;
      },
    };
    const session = new ShowSession(store, { hooks: { unavailable: () => unavailable++ } });
    session.configure({ stream });
    session.attach();
    await until(() => unavailable === 1, 'unavailable');
    expect(errors.map((e) => e.code)).to.deep.equal(['show/unavailable']);
    fail = false;
    session.reload();
    await until(() => store.state.show?.id === 'back', 'loaded after reload()');
    session.detach();
  });
});
