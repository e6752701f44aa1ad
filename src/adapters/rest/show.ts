/**
 * The REST show adapter: `GET {src}` answers the show document (docs/show-document.md);
 * its `events` URL, when present, is read with the SSE events adapter (section 6).
 */
import { VitrineError } from '../../core/errors.js';
import { LIMITS, parseShow } from '../../core/parse.js';
import type { Show, StreamAdapter } from '../../core/types.js';
import { createSseEvents } from '../sse/events.js';
import type { SseOptions } from '../sse/types.js';
import { get } from './get.js';
import { absolute, toVitrineError } from './http.js';

export interface RestShowOptions {
  /**
   * Time allowed for one request, in milliseconds.
   * @default 10000
   */
  timeout?: number;
  /**
   * Retries of a failed `GET` (network error, timeout, 408/429/5xx), with exponential backoff
   * and jitter.
   * @default 2
   */
  retries?: number;
  /** Extra request headers (for instance an auth token). @default {} */
  headers?: Record<string, string>;
  /** Options of the live events connection. @default {} */
  events?: SseOptions;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/**
 * The product ids a document lists, in order (within the products cap: entries past it are never
 * read), and which entries are references only (a bare id, or an object with nothing but `id`),
 * which a catalog adapter hydrates. Linear in the capped list.
 */
function references(body: unknown): { ids: string[]; paths: Set<string> } {
  const ids: string[] = [];
  const seen = new Set<string>();
  const paths = new Set<string>();
  const products = (body as { products?: unknown } | null)?.products;
  if (!Array.isArray(products)) return { ids, paths };
  const count = Math.min(products.length, LIMITS.products);
  for (let i = 0; i < count; i++) {
    const entry: unknown = products[i];
    const id = typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const key = String(id);
    if (key.length > LIMITS.id || seen.has(key)) continue;
    seen.add(key);
    ids.push(key);
    if (typeof entry === 'string' || Object.keys(entry as object).every((k) => k === 'id')) paths.add(`products[${i}]`);
  }
  return { ids, paths };
}

/** Bodies up to this size are parsed at once (a few ms); bigger ones in slices. */
const BIG_BODY = 256 * 1024;

/**
 * The show document's JSON. A big body (a 6 MB document with 60,000 products) would be one
 * `response.json()` task of seconds on a phone: past `BIG_BODY` bytes it is parsed in slices that
 * yield to the page, its products past the cap never built (a lazy chunk, loaded only for such a
 * document). The body is gathered as a `Blob` by the browser, not read chunk by chunk through a
 * stream (each network chunk would then be a task of the page's: 100 ms and more at 4x CPU).
 */
async function readDocument(response: Response, signal: AbortSignal): Promise<unknown> {
  if (!response.body) return response.json();
  const body = await response.blob();
  if (body.size <= BIG_BODY) return new Response(body).json();
  // The slicing parser of its products is needed next: fetched meanwhile.
  void import('../../core/parse-slices.js').catch(() => {});
  const { readJsonInSlices } = await import('../../core/json-stream.js');
  return readJsonInSlices(body, { key: 'products', cap: LIMITS.products, signal });
}

/**
 * @example
 * import { createRestShow } from 'vitrine/adapters/rest';
 * document.querySelector('vitrine-show').stream = createRestShow('https://api.example.com/shows/42', {
 *   headers: { authorization: 'Bearer …' },
 * });
 */
export function createRestShow(url: string, options: RestShowOptions = {}): StreamAdapter {
  const documentUrl = absolute(url);
  // Not ky: the document is read before the first view, ky would be there for it alone (get.ts).
  const request = {
    timeout: options.timeout ?? 10_000,
    retries: options.retries ?? 2,
    headers: { accept: 'application/json', ...options.headers },
    fetch: options.fetch,
  };

  return {
    async loadShow(signal, onIssue): Promise<Show> {
      let body: unknown;
      let base = documentUrl;
      try {
        const response = await get(documentUrl, { ...request, signal });
        base = response.url || documentUrl;
        body = await readDocument(response, signal);
      } catch (error) {
        throw await toVitrineError(error, { unavailable: 'show/unavailable', label: 'show server' }, (status) =>
          status === 422 ? 'show/invalid' : undefined,
        );
      }
      // A big document's products in slices that yield to the page (no long task); the slicing
      // code is a lazy chunk, loaded only for such a document.
      const many = ((body as { products?: unknown } | null)?.products as unknown[] | undefined)?.length ?? 0;
      const result = many > 200 ? await (await import('../../core/parse-slices.js')).parseShowInSlices(body, base, { signal }) : parseShow(body, base);
      if (!result.ok) {
        throw new VitrineError('show/invalid', result.error.message, { recoverable: false, cause: result.error });
      }
      const show = result.value;
      const refs = references(body);
      const parsed = new Set(show.products.map((p) => p.id));
      if (refs.ids.some((id) => !parsed.has(id))) show.productIds = refs.ids;
      const dropped = result.issues.filter(
        (issue) => /dropped/.test(issue.reason) && !refs.paths.has(issue.path.replace(/\].*$/, ']')),
      );
      for (const issue of dropped) {
        onIssue?.(new VitrineError('show/invalid', `A product was left out: ${issue.path}: ${issue.reason}`, { recoverable: true }));
      }
      return show;
    },
    subscribe(show, listener, onError) {
      if (!show.events) return () => {};
      return createSseEvents(show.events, { ...options.events, headers: { ...options.headers, ...options.events?.headers } }).subscribe(
        listener,
        onError,
      );
    },
  };
}
