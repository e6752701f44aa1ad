/**
 * Big show documents (issue 13): a document with 60,000 products blocked the main thread for
 * 12 s in one task, because the REST show adapter did quadratic work over every entry before
 * the products cap (5,000) applied. The work is now linear and capped: entries past the cap are
 * never read. Checked by counting reads (deterministic), and the longest task of loading a real
 * 60,000-product document over HTTP is reported (timings are for the benchmark, not asserted).
 */
import { expect } from '@open-wc/testing';
import { createRestShow } from '../../src/adapters/rest/show.js';
import { LIMITS, parseShow } from '../../src/core/parse.js';
import { parseShowInSlices } from '../../src/core/parse-slices.js';
import { putDoc, uid } from '../adapters/helpers.js';

const product = (i: number) => ({ id: `p${i}`, title: `Product ${i}`, price: { amount: '29.00', currencyCode: 'EUR' }, available: true });
const doc = (n: number) => ({ id: 'big', title: 'Big', status: 'live', products: Array.from({ length: n }, (_, i) => product(i)) });

/** Loads `body` through the REST show adapter, counting reads of `products[i]`. */
async function readsToLoad(n: number): Promise<{ reads: number; products: number }> {
  const body = doc(n);
  let reads = 0;
  body.products = new Proxy(body.products, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  // The answer's JSON is handed over as the (proxied) object, to count what the adapter reads.
  const fetcher = (async () => {
    const response = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    Object.defineProperty(response, 'json', { value: async () => body });
    return response;
  }) as unknown as typeof fetch;
  const show = await createRestShow('/big.json', { fetch: fetcher, retries: 0 }).loadShow(new AbortController().signal);
  return { reads, products: show.products.length };
}

describe('hardening: big show documents', function () {
  this.timeout(60_000);

  it('the products cap applies before any per-product work: 60,000 or 600,000 entries cost what 5,000 do', async () => {
    const capped = await readsToLoad(LIMITS.products);
    const big = await readsToLoad(60_000);
    const huge = await readsToLoad(600_000);
    console.log(`[hardening] products[i] reads: 5,000 → ${capped.reads}; 60,000 → ${big.reads}; 600,000 → ${huge.reads}`);
    expect(big.products).to.equal(LIMITS.products);
    expect(huge.products).to.equal(LIMITS.products);
    expect(big.reads).to.be.at.most(capped.reads + 10);
    expect(huge.reads).to.equal(big.reads);
    expect(big.reads).to.be.at.most(3 * LIMITS.products);
  });

  it('parsed in slices, a big document gives what parseShow gives (products, issues and their paths)', async () => {
    const body = doc(6_000) as { products: unknown[] };
    body.products[3] = { id: 'p1', title: 'Duplicate', price: { amount: '1.00', currencyCode: 'EUR' } };
    body.products[2_500] = { id: 'p7', title: 'Late duplicate', price: { amount: '1.00', currencyCode: 'EUR' } };
    body.products[4_000] = { id: 'bad', title: '', price: { amount: 'free', currencyCode: 'EUR' } };
    body.products[4_001] = 'p-ref';
    const sync = parseShow(body, location.href);
    const sliced = await parseShowInSlices(body, location.href, { budget: 1 });
    expect(sliced.ok && sync.ok).to.equal(true);
    expect(sliced.ok && sliced.value.products.map((p) => p.id)).to.deep.equal(sync.ok && sync.value.products.map((p) => p.id));
    expect(sliced.issues).to.deep.equal(sync.issues);
  });

  it('a 60,000-product document over HTTP: 5,000 products, and the longest task is reported', async () => {
    const url = await putDoc(uid('big'), doc(60_000));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const show = await createRestShow(url, { retries: 0 }).loadShow(new AbortController().signal);
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    console.log(`[hardening] 60,000-product document: load ${Math.round(total)} ms, longest task ${Math.round(Math.max(0, ...tasks))} ms (${tasks.length} long tasks)`);
    expect(show.products).to.have.length(LIMITS.products);
    expect(show.productIds).to.equal(undefined);
  });
});
