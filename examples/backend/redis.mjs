// The hub and the shared state of hub.mjs over Redis, for several instances of the demo backend
// behind one load balancer (REDIS_URL). Live events: each is appended to a Redis stream (the
// `Last-Event-ID` replay log, capped near LOG_SIZE entries) and published on a pub/sub channel in
// one Lua script, so every instance sees them in the order of the log. Carts are JSON documents
// (a day's expiry) changed under a lock; a deal's limited quantity is a counter taken by a script
// that never lets it go below zero.
//
//   const { hub, state } = await connectRedis('redis://127.0.0.1:6379');
//   const backend = createBackend({ hub, state, ... });
//
// The client is node-redis (`redis` on npm), loaded only when REDIS_URL is set: `npm start`
// without it needs no Redis and no client.
import { randomUUID } from 'node:crypto';
import { EMPTY_LOG_ID, LOG_SIZE } from './hub.mjs';

// KEYS: stream, pub/sub channel, id counter. ARGV: id ('' = make one), event, data, log size.
const PUBLISH = `
local id = ARGV[1]
if id == '' then id = 'e' .. redis.call('INCR', KEYS[3]) end
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', 'id', id, 'event', ARGV[2], 'data', ARGV[3])
redis.call('PUBLISH', KEYS[2], cjson.encode({ id, ARGV[2], ARGV[3] }))
return id`;

// KEYS: counter. ARGV: n. The units left after taking n, or -1 (nothing taken).
const TAKE = `
local left = tonumber(redis.call('GET', KEYS[1]) or '-1')
local n = tonumber(ARGV[1])
if left < n then return -1 end
return redis.call('DECRBY', KEYS[1], n)`;

// KEYS: lock or lease. ARGV: token, ttl ms. 1 when held by this token (taken or renewed).
const LEASE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const CART_TTL_S = 86_400;
const LOCK_TTL_MS = 5_000;

/**
 * A demo backend (index.mjs) whose live events, carts, deal stock and clock are shared through
 * Redis: start it twice on one Redis and the two instances serve one show.
 * @param {string} url  such as redis://127.0.0.1:6379
 * @param {Parameters<typeof import('./index.mjs').createBackend>[0] & { redisPrefix?: string }} [options]
 */
export async function createRedisBackend(url, options = {}) {
  const { createBackend } = await import('./index.mjs');
  const redis = await connectRedis(url, { prefix: options.redisPrefix });
  try {
    const now = options.now ?? Date.now;
    // Every instance plays the same live stream and counts down to the same start.
    const clock = await redis.state.once('clock', {
      liveStartedAt: options.liveStartedAt ?? Math.floor((now() - 60_000) / 10_000) * 10_000,
      scheduledStartsAt: options.scheduledStartsAt ?? now() + 10 * 60_000,
    });
    const backend = createBackend({ ...options, ...clock, hub: redis.hub, state: redis.state });
    await Promise.all([backend.ready, redis.hub.ready('live'), redis.hub.ready('scheduled')]);
    const closeBackend = backend.close;
    return {
      ...backend,
      close() {
        closeBackend();
        return redis.close();
      },
    };
  } catch (error) {
    await redis.close();
    throw error;
  }
}

/**
 * Connects to Redis and resolves with `{ hub, state, close }`.
 * @param {string} url  such as redis://127.0.0.1:6379
 * @param {{ prefix?: string, logSize?: number }} [options]  `prefix` namespaces every key (default 'vitrine')
 */
export async function connectRedis(url, { prefix = 'vitrine', logSize = LOG_SIZE } = {}) {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  const subscriber = client.duplicate();
  client.on('error', (error) => console.error('demo backend: redis:', error.message));
  subscriber.on('error', (error) => console.error('demo backend: redis (subscriber):', error.message));
  await client.connect();
  await subscriber.connect();

  const token = randomUUID();
  const run = (script, keys, args) => client.sendCommand(['EVAL', script, String(keys.length), ...keys, ...args.map(String)]);
  // One hash tag per channel, so a Redis Cluster keeps a channel's keys on one node.
  const keys = (channel) => ({
    stream: `${prefix}:{${channel}}:events`,
    pubsub: `${prefix}:{${channel}}:fanout`,
    seq: `${prefix}:{${channel}}:seq`,
  });
  const entryOf = ([, fields]) => {
    const f = {};
    for (let i = 0; i < fields.length; i += 2) f[fields[i]] = fields[i + 1];
    return { id: f.id, event: f.event, data: JSON.parse(f.data) };
  };

  /** channel -> { listeners, ready } */
  const subscriptions = new Map();

  /** @type {import('./hub.mjs').Hub} */
  const hub = {
    kind: 'redis',
    async publish(channel, { event, data, id }) {
      const k = keys(channel);
      const made = await run(PUBLISH, [k.stream, k.pubsub, k.seq], [id ?? '', event, JSON.stringify(data), logSize]);
      return { id: String(made), event, data };
    },
    subscribe(channel, listener) {
      let sub = subscriptions.get(channel);
      if (!sub) {
        const listeners = new Set();
        const ready = subscriber.subscribe(keys(channel).pubsub, (message) => {
          let entry;
          try {
            const [id, event, data] = JSON.parse(message);
            entry = { id, event, data: JSON.parse(data) };
          } catch {
            return;
          }
          for (const l of listeners) l(entry);
        });
        sub = { listeners, ready };
        subscriptions.set(channel, sub);
      }
      sub.listeners.add(listener);
      return () => sub.listeners.delete(listener);
    },
    /** Resolves once this instance receives the channel's messages (subscribe is asynchronous). */
    ready(channel) {
      return subscriptions.get(channel)?.ready ?? Promise.resolve();
    },
    async since(channel, lastId) {
      const newestFirst = await client.sendCommand(['XREVRANGE', keys(channel).stream, '+', '-', 'COUNT', String(logSize + 100)]);
      if (lastId === EMPTY_LOG_ID) return newestFirst.length < logSize ? newestFirst.reverse().map(entryOf) : null;
      const i = newestFirst.findIndex(([, fields]) => fields[fields.indexOf('id') + 1] === lastId);
      return i < 0 ? null : newestFirst.slice(0, i).reverse().map(entryOf);
    },
    async head(channel) {
      const [newest] = await client.sendCommand(['XREVRANGE', keys(channel).stream, '+', '-', 'COUNT', '1']);
      return newest ? entryOf(newest).id : undefined;
    },
    async close() {},
  };

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** @type {import('./hub.mjs').SharedState} */
  const state = {
    shared: true,
    async loadCart(id) {
      const text = await client.get(`${prefix}:cart:${id}`);
      return text ? JSON.parse(text) : null;
    },
    async saveCart(doc) {
      await client.set(`${prefix}:cart:${doc.id}`, JSON.stringify(doc), { EX: CART_TTL_S });
    },
    async withLock(key, fn) {
      const lock = `${prefix}:lock:${key}`;
      const mine = randomUUID();
      const deadline = Date.now() + LOCK_TTL_MS;
      // Held locks are short (one cart change): poll with a little jitter until it is free.
      while (Number(await run(LEASE, [lock], [mine, LOCK_TTL_MS])) !== 1) {
        if (Date.now() > deadline) throw new Error(`redis lock ${key} stayed busy`);
        await sleep(2 + Math.random() * 8);
      }
      try {
        return await fn();
      } finally {
        await run(RELEASE, [lock], [mine]).catch(() => {});
      }
    },
    async setCounter(name, value) {
      await client.set(`${prefix}:counter:${name}`, String(value), { EX: CART_TTL_S });
    },
    async counter(name) {
      const value = await client.get(`${prefix}:counter:${name}`);
      return value === null ? null : Number(value);
    },
    async take(name, n) {
      return Number(await run(TAKE, [`${prefix}:counter:${name}`], [n]));
    },
    async giveBack(name, n) {
      await client.incrBy(`${prefix}:counter:${name}`, n);
    },
    async get(key) {
      const text = await client.get(`${prefix}:value:${key}`);
      return text === null ? undefined : JSON.parse(text);
    },
    async set(key, value) {
      await client.set(`${prefix}:value:${key}`, JSON.stringify(value));
    },
    async once(key, value) {
      await client.set(`${prefix}:value:${key}`, JSON.stringify(value), { NX: true, EX: CART_TTL_S });
      return JSON.parse(await client.get(`${prefix}:value:${key}`));
    },
    async lead(name, ttlMs) {
      return Number(await run(LEASE, [`${prefix}:lease:${name}`], [token, ttlMs])) === 1;
    },
    async close() {
      await run(RELEASE, [`${prefix}:lease:clock`], [token]).catch(() => {});
    },
  };

  return {
    hub,
    state,
    async close() {
      await state.close();
      await Promise.allSettled([subscriber.quit(), client.quit()]);
    },
  };
}
