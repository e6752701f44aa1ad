/**
 * dist/cdn/vitrine.css (src/components/show/show.reserve.css): before vitrine.js has run, a
 * `<vitrine-show>` already has the height the defined show will have, at any width (the phone,
 * stacked and wide layouts and their breakpoints), for a 16:9 and a 9:16 show, and with the show's
 * custom properties set by the page. Each page is an iframe: one with the stylesheet alone (the
 * element stays undefined), one with the stylesheet and the loader.
 */
import { expect } from '@open-wc/testing';

const frames: HTMLIFrameElement[] = [];

/** What a show looked like when it was defined, before its first render (the loader's pages only). */
let atDefinition: { pending: boolean; rendered: boolean; height: number } | undefined;

async function showHeight(width: number, attrs: string, style: string, withScript: boolean): Promise<number> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1400px; height: 900px; border: 0';
  const script = withScript ? '<script type="module" src="/dist/cdn/vitrine.js"></script>' : '';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/dist/cdn/vitrine.css">${script}<style>${style}</style></head><body style="margin:0"><div style="width:${width}px"><vitrine-show ${attrs}></vitrine-show></div></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const el = win.document.querySelector('vitrine-show')!;
  if (withScript) {
    await win.customElements.whenDefined('vitrine-show');
    // Still in the task that defined it: the first render is to come, in a task of its own.
    atDefinition = {
      pending: el.matches(':state(pending)'),
      rendered: Boolean(el.shadowRoot?.querySelector('.layout')),
      height: el.getBoundingClientRect().height,
    };
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // The layout classes (phone, stacked) follow a ResizeObserver: a few frames.
    for (let i = 0; i < 6; i++) await new Promise((r) => win.requestAnimationFrame(r));
  } else {
    expect(win.customElements.get('vitrine-show'), 'no script: undefined').to.equal(undefined);
  }
  return el.getBoundingClientRect().height;
}

describe('dist/cdn/vitrine.css reserves the show’s height before vitrine.js runs', () => {
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
  });

  const cases: [number, string, string][] = [
    [320, '', ''],
    [390, '', ''],
    [390, 'aspect-ratio="9:16"', ''],
    [479, '', ''],
    [480, '', ''],
    [690, '', ''],
    [690, 'aspect-ratio="9:16"', ''],
    [759, '', ''],
    [760, '', ''],
    [1000, '', ''],
    [1342, '', ''],
    [1366, '', ''],
    [390, '', 'vitrine-show { --vitrine-show-rail-height: 420px; --vitrine-space: 10px }'],
    [1000, '', 'vitrine-show { --vitrine-show-rail-height: 420px; --vitrine-show-pinned-height: 120px }'],
  ];
  for (const [width, attrs, style] of cases) {
    it(`${width}px ${attrs || '16:9'}${style ? ` with ${style}` : ''}: the reserved height is the show’s`, async () => {
      const reserved = await showHeight(width, attrs, style, false);
      const real = await showHeight(width, attrs, style, true);
      expect(reserved, 'a box is reserved').to.be.greaterThan(300);
      expect(reserved).to.be.closeTo(real, 0.5);
    });
  }

  for (const [width, attrs] of [[390, ''], [390, 'aspect-ratio="9:16"'], [690, ''], [1366, '']] as [number, string][]) {
    it(`${width}px ${attrs || '16:9'}: a defined show whose first render is pending keeps the reserved height`, async () => {
      const reserved = await showHeight(width, attrs, '', false);
      atDefinition = undefined;
      const real = await showHeight(width, attrs, '', true);
      expect(atDefinition, 'seen when defined').to.not.equal(undefined);
      expect(atDefinition!.rendered, 'nothing rendered in the task that defined it').to.equal(false);
      expect(atDefinition!.pending, ':state(pending) until the first render').to.equal(true);
      expect(atDefinition!.height).to.be.closeTo(reserved, 0.5);
      expect(real).to.be.closeTo(reserved, 0.5);
    });
  }
});
