// The live side of the demo: a timeline that advances with the clock and tells Server-Sent
// Events clients (docs/live-events.md) what happens: the status, the viewer count, product pins
// (the same schedule as the playlist's DATERANGE tags, same ids), flash sales and a stock
// countdown (`product` events). Every event goes through the hub (hub.mjs: in-process, or Redis
// for several instances), which gives it an `id:`; a client that reconnects with `Last-Event-ID`
// gets what it missed from the hub's log, or a fresh snapshot if that id is too old. Only the
// instance that holds the clock's lease (`isLeader`) moves the show; every instance writes what the
// hub delivers to its own clients.
import { createMemoryHub, EMPTY_LOG_ID } from './hub.mjs';

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {Record<string, number>} options.timing  see DEFAULT_TIMING in index.mjs
 * @param {ReturnType<import('./shop.mjs').createShop>} options.shop
 * @param {{ id: string, lineup: string[], statusAt(t: number): string, startedAt: number,
 *           playlist: { pinsIn(from: number, to: number): { id: string, productId: string, at: number }[] },
 *           viewers: number }[]} options.channels  the shows that have an events stream
 * @param {string[]} options.flashSaleOrder
 * @param {(id: string) => object} options.productDocument  the Product as it is now (URLs from the site root)
 * @param {import('./hub.mjs').Hub} [options.hub]  default: an in-process hub
 * @param {() => boolean} [options.isLeader]  whether this instance moves the show; default: always
 * @param {() => void} [options.onShopChange]  the timeline changed a price or stock (to share it)
 * @param {(error: unknown) => void} [options.onError]
 */
export function createTimeline({
  now,
  timing,
  shop,
  productDocument,
  channels: shows,
  flashSaleOrder,
  lowStockProduct = 'p6',
  hub = createMemoryHub(),
  isLeader = () => true,
  onShopChange = () => {},
  onError = (error) => console.error('demo backend: live events:', error),
  snapshot = () => [],
}) {
  const started = now();
  const channels = new Map(
    shows.map((show) => [
      show.id,
      {
        show,
        /** response -> { origin, pending }: `pending` buffers live events while a replay is written */
        clients: new Map(),
        status: undefined,
        viewers: show.viewers,
        pinCursor: undefined,
        nextViewers: started,
        nextHeartbeat: started + timing.heartbeat,
        unsubscribe: undefined,
      },
    ]),
  );
  const sale = { next: started + timing.flashSale, endsAt: 0, productId: null, turn: 0 };
  const stock = { next: started + timing.stock, soldOutSince: null };

  /** A product's URLs are made absolute for each client's origin; other data goes as it is. */
  function dataFor(entry, origin) {
    const { data } = entry;
    if (entry.event !== 'product' || !data || typeof data !== 'object') return data;
    const abs = (url) => (typeof url === 'string' && url.startsWith('/') ? origin + url : url);
    return { ...data, url: abs(data.url), image: abs(data.image) };
  }
  const frame = (entry, origin) => `id: ${entry.id}\nevent: ${entry.event}\ndata: ${JSON.stringify(dataFor(entry, origin))}\n\n`;

  // What the hub delivers (from this instance or another) goes to this instance's clients.
  for (const channel of channels.values()) {
    channel.unsubscribe = hub.subscribe(channel.show.id, (entry) => {
      if (entry.event === 'viewers' && Number.isFinite(entry.data?.count)) channel.viewers = entry.data.count;
      for (const [res, client] of channel.clients) {
        if (client.pending) client.pending.push(entry);
        else res.write(frame(entry, client.origin));
      }
    });
  }

  /** Publishes one event to every viewer of `channel`, on every instance. */
  function push(channel, event, data, id) {
    hub.publish(channel.show.id, id === undefined ? { event, data } : { event, data, id }).catch(onError);
  }

  /** Publishes `event` on every channel whose lineup has `productId` (deals, for instance). */
  function publishFor(productId, event, data) {
    for (const channel of channels.values()) {
      if (channel.show.lineup.includes(productId)) push(channel, event, data);
    }
  }

  function productChanged(productId) {
    publishFor(productId, 'product', productDocument(productId));
  }

  const elapsed = (show, t) => (t - show.startedAt) / 1000;
  const isoOf = (show, seconds) => new Date(show.startedAt + Math.round(seconds * 1000)).toISOString();

  /** The pin on screen at `t` (the last one that started within two pin periods), if live. */
  function currentPin(channel, t) {
    if (channel.show.statusAt(t) !== 'live') return undefined;
    const to = elapsed(channel.show, t);
    const pins = channel.show.playlist.pinsIn(Math.max(0, to - (2 * timing.pin) / 1000), to);
    return pins.at(-1);
  }

  function walkViewers(channel) {
    const live = channel.status === 'live';
    const step = Math.round((Math.random() - 0.45) * (live ? 60 : 12));
    channel.viewers = Math.max(live ? 300 : 20, channel.viewers + step);
  }

  /** Advances everything to `now()`. Runs on a timer; tests with a fake clock call it directly. */
  function tick() {
    const t = now();
    const leader = isLeader();
    for (const channel of channels.values()) {
      if (t >= channel.nextHeartbeat) {
        for (const res of channel.clients.keys()) res.write(': heartbeat\n\n');
        channel.nextHeartbeat = t + timing.heartbeat;
      }
      // Another instance moves the show; this one starts from now if it takes over.
      if (!leader) {
        channel.pinCursor = undefined;
        channel.status = undefined;
        continue;
      }
      const { show } = channel;
      const status = show.statusAt(t);
      if (status !== channel.status) {
        if (status === 'live' && channel.status === 'scheduled') channel.viewers += 900; // the doors open
        channel.status = status;
        push(channel, 'status', { status });
      }
      if (status === 'live') {
        const to = elapsed(show, t);
        const from = channel.pinCursor ?? to;
        for (const pin of to > from ? show.playlist.pinsIn(from, to) : []) {
          push(channel, 'highlight', { productId: pin.productId, at: isoOf(show, pin.at) }, pin.id);
        }
        channel.pinCursor = to;
      }
      if (t >= channel.nextViewers) {
        walkViewers(channel);
        push(channel, 'viewers', { count: channel.viewers });
        channel.nextViewers = t + timing.viewers;
      }
    }
    if (!leader) return;
    const before = shop.live.version();

    // Flash sale: a product's price drops by about 20 % (to a round half euro) for a while.
    if (sale.productId && t >= sale.endsAt) {
      const productId = sale.productId;
      sale.productId = null;
      if (shop.live.setSale(productId, null)) productChanged(productId);
    }
    if (!sale.productId && t >= sale.next && flashSaleOrder.length) {
      const productId = flashSaleOrder[sale.turn++ % flashSaleOrder.length];
      if (shop.has(productId)) {
        const regular = shop.live.regularPrice(productId);
        const price = Math.floor((regular * 0.8) / 50) * 50;
        sale.productId = productId;
        sale.endsAt = t + timing.flashSaleFor;
        if (shop.live.setSale(productId, price)) productChanged(productId);
      }
      sale.next = t + timing.flashSale;
    }

    // Stock countdown: the low-stock product sells one unit at a time; once sold out for two
    // periods it is restocked with 3, so the countdown runs again.
    if (t >= stock.next && shop.has(lowStockProduct)) {
      stock.next = t + timing.stock;
      const [variantId] = shop.live.variantIds(lowStockProduct);
      const left = shop.live.unitsOf(variantId);
      let changed = false;
      if (left > 0) {
        changed = shop.live.setUnits(variantId, left - 1);
        if (left === 1) stock.soldOutSince = t;
      } else if (stock.soldOutSince === null || t - stock.soldOutSince >= 2 * timing.stock) {
        changed = shop.live.setUnits(variantId, 3);
        stock.soldOutSince = null;
      }
      if (changed) productChanged(lowStockProduct);
    }
    if (shop.live.version() !== before) onShopChange();
  }

  /**
   * Answers a Server-Sent Events request for show `id` (the HTTP layer sent the headers): what the
   * client missed since `Last-Event-ID` (or a snapshot), then every event as it comes.
   */
  async function attach(id, req, res, origin) {
    const channel = channels.get(id);
    res.write('retry: 2000\n\n');
    const client = { origin, pending: [] };
    channel.clients.set(res, client);
    const drop = () => channel.clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);

    const lastId = req.headers['last-event-id'];
    let missed = null;
    try {
      if (typeof lastId === 'string' && lastId) missed = await hub.since(id, lastId);
    } catch (error) {
      onError(error);
    }
    const written = new Set();
    if (missed) {
      for (const entry of missed) {
        res.write(frame(entry, origin));
        written.add(entry.id);
      }
    } else {
      // A snapshot: the pin on screen now, the status, the audience. The last one carries the id
      // of the log's head, so a reconnect resumes from here.
      let head;
      try {
        head = await hub.head(id);
      } catch (error) {
        onError(error);
      }
      head ??= EMPTY_LOG_ID;
      const t = now();
      const pin = currentPin(channel, t);
      if (pin) {
        res.write(frame({ id: pin.id, event: 'highlight', data: { productId: pin.productId, at: isoOf(channel.show, pin.at) } }));
      }
      res.write(frame({ id: head, event: 'status', data: { status: channel.show.statusAt(t) } }));
      res.write(frame({ id: head, event: 'viewers', data: { count: channel.viewers } }));
      // The moments running (deal, announcement, poll: moments.mjs).
      for (const [event, data] of snapshot()) res.write(frame({ id: head, event, data }));
    }
    const pending = client.pending;
    client.pending = null;
    for (const entry of pending) if (!written.has(entry.id)) res.write(frame(entry, origin));
  }

  /**
   * Drops every connection, first telling the clients to wait `retryMs` before they come back (as
   * a server about to restart would, so that its viewers do not all reconnect in the same second).
   */
  function drain(retryMs) {
    for (const channel of channels.values()) {
      for (const res of channel.clients.keys()) {
        if (retryMs !== undefined) res.write(`retry: ${Math.round(retryMs)}\n\n`);
        // The connection goes, as in a restart: closed once the `retry:` is out, the response
        // never finished (a cleanly ended one would leave a kept-alive socket that a client
        // might reuse just as it closes).
        if (res.socket) res.socket.end();
        else res.end();
      }
      channel.clients.clear();
    }
  }

  function close() {
    for (const channel of channels.values()) {
      for (const res of channel.clients.keys()) res.end();
      channel.clients.clear();
    }
    for (const channel of channels.values()) channel.unsubscribe?.();
  }

  tick();
  /** Publishes a live event to every client of show `id`, through the hub (the interactions module uses it). */
  const publish = (id, event, data) => channels.has(id) && push(channels.get(id), event, data);
  /** Publishes a live event to every show's clients (the moments: deals, announcements, polls). */
  function publishAll(event, data) {
    for (const channel of channels.values()) push(channel, event, data);
  }
  return { tick, attach, drain, close, publish, publishAll, publishFor, has: (id) => channels.has(id), clients: (id) => channels.get(id)?.clients.size ?? 0 };
}
