/**
 * `vitrine/seo`: schema.org JSON-LD for a show and its products, to render on the server into the
 * page that embeds the show, so search engines see the video (Google's video rich results, live
 * badge, key moments) and the products without running the SDK. See README "SEO".
 * Pure functions: no DOM, no fetch, runs in Node, Deno, workers and the browser.
 */
import { parseShow } from '../core/parse.js';
import type { Product, Show } from '../core/types.js';

export interface ShowJsonLdOptions {
  /** The URL of the page that embeds the show (absolute): the video's `url`, and the base of its key-moment links. */
  pageUrl: string;
  /**
   * The video's description (Google requires one). Default: built from the title, the host and the
   * products, e.g. "Winter drop, live: a live shopping show with Ava. Merino beanie, Scarf."
   */
  description?: string;
  /**
   * When the video was first published (ISO 8601). Default: the show's `startsAt`, else now (the
   * moment the page is rendered).
   */
  uploadDate?: string;
  /** When a live or scheduled show ends (ISO 8601), for the `BroadcastEvent`'s `endDate`. */
  endDate?: string;
  /** The show document's own URL, to resolve relative URLs in it. @default pageUrl */
  documentUrl?: string;
  /** Seconds per chapter when the document gives no end (the last key moment's `endOffset`). @default 60 */
  lastClipLength?: number;
}

type Json = Record<string, unknown>;

function withParams(pageUrl: string, params: Record<string, string>): string {
  const url = new URL(pageUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

function summary(show: Show): string {
  const titles = show.products.slice(0, 5).map((p) => p.title);
  return `${show.title}: a live shopping show${show.host ? ` with ${show.host.name}` : ''}.${titles.length ? ` ${titles.join(', ')}.` : ''}`;
}

function productJson(product: Product, pageUrl: string): Json {
  const url = product.url ?? withParams(pageUrl, { 'vitrine-product': product.id });
  return {
    '@type': 'Product',
    '@id': `${url}#product-${product.id}`,
    name: product.title,
    sku: product.id,
    ...(product.image ? { image: product.image } : {}),
    ...(product.description ? { description: product.description } : {}),
    url,
    offers: {
      '@type': 'Offer',
      price: product.price.amount,
      priceCurrency: product.price.currencyCode,
      availability: product.available ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url,
    },
  };
}

/**
 * The JSON-LD object for a show: a `@graph` of a `VideoObject` (with a `BroadcastEvent` for a
 * live or scheduled show, and key moments for a replay's chapters) and an `ItemList` of its
 * `Product`s with their `Offer`. `show` is a parsed `Show` or the show document as the backend
 * serves it (untrusted JSON: it is parsed and checked the way the SDK does; invalid products are
 * left out). Throws a `TypeError` when the document is not a show.
 */
export function showStructuredData(show: Show | unknown, options: ShowJsonLdOptions): Json {
  const parsed = parseShow(show, options.documentUrl ?? options.pageUrl);
  if (!parsed.ok) throw new TypeError(parsed.error.message);
  const s = parsed.value;
  const pageUrl = new URL(options.pageUrl).href;
  const thumbnail = s.poster ?? s.products.find((p) => p.image)?.image;
  const video: Json = {
    '@type': 'VideoObject',
    '@id': `${pageUrl}#video`,
    name: s.title,
    description: options.description ?? summary(s),
    ...(thumbnail ? { thumbnailUrl: [thumbnail] } : {}),
    uploadDate: options.uploadDate ?? s.startsAt ?? new Date().toISOString(),
    url: pageUrl,
    embedUrl: pageUrl,
    ...(s.status === 'ended' && s.stream ? { contentUrl: s.stream.src } : {}),
    ...(s.host ? { actor: { '@type': 'Person', name: s.host.name } } : {}),
  };
  if (s.status === 'live' || s.status === 'scheduled') {
    video.publication = {
      '@type': 'BroadcastEvent',
      isLiveBroadcast: true,
      ...(s.startsAt ? { startDate: s.startsAt } : s.status === 'live' ? { startDate: video.uploadDate } : {}),
      ...(options.endDate ? { endDate: options.endDate } : {}),
    };
  }
  if (s.status === 'ended' && s.chapters.length) {
    const chapters = [...s.chapters].sort((a, b) => a.start - b.start);
    const titles = new Map(s.products.map((p) => [p.id, p.title]));
    video.hasPart = chapters
      .filter((c) => titles.has(c.productId))
      .map((chapter, i, list) => ({
        '@type': 'Clip',
        name: titles.get(chapter.productId),
        startOffset: Math.floor(chapter.start),
        endOffset: Math.floor(list[i + 1]?.start ?? chapter.start + (options.lastClipLength ?? 60)),
        url: withParams(pageUrl, { 'vitrine-show': s.id, 'vitrine-t': String(Math.floor(chapter.start)) }),
      }));
  }
  const list: Json = {
    '@type': 'ItemList',
    '@id': `${pageUrl}#products`,
    name: s.title,
    numberOfItems: s.products.length,
    itemListElement: s.products.map((product, i) => ({ '@type': 'ListItem', position: i + 1, item: productJson(product, pageUrl) })),
  };
  return { '@context': 'https://schema.org', '@graph': [video, list] };
}

/**
 * JSON text that is safe inside `<script type="application/ld+json">…</script>`: `<`, `>`, `&`
 * and the line separators U+2028/U+2029 are written as `\u` escapes, so no string from the data
 * can close the script element or start markup. It parses to the same JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The show's JSON-LD as safe JSON text, to render server-side into the page:
 *
 * @example
 * const ld = showJsonLd(await (await fetch(showUrl)).json(), { pageUrl: 'https://shop.example.com/live' });
 * html += `<script type="application/ld+json">${ld}</script>`;
 */
export function showJsonLd(show: Show | unknown, options: ShowJsonLdOptions): string {
  return serializeJsonLd(showStructuredData(show, options));
}

/** The whole `<script type="application/ld+json">` element, for templates that want one call. */
export function showJsonLdScript(show: Show | unknown, options: ShowJsonLdOptions): string {
  return `<script type="application/ld+json">${showJsonLd(show, options)}</script>`;
}
