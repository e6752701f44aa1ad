/**
 * Big show documents (issue 13): a document with 60,000 products blocked the main thread for
 * 12 s in one task, because the REST show adapter did quadratic work over every entry before
 * the products cap (5,000) applied. The work is now linear and capped: entries past the cap are
 * never read. Checked by counting reads (deterministic). Then `response.json()` of the 6 MB body
 * alone was one task of 0.3 to 2.7 s: the body is now read as a stream and parsed in slices, the
 * entries past the cap never built (src/core/json-stream.ts). The longest task of loading a real
 * 60,000-product document over HTTP is asserted loosely (under 200 ms; the issue's 50 ms at 1x
 * and the 4x figure are the benchmark's), as it is what the issue asks.
 */
import { expect } from '@open-wc/testing';
import { createRestShow } from '../../src/adapters/rest/show.js';
import { LIMITS, parseShow } from '../../src/core/parse.js';
import { parseShowInSlices } from '../../src/core/parse-slices.js';

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
  // The answer's JSON is handed over as the (proxied) object, to count what the adapter reads
  // (a response without a body stream: the adapter asks it for its JSON).
  const fetcher = (async () => {
    const response = new Response(null, { status: 200, headers: { 'content-type': 'application/json' } });
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

  /** The long tasks (ms) while `load` runs, and its result. */
  async function longTasks<T>(load: () => Promise<T>): Promise<{ tasks: number[]; longest: number; total: number; value: T }> {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const value = await load();
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    return { tasks, longest: Math.max(0, ...tasks), total, value };
  }

  it('a 60,000-product document over HTTP: 5,000 products, without the long task of parsing it at once', async () => {
    // Made by the test server: built here, its garbage would be collected during the load.
    const url = new URL('/__show/big/60000', location.href).href;
    // What the adapter did before: `response.json()` of the whole body, in one task.
    const atOnce = await longTasks(async () => ((await (await fetch(url, { cache: 'no-store' })).json()) as { products: unknown[] }).products.length);
    const sliced = await longTasks(() => createRestShow(url, { retries: 0 }).loadShow(new AbortController().signal));
    const show = sliced.value;
    const ms = (xs: number[]) => xs.map(Math.round).join(', ');
    console.log(`[hardening] 60,000-product document: longest task ${Math.round(sliced.longest)} ms (${sliced.tasks.length} long tasks, load ${Math.round(sliced.total)} ms); response.json() alone: ${Math.round(atOnce.longest)} ms`);
    expect(atOnce.value).to.equal(60_000);
    expect(show.products).to.have.length(LIMITS.products);
    expect(show.productIds).to.equal(undefined);
    expect(show.products.at(-1)!.id).to.equal(`p${LIMITS.products - 1}`);
    // Loose on purpose, timings on a shared 2-core machine vary tenfold: no task over 200 ms, or
    // (when the machine is that loaded) none over a third of parsing the body at once, measured
    // just before. The issue's 50 ms at 1x and the 4x figure are the benchmark's (npm run bench).
    expect(sliced.longest, `long tasks: ${ms(sliced.tasks)} ms; response.json(): ${ms(atOnce.tasks)} ms`).to.be.below(Math.max(200, atOnce.longest / 3));
  });
});
