/**
 * One configured ky instance per adapter that speaks the Storefront API:
 * `POST https://{domain}/api/{apiVersion}/graphql.json` with the public storefront token.
 */
import ky, { HTTPError, type KyInstance } from 'ky';
import { VitrineError, isAbortError, type VitrineErrorCode } from '../../core/errors.js';

export interface ShopifyOptions {
  /**
   * The shop's domain, such as `my-shop.myshopify.com` (or the full origin, for a proxy or a
   * test server: `http://localhost:8000/shopify`).
   */
  domain: string;
  /** The public Storefront API access token (safe in the browser). */
  token: string;
  /**
   * The Storefront API version.
   * @default '2026-04'
   */
  apiVersion?: string;
  /** `@inContext` country (ISO 3166-1 alpha-2) for prices in the shopper's market. @default undefined */
  country?: string;
  /** `@inContext` language (ISO 639-1, upper case, e.g. `DE`). @default undefined */
  language?: string;
  /**
   * Time allowed for one request, in milliseconds.
   * @default 10000
   */
  timeout?: number;
  /**
   * Retries of a failed query (read-only operations only; mutations are never repeated).
   * @default 2
   */
  retries?: number;
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

export const DEFAULT_API_VERSION = '2026-04';

/** The Storefront GraphQL endpoint for `options`. */
export function endpoint(options: ShopifyOptions): string {
  const domain = options.domain.replace(/\/+$/, '');
  const origin = /^https?:\/\//.test(domain) ? domain : `https://${domain}`;
  return `${origin}/api/${options.apiVersion ?? DEFAULT_API_VERSION}/graphql.json`;
}

/** Turns a numeric id into a Shopify global id (`gid://shopify/<type>/<id>`); GIDs pass through. */
export function gid(type: 'Product' | 'ProductVariant' | 'Cart' | 'CartLine', id: string): string {
  return /^\d+$/.test(id) ? `gid://shopify/${type}/${id}` : id;
}

export interface GraphQLClient {
  request<T>(operationName: string, query: string, variables: Record<string, unknown>, signal: AbortSignal, safe: boolean): Promise<T>;
}

export function createClient(options: ShopifyOptions, unavailable: VitrineErrorCode): GraphQLClient {
  const api: KyInstance = ky.create({
    timeout: options.timeout ?? 10_000,
    headers: {
      accept: 'application/json',
      'x-shopify-storefront-access-token': options.token,
    },
    retry: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const url = endpoint(options);
  const context: Record<string, unknown> = {};
  if (options.country) context.country = options.country.toUpperCase();
  if (options.language) context.language = options.language.toUpperCase();

  return {
    async request<T>(operationName: string, query: string, variables: Record<string, unknown>, signal: AbortSignal, safe: boolean) {
      let body: { data?: T; errors?: { message?: string; extensions?: { code?: string } }[] };
      try {
        const response = await api.post(url, {
          json: { operationName, query, variables: { ...context, ...variables } },
          signal,
          retry: safe
            ? { limit: options.retries ?? 2, methods: ['post'], retryOnTimeout: true, jitter: true, backoffLimit: 4_000 }
            : 0,
        });
        body = await response.json();
      } catch (error) {
        if (isAbortError(error)) throw error;
        if (error instanceof HTTPError) {
          const status = error.response.status;
          const message =
            status === 401 || status === 403
              ? 'The shop refused the storefront token.'
              : status === 429
                ? 'The shop is busy; try again in a moment.'
                : `The shop answered HTTP ${status}.`;
          throw new VitrineError(unavailable, message, { cause: error });
        }
        throw new VitrineError(unavailable, 'The shop could not be reached.', { cause: error });
      }
      if (body.errors?.length) {
        const first = body.errors[0]!;
        const message =
          first.extensions?.code === 'THROTTLED'
            ? 'The shop is busy; try again in a moment.'
            : `The shop refused the request: ${String(first.message ?? 'unknown error').slice(0, 200)}`;
        throw new VitrineError(unavailable, message);
      }
      if (!body.data) throw new VitrineError(unavailable, 'The shop answered without data.');
      return body.data;
    },
  };
}
