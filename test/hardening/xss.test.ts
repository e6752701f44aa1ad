/**
 * XSS: every string field of every payload (show document, products, variants, options, cart
 * lines, live events) carries markup that would call a global spy if it ever ran, and every
 * URL field a `javascript:` URL. Asserted: the spy never runs, no element from a payload exists
 * in any shadow root, the markup is shown as text, and no link, image or checkout ever gets a
 * non-http(s) URL. The page has no CSP here, so an injection WOULD execute.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createRestCart } from '../../src/adapters/rest/cart.js';
import { createRestShow } from '../../src/adapters/rest/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import { PageRecorder, button, buttons, deepAll, scenario, sleep, until, visibleText } from './harness.js';

declare global {
  interface Window {
    __xss?: (field: string) => void;
  }
}

const ran: string[] = [];
window.__xss = (field: string) => ran.push(field);

const FORMS = [
  (f: string) => `<img src=x onerror="window.__xss('${f}')">`,
  (f: string) => `<script>window.__xss('${f}')</script>`,
  (f: string) => `"><svg onload="window.__xss('${f}')">`,
  (f: string) => `<iframe srcdoc="<script>parent.__xss('${f}')</script>"></iframe>`,
  (f: string) => `<a href="javascript:window.__xss('${f}')">x</a><style>*{display:none}</style>`,
  (f: string) => `{{constructor.constructor("window.__xss('${f}')")()}} \${window.__xss('${f}')}`,
];
let form = 0;
/** A markup payload for `field`; the forms rotate so each kind lands in several places. */
const P = (field: string) => `${field}: ${FORMS[form++ % FORMS.length](field)}`;
const JS = (field: string) => `javascript:window.__xss('${field}')`;

function hostileProduct(id: string, variants: number): Record<string, unknown> {
  const price = { amount: '19.00', currencyCode: 'EUR' };
  return {
    id,
    title: P(`${id}.title`),
    url: JS(`${id}.url`),
    image: JS(`${id}.image`),
    description: P(`${id}.description`),
    price,
    compareAtPrice: { amount: '29.00', currencyCode: 'EUR' },
    available: true,
    inventory: 2,
    options: variants > 1 ? [{ name: P(`${id}.option`), values: [P(`${id}.value0`), P(`${id}.value1`)] }] : [],
    // Single-variant products keep the implicit variant (id = product id) the demo backend knows.
    variants: Array.from({ length: variants > 1 ? variants : 0 }, (_, i) => ({
      id: `${id}-v${i}`,
      title: P(`${id}.variant${i}`),
      options: variants > 1 ? { [P(`${id}.option`)]: P(`${id}.value${i}`) } : {},
      price,
      available: true,
      image: JS(`${id}.variant.image`),
    })),
  };
}

function hostileShow(): Record<string, unknown> {
  return {
    id: 'xss-show',
    title: P('show.title'),
    status: 'live',
    poster: JS('show.poster'),
    host: { name: P('host.name'), avatar: JS('host.avatar') },
    startsAt: P('startsAt'),
    aspectRatio: P('aspectRatio'),
    // The demo's single-variant products, so the cart backend accepts them; markup everywhere else.
    products: [hostileProduct('p9', 1), hostileProduct('p11', 1), hostileProduct('p2', 2)],
    chapters: [{ productId: P('chapter'), start: 1 }],
  };
}

/** No element or attribute that came from a payload, anywhere under `root`. */
function assertNothingInjected(root: Element): void {
  for (const el of deepAll(root)) {
    // (The test runner's own scripts live in the light DOM of the page.)
    const fromPayload = el.getRootNode() instanceof ShadowRoot || /__xss/.test(el.outerHTML);
    if (fromPayload) expect(el.tagName, 'a <script> or <iframe> from a payload').to.not.be.oneOf(['SCRIPT', 'IFRAME']);
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr)) expect.fail(`event handler attribute ${attr}="${value}" on <${el.tagName.toLowerCase()}>`);
      if (/__xss/.test(value) && attr !== 'aria-label' && attr !== 'title' && attr !== 'alt' && attr !== 'aria-description') {
        expect.fail(`payload in ${attr}="${value.slice(0, 80)}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) expect(el.protocol, `link ${el.href}`).to.be.oneOf(['http:', 'https:']);
    if (el instanceof HTMLImageElement && el.getAttribute('src')) expect(new URL(el.src).protocol, `image ${el.src}`).to.be.oneOf(['http:', 'https:', 'data:', 'blob:']);
    if (el instanceof HTMLImageElement && /\/x$/.test(el.src)) expect.fail('an <img src=x> from a payload');
  }
}

describe('hardening: XSS — payloads are text, never markup or script', function () {
  this.timeout(40_000);
  let recorder: PageRecorder;

  beforeEach(() => {
    ran.length = 0;
    recorder = new PageRecorder();
  });
  afterEach(() => {
    recorder.stop();
    expect(recorder.windowErrors).to.deep.equal([]);
  });

  it('show document, products, variants, options, cart lines and live events: nothing runs', async () => {
    const sse = [
      { event: 'product', data: hostileProduct('p11', 1), id: P('event.id') },
      { event: 'highlight', data: { productId: 'p11' }, id: P('highlight.id') },
      { event: 'viewers', data: { count: 3 } },
      { event: P('event.name'), data: P('event.data') },
      { event: 'status', data: { status: P('status') } },
    ];
    const s = await scenario({
      show: { doc: hostileShow() },
      events: { connections: [sse] },
      cart: [
        {
          method: 'POST',
          path: '/lines$',
          fault: 'rewrite',
          times: 10,
          patch: { id: P('cart.id').slice(0, 200), checkoutUrl: JS('checkoutUrl') },
          linePatch: { title: P('line.title'), variantTitle: P('line.variantTitle'), image: JS('line.image') },
        },
        { method: 'GET', fault: 'rewrite', times: 10, linePatch: { title: P('line.title.get') } },
      ],
    });
    const el = await fixture<VitrineShow>(html`<vitrine-show locale="en" checkout-url="https://shop.example.com/checkout"></vitrine-show>`);
    el.style.setProperty('display', 'block');
    el.style.setProperty('width', '900px');
    el.cart = createRestCart(s.cart);
    el.stream = createRestShow(s.show);
    await until(() => el.state.show !== null, 'show not loaded');
    await until(() => el.state.viewers === 3, 'events not applied');

    // The markup is there, as text the shopper can read.
    await until(() => visibleText(el).includes('<img src=x onerror='), 'payload not rendered as text');
    expect(el.state.show?.title).to.contain("__xss('show.title')");
    expect(el.state.show?.poster).to.equal(undefined);

    // Add the pinned product, open the detail of the multi-variant one, open the cart, checkout.
    (await button(el, /^Add to cart$/)).click();
    await until(() => (el.state.cart?.lines.length ?? 0) === 1, 'add failed');
    el.openProduct('p2');
    const detail = el.shadowRoot!.querySelector('vitrine-product-detail')!;
    await until(() => visibleText(detail).includes('p2.description'), 'detail did not show the description');
    for (const option of buttons(detail, /p2\.value/)) option.click();
    for (const radio of deepAll(detail).filter((e): e is HTMLInputElement => e instanceof HTMLInputElement)) radio.click();
    await sleep(100);
    el.store.set({ openProductId: null });
    el.openCart();
    await until(() => visibleText(el).includes('line.title'), 'cart lines not shown');

    const urls: string[] = [];
    el.addEventListener('vitrine-checkout', (e) => {
      urls.push(e.detail.url);
      e.preventDefault();
    });
    (await button(el, /^Checkout$/)).click();
    await sleep(500);
    expect(urls.every((u) => /^https?:/.test(u)), `checkout URLs ${urls.join(', ')}`).to.equal(true);
    expect(location.protocol).to.equal('http:');

    // Give any injected handler every chance to run (image errors, load events, timers).
    await sleep(800);
    expect(ran, 'payload code ran').to.deep.equal([]);
    assertNothingInjected(el);
    assertNothingInjected(document.body);
  });

  it('a standalone product card and cart with hostile data: nothing runs', async () => {
    const { parseProduct } = await import('../../src/core/parse.js');
    const parsed = parseProduct(hostileProduct('p9', 1), 'https://shop.example.com/');
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    const card = await fixture<HTMLElement & { product: unknown }>(html`<vitrine-product-card .product=${parsed.value}></vitrine-product-card>`);
    await until(() => visibleText(card).includes('p9.title'), 'card not rendered');
    const detail = await fixture<HTMLElement & { product: unknown }>(html`<vitrine-product-detail .product=${parsed.value}></vitrine-product-detail>`);
    await until(() => visibleText(detail).includes('p9.description'), 'detail not rendered');
    await sleep(500);
    expect(ran).to.deep.equal([]);
    assertNothingInjected(card);
    assertNothingInjected(detail);
  });

  it('a standalone carousel and cart fed hostile products and cart lines: nothing runs', async () => {
    const { parseProducts } = await import('../../src/core/parse.js');
    const { parseCart } = await import('../../src/core/parse-cart.js');
    const { ShowStore } = await import('../../src/core/store.js');
    const products = parseProducts([hostileProduct('p9', 1), hostileProduct('p2', 2)], 'https://shop.example.com/').value;
    const line = (id: string) => ({
      id: P(`${id}.lineid`).slice(0, 200),
      productId: id,
      variantId: id,
      title: P(`${id}.line.title`),
      variantTitle: P(`${id}.line.variant`),
      image: JS(`${id}.line.image`),
      quantity: 2,
      unitPrice: { amount: '19.00', currencyCode: 'EUR' },
      total: { amount: '38.00', currencyCode: 'EUR' },
    });
    const cart = parseCart({ id: P('cart'), lines: [line('p9'), line('p2')], subtotal: { amount: '76.00', currencyCode: 'EUR' }, totalQuantity: 4, checkoutUrl: JS('checkout') }, 'https://shop.example.com/');
    expect(cart.ok).to.equal(true);
    if (!cart.ok) return;
    const store = new ShowStore({ products, cart: cart.value, cartOpen: true, locale: 'en' });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <vitrine-carousel .store=${store}></vitrine-carousel>
      <vitrine-cart .store=${store}></vitrine-cart>
    </div>`);
    wrapper.style.setProperty('width', '900px');
    await until(() => visibleText(wrapper).includes('p9.line.title') && visibleText(wrapper).includes('p2.title'), 'carousel or cart not rendered');
    const urls: string[] = [];
    wrapper.addEventListener('vitrine-checkout', (e) => {
      urls.push((e as CustomEvent<{ url: string }>).detail.url);
      e.preventDefault();
    });
    const checkout = buttons(wrapper, /^Checkout$/)[0];
    checkout?.click();
    await sleep(800);
    expect(urls.every((u) => /^https?:/.test(u))).to.equal(true);
    expect(ran).to.deep.equal([]);
    assertNothingInjected(wrapper);
  });
});
