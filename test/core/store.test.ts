import { expect } from '@open-wc/testing';
import { ShowStore, type ShowState } from '../../src/core/store.js';
import type { Product } from '../../src/core/types.js';

const product = (id: string, amount = '10.00'): Product => ({
  id,
  title: `Product ${id}`,
  price: { amount, currencyCode: 'EUR' },
  available: true,
  options: [],
  variants: [{ id, title: 'Default', options: {}, price: { amount, currencyCode: 'EUR' }, available: true }],
});

describe('ShowStore', () => {
  it('notifies each subscriber exactly once per change, with the previous state', () => {
    const store = new ShowStore();
    const calls: [ShowState, ShowState][] = [];
    store.subscribe((state, previous) => calls.push([state, previous]));
    store.set({ viewers: 10, currentTime: 3 });
    expect(calls).to.have.length(1);
    expect(calls[0][0].viewers).to.equal(10);
    expect(calls[0][1].viewers).to.equal(null);
  });

  it('does not notify when nothing changed', () => {
    const store = new ShowStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.set({ viewers: null });
    store.set({});
    expect(calls).to.equal(0);
  });

  it('stops notifying after unsubscribe', () => {
    const store = new ShowStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set({ viewers: 1 });
    off();
    store.set({ viewers: 2 });
    expect(calls).to.equal(1);
  });

  it('replaces a product in place, keeping order, and indexes by id', () => {
    const store = new ShowStore();
    store.set({ products: [product('a'), product('b'), product('c')] });
    let calls = 0;
    store.subscribe(() => calls++);
    store.upsertProduct(product('b', '5.00'));
    expect(calls).to.equal(1);
    expect(store.state.products.map((p) => p.id)).to.deep.equal(['a', 'b', 'c']);
    expect(store.product('b')?.price.amount).to.equal('5.00');
    store.upsertProduct(product('d'));
    expect(store.state.products.map((p) => p.id)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('resolves the highlighted product', () => {
    const store = new ShowStore();
    store.set({ products: [product('a')], highlight: { productId: 'a', at: 12 } });
    expect(store.highlighted?.id).to.equal('a');
  });

  it('keeps notifying other subscribers when one throws', async () => {
    const store = new ShowStore();
    const errors: string[] = [];
    store.bus.on('error', (e) => errors.push(e.code));
    let reached = false;
    store.subscribe(() => {
      throw new Error('boom');
    });
    store.subscribe(() => (reached = true));
    store.set({ viewers: 5 });
    await Promise.resolve();
    expect(reached).to.equal(true);
    expect(errors).to.deep.equal(['internal']);
  });
});
