import { expect } from '@open-wc/testing';
import { createRestInteractions, retryAfterSeconds } from '../../src/adapters/rest/interactions.js';
import { createSseEvents } from '../../src/adapters/sse/index.js';
import type { ShowEvent } from '../../src/core/types.js';
import { rejection, signal, uid, until } from './helpers.js';

// The demo backend's interactions behind test/servers/interactions.mjs.
const LIVE = '/__chat/demo/shows/live/interactions';
const studio = (path: string, body: unknown) =>
  fetch(`/__chat/demo/studio/api/live/${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const viewer = () => ({ headers: { 'x-demo-viewer': uid('viewer') } });

describe('createRestInteractions (docs/interactions.md, real HTTP against the demo backend)', () => {
  it('posts a message (201) and finds it in the history, oldest first', async () => {
    const chat = createRestInteractions(LIVE, viewer());
    const text = `Does it come in navy? ${uid()}`;
    const sent = await chat.sendMessage({ text, name: 'Mia' }, signal());
    expect(sent.text).to.equal(text);
    expect(sent.author).to.include({ name: 'Mia', role: 'viewer' });
    const history = await chat.history(signal());
    expect(history.at(-1)?.id).to.equal(sent.id);
    const times = history.map((m) => m.at);
    expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
  });

  it('the same Idempotency-Key posts once', async () => {
    const chat = createRestInteractions(LIVE, viewer());
    const key = uid('key');
    const text = `once ${uid()}`;
    const a = await chat.sendMessage({ text, name: 'Mia', idempotencyKey: key }, signal());
    const b = await chat.sendMessage({ text, name: 'Mia', idempotencyKey: key }, signal());
    expect(b.id).to.equal(a.id);
    const history = await chat.history(signal());
    expect(history.filter((m) => m.text === text)).to.have.length(1);
  });

  it('429 is chat/rate-limited with retryAfter from Retry-After', async () => {
    const chat = createRestInteractions(LIVE, viewer());
    for (let i = 0; i < 3; i++) await chat.sendMessage({ text: `m${i}`, name: 'Quick' }, signal());
    const error = await rejection(chat.sendMessage({ text: 'one too many', name: 'Quick' }, signal()));
    expect(error.code).to.equal('chat/rate-limited');
    expect(error.retryAfter).to.be.within(1, 2);
    expect(error.message).to.match(/too fast/);
  });

  it('400 is chat/invalid with the server’s reason (over 500 characters, empty)', async () => {
    const chat = createRestInteractions(LIVE, viewer());
    const long = await rejection(chat.sendMessage({ text: 'x'.repeat(501), name: 'Mia' }, signal()));
    expect([long.code, long.message]).to.deep.equal(['chat/invalid', 'A message can have at most 500 characters.']);
    const empty = await rejection(chat.sendMessage({ text: '  ', name: 'Mia' }, signal()));
    expect(empty.code).to.equal('chat/invalid');
  });

  it('403 is chat/blocked once the studio removed the author', async () => {
    const chat = createRestInteractions(LIVE, viewer());
    const sent = await chat.sendMessage({ text: 'buy followers', name: 'Spammer' }, signal());
    expect((await studio('remove-author', { authorId: sent.author.id })).status).to.equal(200);
    const error = await rejection(chat.sendMessage({ text: 'again', name: 'Spammer' }, signal()));
    expect(error.code).to.equal('chat/blocked');
    const history = await chat.history(signal());
    expect(history.some((m) => m.author.id === sent.author.id)).to.equal(false);
  });

  it('reports (202) and reactions (202), whose totals come back coalesced as a reactions event', async () => {
    const events: ShowEvent[] = [];
    const stop = createSseEvents('/__chat/demo/shows/live/events').subscribe((e) => events.push(e));
    try {
      await until(() => events.length > 0, 'the live connection (its snapshot)');
      const chat = createRestInteractions(LIVE, viewer());
      const sent = await chat.sendMessage({ text: 'report me', name: 'Mia' }, signal());
      await chat.report(sent.id, 'spam', signal());
      const state = await (await fetch('/__chat/demo/studio/api/live', { headers: { authorization: 'Bearer test-token' } })).json();
      expect(state.reports.some((r: { messageId: string; reason: string }) => r.messageId === sent.id && r.reason === 'spam')).to.equal(true);
      await until(() => events.some((e) => e.type === 'chat' && e.message.id === sent.id), 'the chat event');
      const before = state.reactions.heart as number;
      await chat.react('heart', 3, signal());
      await chat.react('heart', 2, signal());
      const totals = await until(() => events.filter((e) => e.type === 'reactions').find((e) => e.type === 'reactions' && e.counts.heart! >= before + 5), 'totals');
      expect(totals!.type === 'reactions' && totals!.counts.heart).to.equal(before + 5);
    } finally {
      stop();
    }
  });

  it('a replay’s history is its whole chat, each message with an offset', async () => {
    const chat = createRestInteractions('/__chat/demo/shows/replay/interactions');
    const history = await chat.history(signal());
    expect(history.length).to.be.greaterThan(30);
    expect(history.every((m) => typeof m.offset === 'number')).to.equal(true);
    expect(history[0]!.author.role).to.equal('host');
  });

  it('a backend that is down is chat/unavailable; malformed history messages are dropped', async () => {
    const down = createRestInteractions('/__chat/down/shows/live/interactions', { timeout: 3000 });
    expect((await rejection(down.history(signal()))).code).to.equal('chat/unavailable');
    expect((await rejection(down.sendMessage({ text: 'hi', name: 'Mia' }, signal()))).code).to.equal('chat/unavailable');
    const odd = await createRestInteractions('/__chat/odd/shows/live/interactions').history(signal());
    expect(odd.map((m) => m.text)).to.deep.equal(['first', '<b>not bold</b>']);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterSeconds('7')).to.equal(7);
    expect(retryAfterSeconds(new Date(Date.now() + 4000).toUTCString())).to.be.within(3, 5);
    expect(retryAfterSeconds('soon')).to.equal(undefined);
    expect(retryAfterSeconds(null)).to.equal(undefined);
  });
});
