/**
 * The built storefront bundle (dist/cdn/vitrine.js) on pages served with a strict
 * Content-Security-Policy, and with Trusted Types enforced: zero `securitypolicyviolation`
 * through play, pin, add to cart and checkout. The pages cannot run inline script; their
 * driver is an external module (pages/csp-driver.js) that reports with postMessage.
 */
import { expect } from '@open-wc/testing';
import { scenario } from './harness.js';

interface DriverResult {
  ok: boolean;
  failure?: string;
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  errors: string[];
  steps: string[];
  events: { type: string; code?: string; message?: string }[];
  checkoutUrl?: string;
  location?: string;
  headAdded?: number;
  headStyles?: number;
  trustedTypes: string;
}

async function runPage(page: 'csp' | 'csp-tt'): Promise<{ result: DriverResult; frame: HTMLIFrameElement }> {
  // The demo's live show; its events pin p9 (a single-variant product) shortly after connecting.
  const s = await scenario({
    show: { base: 'live' },
    events: { connections: [[{ event: 'viewers', data: { count: 12 } }, { wait: 1_500 }, { event: 'highlight', data: { productId: 'p9' }, id: 'pin-p9' }]] },
  });
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '900';
  const result = new Promise<DriverResult>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow || e.data?.source !== 'vitrine-csp-driver') return;
      window.removeEventListener('message', onMessage);
      resolve(e.data.payload as DriverResult);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = `/__hardening/page/${page}.html?driver=csp-driver&show=${encodeURIComponent(s.show)}&cart=${encodeURIComponent(s.cart)}`;
  document.body.append(frame);
  return { result: await result, frame };
}

function check(result: DriverResult): void {
  expect(result.failure, `${result.failure}\nsteps: ${result.steps}\nviolations: ${JSON.stringify(result.violations)}\nevents: ${JSON.stringify(result.events)}`).to.equal(undefined);
  expect(result.steps).to.deep.equal(['loaded', 'ready', 'played', 'pinned', 'added', 'checkout']);
  expect(result.violations, JSON.stringify(result.violations, null, 1)).to.deep.equal([]);
  expect(result.errors).to.deep.equal([]);
  expect(result.checkoutUrl).to.match(/^http:\/\/localhost:\d+\/__hardening\/demo\/checkout\//);
  expect(result.location, 'checkout navigated although cancelled').to.match(/\/__hardening\/page\/csp/);
  expect(result.headAdded, 'elements added to <head>').to.equal(0);
  expect(result.events.filter((e) => e.type === 'vitrine-error'), 'vitrine-error under CSP').to.deep.equal([]);
}

describe('hardening: strict CSP and Trusted Types (built bundle)', function () {
  this.timeout(60_000);

  it("script-src 'self'; style-src 'self' (no unsafe-inline): play, pin, add, checkout without a violation", async () => {
    const { result, frame } = await runPage('csp');
    frame.remove();
    check(result);
  });

  it("require-trusted-types-for 'script'; trusted-types vitrine lit-html: the same path without a violation", async () => {
    const { result, frame } = await runPage('csp-tt');
    frame.remove();
    expect(result.trustedTypes).to.equal('object');
    check(result);
  });

  it('the pages really enforce it (so the tests above can fail): inline style and innerHTML are refused', async () => {
    const frame = document.createElement('iframe');
    const payload = new Promise<{ violations: string[]; innerHtmlRefused: boolean; inlineStyleApplied: boolean }>((resolve) => {
      window.addEventListener('message', function onMessage(e) {
        if (e.source !== frame.contentWindow) return;
        window.removeEventListener('message', onMessage);
        resolve(e.data.payload);
      });
    });
    frame.src = '/__hardening/page/csp-tt.html?driver=csp-probe';
    document.body.append(frame);
    const result = await payload;
    frame.remove();
    expect(result.inlineStyleApplied).to.equal(false);
    expect(result.innerHtmlRefused).to.equal(true);
    expect(result.violations).to.include('style-src-attr');
    expect(result.violations).to.include('require-trusted-types-for');
  });
});
