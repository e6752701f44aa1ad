/** Shared by the moments tests: the demo backend at /__moments/demo (test/servers/moments.mjs). */
import { createRestShow } from '../../../src/adapters/rest/show.js';
import { createRestCart } from '../../../src/adapters/rest/cart.js';
import { createRestVote } from '../../../src/adapters/rest/votes.js';
import { CartService } from '../../../src/core/cart-service.js';
import { connectDiscounts } from '../../../src/core/discounts.js';
import type { VitrineErrorDetail } from '../../../src/core/errors.js';
import { Moments } from '../../../src/core/moments.js';
import { createServerClock, clockedFetch } from '../../../src/core/server-clock.js';
import { ShowStore } from '../../../src/core/store.js';

export const BASE = '/__moments/demo';

export async function studio(path: string, body: unknown = {}): Promise<any> {
  const response = await fetch(`${BASE}/studio/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-studio' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`studio ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function resetServer(): Promise<void> {
  await fetch('/__moments/reset', { method: 'POST' });
  // Nothing left running from another test.
  await studio('deal/end');
}

export const fail = (faults: { votes?: number; discounts?: number; polls?: number }) =>
  fetch('/__moments/fail', { method: 'POST', body: JSON.stringify(faults) });

export const serverLog = async (): Promise<{ method: string; path: string; key: string | null }[]> =>
  (await fetch('/__moments/log')).json();

export async function until<T>(check: () => T, what = 'condition', timeout = 8000): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A whole live show wired the way `<vitrine-show>` is to wire it: the REST show with its SSE events
 * (through a clocked fetch) into the store and the moments, the REST cart with its service and the
 * discount requests, votes through the REST interaction protocol.
 */
export async function liveShow() {
  const clock = createServerClock();
  const store = new ShowStore();
  const errors: VitrineErrorDetail[] = [];
  store.bus.on('error', (e) => errors.push(e));
  const fetch = clockedFetch(clock);
  const stream = createRestShow(`${BASE}/shows/live`, { fetch, events: { fetch } });
  const show = await stream.loadShow(new AbortController().signal);
  store.setShow(show);
  const cart = createRestCart(`${BASE}/cart`);
  const service = new CartService(store, cart);
  const stopService = service.connect();
  const stopDiscounts = connectDiscounts(store, () => cart);
  const moments = new Moments({ store, now: clock.now, vote: createRestVote(show.interactions!) });
  const stopEvents = stream.subscribe!(show, (event) => {
    if (!moments.apply(event) && event.type === 'product') store.upsertProduct(event.product);
  });
  return {
    clock,
    store,
    errors,
    show,
    cart,
    service,
    moments,
    close() {
      stopEvents();
      stopService();
      stopDiscounts();
      moments.reset();
    },
  };
}
