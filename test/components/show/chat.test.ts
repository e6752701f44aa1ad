// The chat inside <vitrine-show> (README.md, "Chat and reactions"): against the demo backend's
// interactions (test/servers/interactions.mjs) over real HTTP and SSE, and an in-page stream for
// watch-only shows. The first test must stay first: it checks that the chat's chunk is not loaded.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { VitrineChat } from '../../../src/components/chat/chat.js';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { ChatMessage } from '../../../src/core/types.js';
import { memoryStream, mountShow, record, shadow, showDoc, until } from './helpers.js';

const DEMO = '/__chat/demo';
const chatChunkRequested = () => performance.getEntriesByType('resource').some((r) => /components\/chat\/(define|chat)\.[jt]s|core\/(session-)?chat\.[jt]s|show\.chat-part/.test(r.name));

async function showOf(src: string, attrs: Record<string, string> = {}, width = 1000) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.style.setProperty('width', `${width}px`);
  const el = document.createElement('vitrine-show') as VitrineShow;
  const log = record(el);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.setAttribute('src', src);
  el.setAttribute('lang', 'en');
  wrapper.append(el);
  await until(() => el.state.show, 'the show loaded');
  return { el, log, wrapper };
}

const chatOf = async (el: VitrineShow) => (await until(() => shadow(el, 'vitrine-chat') as VitrineChat | null, 'the chat in the show'))!;
const texts = (chat: VitrineChat) => [...chat.shadowRoot!.querySelectorAll('.message .text')].map((n) => n.textContent);
const inChat = (chat: VitrineChat, selector: string) => chat.shadowRoot!.querySelector(selector);
function chatButton(chat: VitrineChat, name: string) {
  return [...chat.shadowRoot!.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name);
}

async function studio(action: string, body: unknown) {
  const response = await fetch(`${DEMO}/studio/api/live/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-token' },
    body: JSON.stringify(body),
  });
  expect(response.status, `studio ${action}`).to.equal(200);
}

const viewerMessage = (id: string, text: string): ChatMessage => ({ id, author: { id: `a-${id}`, name: 'Mia', role: 'viewer' }, text, at: Date.now() });

describe('<vitrine-show> chat', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('a show without an interactions URL and without chat events loads no chat code and renders no chat', async () => {
    const { el } = await mountShow(showDoc());
    await new Promise((r) => setTimeout(r, 300));
    expect(customElements.get('vitrine-chat')).to.equal(undefined);
    expect(chatChunkRequested()).to.equal(false);
    expect(shadow(el, 'vitrine-chat')).to.equal(null);
    expect(shadow(el, '.layout')!.classList.contains('has-chat')).to.equal(false);
  });

  it('a watch-only show: the first chat event brings a read-only chat (no composer), then deletes and pins reach it', async () => {
    const { el, stream, log } = await mountShow(showDoc());
    stream.send({ type: 'chat', message: viewerMessage('w1', 'Does it come in navy?') });
    const chat = await chatOf(el);
    await until(() => texts(chat).includes('Does it come in navy?'), 'the message shown');
    expect(inChat(chat, 'input[aria-label="Message"]')).to.equal(null);
    stream.send({ type: 'chat', message: viewerMessage('w2', 'Love it') });
    await until(() => texts(chat).includes('Love it'), 'the second message');
    stream.send({ type: 'chat-delete', id: 'w1' });
    await until(() => !texts(chat).includes('Does it come in navy?'), 'the deleted message gone');
    expect(texts(chat)).to.deep.equal(['Love it']);
    expect(log.of('error')).to.deep.equal([]);
  });

  it('with an interactions URL: the chat is a panel under the pinned product on a wide show, loads the history, sends a message and sees it confirmed', async () => {
    await studio('say', { text: `Welcome to the show ${Date.now()}` });
    const { el, log } = await showOf(`${DEMO}/shows/live`, {}, 1000);
    const chat = await chatOf(el);
    expect(chat.layout).to.equal('panel');
    await until(() => shadow(el, '.layout.has-chat'), 'the wide layout with a chat');
    await until(() => texts(chat).some((t) => t?.startsWith('Welcome to the show')), 'the history');
    // Beside the video, under the pinned product, within the video's height.
    const stage = shadow(el, '.stage-slot')!.getBoundingClientRect();
    const pinned = shadow(el, '.pinned')!.getBoundingClientRect();
    const box = chat.getBoundingClientRect();
    expect(box.left).to.be.at.least(stage.right);
    expect(box.top).to.be.at.least(pinned.bottom);
    expect(box.bottom).to.be.at.most(stage.bottom + 1);
    expect(box.height).to.be.greaterThan(40);

    const text = `Does the beanie come in navy? ${Date.now()}`;
    const input = (await until(() => inChat(chat, 'input[aria-label="Message"]') as HTMLInputElement | null, 'the composer'))!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    chatButton(chat, 'Send')!.click();
    const name = (await until(() => inChat(chat, 'input[name="name"]') as HTMLInputElement | null, 'the name asked'))!;
    name.value = 'Noor';
    name.form!.requestSubmit();
    await until(() => chat.shadowRoot!.querySelector('.message.own.sent .text')?.textContent === text, 'the message confirmed');
    expect(texts(chat).filter((t) => t === text)).to.have.length(1);
    // Without consent, the name is not stored.
    expect(sessionStorage.length).to.equal(0);
    expect(log.of('error')).to.deep.equal([]);

    // The studio deletes it: it disappears (SSE chat-delete).
    const id = (chat.shadowRoot!.querySelector('.message.own.sent') as HTMLElement).dataset.id!;
    await studio('delete', { id });
    await until(() => !texts(chat).includes(text), 'the deleted message gone');
  });

  it('chat="read-only" shows messages without a composer; chat="off" keeps only the Like button; removing it brings the composer back', async () => {
    const { el } = await showOf(`${DEMO}/shows/live`, { chat: 'read-only' });
    const chat = await chatOf(el);
    await until(() => chat.model?.state.connection === 'ready', 'the history loaded');
    await chat.updateComplete;
    expect(chat.getAttribute('chat')).to.equal('read-only');
    expect(inChat(chat, '[role="log"]')).to.exist;
    expect(inChat(chat, 'input[aria-label="Message"]')).to.equal(null);

    el.setAttribute('chat', 'off');
    await el.updateComplete;
    await chat.updateComplete;
    expect(inChat(chat, '[role="log"]')).to.equal(null);
    expect(inChat(chat, 'input')).to.equal(null);
    expect(chatButton(chat, 'Like')!.getBoundingClientRect().height, 'Like still shows').to.be.greaterThan(20);

    el.removeAttribute('chat');
    await el.updateComplete;
    await until(() => inChat(chat, 'input[aria-label="Message"]'), 'the composer back');
  });

  it('on a phone the chat is translucent messages over the lower part of the video, clear of the Play button', async () => {
    const { el } = await showOf(`${DEMO}/shows/live`, { 'aspect-ratio': '9:16' }, 390);
    const chat = await chatOf(el);
    await until(() => chat.layout === 'overlay', 'the overlay layout');
    expect(shadow(el, '.layout')!.classList.contains('has-chat')).to.equal(false);
    const stage = shadow(el, '.stage-slot')!.getBoundingClientRect();
    const box = chat.getBoundingClientRect();
    expect(chat.parentElement).to.equal(shadow(el, '.stage-slot'));
    expect(box.top).to.be.greaterThan(stage.top + stage.height / 2 + 36);
    expect(box.bottom).to.be.at.most(stage.bottom);
    const pinned = shadow(el, '.pinned')!.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(pinned.top);
  });

  it('a chat backend that is down: the show still works, the chat says so, one recoverable error', async () => {
    const doc = showDoc({ interactions: `${location.origin}/__chat/down/shows/live/interactions` });
    const { el, log } = await mountShow(doc);
    const chat = await chatOf(el);
    await until(() => chat.model?.state.connection === 'unavailable', 'the chat unavailable');
    await until(() => log.of('error').length > 0, 'the error');
    await new Promise((r) => setTimeout(r, 200));
    expect(log.of('error').map((e) => e.detail.code)).to.deep.equal(['chat/unavailable']);
    expect(log.of('error')[0]!.detail.recoverable).to.equal(true);
    expect(el.state.products.length).to.equal(3);
  });

  it('another show gets another chat: the first one’s model is let go with its show', async () => {
    const { el } = await showOf(`${DEMO}/shows/live`);
    const first = (await chatOf(el)).model!;
    el.setAttribute('src', `${DEMO}/shows/replay`);
    const next = (await until(() => {
      const model = (shadow(el, 'vitrine-chat') as VitrineChat | null)?.model;
      return model && model !== first ? model : null;
    }, 'the replay’s chat'))!;
    await until(() => next.state.replay, 'the replay chat');
    expect(first.state.replay).to.equal(false);
  });
});
