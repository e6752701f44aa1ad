// The live side of the demo: a timeline that advances with the clock and tells Server-Sent
// Events clients (CONTRACT.md section 6) what happens: the status, the viewer count, product pins
// (the same schedule as the playlist's DATERANGE tags, same ids), flash sales and a stock
// countdown (`product` events). Every event has an `id:`; a client that reconnects with
// `Last-Event-ID` gets what it missed from a short log, or a fresh snapshot if that id is too old.

const LOG_SIZE = 500;

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {Record<string, number>} options.timing  see DEFAULT_TIMING in index.mjs
 * @param {ReturnType<import('./shop.mjs').createShop>} options.shop
 * @param {{ id: string, lineup: string[], statusAt(t: number): string, startedAt: number,
 *           playlist: { pinsIn(from: number, to: number): { id: string, productId: string, at: number }[] },
 *           viewers: number }[]} options.channels  the shows that have an events stream
 * @param {string[]} options.flashSaleOrder
 * @param {(id: string) => (origin: string) => object} options.productDocument  the Product as it is now, for an origin
 */
export function createTimeline({ now, timing, shop, productDocument, channels: shows, flashSaleOrder, lowStockProduct = 'p6', snapshot = () => [] }) {
  let seq = 0;
  const started = now();
  const channels = new Map(
    shows.map((show) => [
      show.id,
      {
        show,
        log: [],
        /** response -> the origin its documents use */
        clients: new Map(),
        status: undefined,
        viewers: show.viewers,
        pinCursor: undefined,
        nextViewers: started,
        nextHeartbeat: started + timing.heartbeat,
      },
    ]),
  );
  const sale = { next: started + timing.flashSale, endsAt: 0, productId: null, turn: 0 };
  const stock = { next: started + timing.stock, soldOutSince: null };

  // `data` may be a function of the client's origin (products carry absolute URLs).
  const frame = (entry, origin) =>
    `id: ${entry.id}\nevent: ${entry.event}\ndata: ${JSON.stringify(typeof entry.data === 'function' ? entry.data(origin) : entry.data)}\n\n`;

  function push(channel, event, data, id = `e${++seq}`) {
    const entry = { id, event, data };
    channel.log.push(entry);
    if (channel.log.length > LOG_SIZE) channel.log.shift();
    for (const [res, origin] of channel.clients) res.write(frame(entry, origin));
  }

  function productChanged(productId) {
    const product = productDocument(productId);
    for (const channel of channels.values()) {
      if (channel.show.lineup.includes(productId)) push(channel, 'product', (origin) => product(origin));
    }
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
    for (const channel of channels.values()) {
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
      if (t >= channel.nextHeartbeat) {
        for (const res of channel.clients.keys()) res.write(': heartbeat\n\n');
        channel.nextHeartbeat = t + timing.heartbeat;
      }
    }

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
  }

  /** Answers a Server-Sent Events request for show `id` (the HTTP layer sent the headers). */
  function attach(id, req, res, origin) {
    const channel = channels.get(id);
    res.write('retry: 2000\n\n');
    const lastId = req.headers['last-event-id'];
    const from = typeof lastId === 'string' ? channel.log.findIndex((e) => e.id === lastId) : -1;
    if (from >= 0) {
      for (const entry of channel.log.slice(from + 1)) res.write(frame(entry, origin));
    } else {
      // A snapshot: the pin on screen now, the status, the audience. The last one carries the id
      // of the log's head, so a reconnect resumes from here.
      const t = now();
      const pin = currentPin(channel, t);
      if (pin) {
        res.write(frame({ id: pin.id, event: 'highlight', data: { productId: pin.productId, at: isoOf(channel.show, pin.at) } }));
      }
      const head = channel.log.at(-1)?.id ?? 'e0';
      res.write(frame({ id: head, event: 'status', data: { status: channel.show.statusAt(t) } }));
      res.write(frame({ id: head, event: 'viewers', data: { count: channel.viewers } }));
      // The moments running (deal, announcement, poll: moments.mjs).
      for (const [event, data] of snapshot()) res.write(frame({ id: head, event, data }));
    }
    channel.clients.set(res, origin);
    const drop = () => channel.clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  function close() {
    for (const channel of channels.values()) {
      for (const res of channel.clients.keys()) res.end();
      channel.clients.clear();
    }
  }

  tick();
  /** Sends an event to every show's clients (the moments: deals, announcements, polls). */
  function publish(event, data) {
    for (const channel of channels.values()) push(channel, event, data);
  }

  return { tick, attach, close, publish, has: (id) => channels.has(id), clients: (id) => channels.get(id)?.clients.size ?? 0 };
}
