/** Helpers for `<vitrine-show>` tests: an in-page stream adapter whose live events the test sends. */
import { fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { VitrineShow } from '../../../src/components/show/show.js';
import type { Product, Show, ShowEvent, ShowEventListener, StreamAdapter } from '../../../src/core/types.js';

export { until } from '../../adapters/helpers.js';

export const money = (amount: string) => ({ amount, currencyCode: 'EUR' });

export const product = (id: string, extra: Partial<Product> = {}): Product => ({
  id,
  title: `Product ${id}`,
  url: `https://shop.example/${id}`,
  price: money('29.00'),
  available: true,
  options: [],
  variants: [{ id, title: 'Default', options: {}, price: money('29.00'), available: true }],
  ...extra,
});

export const showDoc = (extra: Partial<Show> = {}): Show => ({
  id: 'show-1',
  title: 'Winter drop',
  status: 'live',
  host: { name: 'Ava' },
  stream: { src: '/__player/hls/vod.m3u8', type: 'application/x-mpegURL' },
  products: [product('p1'), product('p2', { title: 'Wool scarf', price: money('49.00') }), product('p3')],
  chapters: [],
  ...extra,
});

/** A StreamAdapter held in the page: `send()` delivers a live event to the show. */
export function memoryStream(doc: Show) {
  let listener: ShowEventListener | undefined;
  const adapter: StreamAdapter & { loads: number; doc: Show; send(event: ShowEvent): void; subscribed(): boolean } = {
    loads: 0,
    doc,
    async loadShow() {
      adapter.loads += 1;
      return structuredClone(adapter.doc);
    },
    subscribe(_show, l) {
      listener = l;
      return () => {
        if (listener === l) listener = undefined;
      };
    },
    send(event) {
      listener?.(event);
    },
    subscribed: () => Boolean(listener),
  };
  return adapter;
}

/** Every `vitrine-*` event dispatched on `target`, in order. */
export function record(target: EventTarget) {
  const names = ['ready', 'status', 'highlight', 'product-view', 'add-to-cart', 'cart-change', 'checkout', 'error'];
  const events: CustomEvent[] = [];
  for (const name of names) target.addEventListener(`vitrine-${name}`, (e) => events.push(e as CustomEvent));
  return { events, of: (name: string) => events.filter((e) => e.type === `vitrine-${name}`) };
}

/** A `<vitrine-show>` of `width` px fed by a memory stream adapter, after its first load. */
export async function mountShow(doc = showDoc(), width = 1000) {
  const stream = memoryStream(doc);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.style.setProperty('width', `${width}px`);
  const el = document.createElement('vitrine-show') as VitrineShow;
  const log = record(el);
  el.stream = stream;
  wrapper.append(el);
  const { until } = await import('../../adapters/helpers.js');
  await until(() => el.state.show, 'the show loaded');
  await el.updateComplete;
  return { el, stream, log, wrapper };
}

export const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);

export const box = (el: Element) => el.getBoundingClientRect();

/** The element at the end of a path of selectors, each in the previous one's shadow root. */
export const deep = (root: Element | null, ...selectors: string[]): HTMLElement | null => {
  let node: Element | null = root;
  for (const selector of selectors) node = node?.shadowRoot?.querySelector(selector) ?? null;
  return node as HTMLElement | null;
};

/** The innermost element at a viewport point, through open shadow roots (what a tap reaches); an icon inside a button is the button. */
export function hitAt(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner.getRootNode() !== hit.shadowRoot) break;
    hit = inner;
  }
  return hit?.closest('button') ?? hit;
}

/** True when two visible rectangles overlap by more than half a pixel. */
export const overlap = (a: DOMRect, b: DOMRect) =>
  a.width > 0 && b.width > 0 && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Resolves when the show's running animations (a toast fading in, a moment sliding in) are done: contrast is checked on what is shown, not halfway through a fade. */
export async function animationsDone(el: Element): Promise<void> {
  await Promise.all((el.shadowRoot?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)));
}
