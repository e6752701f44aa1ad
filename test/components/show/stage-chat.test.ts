/**
 * The phone stage's chat overlay moves nothing by layout (issue 19, CLS at 390 px): as messages
 * arrive the older ones go up by scrolling (not by a taller list anchored at its end), and the
 * chip, the handle and the header stay where they are, also when a moment (announcement, poll)
 * comes. Checked with the browser's own `layout-shift` entries (what CLS adds up) and the boxes.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { ShowEvent } from '../../../src/core/types.js';
import { deep, money, mountShow, product, shadow, showDoc, until } from './helpers.js';

interface Shift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const layout = (el: VitrineShow) => shadow(el, '.layout') as HTMLElement;
const onStage = (el: VitrineShow) => layout(el).matches(':popover-open');
const stageChat = (el: VitrineShow) => shadow(el, '.layout > vitrine-chat') as HTMLElement | null;
const messageTexts = (chat: HTMLElement) => [...chat.shadowRoot!.querySelectorAll('.message .text')].map((n) => n.textContent);

const chat = (i: number, text = `Message ${i}: does it come in navy?`): ShowEvent => ({
  type: 'chat',
  message: { id: `m${i}`, author: { id: `v${i}`, name: `Viewer ${i}`, role: i % 5 === 0 ? 'host' : 'viewer' }, text, at: Date.now() },
});

/** Whether `node` is the show or inside its shadow trees (a removed node counts: it was ours). */
function inShow(node: Node | null, el: VitrineShow): boolean {
  if (!node) return true;
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) if (n === el) return true;
  return !node.isConnected;
}

const describeNode = (node: Node | null) => {
  if (!(node instanceof Element)) return String(node?.nodeName ?? 'removed');
  return `${node.localName}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
};

const where = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');

const rect = (node: Element | null) => {
  const r = node!.getBoundingClientRect();
  return [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 2) / 2);
};

describe('<vitrine-show> phone stage: the chat overlay and the chip shift nothing (issue 19)', function () {
  this.timeout(60000);
  before(() => setViewport({ width: 390, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(async () => {
    for (const show of document.querySelectorAll('vitrine-show')) show.shadowRoot?.querySelector<HTMLButtonElement>('.stage-close')?.click();
    await sleep(150);
  });

  for (const aspectRatio of ['9:16', '16:9'] as const) {
    it(`${aspectRatio}: messages arriving, and then a moment, move no node of the show by layout; the chip keeps its box`, async () => {
      const products = [product('p1', { title: 'Organic cotton tee' }), product('p2', { title: 'Wool scarf', price: money('49.00'), compareAtPrice: money('69.00') }), product('p3')];
      const { el, stream } = await mountShow(showDoc({ aspectRatio, host: { name: 'Ava' }, products }), 390);
      el.store.set({ highlight: { productId: 'p1', at: 0 } });
      for (let i = 0; i < 3; i++) stream.send(chat(i));
      await until(() => shadow(el, 'vitrine-chat')?.shadowRoot?.textContent?.includes('Message 2'), 'the chat');
      const play = await until(() => deep(el, 'vitrine-player', '[part~="play-button"]'), 'Play');
      play!.click();
      await until(() => onStage(el), 'the stage opens');
      const overlay = (await until(() => stageChat(el)?.shadowRoot?.querySelector('.message'), 'the stage’s chat') && stageChat(el))!;
      await until(() => deep(el, '.pinned vitrine-product-card', '[part~="add-button"]'), 'the chip');
      await sleep(600);
      await frames();

      const chip = shadow(el, '.pinned vitrine-product-card');
      // The chip's bottom edge, left and width (its height follows its product); the rest whole.
      const chipEdge = () => rect(chip).filter((_, i) => i !== 1 && i !== 3).concat(rect(chip)[1]! + rect(chip)[3]!);
      const watched = { handle: shadow(el, '.sheet-handle'), header: shadow(el, '.header') };
      const before = { handle: rect(watched.handle), header: rect(watched.header), chip: rect(chip), chipEdge: chipEdge(), chat: rect(overlay) };
      const start = performance.now();
      const shifts: Shift[] = [];
      const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as Shift[])));
      observer.observe({ type: 'layout-shift', buffered: true });
      try {
        // A message each frame or two, some of them two lines long; more than the overlay keeps.
        for (let i = 3; i < 17; i++) {
          stream.send(chat(i, i % 3 ? `Message ${i}: does it come in navy?` : `Message ${i}: a longer one, about the sizes and whether the fabric shrinks in a warm wash.`));
          await frames(i % 2 ? 1 : 2);
          await sleep(40);
        }
        await until(() => messageTexts(overlay).some((t) => t?.startsWith('Message 16')), 'the last message shown');
        stream.send({ type: 'announcement', announcement: { id: 'a1', text: 'Live viewers: 10% off your order', code: 'LIVE10' } });
        stream.send({
          type: 'poll',
          poll: { id: 'q1', question: 'Which colour should we show next?', closed: false, options: [{ id: 'o1', text: 'Oat', votes: 3 }, { id: 'o2', text: 'Navy', votes: 1 }] },
        });
        await until(() => shadow(el, 'vitrine-poll')?.shadowRoot?.querySelector('[part="base"]'), 'the poll');
        // A flash deal on the pinned product (the chip gets taller), then a pin of a product on sale.
        const chipHeight = chip!.getBoundingClientRect().height;
        stream.send({ type: 'deal', deal: { id: 'd1', productId: 'p1', price: money('14.00'), endsAt: Date.now() + 60_000, limit: 1, remaining: 12 } });
        await until(() => deep(el, '.pinned vitrine-product-card', 'vitrine-deal-price'), 'the deal in the chip');
        await sleep(300);
        await frames();
        const lifted = chip!.getBoundingClientRect();
        expect(lifted.height, 'a taller chip with the deal').to.be.greaterThan(chipHeight);
        expect(lifted.bottom, 'the chip’s bottom where it was').to.be.closeTo(before.chipEdge[2]!, 1);
        expect(overlay.getBoundingClientRect().bottom, 'the chat rises with the chip, clear of it').to.be.at.most(lifted.top + 1);
        el.store.set({ highlight: { productId: 'p2', at: 0 } });
        await until(() => chip!.getAttribute('product-id') === 'p2', 'the new pin in the chip');
        await frames();
        for (let i = 17; i < 20; i++) {
          stream.send(chat(i));
          await frames(2);
        }
        await sleep(400);
        await frames();

        const ours = shifts
          .filter((s) => s.startTime >= start && !s.hadRecentInput)
          .filter((s) => s.sources.length === 0 || s.sources.some((source) => inShow(source.node, el)));
        const described = ours.map((s) => `${s.value.toFixed(4)}: ${s.sources.map((x) => `${describeNode(x.node)} ${where(x.previousRect)} → ${where(x.currentRect)}`).join(', ')}`);
        expect(described, 'layout-shift entries of the show’s nodes').to.deep.equal([]);
        const after = Object.fromEntries(Object.entries(watched).map(([k, node]) => [k, rect(node)]));
        expect(after, 'the handle and the header where they were').to.deep.equal({ handle: before.handle, header: before.header });
        expect(chipEdge(), 'the chip’s bottom edge where it was').to.deep.equal(before.chipEdge);
        const gap = (chat: number[], card: number[]) => card[1]! - (chat[1]! + chat[3]!);
        expect(gap(rect(overlay), rect(chip)), 'the chat right above the chip, clear of it').to.be.within(-1, gap(before.chat, before.chip) + 1);
        // The newest message shows, at the overlay's bottom, inside it.
        const last = [...overlay.shadowRoot!.querySelectorAll('.message')].at(-1)!;
        expect(last.textContent).to.include('Message 19');
        const lastBox = last.getBoundingClientRect();
        const logBox = overlay.shadowRoot!.querySelector('.log')!.getBoundingClientRect();
        expect(lastBox.bottom, 'the newest message at the bottom of the overlay').to.be.within(logBox.bottom - 16, logBox.bottom + 0.5);
        expect(lastBox.bottom).to.be.at.most(rect(chip)[1]);
      } finally {
        observer.disconnect();
      }
    });
  }
});
