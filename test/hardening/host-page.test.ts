/**
 * A hostile host page, with the built storefront bundle (dist/cdn/vitrine.js) as a merchant
 * embeds it: aggressive global CSS does not change the widget's look or shrink its targets;
 * the library adds nothing to `window`, the prototypes or `<head>`; a page whose own
 * `vitrine-*` listeners throw does not break it; nothing from the widget reaches
 * `window.onerror` or `unhandledrejection`, even with broken backends; no cookie or storage
 * before consent; two shows on one page never mix their carts.
 */
import { expect } from '@open-wc/testing';
import { deepAll, scenario, sleep, until, type Scenario } from './harness.js';

const HOSTILE_CSS = `
button { all: unset; }
video { display: none; }
* { box-sizing: content-box !important; }
html { font-size: 10px; }
* { color: red !important; font: 40px serif !important; line-height: 0 !important; direction: rtl; letter-spacing: 6px !important; text-transform: uppercase !important; }
div, section, p, span, img, header, main { padding: 30px !important; margin: 20px !important; border: 5px solid lime !important; }
img { filter: blur(8px) !important; opacity: .2 !important; }
:host { display: none !important; }
::part(base) { } 
body { zoom: 1; }
`;

type FrameWindow = Window & typeof globalThis;

interface Frame {
  frame: HTMLIFrameElement;
  win: FrameWindow;
  doc: Document;
}

/** A same-origin page (srcdoc) with optional host CSS, optionally with the storefront bundle. */
async function page({ css = '', bundle = true, width = 1000, height = 1100 } = {}): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style>${
    bundle ? '<script type="module" src="/dist/cdn/vitrine.js"></script>' : ''
  }</head><body></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  // The loader defines nothing on a page without vitrine-* elements: mountShow's createElement
  // (or the inserted element) makes it load the elements' chunk.
  return { frame, win, doc: frame.contentDocument! };
}

type ShowEl = HTMLElement & {
  state: { show: unknown; cart: { id: string; lines: { variantId: string; quantity: number }[] } | null };
  openCart(): void;
  openProduct(id: string): void;
};

async function mountShow(f: Frame, s: Scenario, attrs: Record<string, string> = {}): Promise<ShowEl> {
  const el = f.doc.createElement('vitrine-show') as ShowEl;
  el.setAttribute('locale', 'en');
  el.setAttribute('src', s.show);
  el.setAttribute('cart', s.cart);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  f.doc.body.append(el);
  await f.win.customElements.whenDefined('vitrine-show');
  await until(() => el.state.show, 'show not loaded', 10_000);
  return el;
}

function name(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function visibleButtons(root: Element): HTMLElement[] {
  return deepAll(root).filter((el): el is HTMLElement => {
    if (el.tagName !== 'BUTTON') return false;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden]');
  });
}

async function clickButton(root: Element, pattern: RegExp): Promise<void> {
  const find = () => visibleButtons(root).find((b) => pattern.test(name(b)) && !(b as HTMLButtonElement).disabled);
  await until(find, `no button ${pattern}`);
  find()!.click();
}

/** The show document of a replay (video with chapters), products the demo sells. */
const replayScenario = () => scenario({ show: { base: 'replay' } });

describe('hardening: hostile host page (built bundle)', function () {
  this.timeout(60_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
    // The frames share this page's sessionStorage (same origin), and the page is reused by the next file.
    sessionStorage.clear();
  });

  it('aggressive global CSS changes neither the look nor the targets (buttons stay ≥ 24 px)', async () => {
    const s = await replayScenario();
    const clean = await page();
    const hostile = await page({ css: HOSTILE_CSS });
    frames.push(clean.frame, hostile.frame);
    const a = await mountShow(clean, s);
    const b = await mountShow(hostile, s);
    // The rail draws its cards over several tasks (a loaded machine may take seconds): wait until
    // both pages show the same buttons, and only then compare them.
    const names = (el: ShowEl) => visibleButtons(el).map(name).sort().join('|');
    await until(() => visibleButtons(a).some((x) => /^Add to cart$/.test(name(x))) && visibleButtons(b).some((x) => /^Add to cart$/.test(name(x))), 'cards not rendered');
    // Equal and unchanged for 600 ms (both rails may pass through the same partial state).
    let seen = '';
    let since = 0;
    await until(() => {
      const now = `${names(a)}#${names(b)}`;
      if (now !== seen) [seen, since] = [now, performance.now()];
      return names(a) === names(b) && performance.now() - since > 600;
    }, '', 15_000).catch(() => undefined); // the comparison below tells which
    await sleep(300);

    const parts = ['header', 'stage', 'pinned', 'rail'];
    const mismatches: string[] = [];
    for (const part of parts) {
      const pa = a.shadowRoot!.querySelector(`[part~="${part}"]`)!.getBoundingClientRect();
      const pb = b.shadowRoot!.querySelector(`[part~="${part}"]`)!.getBoundingClientRect();
      for (const k of ['width', 'height', 'left'] as const) {
        if (Math.abs(pa[k] - pb[k]) > 2) mismatches.push(`${part}.${k}: clean ${Math.round(pa[k])} vs hostile ${Math.round(pb[k])}`);
      }
    }
    const title = (el: ShowEl) => getComputedStyle(el.shadowRoot!.querySelector('h2')!);
    for (const prop of ['color', 'font-family', 'font-size', 'line-height', 'letter-spacing', 'text-transform', 'direction'] as const) {
      if (title(a).getPropertyValue(prop) !== title(b).getPropertyValue(prop)) mismatches.push(`title ${prop}: ${title(a).getPropertyValue(prop)} vs ${title(b).getPropertyValue(prop)}`);
    }
    expect(mismatches, mismatches.join('\n')).to.deep.equal([]);

    const small = visibleButtons(b)
      .map((x) => ({ name: name(x), rect: x.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width < 24 || rect.height < 24)
      .map(({ name: n, rect }) => `${n} ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    expect(small, 'buttons under 24 px on the hostile page').to.deep.equal([]);
    expect(visibleButtons(b).map(name).sort()).to.deep.equal(visibleButtons(a).map(name).sort());

    // `video { display: none }` does not hide the show's video.
    await clickButton(b, /^Play/);
    const video = () => deepAll(b).find((el): el is HTMLVideoElement => el.tagName === 'VIDEO');
    await until(() => video() && video()!.currentTime > 0.3, 'video did not play on the hostile page', 20_000);
    const rect = video()!.getBoundingClientRect();
    expect(rect.height, 'video hidden by the page').to.be.greaterThan(100);
    expect(getComputedStyle(video()!).display).to.not.equal('none');
  });

  it('adds nothing to window, the prototypes or <head>, and stores nothing before consent', async () => {
    const snapshot = (win: FrameWindow) => ({
      window: Object.getOwnPropertyNames(win).sort(),
      prototypes: Object.fromEntries(
        (['Object', 'Array', 'Function', 'String', 'Number', 'Promise', 'Element', 'HTMLElement', 'Node', 'EventTarget', 'Document', 'Event', 'CustomEvent', 'JSON', 'Math', 'Reflect', 'Map', 'Set', 'URL', 'Response', 'HTMLVideoElement', 'HTMLMediaElement'] as const).map((n) => {
          const ctor = (win as unknown as Record<string, { prototype?: object } & object>)[n];
          const proto = ctor.prototype ?? ctor;
          return [n, [...Object.getOwnPropertyNames(proto), ...Object.getOwnPropertySymbols(proto).map(String)].sort().join(',') + '|' + Object.getOwnPropertyNames(ctor).sort().join(',')];
        }),
      ),
    });
    const bare = await page({ bundle: false });
    frames.push(bare.frame);
    const before = snapshot(bare.win);

    const f = await page();
    frames.push(f.frame);
    const headBefore = f.doc.head.innerHTML;
    const s = await replayScenario();
    const el = await mountShow(f, s);
    // A shopper's path: play (loads the video engine), add, open the cart.
    await clickButton(el, /^Play/);
    await until(() => deepAll(el).some((x) => x.tagName === 'VIDEO' && (x as HTMLVideoElement).currentTime > 0.3), 'did not play', 20_000);
    el.openProduct('p11');
    await clickButton(el.shadowRoot!.querySelector('vitrine-product-detail')!, /^Add to cart/);
    await until(() => el.state.cart?.lines.length === 1, 'add failed');
    el.openCart();
    await sleep(300);

    const after = snapshot(f.win);
    // Lit's version markers are allowed by the contract.
    // (`litPropertyMetadata` is Lit's own too: reactive-element keeps decorator metadata there.)
    const allowed = /^(litElementVersions|litHtmlVersions|reactiveElementVersions|litPropertyMetadata|litHtmlPolyfillSupport|litElementHydrateSupport)$/;
    const added = after.window.filter((k) => !before.window.includes(k) && !allowed.test(k));
    expect(added, 'globals added to window').to.deep.equal([]);
    for (const [n, value] of Object.entries(after.prototypes)) expect(value, `${n} or its prototype changed`).to.equal(before.prototypes[n]);
    expect(f.doc.head.innerHTML, '<head> changed').to.equal(headBefore);
    expect(f.doc.adoptedStyleSheets.length, 'document-level stylesheets adopted').to.equal(0);
    expect(f.doc.cookie).to.equal('');
    expect(f.win.localStorage.length, 'localStorage before consent').to.equal(0);
    expect(f.win.sessionStorage.length, 'sessionStorage before consent').to.equal(0);

    // The positive control: with consent the cart id is kept (so the check above can fail).
    el.setAttribute('consent', 'granted');
    await until(() => f.win.sessionStorage.length === 1, 'consent did not persist the cart id');
    expect(f.doc.cookie).to.equal('');
    expect(f.win.localStorage.length).to.equal(0);
  });

  it('a page whose own vitrine-* listeners throw, with broken backends: the widget works, and no error of its own reaches window.onerror', async () => {
    const f = await page();
    frames.push(f.frame);
    const windowErrors: string[] = [];
    const rejections: string[] = [];
    f.win.addEventListener('error', (e) => windowErrors.push(String(e.message)));
    f.win.addEventListener('unhandledrejection', (e) => rejections.push(String((e.reason as Error)?.message ?? e.reason)));
    // The host's listeners belong to the host page's realm (so their errors are the page's, not the test's).
    (f.win as unknown as { eval(code: string): void }).eval(`
      for (const type of ['vitrine-ready', 'vitrine-status', 'vitrine-product-view', 'vitrine-add-to-cart', 'vitrine-cart-change', 'vitrine-checkout', 'vitrine-error', 'vitrine-highlight']) {
        document.addEventListener(type, () => { throw new Error('host listener ' + type); });
      }
      document.addEventListener('vitrine-checkout', (e) => e.preventDefault());
    `);
    const s = await scenario({
      show: { base: 'live' },
      cart: [{ method: 'POST', path: '/lines$', fault: '500' }, { method: 'GET', fault: 'garbage', times: 3 }],
      events: {
        connections: [
          [{ raw: 'event: viewers\ndata: {oops\n\n' }, { event: 'highlight', data: { productId: 'p11' } }, { wait: 200 }, { destroy: true }],
          [{ event: 'viewers', data: { count: 9 } }],
        ],
      },
    });
    const el = await mountShow(f, s);
    el.openProduct('p11');
    const detail = el.shadowRoot!.querySelector('vitrine-product-detail')!;
    await clickButton(detail, /^Add to cart/);
    await sleep(800);
    await clickButton(detail, /^Add to cart/);
    await until(() => el.state.cart?.lines.length === 1, 'the widget stopped working', 10_000);
    el.openCart();
    await clickButton(el, /^Checkout$/);
    await sleep(1_000);
    // Every error that reached the page is the host's own listener throwing.
    const foreign = windowErrors.filter((m) => !/host listener vitrine-/.test(m));
    expect(foreign, 'errors from the widget reached window.onerror').to.deep.equal([]);
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
    expect(windowErrors.some((m) => /host listener vitrine-error/.test(m)), 'the failures were reported as vitrine-error').to.equal(true);
  });

  it('two shows on one page with different carts never mix', async () => {
    const f = await page({ height: 2200 });
    frames.push(f.frame);
    const one = await scenario({ show: { base: 'live' } });
    const two = await scenario({ show: { base: 'replay' } });
    const a = await mountShow(f, one);
    const b = await mountShow(f, two);
    const adds = { a: 0, b: 0 };
    a.addEventListener('vitrine-cart-change', () => adds.a++);
    b.addEventListener('vitrine-cart-change', () => adds.b++);
    a.openProduct('p11');
    await clickButton(a.shadowRoot!.querySelector('vitrine-product-detail')!, /^Add to cart/);
    await until(() => a.state.cart?.lines.length === 1, 'add to A failed', 15_000);
    await sleep(300);
    expect(b.state.cart?.lines.length ?? 0, 'B got A’s line').to.equal(0);
    b.openProduct('p6');
    await clickButton(b.shadowRoot!.querySelector('vitrine-product-detail')!, /^Add to cart/);
    await until(() => b.state.cart?.lines.length === 1, 'add to B failed', 15_000);
    expect(a.state.cart!.id).to.not.equal(b.state.cart!.id);
    expect(a.state.cart!.lines.map((l) => l.variantId)).to.deep.equal(['p11']);
    expect(b.state.cart!.lines.map((l) => l.variantId)).to.deep.equal(['p6']);
    const logs = [await one.log(), await two.log()];
    expect(logs[0].requests.filter((r) => r.method === 'POST' && r.path.endsWith('/lines')).length).to.equal(1);
    expect(logs[1].requests.filter((r) => r.method === 'POST' && r.path.endsWith('/lines')).length).to.equal(1);
    // Opening one show's cart does not open the other's.
    a.openCart();
    await sleep(200);
    const open = (el: ShowEl) => deepAll(el).some((x) => x.tagName === 'DIALOG' && x.getAttribute('part') === 'drawer' && (x as HTMLDialogElement).open);
    expect(open(a)).to.equal(true);
    expect(open(b)).to.equal(false);
    expect(adds.a).to.be.greaterThan(0);
  });
});
