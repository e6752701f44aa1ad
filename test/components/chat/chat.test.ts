import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryInteractions, type MemoryInteractions } from '../../../src/adapters/memory/interactions.js';
import { createRestInteractions } from '../../../src/adapters/rest/interactions.js';
import { createSseEvents } from '../../../src/adapters/sse/index.js';
import '../../../src/components/chat/define.js';
import type { VitrineChat } from '../../../src/components/chat/chat.js';
import { ChatModel } from '../../../src/core/chat.js';
import { ShowStore } from '../../../src/core/store.js';
import type { ChatAuthor, ChatMessage } from '../../../src/core/types.js';
import { loadLocale } from '../../../src/core/i18n.js';

const host: ChatAuthor = { id: 'ava', name: 'Ava', role: 'host' };
const mia: ChatAuthor = { id: 'mia', name: 'Mia', role: 'viewer' };
let seq = 0;
const msg = (author: ChatAuthor, text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id: `t${++seq}`, author, text, at: 1, ...extra });
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

async function until<T>(check: () => T, what: string, timeout = 6000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function chatWith(options: { messages?: ChatMessage[]; interactions?: MemoryInteractions; attrs?: Record<string, string>; store?: ShowStore } = {}) {
  const interactions = options.interactions ?? createMemoryInteractions({ messages: options.messages ?? [] });
  const model = new ChatModel({ interactions });
  interactions.subscribe((event) => model.handleEvent(event));
  const el = await fixture<VitrineChat>(html`<vitrine-chat lang="en" .model=${model} .store=${options.store}></vitrine-chat>`);
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  await model.start();
  await frame();
  await el.updateComplete;
  const root = el.shadowRoot!;
  return {
    el,
    model,
    interactions,
    root,
    texts: () => [...root.querySelectorAll('.message .text')].map((n) => n.textContent),
    button: (name: string) => [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name),
    input: () => root.querySelector<HTMLInputElement>('input[aria-label="Message"]'),
  };
}

async function type(c: Awaited<ReturnType<typeof chatWith>>, text: string) {
  const input = c.input()!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  c.button('Send')!.click();
  await c.el.updateComplete;
}

describe('<vitrine-chat>', () => {
  it('passes axe: empty, busy with a pinned message, asking a name, overlay, read-only', async () => {
    const empty = await chatWith();
    await expect(empty.el).to.be.accessible();
    const busy = await chatWith({ messages: [msg(host, 'Welcome!'), msg(mia, 'Navy please')] });
    busy.interactions.pin(busy.interactions.messages[0]!.id);
    await frame();
    await expect(busy.el).to.be.accessible();
    await type(busy, 'hello');
    expect(busy.root.querySelector('input[name="name"]')).to.exist;
    await expect(busy.el).to.be.accessible();
    busy.el.setAttribute('layout', 'overlay');
    await busy.el.updateComplete;
    await expect(busy.el).to.be.accessible();
    busy.el.setAttribute('chat', 'read-only');
    await busy.el.updateComplete;
    await expect(busy.el).to.be.accessible();
  });

  it('renders names and texts as text (markup, links, bidi), with a host badge, in a role=log', async () => {
    const c = await chatWith({ messages: [msg(host, 'Hi'), msg({ id: 'x', name: '<img src=x>\u202eevil', role: 'viewer' }, 'see https://evil.example <script>alert(1)</script>')] });
    const log = c.root.querySelector('[role="log"]')!;
    expect(log.getAttribute('aria-label')).to.equal('Chat');
    expect(log.getAttribute('aria-live')).to.equal('off');
    expect(c.root.querySelector('img, script, a')).to.equal(null);
    expect(c.texts()).to.deep.equal(['Hi', 'see https://evil.example <script>alert(1)</script>']);
    expect(c.root.querySelector('.message.host [part="badge"]')!.textContent).to.equal('Host');
  });

  it('asks a name once on the first send, fires vitrine-chat-send, shows "Sending…" then the message', async () => {
    const c = await chatWith({ interactions: createMemoryInteractions({ latency: 150 }) });
    const sends: { text: string; name: string }[] = [];
    c.el.addEventListener('vitrine-chat-send', (e) => sends.push(e.detail));
    await type(c, 'Does it come in navy?');
    expect(sends).to.deep.equal([]);
    const name = c.root.querySelector<HTMLInputElement>('input[name="name"]')!;
    expect(c.root.activeElement).to.equal(name);
    name.value = 'Mia';
    c.button('Join the chat')!.click();
    await until(() => c.root.querySelector('.message.sending'), 'sending');
    expect(c.root.querySelector('.message.sending [part="message-state"]')!.textContent).to.equal('Sending…');
    expect(sends).to.deep.equal([{ text: 'Does it come in navy?', name: 'Mia' }]);
    await until(() => c.root.querySelector('.message.sent.own'), 'sent');
    expect(c.texts()).to.deep.equal(['Does it come in navy?']);
    // The name is not asked again.
    await type(c, 'And in red?');
    expect(c.root.querySelector('input[name="name"]')).to.equal(null);
    await until(() => c.texts().length === 2, 'second message');
  });

  it('a cancelled vitrine-chat-send sends nothing; over 500 characters is refused with the reason', async () => {
    const c = await chatWith();
    c.model.setName('Mia');
    c.el.addEventListener('vitrine-chat-send', (e) => e.preventDefault(), { once: true });
    await type(c, 'moderate me first');
    await frame();
    expect(c.interactions.messages).to.have.length(0);
    expect(c.input()!.value).to.equal('moderate me first');
    await type(c, 'x'.repeat(10_000));
    await frame();
    expect(c.root.querySelector('[part="notice"]')!.textContent).to.contain('At most 500 characters');
    expect(c.input()!.getAttribute('aria-invalid')).to.equal('true');
    expect(c.interactions.messages).to.have.length(0);
  });

  it('a failed send keeps the text with Retry, which sends it once', async () => {
    const interactions = createMemoryInteractions();
    const c = await chatWith({ interactions });
    const errors: string[] = [];
    c.el.addEventListener('vitrine-error', (e) => errors.push(e.detail.code));
    c.model.setName('Mia');
    interactions.configure({ down: true });
    await type(c, 'Shipping to Norway?');
    await until(() => c.root.querySelector('.message.failed'), 'failed');
    await frame();
    expect(c.texts()).to.deep.equal(['Shipping to Norway?']);
    expect(errors).to.deep.equal(['chat/unavailable']);
    interactions.configure({ down: false });
    c.button('Retry')!.click();
    await until(() => c.root.querySelector('.message.sent'), 'sent after retry');
    expect(interactions.messages.map((m) => m.text)).to.deep.equal(['Shipping to Norway?']);
  });

  it('rate limited: says when the shopper can write again; blocked: says they can’t write', async () => {
    const interactions = createMemoryInteractions({ rateLimit: 1, window: 30_000 });
    const c = await chatWith({ interactions });
    c.model.setName('Mia');
    await type(c, 'one');
    await type(c, 'two');
    await until(() => c.root.querySelector('[part="notice"]')?.textContent?.includes('You can write again in'), 'rate limit');
    expect(c.root.querySelector('[part="notice"]')!.textContent).to.match(/in (29|30) s/);
    interactions.configure({ blocked: true, rateLimit: Infinity });
    // Another shopper, blocked:
    const blocked = await chatWith({ interactions });
    blocked.model.setName('Mia');
    await type(blocked, 'three');
    await until(() => blocked.root.querySelector('[part="notice"]')?.textContent === 'You can’t write in this chat.', 'blocked');
    expect(blocked.input()).to.equal(null);
  });

  it('chat="off" shows only Like; chat="read-only" has no textbox; an unavailable backend says so', async () => {
    const c = await chatWith({ messages: [msg(mia, 'hi')], attrs: { chat: 'off' } });
    await c.el.updateComplete;
    expect(c.root.querySelector('[role="log"]')).to.equal(null);
    expect(c.button('Like')).to.exist;
    c.el.setAttribute('chat', 'read-only');
    await c.el.updateComplete;
    expect(c.texts()).to.deep.equal(['hi']);
    expect(c.input()).to.equal(null);
    const down = await chatWith({ interactions: createMemoryInteractions({ down: true }) });
    expect(down.root.querySelector('.center')!.textContent).to.contain('The chat is unavailable right now');
  });

  it('Like fires vitrine-reaction, counts at once, floats a heart; taps are batched into one request', async () => {
    const c = await chatWith({ interactions: createMemoryInteractions({ reactions: { heart: 41 } }) });
    const reactions: string[] = [];
    c.el.addEventListener('vitrine-reaction', (e) => reactions.push(e.detail.type));
    c.model.handleEvent({ type: 'reactions', counts: { heart: 41 } });
    c.button('Like')!.click();
    c.button('Like')!.click();
    c.button('Like')!.click();
    await frame();
    await c.el.updateComplete;
    expect(reactions).to.deep.equal(['heart', 'heart', 'heart']);
    expect(c.root.querySelector('[part="like-count"]')!.textContent!.trim()).to.equal('44');
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    expect(c.root.querySelectorAll('.heart').length).to.equal(reduced ? 0 : 3);
    await until(() => c.interactions.reactionRequests.length === 1, 'a batch');
    expect(c.interactions.reactionRequests).to.deep.equal([['heart', 3]]);
  });

  it('screen readers hear the host’s and the shopper’s own messages, not every viewer', async () => {
    const c = await chatWith();
    const live = () => c.root.querySelector('[role="status"][aria-live="polite"]')!.textContent;
    c.interactions.post(mia, 'viewer chatter');
    await frame();
    expect(live()).to.equal('');
    c.interactions.post(host, 'Navy is back in stock');
    await frame();
    await c.el.updateComplete;
    expect(live()).to.equal('Ava (host): Navy is back in stock');
  });

  it('Report sends a report; hiding an author hides their messages locally, with a way back', async () => {
    const c = await chatWith({ messages: [msg(mia, 'spam spam'), msg(host, 'Hello')] });
    c.button('More for the message from Mia')!.click();
    await c.el.updateComplete;
    c.button('Report')!.click();
    await until(() => c.interactions.reports.length === 1, 'report');
    expect(c.interactions.reports[0]![1]).to.equal('inappropriate');
    c.button('Hide messages from Mia')!.click();
    await frame();
    await c.el.updateComplete;
    expect(c.texts()).to.deep.equal(['Hello']);
    c.button('Show them again')!.click();
    await frame();
    await c.el.updateComplete;
    expect(c.texts()).to.deep.equal(['spam spam', 'Hello']);
  });

  it('arrow keys move between messages’ action buttons (one tab stop)', async () => {
    const c = await chatWith({ messages: [msg(mia, 'a'), msg(mia, 'b'), msg(mia, 'c')] });
    const buttons = () => [...c.root.querySelectorAll<HTMLButtonElement>('.more')];
    expect(buttons().map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0]);
    buttons()[2]!.focus();
    buttons()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    await until(() => c.root.activeElement === buttons()[1], 'focus moved up');
    expect(buttons().map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1]);
  });

  it('replay: follows the store’s media time, and a seek back rebuilds', async () => {
    const store = new ShowStore({ locale: 'en' });
    store.set({ status: 'ended', currentTime: 0 });
    const c = await chatWith({ store, messages: [msg(host, 'welcome', { offset: 1 }), msg(mia, 'navy?', { offset: 5 }), msg(host, 'yes', { offset: 9 })] });
    expect(c.texts()).to.deep.equal([]);
    expect(c.input()).to.equal(null);
    store.set({ currentTime: 6 });
    await frame();
    await c.el.updateComplete;
    expect(c.texts()).to.deep.equal(['welcome', 'navy?']);
    store.set({ currentTime: 2 });
    await frame();
    await c.el.updateComplete;
    expect(c.texts()).to.deep.equal(['welcome']);
  });

  it('keeps at most 200 messages in the DOM under a flood, and renders right to left in Arabic', async () => {
    await loadLocale('ar'); // a lazy chunk (src/locales/ar.ts)
    const c = await chatWith();
    for (let i = 0; i < 1000; i++) c.interactions.post(host, `flood ${i}`);
    await frame();
    await c.el.updateComplete;
    expect(c.root.querySelectorAll('.message').length).to.equal(200);
    expect(c.texts().at(-1)).to.equal('flood 999');
    c.el.locale = 'ar';
    await c.el.updateComplete;
    expect(c.root.querySelector('.frame')!.getAttribute('dir')).to.equal('rtl');
    expect(c.root.querySelector('[role="log"]')!.getAttribute('aria-label')).to.equal('الدردشة');
  });

  it('end to end against the demo backend: a sent message arrives over SSE, and the studio’s delete removes it', async () => {
    const model = new ChatModel({ interactions: createRestInteractions('/__chat/demo/shows/live/interactions', { headers: { 'x-demo-viewer': `e2e-${Date.now()}` } }) });
    const stop = createSseEvents('/__chat/demo/shows/live/events').subscribe((event) => model.handleEvent(event));
    try {
      const el = await fixture<VitrineChat>(html`<vitrine-chat lang="en" .model=${model}></vitrine-chat>`);
      await model.start();
      model.setName('Mia');
      // The live connection is up once its first event (the status snapshot) arrived.
      await until(() => model.state.connection === 'ready', 'the history');
      await new Promise((r) => setTimeout(r, 500));
      await frame();
      await el.updateComplete;
      const root = el.shadowRoot!;
      const text = `Is the beanie itchy? ${Date.now()}`;
      const input = root.querySelector<HTMLInputElement>('input[aria-label="Message"]')!;
      input.value = text;
      root.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
      const li = await until(() => root.querySelector<HTMLElement>('.message.sent.own'), 'the sent message');
      const id = li!.dataset.id!;
      const response = await fetch('/__chat/demo/studio/api/live/delete', {
        method: 'POST',
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
        body: JSON.stringify({ id }),
      });
      expect(response.status).to.equal(200);
      await until(() => !root.querySelector(`[data-id="${id}"]`), 'the deleted message to disappear');
    } finally {
      stop();
      model.dispose();
    }
  });
});
