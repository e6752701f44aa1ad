/** The IVS Chat adapter against a local room speaking IVS's messaging API (test/servers/ivs-chat.mjs). */
import { expect, waitUntil } from '@open-wc/testing';
import { createIvsChat } from '../../src/adapters/ivs/index.js';
import { VitrineError } from '../../src/core/errors.js';
import type { ShowEvent } from '../../src/core/types.js';

const endpoint = `${location.origin.replace(/^http/, 'ws')}/__ivs/chat`;
const room = () => `room-${Math.random().toString(36).slice(2, 8)}`;

function viewer(r: string, user: string, name: string, role?: string) {
  let tokens = 0;
  const adapter = createIvsChat({
    endpoint,
    getToken: async (signal) => {
      tokens += 1;
      const query = new URLSearchParams({ room: r, user, name, ...(role ? { role } : {}) });
      const response = await fetch(`/__ivs/token?${query}`, { method: 'POST', signal });
      return (await response.json()) as { token: string };
    },
  });
  const events: ShowEvent[] = [];
  const errors: Error[] = [];
  return { adapter, events, errors, tokens: () => tokens, listen: () => adapter.subscribe!((e) => events.push(e), (e) => errors.push(e)) };
}

const connections = async (r: string) => (await (await fetch(`/__ivs/admin/${r}/connections`)).json()) as { opened: number; open: number };

describe('IVS Chat adapter', function () {
  this.timeout(20000);

  it('sends with SEND_MESSAGE and resolves with the room echo; every subscriber gets it as a chat event', async () => {
    const r = room();
    const host = viewer(r, 'u-host', 'Ava', 'host');
    const guest = viewer(r, 'u-1', 'Sam');
    const stopHost = host.listen();
    const stopGuest = guest.listen();
    await waitUntil(async () => (await connections(r)).open === 2, 'both connected');
    const sent = await guest.adapter.sendMessage({ text: '  Is the beanie warm?  ', name: 'Sam' }, new AbortController().signal);
    expect(sent.text).to.equal('Is the beanie warm?');
    expect(sent.author).to.deep.equal({ id: 'u-1', name: 'Sam', role: 'viewer' });
    expect(sent.id).to.match(/^[0-9a-f]{12}$/);
    await waitUntil(() => host.events.length === 1, 'the host did not get the message');
    expect(host.events[0]).to.deep.equal({ type: 'chat', message: sent });
    await host.adapter.sendMessage({ text: 'Very!', name: 'Ava' }, new AbortController().signal);
    await waitUntil(() => guest.events.length === 2);
    const last = guest.events[1] as Extract<ShowEvent, { type: 'chat' }>;
    expect(last.message.author).to.deep.equal({ id: 'u-host', name: 'Ava', role: 'host' });
    stopHost();
    stopGuest();
    await waitUntil(async () => (await connections(r)).open === 0, 'sockets left open after unsubscribe');
  });

  it('maps aws:DELETE_MESSAGE and aws:DISCONNECT_USER to chat-delete', async () => {
    const r = room();
    const mod = viewer(r, 'u-mod', 'Mo');
    const stop = mod.listen();
    await waitUntil(async () => (await connections(r)).open === 1);
    await fetch(`/__ivs/admin/${r}/delete?id=abcdef123456`, { method: 'POST' });
    await fetch(`/__ivs/admin/${r}/disconnect?user=u-troll`, { method: 'POST' });
    await waitUntil(() => mod.events.length === 2, 'events not received');
    expect(mod.events).to.deep.equal([
      { type: 'chat-delete', id: 'abcdef123456' },
      { type: 'chat-delete', authorId: 'u-troll' },
    ]);
    stop();
  });

  it('rejects with typed errors from the room: 429 rate-limited, 400 invalid; refuses empty text before sending', async () => {
    const r = room();
    const v = viewer(r, 'u-2', 'Kim');
    const stop = v.listen();
    const signal = new AbortController().signal;
    const rejected = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (error) {
        return error as VitrineError;
      }
      throw new Error('did not reject');
    };
    expect((await rejected(v.adapter.sendMessage({ text: 'spam', name: 'Kim' }, signal))).code).to.equal('chat/rate-limited');
    expect((await rejected(v.adapter.sendMessage({ text: ' ', name: 'Kim' }, signal))).code).to.equal('chat/invalid');
    expect((await rejected(v.adapter.vote('poll', 'a', signal))).code).to.equal('poll/unavailable');
    expect(await v.adapter.history(signal)).to.deep.equal([]);
    stop();
  });

  it('reconnects with a fresh token when the room closes the connection', async () => {
    const r = room();
    const v = viewer(r, 'u-3', 'Lee');
    const stop = v.listen();
    await waitUntil(async () => (await connections(r)).open === 1);
    await fetch(`/__ivs/admin/${r}/disconnect?user=u-3`, { method: 'POST' });
    await waitUntil(async () => (await connections(r)).opened === 2 && (await connections(r)).open === 1, 'not reconnected', { timeout: 8000 });
    expect(v.tokens()).to.equal(2);
    const sent = await v.adapter.sendMessage({ text: 'back', name: 'Lee' }, new AbortController().signal);
    expect(sent.text).to.equal('back');
    stop();
  });
});
