// The demo backend's interactions (examples/backend/interactions.mjs, docs/interactions.md) over
// real HTTP on localhost: history, posting with Idempotency-Key, 429 with Retry-After, 403 after
// the studio removed an author, 400, reports, reactions coalesced into totals on the live events,
// the simulated audience, the replay's recorded chat, and the studio's token. The clock is fake.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createBackend } from '../../examples/backend/index.mjs';
import { recordedChat } from '../../examples/backend/audience.mjs';

const START = Date.parse('2026-11-22T18:00:00.000Z');
const NEVER = 2 ** 30;

describe('demo backend: interactions (section 8)', () => {
  const clock = { now: START };
  let backend;
  let server;
  let base;
  const chatUrl = (show = 'live') => `${base}/shows/${show}/interactions/chat`;
  const post = (url, body, headers = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const studio = (path, body) => post(`${base}/studio/api/live/${path}`, body, { authorization: 'Bearer secret' });

  /** Reads SSE frames of the live show for `ms`. */
  async function listen(ms, during) {
    const controller = new AbortController();
    const response = await fetch(`${base}/shows/live/events`, { signal: controller.signal });
    const reader = response.body.getReader();
    let text = '';
    const reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          text += Buffer.from(value).toString('utf8');
        }
      } catch {
        // aborted
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    await during();
    await new Promise((r) => setTimeout(r, ms));
    controller.abort();
    await reading;
    return text
      .split('\n\n')
      .map((frame) => ({ event: /event: (.+)/.exec(frame)?.[1], data: /data: (.+)/.exec(frame)?.[1] }))
      .filter((f) => f.event)
      .map((f) => ({ event: f.event, data: JSON.parse(f.data) }));
  }

  before(async () => {
    backend = createBackend({
      now: () => clock.now,
      liveStartedAt: START - 60_000,
      studioToken: 'secret',
      rateLimit: { limit: 2, window: 10_000 },
      timing: { tick: NEVER },
      chatTiming: { chat: 1_000, spam: 30_000, audienceHearts: 500, reactions: 1_000 },
    });
    server = createServer(async (req, res) => {
      if (!(await backend.handle(req, res))) res.writeHead(418).end();
    });
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  after(() => {
    backend.close();
    server.closeAllConnections?.();
    server.close();
  });

  test('show documents carry their interactions URL', async () => {
    for (const show of ['live', 'replay', 'scheduled']) {
      const doc = await (await fetch(`${base}/shows/${show}`)).json();
      assert.equal(doc.interactions, `${base}/shows/${show}/interactions`);
    }
  });

  test('a post is 201 a ChatMessage, in the history and out as a chat event; the same key posts once', async () => {
    const events = await listen(100, async () => {
      const first = await post(chatUrl(), { text: 'Does it come in navy?', name: 'Mia' }, { 'idempotency-key': 'k-1', 'x-demo-viewer': 'a' });
      assert.equal(first.status, 201);
      const message = await first.json();
      assert.deepEqual([message.text, message.author.name, message.author.role], ['Does it come in navy?', 'Mia', 'viewer']);
      const again = await post(chatUrl(), { text: 'Does it come in navy?', name: 'Mia' }, { 'idempotency-key': 'k-1', 'x-demo-viewer': 'a' });
      assert.equal(again.status, 201);
      assert.equal((await again.json()).id, message.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
    });
    assert.deepEqual(events.filter((e) => e.event === 'chat').map((e) => e.data.text), ['Does it come in navy?']);
    const history = await (await fetch(`${chatUrl()}?limit=50`)).json();
    assert.equal(history.messages.filter((m) => m.text === 'Does it come in navy?').length, 1);
  });

  test('429 with Retry-After past the rate limit; 400 for empty or over 500 characters', async () => {
    const h = { 'x-demo-viewer': 'quick' };
    assert.equal((await post(chatUrl(), { text: 'one', name: 'Q' }, h)).status, 201);
    assert.equal((await post(chatUrl(), { text: 'two', name: 'Q' }, h)).status, 201);
    const limited = await post(chatUrl(), { text: 'three', name: 'Q' }, h);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '10');
    assert.equal((await limited.json()).error.code, 'rate_limited');
    clock.now += 10_001;
    assert.equal((await post(chatUrl(), { text: 'three', name: 'Q' }, h)).status, 201);
    const long = await post(chatUrl(), { text: 'x'.repeat(501), name: 'Q' }, { 'x-demo-viewer': 'long' });
    assert.equal(long.status, 400);
    assert.deepEqual((await long.json()).error, { code: 'invalid', message: 'A message can have at most 500 characters.' });
    assert.equal((await post(chatUrl(), { text: ' ', name: 'Q' }, { 'x-demo-viewer': 'empty' })).status, 400);
  });

  test('the studio: 401 without the token; remove an author (chat-delete by authorId, then 403), delete, pin, say as host', async () => {
    assert.equal((await fetch(`${base}/studio`)).status, 401);
    assert.equal((await fetch(`${base}/studio?token=wrong!`)).status, 401);
    const page = await fetch(`${base}/studio?token=secret`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Studio/);
    const spam = await (await post(chatUrl(), { text: 'cheap followers', name: 'bot' }, { 'x-demo-viewer': 'spammer' })).json();
    const events = await listen(100, async () => {
      assert.equal((await studio('remove-author', { authorId: spam.author.id })).status, 200);
      assert.equal((await studio('say', { text: 'Navy is back!', pin: true })).status, 200);
    });
    assert.deepEqual(events.find((e) => e.event === 'chat-delete').data, { authorId: spam.author.id });
    const hostMessage = events.find((e) => e.event === 'chat' && e.data.author.role === 'host').data;
    assert.equal(hostMessage.text, 'Navy is back!');
    assert.equal(events.find((e) => e.event === 'chat-pin').data.message.id, hostMessage.id);
    const blocked = await post(chatUrl(), { text: 'again', name: 'bot' }, { 'x-demo-viewer': 'spammer' });
    assert.equal(blocked.status, 403);
    assert.equal((await blocked.json()).error.code, 'blocked');
    const deleted = await listen(50, () => studio('delete', { id: hostMessage.id }));
    assert.deepEqual(deleted.find((e) => e.event === 'chat-delete').data, { id: hostMessage.id });
    const state = await (await fetch(`${base}/studio/api/live`, { headers: { authorization: 'Bearer secret' } })).json();
    assert.equal(state.pinned, null);
    assert.ok(!state.messages.some((m) => m.id === hostMessage.id || m.author.id === spam.author.id));
  });

  test('reports are 202; reactions are 202 and go out as totals at most once a second', async () => {
    const message = (await (await fetch(chatUrl())).json()).messages.at(-1);
    const report = await post(`${chatUrl()}/${encodeURIComponent(message.id)}/reports`, { reason: 'spam' });
    assert.equal(report.status, 202);
    clock.now += 5_000;
    const events = await listen(50, async () => {
      for (let i = 0; i < 5; i++) assert.equal((await post(`${base}/shows/live/interactions/reactions`, { type: 'heart', count: 2 })).status, 202);
    });
    const totals = events.filter((e) => e.event === 'reactions');
    assert.equal(totals.length, 1, 'five requests within a second: one totals event');
    assert.equal((await post(`${base}/shows/live/interactions/reactions`, { type: 'fire', count: 2 })).status, 400);
    assert.equal((await post(`${base}/shows/live/interactions/reactions`, { type: 'heart', count: 1e6 })).status, 400);
  });

  test('the simulated audience talks about the products; the host answers some; spam is deleted', async () => {
    const events = await listen(4_600, async () => {
      for (let i = 0; i < 60; i++) {
        clock.now += 1_000;
        backend.interactions.tick();
      }
    });
    const chats = events.filter((e) => e.event === 'chat').map((e) => e.data);
    assert.ok(chats.length >= 30, `${chats.length} messages in a simulated minute`);
    assert.ok(chats.some((m) => m.author.role === 'host'), 'the host answers');
    assert.ok(chats.some((m) => /size|colour|color|ship|navy|in stock|wash/i.test(m.text)), 'questions about sizes, colours, shipping');
    const spam = chats.find((m) => m.author.id.startsWith('spam-'));
    assert.ok(spam, 'a spammer shows up');
    assert.ok(events.some((e) => e.event === 'chat-delete' && e.data.id === spam.id), 'and is deleted');
    assert.ok(events.some((e) => e.event === 'reactions'), 'hearts flow');
  });

  test('a replay’s chat is the recorded one, whole, each message with an offset, the same every time', async () => {
    const replay = await (await fetch(chatUrl('replay'))).json();
    assert.ok(replay.messages.length > 30);
    assert.ok(replay.messages.every((m, i, all) => typeof m.offset === 'number' && (i === 0 || all[i - 1].offset <= m.offset)));
    const again = recordedChat({ lineup: ['p1'], productOf: () => undefined, duration: 20, startsAt: 0 });
    assert.deepEqual(again, recordedChat({ lineup: ['p1'], productOf: () => undefined, duration: 20, startsAt: 0 }));
    const refused = await post(chatUrl('replay'), { text: 'hello', name: 'Mia' });
    assert.equal(refused.status, 403);
  });
});
