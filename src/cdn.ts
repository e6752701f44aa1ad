/**
 * The storefront loader (`dist/cdn/vitrine.js`): the one `<script type="module">` a merchant
 * pastes, often into the theme's layout, so it runs on every page, most of which have no show.
 * It re-exports nothing (the npm API for script-tag pages is `dist/cdn/api.js`) and defines
 * nothing by itself: an element's code is fetched when such an element is in the document, is
 * added to it later, or is created with `document.createElement`. A page without any `vitrine-*`
 * element runs this file and requests nothing else. See docs/loader.md.
 */

/**
 * Each tag and the chunk that defines it. The elements of a show's first view share most of
 * their code (Lit, the store, styles, the player's facade), so they are one chunk: split per
 * tag, a show would fetch some twenty files and ~9 kB more brotli (each file compressed alone).
 * What is not in a first view (the engine, the drawer, the detail, the controls) stays lazy there.
 */
const elements = () => import('./elements.js');
const ELEMENTS = new Map<string, () => Promise<unknown>>();
// Plain loops here and below, no `map`, `every` or array spread: this file runs on every page of
// the shop, and some pages have replaced such functions with broken ones (docs/loader.md).
for (const tag of ['vitrine-show', 'vitrine-player', 'vitrine-carousel', 'vitrine-product-card', 'vitrine-cart']) ELEMENTS.set(tag, elements);
// Not in a first view either (a show defines it when a product is opened, or when idle).
ELEMENTS.set('vitrine-product-detail', () => import('./components/product-detail/define.js'));
// Not in a first view: a chat placed on its own gets its own chunk (a show loads it when it has one).
ELEMENTS.set('vitrine-chat', () => import('./components/chat/define.js'));

const TAGS: string[] = [];
for (const tag of ELEMENTS.keys()) TAGS.push(tag);
const SELECTOR = TAGS.join(',');
/** Chunks loading or loaded. */
const started = new Set<() => Promise<unknown>>();

function load(tag: string, el?: Element): void {
  const chunk = ELEMENTS.get(tag)!;
  if (started.has(chunk) || customElements.get(tag)) return;
  started.add(chunk);
  warmFonts(el);
  chunk().then(done, (error: unknown) => {
    // Offline, or the CDN failed: the next time such an element is seen (or the device is back
    // online), the chunk is requested again. The elements waiting for it hear why.
    started.delete(chunk);
    for (const el of document.querySelectorAll(SELECTOR)) {
      if (customElements.get(el.localName) || ELEMENTS.get(el.localName) !== chunk) continue;
      el.dispatchEvent(
        new CustomEvent('vitrine-error', {
          bubbles: true,
          composed: true,
          detail: { code: 'internal', message: `Vitrine could not load <${el.localName}>: ${String(error)}`, recoverable: true },
        }),
      );
    }
  });
}

/**
 * The widget's default font stack and type scale, as components/shared/type-scale.ts has them:
 * written again here, because an import would put that module in a chunk shared with the
 * elements' code, which this file would then load on every page (test/cdn/type-scale.test.ts
 * checks that the two agree).
 */
const FONT_STACK = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;
const STRIKES = ['700 12px', '400 13px', '400 14px', '700 14px', '700 16px'];
/** The widget's text the warm-up measures: Latin letters, digits and the common currency signs. */
const SAMPLE = 'Add to cart · Live 0123456789 €$£';
let warming = false;

/**
 * Draws nothing, but measures a sample in each strike of the widget's type scale
 * (components/shared/type-scale.ts), one strike per task, while the elements' code downloads. A
 * page that has not drawn a font at a size and weight yet looks it up in the layout of the frame
 * that first draws it: the first view's strikes made its first layout some 100 ms longer at 4x
 * CPU. An offscreen canvas shares the page's font cache and changes nothing in the document, so
 * the first layout finds them looked up. `--vitrine-font` is read from the element (or the
 * document), as the elements' styles read it.
 */
function warmFonts(el: Element | undefined): void {
  if (warming || typeof OffscreenCanvas !== 'function') return;
  warming = true;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let family = FONT_STACK;
  let next = 0;
  // A task for the canvas and the family (reading it may recalculate the page's style), then one per strike.
  const step = () => {
    try {
      if (context) {
        context.font = `${STRIKES[next]} ${family}`;
        context.measureText(SAMPLE);
        next += 1;
      } else {
        context = new OffscreenCanvas(1, 1).getContext('2d');
        family = getComputedStyle(el?.isConnected ? el : document.documentElement).getPropertyValue('--vitrine-font').trim() || FONT_STACK;
      }
    } catch {
      return; // No 2D context here: the first layout looks the fonts up itself.
    }
    if (context && next < STRIKES.length) later(step);
  };
  later(step);
}

/**
 * Where a show finds the request for its document that the loader made (show.early.ts reads it).
 * A registered symbol, not a global: the loader and the elements' chunk share no module state.
 */
const EARLY_DOCUMENT = Symbol.for('vitrine.early-document');

/**
 * Requests the document of a `<vitrine-show src>` while the elements' code downloads: the first
 * view waited for the code, then for the document, one after the other. The request is the one
 * the show's REST adapter makes (src/adapters/rest/get.ts); the show uses its response, once.
 */
function requestDocument(el: Element): void {
  const src = el.getAttribute('src');
  const holder = el as unknown as Record<symbol, unknown>;
  if (!src || holder[EARLY_DOCUMENT] || customElements.get('vitrine-show')) return;
  try {
    const url = new URL(src, document.baseURI).href;
    const response = fetch(new Request(url, { method: 'GET', headers: { accept: 'application/json' }, cache: 'no-cache' }));
    holder[EARLY_DOCUMENT] = { url, at: Date.now(), response };
    // A failure is heard by the show, which then requests the document itself.
    response.then(requestPoster).catch(() => {});
  } catch {
    // A page whose fetch is broken: the show requests the document and reports the failure.
  }
}

/** The largest document whose poster the loader looks up (a bigger one is read in slices by the show). */
const SMALL_DOCUMENT = 256 * 1024;

/**
 * Requests the show's poster (the first view's largest image) as soon as its document is here, not
 * once the show has drawn it: the image is then in the browser's cache when the show draws it.
 */
async function requestPoster(response: Response): Promise<void> {
  if (!response.ok) return;
  const body = await response.clone().blob();
  if (body.size > SMALL_DOCUMENT) return;
  const poster = (JSON.parse(await body.text()) as { poster?: unknown } | null)?.poster;
  if (typeof poster !== 'string') return;
  const url = new URL(poster.trim(), response.url);
  // The priority stays the browser's: the page's own largest image may be above the show.
  if (url.protocol === 'https:' || url.protocol === 'http:') new Image().src = url.href;
}

/**
 * The shipped languages' texts, one chunk each (English is in the elements' code). The same
 * imports as src/core/i18n.ts's, so the same files and module instances: the page's language
 * downloads beside the elements' code, and elements.ts waits for it before it defines them, so
 * the first render is in that language. `pt` reads the Brazilian texts.
 */
const TEXTS = new Map<string, () => Promise<unknown>>([
  ['de', () => import('./locales/de.js')],
  ['ar', () => import('./locales/ar.js')],
  ['fr', () => import('./locales/fr.js')],
  ['es', () => import('./locales/es.js')],
  ['it', () => import('./locales/it.js')],
  ['nl', () => import('./locales/nl.js')],
  ['pt', () => import('./locales/pt-BR.js')],
  ['ja', () => import('./locales/ja.js')],
]);

/** Requests the texts of `el`'s language: its `locale`, else the closest `lang`, else the browser's (resolveLocale). */
function requestTexts(el: Element): void {
  const locale = el.getAttribute('locale') || el.closest('[lang]:not([lang=""])')?.getAttribute('lang') || navigator.language || '';
  const chunk = TEXTS.get(locale.toLowerCase().split(/[-_]/)[0]!);
  if (chunk && !started.has(chunk)) {
    started.add(chunk);
    chunk().catch(() => started.delete(chunk)); // the elements then load it themselves, English meanwhile
  }
}

/**
 * Runs `work` in a task of its own, after the current one (a timer: not nested, so not clamped). Each
 * request below is a first call into a part of the platform (dynamic import, fetch, the
 * language lookup) that costs some milliseconds on a slow phone; in one task with the loader's
 * evaluation, which runs in the task that ends the page's parsing (with DOMContentLoaded, load
 * and the page's first layout), they made a long task of ~60-80 ms at 4x CPU (issue 19).
 */
function later(work: () => void): void {
  setTimeout(work);
}

function found(el: Element): void {
  // The elements' code is requested first (the largest download), then the show's document and
  // the page's language, each in a task of its own, all long before that code arrives.
  later(() => load(el.localName, el));
  if (el.localName === 'vitrine-show') later(() => requestDocument(el));
  later(() => requestTexts(el));
}

/** Loads the chunks of the tags `root` is or contains. */
function discover(root: Element | Document): void {
  if (root instanceof Element && ELEMENTS.has(root.localName)) found(root);
  if (root.firstElementChild || root instanceof Document) for (const el of root.querySelectorAll(SELECTOR)) found(el);
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
});

// `document.createElement('vitrine-show')` (React, Vue and most frameworks create elements so,
// then set properties before inserting): start loading at creation. The wrapper only adds that
// side effect, with the original's `this`, arguments and result, and it is taken off again once
// every tag is loaded (unless the page has wrapped it in turn since).
const proto = Document.prototype;
const nativeCreateElement = proto.createElement;
function createElement(this: Document, ...args: Parameters<Document['createElement']>): HTMLElement {
  const el = Reflect.apply(nativeCreateElement, this, args) as HTMLElement;
  if (ELEMENTS.has(el.localName)) load(el.localName);
  return el;
}
proto.createElement = createElement as Document['createElement'];

function done(): void {
  for (const tag of TAGS) if (!customElements.get(tag)) return;
  observer.disconnect();
  removeEventListener('online', rescan);
  if (proto.createElement === (createElement as unknown)) proto.createElement = nativeCreateElement;
}

function rescan(): void {
  discover(document);
}

observer.observe(document, { childList: true, subtree: true });
addEventListener('online', rescan);
// The first scan in a task after the loader's evaluation (see `later`); an element added
// meanwhile is seen by the observer, one created with createElement by the wrapper.
later(rescan);
