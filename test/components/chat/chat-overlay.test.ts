/**
 * The chat overlay (`layout="overlay"`, phones) moves its messages by scrolling and transforms,
 * never by layout (issue 19): the newest message at the bottom, the older ones in place in the
 * list as others come and the oldest leave (no `layout-shift` entry), a shopper who scrolled up left
 * there, the fade-in only without reduced motion, and the messages at the start side in RTL.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createMemoryInteractions } from '../../../src/adapters/memory/interactions.js';
import '../../../src/components/chat/define.js';
import type { VitrineChat } from '../../../src/components/chat/chat.js';
import { ChatModel } from '../../../src/core/chat.js';
import type { ChatAuthor } from '../../../src/core/types.js';

const viewer = (i: number): ChatAuthor => ({ id: `v${i}`, name: `Viewer ${i}`, role: 'viewer' });
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

async function overlay(lang = 'en') {
  const interactions = createMemoryInteractions({ messages: [] });
  // No flood control here: every message posted comes (the oldest leave the overlay's 24).
  const model = new ChatModel({ interactions, rate: 1000 });
  interactions.subscribe((event) => model.handleEvent(event));
  const box = await fixture<HTMLDivElement>(html`<div style="position: relative; width: 360px; height: 300px; background: #333">
    <vitrine-chat layout="overlay" chat="read-only" lang=${lang} locale=${lang} .model=${model}></vitrine-chat>
  </div>`);
  const el = box.querySelector('vitrine-chat') as VitrineChat;
  await model.start();
  await el.updateComplete;
  const log = el.shadowRoot!.querySelector<HTMLElement>('.log')!;
  const messages = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.message')];
  const post = async (i: number, text = `Message ${i}: does it come in navy?`) => {
    interactions.post(viewer(i), text);
    await frames();
    await el.updateComplete;
  };
  return { el, log, messages, post, interactions };
}

describe('<vitrine-chat layout="overlay">', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('keeps the newest message at the bottom with no layout shift; a shopper who scrolled up stays there until back at the end', async () => {
    const { log, messages, post } = await overlay();
    const shifts: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift' });
    try {
      for (let i = 0; i < 30; i++) await post(i, i % 4 ? undefined : `Message ${i}: a longer one, about the sizes and whether the fabric shrinks in a warm wash.`);
      await new Promise((r) => setTimeout(r, 300));
      await frames();
      const bottom = () => messages().at(-1)!.getBoundingClientRect().bottom;
      expect(messages().at(-1)!.textContent).to.include('Message 29');
      expect(messages().length, 'a few kept beyond those in view').to.equal(24);
      expect(messages()[0]!.getBoundingClientRect().bottom, 'the oldest leaves from above the view').to.be.lessThan(log.getBoundingClientRect().top);
      expect(bottom(), 'the newest at the bottom').to.be.within(log.getBoundingClientRect().bottom - 16, log.getBoundingClientRect().bottom + 0.5);
      expect(shifts.map((s) => (s as PerformanceEntry & { value: number }).value), 'layout-shift entries as messages come').to.deep.equal([]);
      // The shopper scrolls up: new messages do not take them back down.
      log.dispatchEvent(new WheelEvent('wheel', { deltaY: -120 }));
      log.scrollTop -= 120;
      await frames();
      const reading = messages()[12]!;
      const where = reading.getBoundingClientRect().top;
      await post(30);
      await post(31);
      expect(reading.getBoundingClientRect().top, 'what they read stays where it is').to.be.closeTo(where, 1);
      expect(bottom(), 'the newest below the view').to.be.greaterThan(log.getBoundingClientRect().bottom);
      // Back at the end: following again.
      log.scrollTop = log.scrollHeight;
      await frames();
      await post(32);
      await new Promise((r) => setTimeout(r, 300));
      expect(messages().at(-1)!.textContent).to.include('Message 32');
      expect(bottom()).to.be.within(log.getBoundingClientRect().bottom - 16, log.getBoundingClientRect().bottom + 0.5);
    } finally {
      observer.disconnect();
    }
  });

  it('a message deleted in view keeps its place, hidden, until it leaves with the oldest: the others do not move', async () => {
    const { log, messages, post, interactions, el } = await overlay();
    for (let i = 0; i < 8; i++) await post(i);
    await new Promise((r) => setTimeout(r, 300));
    const spam = messages().at(-3)!;
    const id = spam.dataset.id!;
    const newer = messages().slice(-2);
    const where = newer.map((m) => m.getBoundingClientRect().top);
    const shifts: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift' });
    try {
      interactions.remove({ id });
      await frames();
      await el.updateComplete;
      await frames();
      const kept = el.shadowRoot!.querySelector<HTMLElement>(`.message[data-id="${id}"]`)!;
      expect(kept, 'kept in its place').to.exist;
      expect(getComputedStyle(kept).visibility).to.equal('hidden');
      expect(kept.getAttribute('aria-hidden')).to.equal('true');
      expect(newer.map((m) => m.getBoundingClientRect().top), 'the newer ones stay').to.deep.equal(where);
      expect(shifts.map((s) => (s as PerformanceEntry & { value: number }).value), 'no layout shift').to.deep.equal([]);
      // It leaves with the oldest, above the part in view.
      for (let i = 8; i < 40; i++) await post(i);
      expect(el.shadowRoot!.querySelector(`.message[data-id="${id}"]`)).to.equal(null);
      expect(messages().length).to.equal(24);
      expect(messages().at(-1)!.getBoundingClientRect().bottom).to.be.within(log.getBoundingClientRect().bottom - 16, log.getBoundingClientRect().bottom + 0.5);
    } finally {
      observer.disconnect();
    }
  });

  it('the oldest leaving leaves its room: the others keep their place in the log (they move by scrolling only)', async () => {
    const { log, messages, post } = await overlay();
    for (let i = 0; i < 24; i++) await post(i, i % 3 ? undefined : `Message ${i}: a longer one, about the sizes and whether the fabric shrinks in a warm wash.`);
    const newest = messages().at(-1)!;
    const list = log.querySelector('.messages')!;
    const place = () => newest.getBoundingClientRect().top - list.getBoundingClientRect().top;
    const offset = place();
    for (let i = 24; i < 30; i++) {
      await post(i);
      expect(messages().length).to.equal(24);
      expect(place(), `its place in the log after message ${i}`).to.be.closeTo(offset, 0.01);
    }
    expect(messages().at(-1)!.getBoundingClientRect().bottom).to.be.within(log.getBoundingClientRect().bottom - 16, log.getBoundingClientRect().bottom + 0.5);
  });

  it('fades a new message in, except with reduced motion', async () => {
    const moving = await overlay();
    for (let i = 0; i < 12; i++) await moving.post(i);
    await new Promise((r) => setTimeout(r, 300));
    await moving.post(12);
    const animations = moving.log.getAnimations({ subtree: true });
    expect(animations.length, 'the fade-in').to.be.greaterThan(0);
    await new Promise((r) => setTimeout(r, 300));

    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await overlay();
    for (let i = 0; i < 12; i++) await still.post(i);
    await still.post(12);
    expect(still.log.getAnimations({ subtree: true }), 'no animation').to.deep.equal([]);
    expect(still.messages().at(-1)!.getBoundingClientRect().bottom).to.be.within(still.log.getBoundingClientRect().bottom - 16, still.log.getBoundingClientRect().bottom + 0.5);
  });

  it('the first Like count does not make the composer row taller, nor move the Send button', async () => {
    const interactions = createMemoryInteractions({ messages: [] });
    const model = new ChatModel({ interactions });
    interactions.subscribe((event) => model.handleEvent(event));
    const el = await fixture<VitrineChat>(html`<vitrine-chat lang="en" .model=${model}></vitrine-chat>`);
    await model.start();
    await frames();
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('form.bar')!;
    const height = bar.getBoundingClientRect().height;
    const send = () => el.shadowRoot!.querySelector('form.bar button[type="submit"]')!.getBoundingClientRect();
    const before = send();
    model.handleEvent({ type: 'reactions', counts: { heart: 18427 } });
    await frames();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="like-count"]')!.textContent!.trim()).to.equal('18,427');
    expect(bar.getBoundingClientRect().height).to.equal(height);
    expect([send().left, send().width], 'the Send button stays put').to.deep.equal([before.left, before.width]);
  });

  it('right to left: the messages at the start (right) side; the log stays a labelled log', async () => {
    const { el, log, messages, post } = await overlay('ar');
    for (let i = 0; i < 3; i++) await post(i, 'مرحبا');
    const right = log.getBoundingClientRect().right;
    for (const message of messages()) expect(message.getBoundingClientRect().right).to.be.closeTo(right - 8, 2);
    expect(log.getAttribute('role')).to.equal('log');
    expect(log.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
    await expect(el).to.be.accessible();
  });
});
