// The driver of the strict-CSP pages (test/servers/hardening.mjs serves /__hardening/page/csp*.html,
// which can run no inline script: this file is their only script). It loads the built storefront
// bundle, mounts <vitrine-show src cart> from the page's query, and drives a shopper's path:
// play, a pin, add to cart, open the cart, checkout (cancelled through the cancelable
// vitrine-checkout, the URL recorded). Every securitypolicyviolation is recorded from the start.
// The result goes to the parent with postMessage and onto <html data-result>.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` });
});
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.error?.stack ?? e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(`unhandled: ${String(e.reason?.stack ?? e.reason)}`));

const query = new URLSearchParams(location.search);
const steps = [];
const events = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(predicate, what, timeout = 15000) {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    const value = predicate();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out: ${what}`);
}

function deep(root, out = []) {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deep(el.shadowRoot, out);
  }
  return out;
}

function buttonNamed(root, name) {
  return deep(root.shadowRoot ?? root).find((el) => {
    if (el.tagName !== 'BUTTON' || el.disabled) return false;
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const rect = el.getBoundingClientRect();
    return name.test(label) && rect.width > 0 && rect.height > 0;
  });
}

function report(result) {
  const payload = { ...result, violations, errors, steps, events, trustedTypes: typeof window.trustedTypes };
  document.documentElement.dataset.result = JSON.stringify(payload);
  parent.postMessage({ source: 'vitrine-csp-driver', payload }, location.origin);
}

async function main() {
  const headBefore = document.head.children.length;
  await import('/dist/cdn/vitrine.js');
  steps.push('loaded');
  const show = document.createElement('vitrine-show');
  show.setAttribute('locale', 'en');
  show.setAttribute('src', query.get('show'));
  show.setAttribute('cart', query.get('cart'));
  for (const name of ['vitrine-ready', 'vitrine-highlight', 'vitrine-add-to-cart', 'vitrine-cart-change', 'vitrine-checkout', 'vitrine-error']) {
    show.addEventListener(name, (e) => events.push({ type: name, code: e.detail?.code, message: e.detail?.message }));
  }
  let checkoutUrl = null;
  show.addEventListener('vitrine-checkout', (e) => {
    checkoutUrl = e.detail.url;
    e.preventDefault();
  });
  document.getElementById('host').append(show);
  await customElements.whenDefined('vitrine-show'); // the loader fetched the elements' chunk
  await until(() => show.state.show, 'show loaded');
  steps.push('ready');

  (await until(() => buttonNamed(show, /^Play/), 'Play button')).click();
  const video = () => deep(show.shadowRoot).find((el) => el.tagName === 'VIDEO');
  await until(() => video() && video().currentTime > 0.5, 'video playing', 25000);
  steps.push('played');

  await until(() => show.state.highlighted?.id === 'p9', 'pin of p9', 15000);
  steps.push('pinned');

  const pinned = deep(show.shadowRoot).find((el) => el.tagName === 'VITRINE-PRODUCT-CARD' && el.hasAttribute('pinned'));
  (await until(() => buttonNamed(pinned, /^Add to cart$/), 'pinned Add to cart')).click();
  await until(() => show.state.cart?.lines.length === 1, 'line added');
  steps.push('added');

  show.openCart();
  (await until(() => buttonNamed(show, /^Checkout$/), 'Checkout button')).click();
  await until(() => checkoutUrl, 'vitrine-checkout');
  steps.push('checkout');
  await sleep(300);
  report({
    ok: true,
    checkoutUrl,
    location: location.href,
    headAdded: document.head.children.length - headBefore,
    headStyles: document.head.querySelectorAll('style').length,
  });
}

main().catch((error) => report({ ok: false, failure: String(error?.stack ?? error) }));
