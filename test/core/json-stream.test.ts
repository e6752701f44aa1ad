/**
 * The sliced JSON reader of big documents (src/core/json-stream.ts): whatever the piece size, it
 * gives what JSON.parse gives (the capped array aside), refuses what JSON.parse refuses, and
 * builds no entry of the capped array past the cap.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readJsonInSlices } from '../../src/core/json-stream.js';

const encoder = new TextEncoder();

const read = (text: string, size: number, cap = 1_000, budget = 8) =>
  readJsonInSlices(new Blob([encoder.encode(text)]), { key: 'products', cap, budget, piece: size });

describe('core: JSON read in slices', () => {
  const docs = [
    { id: 's1', title: 'A "quoted" \\ title ]}[{, with: colons', products: [{ id: 'p1', tags: ['a', ']', '"'] }, 'p2', 3, null, [1, [2]]], after: { products: [9] } },
    { products: [], title: 'products' },
    { title: 'products', note: 'x', products: [{ id: 'é€😀', n: -1.5e3 }] },
    { nested: { products: [1, 2, 3] }, list: ['products', { products: 4 }] },
    { products: 'not an array', more: [1] },
    { 'products ': [1], product: [2], products: [true, false, {}] },
    { products: [{}, [], '', 0] },
    {},
    [],
    ['products', 1],
    'just a string',
    42,
    null,
  ];

  for (const [i, doc] of docs.entries()) {
    it(`document ${i}: what JSON.parse gives, whatever the piece size`, async () => {
      const text = JSON.stringify(doc, null, i % 2 ? 2 : 0);
      for (const size of [1, 2, 3, 7, 64, 100_000]) {
        expect(await read(text, size), `pieces of ${size}`).to.deep.equal(JSON.parse(text));
      }
    });
  }

  it('a duplicate key: the last one wins, as in JSON.parse', async () => {
    const text = '{"products":[1,2,3],"x":1,"products":[4,5]}';
    expect(await read(text, 3)).to.deep.equal({ products: [4, 5], x: 1 });
    expect(await read('{"products":[1,2],"products":7}', 2)).to.deep.equal({ products: 7 });
  });

  it('past the cap, entries are not built; the array keeps its length; later fields are read', async () => {
    const doc = { id: 'big', products: Array.from({ length: 50 }, (_, i) => ({ id: `p${i}` })), events: '/events' };
    const text = JSON.stringify(doc);
    for (const size of [1, 5, 1000]) {
      const got = (await read(text, size, 10)) as { products: unknown[]; events: string };
      expect(got.products.length).to.equal(50);
      expect(got.products.slice(0, 10)).to.deep.equal(doc.products.slice(0, 10));
      expect(Object.keys(got.products)).to.have.length(10);
      expect(got.events).to.equal('/events');
    }
  });

  it('refuses what is not JSON with a SyntaxError', async () => {
    const bad = ['{"products":[1,]}', '{"products":[,]}', '{"products":[1 2]}', '{"products":[1', '{"a":"b', '{"a":1}}', '{"a":1', '', '{"products":[{"a":}]}'];
    for (const text of bad) {
      for (const size of [1, 4, 100]) {
        const error = await read(text, size).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${text} in pieces of ${size}`).to.be.instanceOf(SyntaxError);
      }
    }
  });

  it('any JSON value, any piece size, any cap: JSON.parse’s answer (the capped array aside)', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ products: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 12 }), rest: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 14 }),
        async ({ products, rest }, size, cap) => {
          const doc = { ...rest, products };
          const text = JSON.stringify(doc);
          const expected = JSON.parse(text) as Record<string, unknown>;
          const got = (await read(text, size, cap, 0)) as Record<string, unknown>;
          const list = expected.products as unknown[];
          const gotList = got.products as unknown[];
          expect(gotList.length).to.equal(list.length);
          expect(gotList.slice(0, cap)).to.deep.equal(list.slice(0, cap));
          expect({ ...got, products: null }).to.deep.equal({ ...expected, products: null });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('an abort stops the reading', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('gone', 'AbortError'));
    const text = JSON.stringify({ products: Array.from({ length: 5_000 }, (_, i) => ({ id: `p${i}` })) });
    const error = await readJsonInSlices(new Blob([text]), { key: 'products', cap: 100, budget: 0, piece: 1024, signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
  });
});
