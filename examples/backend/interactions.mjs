// The demo backend's interactions (docs/interactions.md): chat history, posting
// with Idempotency-Key, 429 (with Retry-After) / 403 / 400, reports, reactions coalesced into
// totals, and a simulated audience; the live side goes out as `chat`, `chat-delete`, `chat-pin`
// and `reactions` events through `publish` (the live-event hub). Plus the studio (/studio, with a
// token): pin a product, write as the host, pin and delete messages, remove an author.
//
// Routes (under the backend's basePath), for show <id> in live | scheduled | replay:
//   GET  /shows/<id>/interactions/chat?limit=50      POST /shows/<id>/interactions/chat
//   POST /shows/<id>/interactions/chat/<mid>/reports POST /shows/<id>/interactions/reactions
//   GET  /studio?token=…   GET /studio/{app,moments}.js   GET|POST /studio/api/…  (Authorization: Bearer <token>)
import { createHash, randomBytes } from 'node:crypto';
import { audience, HOST, MODERATOR, recordedChat, seeded } from './audience.mjs';
import { studioMomentsScript, studioPage, studioScript } from './studio.mjs';
import { ShopError } from './shop.mjs';

export const CHAT_TIMING = {
  /** Mean time between two simulated viewers' messages (ms). */
  chat: 2_500,
  /** A spam message, deleted by the moderator a few seconds later. */
  spam: 45_000,
  /** Totals of reactions go out at most this often. */
  reactions: 1_000,
  /** Simulated hearts: a few taps every this many ms. */
  audienceHearts: 700,
};

const MAX_TEXT = 500;
const MAX_NAME = 60;
const KEEP = 500;

/**
 * @param {object} o
 * @param {() => number} o.now
 * @param {(showId: string, event: string, data: unknown) => void} o.publish  the live-event hub
 * @param {Record<string, { lineup: string[], statusAt: (t: number) => string, startsAt?: number }>} o.shows
 * @param {(id: string) => { title: string, options: { name: string, values: string[] }[] } | undefined} o.productOf
 * @param {(showId: string, t: number) => string | undefined} o.productOnScreen
 * @param {(showId: string, productId: string) => void} o.pinProduct  the studio's "pin a product"
 * @param {(res: any, status: number, body: unknown, headers?: object) => void} o.send
 * @param {(req: any) => Promise<any>} o.readJson
 * @param {Partial<typeof CHAT_TIMING>} [o.timing]
 * @param {{ limit: number, window: number }} [o.rateLimit]  posts per viewer per window (ms)
 * @param {string} [o.token]  the studio's token; default: random
 */
export function createInteractions(o) {
  const timing = { ...CHAT_TIMING, ...o.timing };
  const rate = o.rateLimit ?? { limit: 5, window: 10_000 };
  const token = o.token ?? randomBytes(9).toString('base64url');
  const random = seeded(1234);
  const people = audience(random);
  let seq = 0;

  const chats = new Map(
    Object.entries(o.shows).map(([id, show]) => [
      id,
      {
        show,
        messages: [],
        pinned: null,
        keys: new Map(),
        reports: [],
        reactions: { heart: id === 'live' ? 18_420 : 0 },
        reactionsDirty: false,
        lastReactionsAt: 0,
        posts: new Map(),
        blocked: new Set(),
        nextChat: 0,
        nextSpam: o.now() + timing.spam / 3,
        nextHearts: 0,
        answers: [],
        recorded: null,
      },
    ]),
  );

  const live = (chat, t) => chat.show.statusAt(t) !== 'ended';

  function add(showId, author, text) {
    const chat = chats.get(showId);
    const message = { id: `c${++seq}-${showId}`, author, text, at: new Date(o.now()).toISOString() };
    chat.messages.push(message);
    if (chat.messages.length > KEEP) chat.messages.shift();
    o.publish(showId, 'chat', message);
    return message;
  }

  function remove(showId, target) {
    const chat = chats.get(showId);
    const gone = (m) => ('id' in target ? m.id === target.id : m.author.id === target.authorId);
    chat.messages = chat.messages.filter((m) => !gone(m));
    if (chat.pinned && gone(chat.pinned)) chat.pinned = null;
    if ('authorId' in target) chat.blocked.add(target.authorId);
    o.publish(showId, 'chat-delete', target);
  }

  function pin(showId, messageId) {
    const chat = chats.get(showId);
    chat.pinned = messageId ? (chat.messages.find((m) => m.id === messageId) ?? null) : null;
    o.publish(showId, 'chat-pin', { message: chat.pinned });
  }

  /** A viewer is this browser: its address and user agent (the demo has no accounts). */
  function viewerOf(req, showId) {
    const who = `${req.socket?.remoteAddress ?? ''}|${req.headers['user-agent'] ?? ''}|${req.headers['x-demo-viewer'] ?? ''}|${showId}`;
    return `viewer-${createHash('sha256').update(who).digest('base64url').slice(0, 12)}`;
  }

  function chatOf(m) {
    const chat = chats.get(m[1]);
    if (!chat) throw new ShopError(404, 'not_found', 'No such show.');
    return chat;
  }

  function history(showId) {
    const chat = chats.get(showId);
    const t = o.now();
    if (live(chat, t)) return chat.messages;
    chat.recorded ??= recordedChat({
      lineup: chat.show.lineup,
      productOf: o.productOf,
      duration: 88,
      startsAt: chat.show.startsAt ?? t,
    });
    return chat.recorded;
  }

  /** Advances the simulation to now (called by the backend's timer). */
  function tick() {
    const t = o.now();
    for (const [showId, chat] of chats) {
      if (!live(chat, t) || chat.show.statusAt(t) !== 'live') continue;
      if (t >= chat.nextChat) {
        chat.nextChat = t + timing.chat * (0.3 + random() * 1.4);
        const line = people.line(o.productOf(o.productOnScreen(showId, t) ?? chat.show.lineup[0]));
        add(showId, line.author, line.text);
        if (line.question && random() < 0.4) chat.answers.push({ at: t + 3_000 + random() * 4_000, line });
      }
      for (const answer of chat.answers.filter((a) => a.at <= t)) {
        const reply = people.answer(answer.line.question, answer.line.author.name);
        add(showId, reply.author, reply.text);
      }
      chat.answers = chat.answers.filter((a) => a.at > t);
      if (t >= chat.nextSpam) {
        chat.nextSpam = t + timing.spam * (0.7 + random() * 0.6);
        const spam = people.spam();
        const message = add(showId, spam.author, spam.text);
        setTimeout(() => chat.messages.some((m) => m.id === message.id) && remove(showId, { id: message.id }), 4_000).unref?.();
      }
      if (t >= chat.nextHearts) {
        chat.nextHearts = t + timing.audienceHearts;
        const taps = Math.floor(random() * 4);
        if (taps) {
          chat.reactions.heart += taps;
          chat.reactionsDirty = true;
        }
      }
      flushReactions(showId, chat, t);
    }
  }

  function flushReactions(showId, chat, t) {
    if (!chat.reactionsDirty || t - chat.lastReactionsAt < timing.reactions) return;
    chat.reactionsDirty = false;
    chat.lastReactionsAt = t;
    o.publish(showId, 'reactions', { counts: { ...chat.reactions } });
  }

  function clean(value, max) {
    if (typeof value !== 'string') return '';
    // eslint-disable-next-line no-control-regex
    return value.replace(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, max + 1);
  }

  function authorized(req) {
    const url = new URL(req.url ?? '/', 'http://x');
    const given = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || url.searchParams.get('token') || '';
    return given.length === token.length && createHash('sha256').update(given).digest().equals(createHash('sha256').update(token).digest());
  }

  function studio(fn) {
    return async (m, req, res, origin) => {
      if (!authorized(req)) throw new ShopError(401, 'unauthorized', 'The studio needs its token (printed by npm start).');
      return fn(m, req, res, origin);
    };
  }

  const routes = [
    [
      'GET',
      /^\/shows\/(\w+)\/interactions\/chat$/,
      (m, req, res) => {
        chatOf(m);
        const limit = Math.max(1, Math.min(200, Number(new URL(req.url, 'http://x').searchParams.get('limit')) || 50));
        const all = history(m[1]);
        o.send(res, 200, { messages: live(chats.get(m[1]), o.now()) ? all.slice(-limit) : all });
      },
    ],
    [
      'POST',
      /^\/shows\/(\w+)\/interactions\/chat$/,
      async (m, req, res) => {
        const chat = chatOf(m);
        const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 255) : '';
        const body = await o.readJson(req);
        const known = key && chat.keys.get(key);
        if (known) return o.send(res, 201, known, { 'Idempotent-Replayed': 'true' });
        if (!live(chat, o.now())) throw new ShopError(403, 'blocked', 'The show has ended: its chat is read-only.');
        const viewer = viewerOf(req, m[1]);
        if (chat.blocked.has(viewer)) throw new ShopError(403, 'blocked', 'You can’t write in this chat.');
        const text = clean(body.text, MAX_TEXT);
        const name = clean(body.name, MAX_NAME);
        if (!text) throw new ShopError(400, 'invalid', 'The message is empty.');
        if (text.length > MAX_TEXT) throw new ShopError(400, 'invalid', `A message can have at most ${MAX_TEXT} characters.`);
        if (!name || name.length > MAX_NAME) throw new ShopError(400, 'invalid', `A name has 1 to ${MAX_NAME} characters.`);
        const t = o.now();
        const recent = (chat.posts.get(viewer) ?? []).filter((at) => at > t - rate.window);
        if (recent.length >= rate.limit) {
          const retry = Math.max(1, Math.ceil((recent[0] + rate.window - t) / 1000));
          return o.send(res, 429, { error: { code: 'rate_limited', message: `You’re writing too fast. Try again in ${retry} s.` } }, { 'Retry-After': String(retry) });
        }
        recent.push(t);
        chat.posts.set(viewer, recent);
        const message = add(m[1], { id: viewer, name, role: 'viewer' }, text);
        if (key) chat.keys.set(key, message);
        o.send(res, 201, message);
      },
    ],
    [
      'POST',
      /^\/shows\/(\w+)\/interactions\/chat\/([^/]+)\/reports$/,
      async (m, req, res) => {
        const chat = chatOf(m);
        const body = await o.readJson(req);
        chat.reports.push({ messageId: decodeURIComponent(m[2]).slice(0, 256), reason: clean(body.reason, 200) || 'unspecified', at: o.now() });
        if (chat.reports.length > 200) chat.reports.shift();
        o.send(res, 202, {});
      },
    ],
    [
      'POST',
      /^\/shows\/(\w+)\/interactions\/reactions$/,
      async (m, req, res) => {
        const chat = chatOf(m);
        const body = await o.readJson(req);
        const count = Number(body.count);
        if (body.type !== 'heart' || !Number.isSafeInteger(count) || count < 1 || count > 100) {
          throw new ShopError(400, 'invalid', 'A reaction is { "type": "heart", "count": 1..100 }.');
        }
        chat.reactions.heart += count;
        chat.reactionsDirty = true;
        flushReactions(m[1], chat, o.now());
        o.send(res, 202, {});
      },
    ],
    ['GET', /^\/studio$/, studio((m, req, res) => o.send(res, 200, studioPage(), { 'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'" }))],
    [
      'GET',
      /^\/studio\/(app|moments)\.js$/,
      (m, req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(m[1] === 'app' ? studioScript : studioMomentsScript);
      },
    ],
    [
      'GET',
      /^\/studio\/api\/(\w+)$/,
      studio((m, req, res) => {
        const chat = chatOf(m);
        o.send(res, 200, {
          show: m[1],
          status: chat.show.statusAt(o.now()),
          products: chat.show.lineup.map((id) => ({ id, title: o.productOf(id)?.title ?? id })),
          messages: chat.messages.slice(-100),
          pinned: chat.pinned,
          reports: chat.reports.slice(-50),
          reactions: chat.reactions,
        });
      }),
    ],
    [
      'POST',
      /^\/studio\/api\/(\w+)\/(pin-product|say|pin|delete|remove-author)$/,
      studio(async (m, req, res) => {
        const chat = chatOf(m);
        const body = await o.readJson(req);
        const id = typeof body.id === 'string' ? body.id : null;
        switch (m[2]) {
          case 'pin-product':
            if (!chat.show.lineup.includes(body.productId)) throw new ShopError(400, 'invalid', 'Not a product of this show.');
            o.pinProduct(m[1], body.productId);
            break;
          case 'say': {
            const text = clean(body.text, MAX_TEXT);
            if (!text || text.length > MAX_TEXT) throw new ShopError(400, 'invalid', 'Write 1 to 500 characters.');
            const message = add(m[1], body.as === 'moderator' ? MODERATOR : HOST, text);
            if (body.pin) pin(m[1], message.id);
            break;
          }
          case 'pin':
            pin(m[1], id);
            break;
          case 'delete':
            if (!id) throw new ShopError(400, 'invalid', 'Which message?');
            remove(m[1], { id });
            break;
          case 'remove-author':
            if (typeof body.authorId !== 'string') throw new ShopError(400, 'invalid', 'Which author?');
            remove(m[1], { authorId: body.authorId });
            break;
        }
        o.send(res, 200, { ok: true });
      }),
    ],
  ];

  return {
    routes,
    tick,
    token,
    /** Read-only peek for tests. */
    state: (showId) => chats.get(showId),
    /** The interactions URL of a show document. */
    url: (showId, base) => `${base}/shows/${showId}/interactions`,
    /** Re-sends the pin and totals (for viewers who joined since). */
    snapshot(showId) {
      const chat = chats.get(showId);
      if (!chat) return;
      if (chat.pinned) o.publish(showId, 'chat-pin', { message: chat.pinned });
      o.publish(showId, 'reactions', { counts: { ...chat.reactions } });
    },
  };
}
