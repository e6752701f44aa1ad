/**
 * Links into a show (README.md, "Deep links and sharing"): the page's URL with the query
 * parameters `vitrine-show=<show id>`, `vitrine-t=<seconds>` (where a replay starts) and
 * `vitrine-product=<product id>` (whose detail opens). Only the show with that id reacts; other
 * parameters of the page stay as they are. Framework-free.
 */

/** The query parameters of a link into a show. */
export const DEEP_LINK_PARAMS = { show: 'vitrine-show', time: 'vitrine-t', product: 'vitrine-product' } as const;

/** What a link asks of one show. */
export interface DeepLink {
  showId: string;
  /** Seconds into a replay (ignored by a live show). */
  time?: number;
  productId?: string;
}

/**
 * The link in `url` when it points at the show `showId`, else `undefined`. A time that is not a
 * non-negative number of seconds is left out; so is an empty product id.
 */
export function readDeepLink(showId: string, url: string | URL | undefined = globalThis.location?.href): DeepLink | undefined {
  if (!url) return undefined;
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  if (!showId || params.get(DEEP_LINK_PARAMS.show) !== showId) return undefined;
  const link: DeepLink = { showId };
  const time = params.get(DEEP_LINK_PARAMS.time)?.trim();
  const seconds = time ? Number(time) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) link.time = seconds;
  const productId = params.get(DEEP_LINK_PARAMS.product);
  if (productId) link.productId = productId;
  return link;
}

/**
 * `pageUrl` with `link` as its Vitrine parameters (any earlier ones replaced, the rest of the URL
 * kept, the fragment too). The time is written in whole seconds.
 */
export function deepLinkUrl(pageUrl: string | URL, link: DeepLink): string {
  const url = new URL(pageUrl);
  for (const name of Object.values(DEEP_LINK_PARAMS)) url.searchParams.delete(name);
  url.searchParams.set(DEEP_LINK_PARAMS.show, link.showId);
  if (link.time !== undefined && Number.isFinite(link.time) && link.time >= 0) {
    url.searchParams.set(DEEP_LINK_PARAMS.time, String(Math.floor(link.time)));
  }
  if (link.productId) url.searchParams.set(DEEP_LINK_PARAMS.product, link.productId);
  return url.href;
}
