// examples/shopify/snippets/vitrine-json-ld.liquid rendered with liquidjs (Shopify-compatible
// Liquid; `image_url` stands in for Shopify's filter of that name): valid JSON-LD with Google's
// required video properties, the products' offers, and no markup from the data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Liquid } from 'liquidjs';

const snippet = readFileSync(new URL('../../examples/shopify/snippets/vitrine-json-ld.liquid', import.meta.url), 'utf8');
const engine = new Liquid();
// liquidjs passes keyword arguments as [name, value] pairs.
engine.registerFilter('image_url', (image, ...args) => `//cdn.shopify.com/s/files/${image}?width=${args.find((a) => a[0] === 'width')?.[1] ?? ''}`);

const products = [
  { id: 101, title: 'Merino beanie', url: '/products/beanie', price: 2900, available: true, featured_image: 'beanie.jpg' },
  { id: 102, title: '</script><script>alert(1)</script> & co', url: '/products/scarf', price: 4550, available: false },
];

async function render(vars) {
  const html = await engine.parseAndRender(snippet, {
    canonical_url: 'https://shop.example.com/pages/live',
    shop: { url: 'https://shop.example.com' },
    cart: { currency: { iso_code: 'EUR' } },
    products,
    ...vars,
  });
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one script element, closed once');
  return { html, json: scripts[0][1], data: JSON.parse(scripts[0][1]) };
}

test('Shopify snippet: a live show renders a VideoObject with the required properties, a BroadcastEvent and the product offers', async () => {
  const { data } = await render({ title: 'Winter drop, live', description: 'Ava shows the winter knits.', poster: 'poster.jpg', starts_at: '2026-11-22T18:00:00Z', ends_at: '2026-11-22T19:00:00Z', status: 'live' });
  const [video, list] = data['@graph'];
  assert.equal(video['@type'], 'VideoObject');
  for (const key of ['name', 'description', 'thumbnailUrl', 'uploadDate']) assert.ok(video[key], key);
  assert.deepEqual(video.thumbnailUrl, ['https://cdn.shopify.com/s/files/poster.jpg?width=1280']);
  assert.ok(!Number.isNaN(Date.parse(video.uploadDate)), video.uploadDate);
  assert.equal(video.publication['@type'], 'BroadcastEvent');
  assert.equal(video.publication.isLiveBroadcast, true);
  assert.equal(Date.parse(video.publication.startDate), Date.parse('2026-11-22T18:00:00Z'));
  assert.equal(Date.parse(video.publication.endDate), Date.parse('2026-11-22T19:00:00Z'));
  assert.equal(list['@type'], 'ItemList');
  assert.equal(list.numberOfItems, 2);
  const [beanie, scarf] = list.itemListElement.map((e) => e.item);
  assert.deepEqual(beanie.offers, { '@type': 'Offer', price: '29', priceCurrency: 'EUR', availability: 'https://schema.org/InStock', url: 'https://shop.example.com/products/beanie' });
  assert.equal(beanie.image, 'https://cdn.shopify.com/s/files/beanie.jpg?width=1024');
  assert.equal(scarf.offers.price, '45.5');
  assert.equal(scarf.offers.availability, 'https://schema.org/OutOfStock');
});

test('Shopify snippet: an ended show has no BroadcastEvent; markup in the data stays text', async () => {
  const { json, data } = await render({ title: 'Evil </script><b>', status: 'ended', starts_at: '2026-11-20T10:00:00Z' });
  assert.doesNotMatch(json, /[<>&]/);
  const [video, list] = data['@graph'];
  assert.equal(video.name, 'Evil </script><b>');
  assert.equal(video.description, 'Evil </script><b>');
  assert.equal(video.publication, undefined);
  assert.equal(list.itemListElement[1].item.name, '</script><script>alert(1)</script> & co');
});
