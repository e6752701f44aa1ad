/**
 * Host pages that replaced platform functions (issue 13), with the built storefront loader
 * (dist/cdn/vitrine.js): `window.fetch`, `JSON.parse`, `Array.prototype.map` and
 * `Element.prototype.attachShadow`, each replaced
 * - by a wrapper that delegates (as analytics and A/B scripts do): the widget works (the show
 *   renders, Add to cart adds);
 * - by a broken version that throws: the widget works or says why with a `vitrine-error`, and the
 *   page keeps working (its own script still runs after ours, and nothing of ours reaches
 *   `window.onerror` or `unhandledrejection`);
 * and each at three moments: before our script loads, after it loaded but before any element's
 * code was fetched, and after the elements were defined but before the show is created.
 */
import { expect } from '@open-wc/testing';
import { deepAll, scenario, until } from './harness.js';

type FrameWindow = Window & typeof globalThis & { __hostErrors: string[]; __hostAlive?: boolean; __calls?: number };
type ShowEl = HTMLElement & { state?: { show: unknown; cart: { lines: unknown[] } | null }; openProduct?(id: string): void };

/** Each global: a wrapper that delegates (and counts its calls), and a version that throws. */
const GLOBALS: Record<string, { wrap: string; broken: string }> = {
  fetch: {
    wrap: `const f = window.fetch; window.fetch = function (...a) { window.__calls = (window.__calls || 0) + 1; return f.apply(this, a); };`,
    broken: `window.fetch = () => Promise.reject(new TypeError('fetch is blocked by the host'));`,
  },
  'JSON.parse': {
    wrap: `const p = JSON.parse; JSON.parse = function (t, r) { window.__calls = (window.__calls || 0) + 1; return p.call(this, t, r); };`,
    broken: `JSON.parse = () => { throw new SyntaxError('JSON.parse replaced by the host'); };`,
  },
  'Array.prototype.map': {
    wrap: `const m = Array.prototype.map; Array.prototype.map = function (...a) { window.__calls = (window.__calls || 0) + 1; return m.apply(this, a); };`,
    broken: `Array.prototype.map = function () { throw new TypeError('Array.prototype.map replaced by the host'); };`,
  },
  'Element.prototype.attachShadow': {
    wrap: `const s = Element.prototype.attachShadow; Element.prototype.attachShadow = function (init) { window.__calls = (window.__calls || 0) + 1; return s.call(this, init); };`,
    broken: `Element.prototype.attachShadow = function () { throw new Error('attachShadow disabled by the host'); };`,
  },
};

/** When the host page replaces the function. */
type Moment = 'before our script' | 'after our script, before the elements’ code' | 'after the elements are defined';
const MOMENTS: Moment[] = ['before our script', 'after our script, before the elements’ code', 'after the elements are defined'];

async function page(setup: string, moment: Moment, src: string, cart = ''): Promise<{ frame: HTMLIFrameElement; win: FrameWindow; el: () => ShowEl | null }> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '900';
  const attrs = `el.setAttribute('locale', 'en'); el.setAttribute('src', ${JSON.stringify(src)}); ${cart ? `el.setAttribute('cart', ${JSON.stringify(cart)});` : ''}`;
  // Module scripts run in order: the host's first one (before ours), ours, then the host's again.
  const host =
    moment === 'before our script'
      ? `const el = document.createElement('vitrine-show'); ${attrs} document.body.append(el);`
      : moment === 'after our script, before the elements’ code'
        ? `${setup}\nconst el = document.createElement('vitrine-show'); ${attrs} document.body.append(el);`
        : `document.createElement('vitrine-cart'); await customElements.whenDefined('vitrine-show');
${setup}\nconst el = document.createElement('vitrine-show'); ${attrs} document.body.append(el);`;
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.__vitrineErrors = []; document.addEventListener('vitrine-error', (e) => __vitrineErrors.push(e.detail)); window.__hostErrors = []; addEventListener('error', (e) => __hostErrors.push(String(e.message) + ' ' + (e.error && e.error.stack))); addEventListener('unhandledrejection', (e) => __hostErrors.push('rejection: ' + String(e.reason && e.reason.message || e.reason)));
${moment === 'before our script' ? setup : ''}</script>
<script type="module" src="/dist/cdn/vitrine.js"></script>
</head><body>
<script type="module">${host}
setTimeout(() => { window.__hostAlive = true; }, 0);</script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  return { frame, win, el: () => win.document.querySelector('vitrine-show') };
}

/** The page's records, as arrays of this realm (the frame's own arrays have the page's `map`). */
const vitrineErrors = (win: FrameWindow): { code: string; message: string }[] => Array.from((win as unknown as { __vitrineErrors: { code: string; message: string }[] }).__vitrineErrors);
const hostErrors = (win: FrameWindow): string[] => Array.from(win.__hostErrors);

/** The show's state, or undefined when reading it throws (a show whose construction failed). */
function stateOf(show: ShowEl | null): ShowEl['state'] {
  try {
    return show?.state;
  } catch {
    return undefined;
  }
}

describe('hardening: host pages that replaced platform functions', function () {
  this.timeout(60_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
    sessionStorage.clear();
  });

  for (const [name, { wrap }] of Object.entries(GLOBALS)) {
    for (const moment of MOMENTS) {
      it(`a wrapped ${name} (${moment}): the show renders and Add to cart works`, async () => {
        const s = await scenario({ show: { base: 'replay' } });
        const { frame, win, el } = await page(wrap, moment, s.show, s.cart);
        frames.push(frame);
        await until(() => el()?.state?.show, 'the show did not load through the wrapper', 15_000);
        const show = el()!;
        await until(() => deepAll(show.shadowRoot!).some((n) => n.tagName === 'VITRINE-PRODUCT-CARD'), 'the rail did not render');
        show.openProduct!('p11');
        const detail = show.shadowRoot!.querySelector('vitrine-product-detail')!;
        const add = () => deepAll(detail).find((b) => b.tagName === 'BUTTON' && /^Add to cart/.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim())) as HTMLButtonElement | undefined;
        await until(() => add() && !add()!.disabled, 'no Add to cart');
        add()!.click();
        await until(() => show.state!.cart?.lines.length === 1, 'add through the wrapper failed', 10_000);
        if (name !== 'JSON.parse') expect(win.__calls, 'the page’s function was called through its wrapper').to.be.greaterThan(0);
        expect(vitrineErrors(win)).to.deep.equal([]);
        expect(hostErrors(win)).to.deep.equal([]);
        expect(win.__hostAlive).to.equal(true);
      });
    }
  }

  for (const [name, { broken }] of Object.entries(GLOBALS)) {
    for (const moment of MOMENTS) {
      it(`a broken ${name} (${moment}): the widget works or says why with a vitrine-error, and the page keeps working`, async () => {
        const s = await scenario({ show: { base: 'live' }, events: { connections: [[{ event: 'viewers', data: { count: 7 } }]] } });
        const { frame, win, el } = await page(broken, moment, s.show);
        frames.push(frame);
        await until(() => win.__hostAlive, 'the page’s own script after ours did not run', 10_000);
        await until(() => stateOf(el())?.show || vitrineErrors(win).length > 0, 'neither loaded nor a vitrine-error', 8_000).catch(() => {});
        await new Promise((r) => setTimeout(r, 1_500));
        const show = el();
        const loadedShow = Boolean(stateOf(show)?.show);
        console.log(`[hardening] broken ${name} (${moment}): show ${loadedShow ? 'loaded' : 'not loaded'}, vitrine-error ${JSON.stringify(vitrineErrors(win).map((e) => `${e.code}: ${e.message}`))}, page errors ${JSON.stringify(hostErrors(win))}`);
        expect(hostErrors(win), 'errors of the widget reached the page').to.deep.equal([]);
        expect(show, 'the host’s element is in the page').to.not.equal(null);
        if (!loadedShow) {
          expect(vitrineErrors(win).length, 'failed without a vitrine-error').to.be.greaterThan(0);
          // A failure of ours (not of a backend) names the function that failed.
          for (const e of vitrineErrors(win)) if (e.code === 'internal') expect(e.message, 'the vitrine-error says what failed').to.contain(name.split('.').pop()!);
        }
        // Without a shadow root nothing is rendered into the page, and the page is told why.
        if (name === 'Element.prototype.attachShadow') {
          expect(vitrineErrors(win).map((e) => e.code)).to.include('internal');
          expect(show!.children.length + (show!.shadowRoot ? 1 : 0), 'rendered into the page').to.equal(0);
        }
        // A show that could not start shows its error state (when it has a shadow root to show it in).
        if (!loadedShow && show!.shadowRoot) {
          expect(show!.shadowRoot.querySelector('[role="alert"]'), 'the error state').to.not.equal(null);
          // Its first render failed: it is no longer pending (vitrine.css would keep the reserved height under the error).
          expect(show!.matches(':state(pending)'), 'still :state(pending)').to.equal(false);
        }
        // A broken JSON.parse breaks what parses text (ky's `json()`, live events): each says so with its own code.
        if (name === 'JSON.parse') expect(vitrineErrors(win).map((e) => e.code), 'no cart here').to.not.include('cart/invalid');
        // Lit's templates use no `map`, ours do: the show cannot render, and says so in its own words.
        if (name === 'Array.prototype.map') {
          expect(vitrineErrors(win).map((e) => e.code)).to.deep.equal(['internal']);
          expect(show!.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('This show could not be loaded.');
        }
      });
    }
  }
});
