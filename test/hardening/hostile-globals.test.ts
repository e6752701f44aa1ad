/**
 * Host pages that replaced platform functions before the widget loads (issue 13), with the built
 * storefront bundle (dist/cdn/vitrine.js): wrappers as analytics and A/B scripts install them
 * (the widget works), and broken versions (the widget fails with a clear `vitrine-error`, and
 * the page keeps working: its own script still runs after ours, and nothing of ours reaches
 * `window.onerror` or `unhandledrejection`).
 */
import { expect } from '@open-wc/testing';
import { deepAll, scenario, until } from './harness.js';

type FrameWindow = Window & typeof globalThis & { __hostErrors: string[]; __hostAlive?: boolean };

const WRAPPERS = `
  const f = window.fetch; window.fetch = function (...a) { window.__fetches = (window.__fetches || 0) + 1; return f.apply(this, a); };
  const p = JSON.parse; JSON.parse = function (t, r) { return p.call(this, t, r); };
  const m = Array.prototype.map; Array.prototype.map = function (...a) { return m.apply(this, a); };
  const s = Element.prototype.attachShadow; Element.prototype.attachShadow = function (init) { return s.call(this, init); };
`;

const BROKEN: Record<string, string> = {
  fetch: `window.fetch = () => Promise.reject(new TypeError('fetch is blocked by the host'));`,
  'JSON.parse': `JSON.parse = () => { throw new SyntaxError('JSON.parse replaced by the host'); };`,
  'Element.prototype.attachShadow': `Element.prototype.attachShadow = function () { throw new Error('attachShadow disabled by the host'); };`,
};

async function page(setup: string, src: string, cart = ''): Promise<{ frame: HTMLIFrameElement; win: FrameWindow; el: HTMLElement & { state: { show: unknown; cart: { lines: unknown[] } | null } } }> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '900';
  // The host's own script runs first (it replaces the functions), then ours, then the host's again.
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.__vitrineErrors = []; document.addEventListener('vitrine-error', (e) => __vitrineErrors.push(e.detail)); window.__hostErrors = []; addEventListener('error', (e) => __hostErrors.push(String(e.message))); addEventListener('unhandledrejection', (e) => __hostErrors.push('rejection: ' + String(e.reason && e.reason.message || e.reason)));
${setup}</script>
<script type="module" src="/dist/cdn/vitrine.js"></script>
</head><body><vitrine-show locale="en" src="${src}"${cart ? ` cart="${cart}"` : ''}></vitrine-show>
<script type="module">setTimeout(() => { window.__hostAlive = true; }, 0);</script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  return { frame, win, el: win.document.querySelector('vitrine-show') as never };
}

const vitrineErrors = (win: FrameWindow) => (win as unknown as { __vitrineErrors: { code: string }[] }).__vitrineErrors;

describe('hardening: host pages that replaced platform functions', function () {
  this.timeout(60_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
    sessionStorage.clear();
  });

  it('wrappers of fetch, JSON.parse, Array.prototype.map and attachShadow (analytics, A/B tests): the widget works', async () => {
    const s = await scenario({ show: { base: 'replay' } });
    const { frame, win, el } = await page(WRAPPERS, s.show, s.cart);
    frames.push(frame);
    await until(() => win.customElements.get('vitrine-show') && el.state?.show, 'the show did not load through the wrappers', 15_000);
    (el as unknown as { openProduct(id: string): void }).openProduct('p11');
    const detail = el.shadowRoot!.querySelector('vitrine-product-detail')!;
    const add = () => deepAll(detail).find((b) => b.tagName === 'BUTTON' && /^Add to cart/.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim())) as HTMLButtonElement | undefined;
    await until(() => add() && !add()!.disabled, 'no Add to cart');
    add()!.click();
    await until(() => el.state.cart?.lines.length === 1, 'add through the wrapped fetch failed', 10_000);
    expect((win as unknown as { __fetches: number }).__fetches, 'requests went through the page’s fetch').to.be.greaterThan(0);
    expect(win.__hostErrors).to.deep.equal([]);
    expect(win.__hostAlive).to.equal(true);
  });

  for (const [name, setup] of Object.entries(BROKEN)) {
    it(`a broken ${name}: the widget works or says why with a vitrine-error, and the page keeps working`, async () => {
      const s = await scenario({ show: { base: 'live' }, events: { connections: [[{ event: 'viewers', data: { count: 7 } }]] } });
      const { frame, win, el } = await page(setup, s.show);
      frames.push(frame);
      await until(() => win.__hostAlive, 'the page’s own script after ours did not run', 10_000);
      await until(() => el.state?.show || vitrineErrors(win).length > 0, 'neither loaded nor a vitrine-error', 8_000).catch(() => {});
      await new Promise((r) => setTimeout(r, 1_500));
      const ours = win.__hostErrors;
      console.log(`[hardening] broken ${name}: show ${el.state?.show ? 'loaded' : 'not loaded'}, vitrine-error ${JSON.stringify(vitrineErrors(win).map((e) => e.code))}, page errors ${JSON.stringify(ours)}, defined ${Boolean(win.customElements.get('vitrine-show'))}, shadow ${Boolean(el.shadowRoot)}, state ${Boolean(el.state)}`);
      expect(ours, 'errors of the widget reached the page').to.deep.equal([]);
      if (!el.state?.show) expect(vitrineErrors(win).length, 'failed without a vitrine-error').to.be.greaterThan(0);
      // Without a shadow root nothing is rendered into the page, and the page is told why.
      if (name === 'Element.prototype.attachShadow') {
        expect(vitrineErrors(win).map((e) => e.code)).to.include('internal');
        expect(el.children.length + (el.shadowRoot ? 1 : 0), 'rendered into the page').to.equal(0);
      }
    });
  }
});
