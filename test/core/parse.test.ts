import { expect } from '@open-wc/testing';
import { LIMITS, parseProduct, parseShow, safeUrl } from '../../src/core/parse.js';
import { parseCart } from '../../src/core/parse-cart.js';
import { parseShowEvent } from '../../src/core/parse-event.js';

const base = 'https://api.example.com/shows/42';

const validProduct = {
  id: 'p1',
  title: 'Merino beanie',
  url: '/products/beanie',
  image: 'https://cdn.example.com/p1.jpg',
  description: 'Plain text.',
  price: { amount: '29.00', currencyCode: 'EUR' },
  compareAtPrice: { amount: '39.00', currencyCode: 'EUR' },
  available: true,
  inventory: 3,
  options: [{ name: 'Color', values: ['Red', 'Navy'] }],
  variants: [
    { id: 'v1', title: 'Red', options: { Color: 'Red' }, price: { amount: '29.00', currencyCode: 'EUR' }, available: true },
    { id: 'v2', title: 'Navy', options: { Color: 'Navy' }, price: { amount: '29.00', currencyCode: 'EUR' }, available: false },
  ],
};

const validShow = {
  id: 'show-42',
  title: 'Winter drop, live',
  status: 'live',
  startsAt: '2026-11-22T18:00:00Z',
  poster: 'poster.jpg',
  host: { name: 'Ava', avatar: 'https://cdn.example.com/ava.jpg' },
  stream: { src: 'https://video.example.com/42/live.m3u8', type: 'application/x-mpegURL' },
  events: '/shows/42/events',
  products: [validProduct],
  chapters: [{ productId: 'p1', start: 12.5 }],
};

describe('parseShow', () => {
  it('parses the contract example and resolves relative URLs against the document', () => {
    const result = parseShow(validShow, base);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const show = result.value;
    expect(show.id).to.equal('show-42');
    expect(show.status).to.equal('live');
    expect(show.poster).to.equal('https://api.example.com/shows/poster.jpg');
    expect(show.events).to.equal('https://api.example.com/shows/42/events');
    expect(show.products[0].url).to.equal('https://api.example.com/products/beanie');
    expect(show.products[0].variants.map((v) => v.id)).to.deep.equal(['v1', 'v2']);
    expect(show.chapters).to.deep.equal([{ productId: 'p1', start: 12.5 }]);
    expect(result.issues).to.deep.equal([]);
  });

  it('ignores unknown fields', () => {
    const result = parseShow({ ...validShow, extra: { deep: true }, products: [{ ...validProduct, sku: 'X' }] }, base);
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.value).to.not.have.property('extra');
      expect(result.value.products[0]).to.not.have.property('sku');
    }
  });

  for (const [name, doc] of [
    ['null', null],
    ['a string', 'show'],
    ['an array', [validShow]],
    ['no id', { ...validShow, id: undefined }],
    ['no title', { ...validShow, title: '' }],
    ['a wrong status', { ...validShow, status: 'paused' }],
    ['a numeric title', { ...validShow, title: 42 }],
  ] as const) {
    it(`refuses a document with ${name}, without throwing`, () => {
      const result = parseShow(doc, base);
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.error.code).to.equal('show/invalid');
        expect(result.error.recoverable).to.equal(true);
      }
    });
  }

  it('drops invalid products with a reason and keeps the rest', () => {
    const result = parseShow(
      {
        ...validShow,
        products: [
          validProduct,
          { id: 'p2', title: 'No price' },
          { id: 'p3', title: 'NaN price', price: { amount: NaN, currencyCode: 'EUR' } },
          { id: 'p4', title: 'Float price', price: { amount: 0.1 + 0.2, currencyCode: 'EUR' } },
          { title: 'No id', price: { amount: '1.00', currencyCode: 'EUR' } },
          { id: 'p5', title: 'Bad currency', price: { amount: '1.00', currencyCode: 'EURO' } },
          { id: 'p1', title: 'Duplicate', price: { amount: '1.00', currencyCode: 'EUR' } },
          'garbage',
          { id: 'p6', title: 'Fine', price: { amount: '5', currencyCode: 'eur' } },
        ],
      },
      base,
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.products.map((p) => p.id)).to.deep.equal(['p1', 'p6']);
    expect(result.value.products[1].price).to.deep.equal({ amount: '5.00', currencyCode: 'EUR' });
    const dropped = result.issues.filter((i) => i.reason.endsWith('product dropped'));
    expect(dropped).to.have.length(7);
    expect(dropped.map((i) => i.path)).to.include('products[2].price.amount');
  });

  it('gives a product without variants one implicit variant with the product id', () => {
    const result = parseProduct({ id: 'solo', title: 'Solo', price: { amount: '9.99', currencyCode: 'USD' }, inventory: 0 });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.variants).to.have.length(1);
    expect(result.value.variants[0].id).to.equal('solo');
    expect(result.value.available).to.equal(false);
  });

  it('lets only http(s) URLs through', () => {
    const result = parseShow(
      {
        ...validShow,
        poster: 'javascript:alert(1)',
        events: 'data:text/html,<script>alert(1)</script>',
        stream: { src: 'javascript:alert(1)' },
        products: [{ ...validProduct, url: ' JavaScript:alert(1)', image: 'vbscript:x' }],
      },
      base,
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.poster).to.equal(undefined);
    expect(result.value.events).to.equal(undefined);
    expect(result.value.stream).to.equal(undefined);
    expect(result.value.products[0].url).to.equal(undefined);
    expect(result.value.products[0].image).to.equal(undefined);
    expect(safeUrl('//evil.example.com/x', base)).to.equal('https://evil.example.com/x');
    expect(safeUrl('ftp://x.example.com')).to.equal(undefined);
  });

  it('bounds huge strings and refuses huge ids', () => {
    const huge = 'x'.repeat(1_000_000);
    const result = parseShow({ ...validShow, title: huge, products: [{ ...validProduct, description: huge }, { ...validProduct, id: huge }] }, base);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.title.length).to.be.at.most(LIMITS.title + 1);
    expect(result.value.products).to.have.length(1);
    expect(result.value.products[0].description!.length).to.be.at.most(LIMITS.text + 1);
  });

  it('sorts chapters and ignores invalid ones', () => {
    const result = parseShow({ ...validShow, chapters: [{ productId: 'p1', start: 40 }, { productId: 'p1', start: 'x' }, { productId: 'p1', start: -1 }, { start: 3 }, { productId: 'p1', start: 5 }] }, base);
    expect(result.ok && result.value.chapters.map((c) => c.start)).to.deep.equal([5, 40]);
  });
});

describe('parseCart', () => {
  const line = { id: 'l1', productId: 'p1', variantId: 'v1', title: 'Beanie', variantTitle: 'Red', quantity: 3, unitPrice: { amount: '19.99', currencyCode: 'EUR' }, total: { amount: '59.97', currencyCode: 'EUR' } };
  const cart = { id: 'c1', lines: [line], subtotal: { amount: '59.97', currencyCode: 'EUR' }, totalQuantity: 3, checkoutUrl: 'https://shop.example.com/checkout/c1' };

  it('parses a contract cart', () => {
    const result = parseCart(cart);
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.value).to.deep.equal(cart);
  });

  it('refuses a cart with a broken line rather than showing a wrong total', () => {
    const result = parseCart({ ...cart, lines: [{ ...line, quantity: 1.5 }] });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error.code).to.equal('cart/invalid');
  });

  it('keeps an unsafe checkout URL out of the model', () => {
    const result = parseCart({ ...cart, checkoutUrl: 'javascript:alert(1)' });
    expect(result.ok && result.value.checkoutUrl).to.equal(undefined);
    // ...but remembers the refusal, so checkout can say why (checkout/unsafe-url).
    expect(result.ok && result.value.checkoutUrlRefused).to.equal(true);
    const safe = parseCart(cart);
    expect(safe.ok && 'checkoutUrlRefused' in safe.value).to.equal(false);
  });
});

describe('parseShowEvent', () => {
  it('parses the four contract events', () => {
    const highlight = parseShowEvent('highlight', '{"productId":"p1","at":"2026-11-22T18:03:12.000Z"}', base, '17');
    expect(highlight.ok && highlight.value).to.deep.equal({ type: 'highlight', productId: 'p1', at: Date.parse('2026-11-22T18:03:12.000Z'), id: '17' });
    expect(parseShowEvent('status', '{"status":"ended"}').ok).to.equal(true);
    expect(parseShowEvent('viewers', '{"count":1234}')).to.deep.include({ ok: true, value: { type: 'viewers', count: 1234 } });
    const product = parseShowEvent('product', JSON.stringify(validProduct), base);
    expect(product.ok && product.value.type).to.equal('product');
  });

  for (const [type, data] of [
    ['highlight', 'not json'],
    ['highlight', '{"at":"2026-11-22T18:03:12Z"}'],
    ['highlight', '{"productId":"p1","at":"yesterday"}'],
    ['status', '{"status":"paused"}'],
    ['viewers', '{"count":-3}'],
    ['viewers', '{"count":"many"}'],
    ['product', '{"id":"p1"}'],
    ['mystery', '{}'],
    ['viewers', 'null'],
  ] as const) {
    it(`refuses ${type} ${data} without throwing`, () => {
      const result = parseShowEvent(type, data);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error.code).to.equal('show/invalid');
    });
  }
});
