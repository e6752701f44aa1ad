import { expect } from '@open-wc/testing';
import { serializeJsonLd, showJsonLd, showJsonLdScript, showStructuredData } from '../../src/seo/index.js';

const page = 'https://shop.example.com/live?utm=x';
const doc = {
  id: 'show-42',
  title: 'Winter drop, live',
  status: 'live',
  startsAt: '2026-11-22T18:00:00Z',
  poster: '/shows/42/poster.jpg',
  host: { name: 'Ava' },
  stream: { src: 'https://video.example.com/42/live.m3u8', type: 'application/x-mpegURL' },
  products: [
    { id: 'p1', title: 'Merino beanie', url: 'https://shop.example.com/products/beanie', image: 'https://cdn.example.com/p1.jpg', price: { amount: '29.00', currencyCode: 'EUR' }, available: true },
    { id: 'p2', title: 'Scarf', price: { amount: '45.50', currencyCode: 'EUR' }, available: false },
    { id: 'bad', title: 'No price' },
  ],
  chapters: [
    { productId: 'p2', start: 95.6 },
    { productId: 'p1', start: 12.5 },
  ],
};

type Node = Record<string, any>;
const graph = (data: Node) => data['@graph'] as Node[];

describe('vitrine/seo showJsonLd', () => {
  it('a live show: VideoObject with Google’s required properties and a live BroadcastEvent; ItemList of Products with Offers', () => {
    const data = JSON.parse(showJsonLd(doc, { pageUrl: page, endDate: '2026-11-22T19:00:00Z' }));
    expect(data['@context']).to.equal('https://schema.org');
    const [video, list] = graph(data);
    expect(video!['@type']).to.equal('VideoObject');
    for (const required of ['name', 'description', 'thumbnailUrl', 'uploadDate']) expect(video, required).to.have.property(required);
    expect(video!.name).to.equal('Winter drop, live');
    expect(video!.description).to.equal('Winter drop, live: a live shopping show with Ava. Merino beanie, Scarf.');
    expect(video!.thumbnailUrl).to.deep.equal(['https://shop.example.com/shows/42/poster.jpg']); // resolved against the page
    expect(video!.uploadDate).to.equal('2026-11-22T18:00:00.000Z');
    expect(video!.publication).to.deep.equal({
      '@type': 'BroadcastEvent',
      isLiveBroadcast: true,
      startDate: '2026-11-22T18:00:00.000Z',
      endDate: '2026-11-22T19:00:00Z',
    });
    expect(video).not.to.have.property('hasPart'); // key moments only in a replay
    expect(list!['@type']).to.equal('ItemList');
    expect(list!.numberOfItems).to.equal(2); // the invalid product is left out
    expect(list!.itemListElement.map((e: Node) => [e.position, e.item.name])).to.deep.equal([[1, 'Merino beanie'], [2, 'Scarf']]);
    expect(list!.itemListElement[0].item.offers).to.deep.equal({
      '@type': 'Offer',
      price: '29.00',
      priceCurrency: 'EUR',
      availability: 'https://schema.org/InStock',
      url: 'https://shop.example.com/products/beanie',
    });
    const scarf = list!.itemListElement[1].item;
    expect(scarf.offers.availability).to.equal('https://schema.org/OutOfStock');
    expect(scarf.url).to.equal('https://shop.example.com/live?utm=x&vitrine-product=p2'); // no product page: the show opens it
  });

  it('a scheduled show is a BroadcastEvent that starts at startsAt; a replay has contentUrl and key moments (Clips) deep-linking to t', () => {
    const scheduled = showStructuredData({ ...doc, status: 'scheduled' }, { pageUrl: page });
    expect(graph(scheduled)[0]!.publication).to.deep.equal({ '@type': 'BroadcastEvent', isLiveBroadcast: true, startDate: '2026-11-22T18:00:00.000Z' });
    const replay = graph(showStructuredData({ ...doc, status: 'ended', startsAt: undefined }, { pageUrl: page, uploadDate: '2026-11-23' }))[0]!;
    expect(replay).not.to.have.property('publication');
    expect(replay.uploadDate).to.equal('2026-11-23');
    expect(replay.contentUrl).to.equal('https://video.example.com/42/live.m3u8');
    expect(replay.hasPart).to.deep.equal([
      { '@type': 'Clip', name: 'Merino beanie', startOffset: 12, endOffset: 95, url: 'https://shop.example.com/live?utm=x&vitrine-show=show-42&vitrine-t=12' },
      { '@type': 'Clip', name: 'Scarf', startOffset: 95, endOffset: 155, url: 'https://shop.example.com/live?utm=x&vitrine-show=show-42&vitrine-t=95' },
    ]);
  });

  it('no HTML from data: markup in any string cannot close the script element, and parses back to the same text', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const hostile = {
      ...doc,
      title: evil,
      host: { name: 'A & B \u2028' },
      products: [{ ...doc.products[0], title: `<img src=x onerror=alert(1)>`, description: evil }],
    };
    const text = showJsonLd(hostile, { pageUrl: page });
    expect(text).not.to.match(/[<>\u2028\u2029]/);
    expect(text).not.to.include('&');
    const data = JSON.parse(text);
    expect(graph(data)[0]!.name).to.equal(evil);
    expect(graph(data)[1]!.itemListElement[0].item.description).to.equal(evil);
    const script = showJsonLdScript(hostile, { pageUrl: page });
    expect(script.match(/<\/script>/gi)).to.have.length(1);
    // A browser reads it as one script element with valid JSON.
    const template = document.createElement('template');
    template.innerHTML = script;
    expect(template.content.children).to.have.length(1);
    expect(JSON.parse(template.content.firstElementChild!.textContent!)).to.deep.equal(data);
    expect(serializeJsonLd({ a: '<>&' })).to.equal('{"a":"\\u003c\\u003e\\u0026"}');
  });

  it('unsafe URLs from data are dropped; a document that is not a show is a TypeError', () => {
    const data = showStructuredData({ ...doc, poster: 'javascript:alert(1)', products: [{ ...doc.products[0], url: 'javascript:alert(1)', image: 'data:text/html,x' }] }, { pageUrl: page });
    const text = JSON.stringify(data);
    expect(text).not.to.include('javascript:');
    expect(text).not.to.include('data:text/html');
    expect(() => showJsonLd({ title: 'no id' }, { pageUrl: page })).to.throw(TypeError);
  });
});
