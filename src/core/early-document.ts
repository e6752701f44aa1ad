/**
 * The show document the CDN loader requested (src/cdn.ts) when it saw a `<vitrine-show src>`,
 * while the elements' code downloaded: before, the first view waited for the code and then for the
 * document, one after the other. The loader leaves its request on the element under a registered
 * symbol (the loader and the elements' chunk share no module); the show takes it off once and
 * hands it to its session, whose first read of that URL uses the response (docs/loader.md).
 */

/** The loader's request, as it leaves it on the element. */
export interface EarlyDocument {
  /** The absolute URL requested. */
  url: string;
  /** When it was requested (`Date.now()`). */
  at: number;
  response: Promise<Response>;
}

const EARLY_DOCUMENT = Symbol.for('vitrine.early-document');
/** Older than this, the response may describe another status: the show requests the document itself. */
const FRESH_FOR = 30_000;

/** `url` resolved against the page, as the loader and the REST adapter resolve it (or itself). */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}

/** Takes the loader's request off the element: at most once, and only while fresh. */
export function takeEarlyDocument(el: Element): EarlyDocument | undefined {
  const holder = el as unknown as Record<symbol, EarlyDocument | undefined>;
  const early = holder[EARLY_DOCUMENT];
  if (!early) return undefined;
  delete holder[EARLY_DOCUMENT];
  return typeof early.url === 'string' && early.response instanceof Promise && Date.now() - early.at < FRESH_FOR ? early : undefined;
}

/**
 * A `fetch` that answers its first `GET` of `early.url` with the early response (rejecting with the
 * signal's reason if the signal aborts first, as `fetch` does), and passes every other call to `base`.
 */
export function answeringFirst(early: EarlyDocument, base: typeof fetch): typeof fetch {
  let pending: Promise<Response> | undefined = early.response;
  return (input, init) => {
    const response = pending;
    pending = undefined;
    if (!response || !(input instanceof Request) || input.method !== 'GET' || input.url !== early.url) return base(input, init);
    const signal = init?.signal ?? input.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      response.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}
