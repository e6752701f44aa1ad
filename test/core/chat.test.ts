import { expect } from '@open-wc/testing';
import { createMemoryInteractions } from '../../src/adapters/memory/interactions.js';
import { ChatModel } from '../../src/core/chat.js';
import { VitrineError, type VitrineErrorDetail } from '../../src/core/errors.js';
import { parseChatHistory, parseChatMessage, parseInteractionEvent } from '../../src/core/parse-interactions.js';
import { parseShow } from '../../src/core/parse.js';
import { parseShowEvent } from '../../src/core/parse-event.js';
import type { ChatAuthor, ChatMessage, InteractionAdapter } from '../../src/core/types.js';

const host: ChatAuthor = { id: 'ava', name: 'Ava', role: 'host' };
const mod: ChatAuthor = { id: 'mo', name: 'Mo', role: 'moderator' };
const viewer = (n: number): ChatAuthor => ({ id: `v${n}`, name: `Viewer ${n}`, role: 'viewer' });
let seq = 0;
const msg = (author: ChatAuthor, text = 'hi', extra: Partial<ChatMessage> = {}): ChatMessage => ({ id: `m${++seq}`, author, text, at: 1, ...extra });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const texts = (model: ChatModel) => model.state.messages.map((e) => e.message.text);

describe('parse-interactions', () => {
  it('keeps markup as text, strips bidi controls and caps names at 60 and texts at 500 characters', () => {
    const result = parseChatMessage({
      id: 'a',
      author: { id: 'u', name: '\u202eevil\u2066' + 'n'.repeat(100), role: 'admin' },
      text: '<img src=x onerror=alert(1)>\u202e' + 'x'.repeat(10_000),
      at: '2026-11-22T18:00:00Z',
    });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.author.name.startsWith('evil')).to.equal(true);
    expect(result.value.author.name).to.have.length(60);
    expect(result.value.author.role).to.equal('viewer');
    expect(result.value.text.startsWith('<img src=x onerror=alert(1)>x')).to.equal(true);
    expect(result.value.text).to.have.length(500);
    expect(result.value.text.endsWith('…')).to.equal(true);
    expect(result.value.at).to.equal(Date.parse('2026-11-22T18:00:00Z'));
  });

  it('refuses messages without id, author name or text', () => {
    for (const bad of [null, {}, { id: 'a', author: { id: 'u', name: 'x' } }, { id: 'a', author: { id: 'u' }, text: 'x' }, { author: { id: 'u', name: 'x' }, text: 'x' }, { id: 'a', author: { id: 'u', name: 'x' }, text: '\u202e ' }]) {
      expect(parseChatMessage(bad).ok, JSON.stringify(bad)).to.equal(false);
    }
  });

  it('parses the history oldest first, dropping the malformed and duplicates; a replay sorts by offset', () => {
    const live = parseChatHistory({ messages: [msg(host, 'b', { at: 20 }), { bad: true }, msg(host, 'a', { at: 10 })] });
    expect(live.messages.map((m) => m.text)).to.deep.equal(['a', 'b']);
    expect(live.dropped).to.equal(1);
    const replay = parseChatHistory({ messages: [msg(host, 'late', { offset: 30 }), msg(host, 'early', { offset: 2 })] });
    expect(replay.messages.map((m) => m.text)).to.deep.equal(['early', 'late']);
    expect(parseChatHistory('garbage').dropped).to.equal(1);
  });

  it('parses chat-delete by id or authorId, chat-pin with null, and reactions totals; refuses the malformed', () => {
    expect(parseInteractionEvent('chat-delete', { id: 'm1' })).to.deep.equal({ ok: true, value: { type: 'chat-delete', id: 'm1' } });
    expect(parseInteractionEvent('chat-delete', { authorId: 'u1' })).to.deep.equal({ ok: true, value: { type: 'chat-delete', authorId: 'u1' } });
    expect(parseInteractionEvent('chat-delete', {})?.ok).to.equal(false);
    expect(parseInteractionEvent('chat-pin', { message: null })).to.deep.equal({ ok: true, value: { type: 'chat-pin', message: null } });
    expect(parseInteractionEvent('reactions', { counts: { heart: 3, '<b>': 4, fire: -1 } })).to.deep.equal({ ok: true, value: { type: 'reactions', counts: { heart: 3 } } });
    expect(parseInteractionEvent('poll', {})).to.equal(undefined);
  });

  it('parseShowEvent delivers chat events, and a malformed one is a recoverable show/invalid', () => {
    const ok = parseShowEvent('chat', JSON.stringify({ id: 'm1', author: host, text: 'Hello', at: '2026-11-22T18:00:00Z' }));
    expect(ok.ok && ok.value.type).to.equal('chat');
    const bad = parseShowEvent('chat', JSON.stringify({ id: 'm1', text: 'no author' }));
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect([bad.error.code, bad.error.recoverable]).to.deep.equal(['show/invalid', true]);
    expect(parseShowEvent('reactions', '{"counts":{"heart":12}}').ok).to.equal(true);
  });

  it('parseShow keeps an http(s) interactions URL, resolved against the document', () => {
    const doc = { id: 's', title: 'S', status: 'live', interactions: 'i/42' };
    const shown = parseShow(doc, 'https://api.example.com/shows/42');
    expect(shown.ok && shown.value.interactions).to.equal('https://api.example.com/shows/i/42');
    const unsafe = parseShow({ ...doc, interactions: 'javascript:alert(1)' }, 'https://api.example.com/');
    expect(unsafe.ok && unsafe.value.interactions).to.equal(undefined);
  });
});

describe('ChatModel', () => {
  it('loads the history, then adds live messages; deletes by id and by author; pins and unpins', async () => {
    const first = msg(viewer(1), 'first');
    const interactions = createMemoryInteractions({ messages: [first, msg(viewer(2), 'second')] });
    const chat = new ChatModel({ interactions });
    interactions.subscribe((e) => chat.handleEvent(e));
    await chat.start();
    expect(chat.state.connection).to.equal('ready');
    expect(texts(chat)).to.deep.equal(['first', 'second']);
    const fromHost = interactions.post(host, 'Yes, it comes in navy');
    interactions.post(viewer(2), 'again');
    expect(texts(chat)).to.deep.equal(['first', 'second', 'Yes, it comes in navy', 'again']);
    interactions.pin(fromHost.id);
    expect(chat.state.pinned?.text).to.equal('Yes, it comes in navy');
    interactions.remove({ id: first.id });
    expect(texts(chat)).to.deep.equal(['second', 'Yes, it comes in navy', 'again']);
    interactions.remove({ authorId: 'v2' });
    expect(texts(chat)).to.deep.equal(['Yes, it comes in navy']);
    interactions.remove({ authorId: 'ava' });
    expect(chat.state.pinned).to.equal(null);
    // A deleted message does not come back with a late event.
    chat.handleEvent({ type: 'chat', message: first });
    expect(texts(chat)).to.deep.equal([]);
    chat.dispose();
  });

  it('sends as "sending", then "sent"; a failure keeps the text with the same key for Retry', async () => {
    const interactions = createMemoryInteractions({ latency: 30 });
    const chat = new ChatModel({ interactions });
    await chat.start();
    chat.setName('Mia');
    const sending = chat.send('Does it come in navy?');
    expect(chat.state.messages.map((e) => e.state)).to.deep.equal(['sending']);
    await sending;
    expect(chat.state.messages.map((e) => [e.state, e.own, e.message.author.name])).to.deep.equal([['sent', true, 'Mia']]);

    interactions.configure({ down: true });
    const errors: VitrineErrorDetail[] = [];
    chat.onError((e) => errors.push(e));
    await chat.send('Shipping to Norway?');
    const failed = chat.state.messages.at(-1)!;
    expect([failed.state, failed.message.text, failed.error?.code]).to.deep.equal(['failed', 'Shipping to Norway?', 'chat/unavailable']);
    expect(errors.map((e) => e.code)).to.deep.equal(['chat/unavailable']);
    interactions.configure({ down: false });
    const key = failed.key!;
    await chat.retry(key);
    const retried = chat.state.messages.at(-1)!;
    expect([retried.state, retried.key]).to.deep.equal(['sent', key]);
    expect(interactions.messages.map((m) => m.text)).to.deep.equal(['Does it come in navy?', 'Shipping to Norway?']);
    chat.dispose();
  });

  it('refuses before sending: no name, empty, over 500 characters; counts a too-long text by characters', async () => {
    const chat = new ChatModel({ interactions: createMemoryInteractions() });
    expect(chat.refusal('hello')?.message).to.equal('Choose a name first.');
    chat.setName('  <b>Mia</b>\u202e ');
    expect(chat.state.name).to.equal('<b>Mia</b>');
    expect(chat.refusal('   ')?.code).to.equal('chat/invalid');
    expect(chat.refusal('x'.repeat(501))?.message).to.match(/500/);
    expect(chat.refusal('x'.repeat(500))).to.equal(undefined);
    expect(await chat.send('x'.repeat(501))).to.equal(false);
    expect(chat.state.messages).to.have.length(0);
  });

  it('429 sets when the shopper can write again; 403 blocks', async () => {
    let now = 1_000_000;
    const interactions = createMemoryInteractions({ rateLimit: 1, window: 10_000, now: () => now });
    const chat = new ChatModel({ interactions, now: () => now });
    chat.setName('Mia');
    await chat.send('one');
    await chat.send('two');
    expect(chat.state.rateLimitedUntil).to.equal(now + 10_000);
    expect(chat.refusal('three')?.retryAfter).to.equal(10);
    now += 10_001;
    expect(chat.refusal('three')).to.equal(undefined);
    interactions.configure({ blocked: true });
    await chat.send('four');
    expect(chat.state.blocked).to.equal(true);
    expect(chat.writable).to.equal(false);
  });

  it('an unavailable backend: connection "unavailable", a recoverable chat/unavailable, live events still shown', async () => {
    const interactions = createMemoryInteractions({ down: true });
    const chat = new ChatModel({ interactions });
    const errors: VitrineErrorDetail[] = [];
    chat.onError((e) => errors.push(e));
    await chat.start();
    expect(chat.state.connection).to.equal('unavailable');
    expect(errors[0]).to.include({ code: 'chat/unavailable', recoverable: true });
  });

  it('replay: messages appear as media time reaches their offset, and a seek back rebuilds', async () => {
    const recorded = [msg(host, 'welcome', { offset: 1 }), msg(viewer(1), 'navy?', { offset: 5 }), msg(host, 'yes navy', { offset: 9 })];
    const chat = new ChatModel({ interactions: createMemoryInteractions({ messages: recorded }) });
    chat.setStatus('ended');
    await chat.start();
    expect(chat.state.replay).to.equal(true);
    expect(texts(chat)).to.deep.equal([]);
    chat.setTime(5);
    expect(texts(chat)).to.deep.equal(['welcome', 'navy?']);
    chat.setTime(60);
    expect(texts(chat)).to.deep.equal(['welcome', 'navy?', 'yes navy']);
    chat.setTime(2);
    expect(texts(chat)).to.deep.equal(['welcome']);
    expect(chat.writable).to.equal(false);
  });

  it('flood control: viewers are sampled to the readable rate; host, moderator and own messages are never dropped; at most 200 kept', async () => {
    const interactions = createMemoryInteractions();
    const chat = new ChatModel({ interactions, rate: 8 });
    interactions.subscribe((e) => chat.handleEvent(e));
    await chat.start();
    chat.setName('Mia');
    await chat.send('mine');
    for (let i = 0; i < 500; i++) {
      interactions.post(viewer(i), `spam ${i}`);
      if (i % 100 === 0) interactions.post(host, `host ${i}`);
      if (i % 100 === 50) interactions.post(mod, `mod ${i}`);
    }
    await tick(600);
    const shown = texts(chat);
    expect(shown.filter((t) => t.startsWith('host'))).to.have.length(5);
    expect(shown.filter((t) => t.startsWith('mod'))).to.have.length(5);
    expect(shown).to.include('mine');
    const viewers = shown.filter((t) => t.startsWith('spam')).length;
    expect(viewers).to.be.within(8, 20);
    expect(chat.state.sampled).to.equal(500 - viewers);
    for (let i = 0; i < 400; i++) interactions.post(host, `h${i}`);
    expect(chat.state.messages.length).to.equal(200);
    chat.dispose();
  });

  it('batches Like taps into at most one request a second, with the count; totals come from reactions events', async () => {
    const interactions = createMemoryInteractions({ reactions: { heart: 100 } });
    const chat = new ChatModel({ interactions, reactionInterval: 300 });
    chat.handleEvent({ type: 'reactions', counts: { heart: 100 } });
    for (let i = 0; i < 5; i++) chat.react();
    expect(chat.state.reactions.heart).to.equal(105);
    expect(interactions.reactionRequests).to.deep.equal([]);
    await tick(20);
    expect(interactions.reactionRequests).to.deep.equal([['heart', 5]]);
    chat.react();
    chat.react();
    await tick(100);
    expect(interactions.reactionRequests).to.have.length(1);
    await tick(300);
    expect(interactions.reactionRequests).to.deep.equal([['heart', 5], ['heart', 2]]);
    chat.handleEvent({ type: 'reactions', counts: { heart: 1500 } });
    expect(chat.state.reactions.heart).to.equal(1500);
    chat.dispose();
  });

  it('hides an author locally; keeps the name in sessionStorage only after consent', async () => {
    const interactions = createMemoryInteractions({ messages: [msg(viewer(1), 'a'), msg(viewer(2), 'b')] });
    const chat = new ChatModel({ interactions });
    await chat.start();
    chat.hideAuthor('v1');
    expect(texts(chat)).to.deep.equal(['b']);
    chat.hideAuthor('v1', false);
    expect(texts(chat)).to.deep.equal(['a', 'b']);
    sessionStorage.removeItem('vitrine:chat-name');
    chat.setName('Mia');
    expect(sessionStorage.getItem('vitrine:chat-name')).to.equal(null);
    chat.setPersistName(true);
    expect(sessionStorage.getItem('vitrine:chat-name')).to.equal('Mia');
    const next = new ChatModel({ interactions });
    next.setPersistName(true);
    expect(next.state.name).to.equal('Mia');
    next.setPersistName(false);
    expect(sessionStorage.getItem('vitrine:chat-name')).to.equal(null);
  });

  it('an own message that the live event brought first is shown once', async () => {
    let release!: () => void;
    const sent: ChatMessage = { id: 'srv1', author: { id: 'me-1', name: 'Mia', role: 'viewer' }, text: 'hello', at: 1 };
    const adapter: InteractionAdapter = {
      history: async () => [],
      sendMessage: () => new Promise((resolve) => (release = () => resolve(sent))),
      react: async () => undefined,
      report: async () => undefined,
      vote: async () => {
        throw new VitrineError('poll/closed', 'closed');
      },
    };
    const chat = new ChatModel({ interactions: adapter });
    await chat.start();
    chat.setName('Mia');
    const sending = chat.send('hello');
    chat.handleEvent({ type: 'chat', message: sent });
    release();
    await sending;
    expect(chat.state.messages.map((e) => [e.message.id, e.own, e.state])).to.deep.equal([['srv1', true, 'sent']]);
  });
});
