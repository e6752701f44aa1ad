// The demo backend's fan-out: every live event (pins, status, viewers, products, deals, and the chat
// and reactions modules' events) is published to a hub, and every instance's events route writes
// what the hub delivers to its own Server-Sent Events clients. Two implementations share one
// interface: this in-process one (the default, `npm start`) and redis.mjs (REDIS_URL), which lets
// several instances behind a load balancer serve one show.
//
//   const hub = createMemoryHub();
//   const stop = hub.subscribe('live', (entry) => console.log(entry.id, entry.event, entry.data));
//   await hub.publish('live', { event: 'chat', data: { id: 'm1', text: 'Hello' } });
//
// It also holds what must be the same on every instance: carts (as plain documents), counters that
// are taken atomically (a deal's limited quantity), a few shared values, locks and a lease (which
// instance runs the show's clock). In-process, these are Maps and promise chains.

/** How many events each channel keeps for `Last-Event-ID` replay. */
export const LOG_SIZE = 500;
/** The id a snapshot carries when the log is empty: a reconnect with it replays the log from its start. */
export const EMPTY_LOG_ID = 'e0';

/**
 * @typedef {{ id: string, event: string, data: unknown }} HubEntry
 *
 * @typedef {object} Hub
 * @property {'memory' | 'redis'} kind
 * @property {(channel: string, entry: { event: string, data: unknown, id?: string }) => Promise<HubEntry>} publish
 *   appends to the channel's log (an `id` is made when none is given) and delivers to every
 *   subscriber on every instance
 * @property {(channel: string, listener: (entry: HubEntry) => void) => () => void} subscribe
 * @property {(channel: string, lastId: string) => Promise<HubEntry[] | null>} since
 *   the entries after `lastId`, oldest first; null when `lastId` is not in the log (too old, unknown).
 *   `EMPTY_LOG_ID` (the id a snapshot carries when the log was empty) is the start of the log: the
 *   whole log, while it has not been trimmed yet
 * @property {(channel: string) => Promise<string | undefined>} head  the id of the newest entry
 * @property {() => Promise<void>} close
 *
 * @typedef {object} SharedState
 * @property {boolean} shared  false: the state lives in this process only (nothing to load or save)
 * @property {(id: string) => Promise<object | null>} loadCart
 * @property {(doc: { id: string }) => Promise<void>} saveCart
 * @property {<T>(key: string, fn: () => Promise<T> | T) => Promise<T>} withLock  runs `fn` alone for `key`, across instances
 * @property {(name: string, value: number) => Promise<void>} setCounter
 * @property {(name: string) => Promise<number | null>} counter
 * @property {(name: string, n: number) => Promise<number>} take
 *   takes `n` units atomically: the units left after, or -1 (and nothing taken) when fewer than `n` are left
 * @property {(name: string, n: number) => Promise<void>} giveBack
 * @property {(key: string) => Promise<unknown>} get
 * @property {(key: string, value: unknown) => Promise<void>} set
 * @property {(key: string, value: unknown) => Promise<unknown>} once  sets `key` unless set; resolves with the value kept
 * @property {(name: string, ttlMs: number) => Promise<boolean>} lead  true while this instance holds the lease `name`
 * @property {() => Promise<void>} close
 */

/** The in-process hub. */
export function createMemoryHub({ logSize = LOG_SIZE } = {}) {
  let seq = 0;
  /** @type {Map<string, { log: HubEntry[], listeners: Set<(entry: HubEntry) => void> }>} */
  const channels = new Map();
  const channel = (name) => {
    let found = channels.get(name);
    if (!found) channels.set(name, (found = { log: [], listeners: new Set() }));
    return found;
  };

  /** @type {Hub} */
  const hub = {
    kind: 'memory',
    async publish(name, { event, data, id }) {
      const entry = { id: id ?? `e${++seq}`, event, data };
      const c = channel(name);
      c.log.push(entry);
      if (c.log.length > logSize) c.log.shift();
      // Delivered before the promise settles: one process, no reordering.
      for (const listener of c.listeners) listener(entry);
      return entry;
    },
    subscribe(name, listener) {
      const c = channel(name);
      c.listeners.add(listener);
      return () => c.listeners.delete(listener);
    },
    async since(name, lastId) {
      const { log } = channel(name);
      if (lastId === EMPTY_LOG_ID) return log.length < logSize ? [...log] : null;
      const i = log.findIndex((e) => e.id === lastId);
      return i < 0 ? null : log.slice(i + 1);
    },
    async head(name) {
      return channel(name).log.at(-1)?.id;
    },
    async close() {
      for (const c of channels.values()) c.listeners.clear();
    },
  };
  return hub;
}

/** The in-process shared state: nothing is shared, but the same calls work. */
export function createMemoryState() {
  const counters = new Map();
  const values = new Map();
  const locks = new Map();
  /** @type {SharedState} */
  const state = {
    shared: false,
    async loadCart() {
      return null;
    },
    async saveCart() {},
    withLock(key, fn) {
      // A promise chain per key: each caller runs after the previous one settled.
      const before = locks.get(key) ?? Promise.resolve();
      const run = before.then(() => fn());
      const tail = run.catch(() => {});
      locks.set(key, tail);
      tail.then(() => {
        if (locks.get(key) === tail) locks.delete(key);
      });
      return run;
    },
    async setCounter(name, value) {
      counters.set(name, value);
    },
    async counter(name) {
      return counters.get(name) ?? null;
    },
    async take(name, n) {
      const left = counters.get(name);
      if (left === undefined || left < n) return -1;
      counters.set(name, left - n);
      return left - n;
    },
    async giveBack(name, n) {
      if (counters.has(name)) counters.set(name, counters.get(name) + n);
    },
    async get(key) {
      return values.get(key);
    },
    async set(key, value) {
      values.set(key, value);
    },
    async once(key, value) {
      if (!values.has(key)) values.set(key, value);
      return values.get(key);
    },
    async lead() {
      return true;
    },
    async close() {},
  };
  return state;
}
