/**
 * The storefront loader (dist/cdn/vitrine.js, src/cdn.ts) in pages of its own (iframes): a page
 * with the script tag and no vitrine-* element requests nothing else and defines nothing; an
 * element in the page, added later, or only created with document.createElement gets its code;
 * a chunk that fails to load is a recoverable vitrine-error, retried at the next sighting.
 */
import { expect } from '@open-wc/testing';
import { putDoc, uid, until } from '../adapters/helpers.js';

type FrameWindow = Window & typeof globalThis;

const frames: HTMLIFrameElement[] = [];

async function page(body = '', src = '/dist/cdn/vitrine.js'): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="${src}"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as FrameWindow;
}

/** The script files the page requested (resource timing), relative to /dist/cdn/. */
function scripts(win: FrameWindow): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.endsWith('.js'))
    .map((p) => p.replace(/^\/dist\/cdn\//, ''));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function defined(win: FrameWindow, tag: string): Promise<void> {
  await Promise.race([
    win.customElements.whenDefined(tag),
    sleep(10_000).then(() => {
      throw new Error(`${tag} was not defined`);
    }),
  ]);
}

describe('storefront loader (dist/cdn/vitrine.js)', () => {
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
  });

  it('on a page without vitrine-* elements runs alone: nothing else is requested or defined', async () => {
    const win = await page('<main><h1>A product page</h1><custom-thing></custom-thing></main>');
    await sleep(500);
    expect(scripts(win)).to.deep.equal(['vitrine.js']);
    for (const tag of ['vitrine-show', 'vitrine-player', 'vitrine-cart', 'vitrine-carousel']) {
      expect(win.customElements.get(tag), tag).to.equal(undefined);
    }
    // createElement keeps its behaviour for every other name, even odd ones.
    expect(win.document.createElement('constructor').localName).to.equal('constructor');
    expect(win.document.createElement('DIV').localName).to.equal('div');
    await sleep(200);
    expect(scripts(win)).to.deep.equal(['vitrine.js']);
  });

  it('requests a show’s document while the elements’ code downloads, and the show uses that response', async () => {
    const name = uid('early');
    const product = { id: 'p1', title: 'Beanie', url: 'https://shop.example/p1', price: { amount: '29.00', currencyCode: 'EUR' } };
    await putDoc(name, { id: name, title: 'Early bird', status: 'ended', stream: { src: '/none.m3u8' }, products: [product] });
    const win = await page(`<vitrine-show src="/__show/doc/${name}"></vitrine-show>`);
    const show = win.document.querySelector('vitrine-show') as HTMLElement & { state?: { show?: { title: string } | null } };
    await until(() => show.state?.show?.title === 'Early bird', 'the show loaded');
    const resources = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const documentEntry = resources.find((e) => e.name.endsWith(`/__show/doc/${name}`))!;
    const elements = resources.find((e) => /\/chunks\/elements-[^/]+\.js$/.test(e.name))!;
    expect(documentEntry.startTime, 'requested before the elements’ chunk arrived').to.be.lessThan(elements.responseEnd);
    const log = await (await fetch(`/__show/doc/${name}/log`)).json();
    expect(log.reads, 'one request: the show used the loader’s').to.equal(1);
  });

  it('over a slow connection, requests the show’s document and then its poster before the elements’ code arrives', async () => {
    const name = uid('early-poster');
    const poster = `/examples/backend/images/p1.svg?${name}`;
    await putDoc(name, { id: name, title: 'Poster first', status: 'ended', poster, products: [] });
    const win = await page(`<vitrine-show src="/__show/doc/${name}"></vitrine-show>`, '/__loader/slow/vitrine.js');
    const show = win.document.querySelector('vitrine-show') as HTMLElement & { state?: { show?: { title: string } | null } };
    await until(() => show.state?.show?.title === 'Poster first', 'the show loaded', 15_000);
    const resources = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const elements = resources.find((e) => /\/chunks\/elements-[^/]+\.js$/.test(e.name))!;
    const posters = resources.filter((e) => e.name.endsWith(poster));
    expect(posters.length, 'the poster, requested once').to.equal(1);
    expect(posters[0]!.startTime, 'before the elements’ code arrived').to.be.lessThan(elements.responseEnd);
    const log = await (await fetch(`/__show/doc/${name}/log`)).json();
    expect(log.reads).to.equal(1);
  });

  it('requests nothing in the task that evaluates it: the code, the document and the texts come in later tasks', async () => {
    const name = uid('later');
    await putDoc(name, { id: name, title: 'Later', status: 'ended', products: [] });
    // A module script after the loader's runs right after its evaluation, before any later task.
    const win = await page(
      `<vitrine-show src="/__show/doc/${name}" locale="de"></vitrine-show><script type="module">
        const show = document.querySelector('vitrine-show');
        window.atEvaluation = { early: Symbol.for('vitrine.early-document') in show, entries: performance.getEntriesByType('resource').length };
        const requested = new Set();
        new PerformanceObserver((list) => list.getEntries().forEach((e) => requested.add(e.name))).observe({ type: 'resource', buffered: true });
        window.requested = requested;
      </script>`,
    );
    const atEvaluation = (win as unknown as { atEvaluation: { early: boolean } }).atEvaluation;
    expect(atEvaluation.early, 'no document request during the evaluation').to.equal(false);
    const show = win.document.querySelector('vitrine-show')!;
    await until(() => Symbol.for('vitrine.early-document') in show, 'the early request made later');
    await defined(win, 'vitrine-show');
    expect(scripts(win).some((p) => /^chunks\/de-/.test(p)), 'the texts requested').to.equal(true);
  });

  it('a show whose src changed before its code arrived reads the new document, not the early one', async () => {
    const [first, second] = [uid('early-a'), uid('early-b')];
    await putDoc(first, { id: first, title: 'First', status: 'ended', products: [] });
    await putDoc(second, { id: second, title: 'Second', status: 'ended', products: [] });
    const win = await page(`<vitrine-show src="/__show/doc/${first}"></vitrine-show>`);
    const show = win.document.querySelector('vitrine-show') as HTMLElement & { state?: { show?: { title: string } | null } };
    const reads = async (n: string) => (await (await fetch(`/__show/doc/${n}/log`)).json()).reads;
    // The loader requests the document in a task after its evaluation (after the frame's load):
    // the src changes right after that request, before the code can be defined.
    const nativeFetch = win.fetch;
    win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const response = Reflect.apply(nativeFetch, this, args) as Promise<Response>;
      const url = args[0] instanceof win.Request ? args[0].url : String(args[0]);
      if (url.endsWith(`/__show/doc/${first}`) && !win.customElements.get('vitrine-show')) show.setAttribute('src', `/__show/doc/${second}`);
      return response;
    } as typeof fetch;
    await until(() => show.state?.show?.title === 'Second', 'the new document shown');
    await sleep(300);
    expect(show.state?.show?.title).to.equal('Second');
    expect(await reads(second)).to.equal(1);
    expect(await reads(first), 'the early request only').to.equal(1);
  });

  it('loads the elements when a vitrine-* element is in the page', async () => {
    const win = await page('<vitrine-cart></vitrine-cart>');
    await defined(win, 'vitrine-cart');
    expect(scripts(win).length).to.be.greaterThan(1);
    // One chunk defines the elements of a show's first view.
    expect(win.customElements.get('vitrine-show')).to.not.equal(undefined);
  });

  it('a show’s first view leaves the product detail out: the show defines it when idle (or when a product is opened)', async () => {
    const win = await page('<vitrine-show></vitrine-show>');
    await defined(win, 'vitrine-show');
    expect(win.customElements.get('vitrine-product-detail'), 'not in the first view’s chunk').to.equal(undefined);
    const before = scripts(win).length;
    await defined(win, 'vitrine-product-detail');
    expect(scripts(win).length, 'its own chunk, fetched when idle').to.be.greaterThan(before);
    const detail = win.document.querySelector('vitrine-show')!.shadowRoot!.querySelector('vitrine-product-detail')!;
    expect(detail).to.be.instanceOf(win.customElements.get('vitrine-product-detail')!);
  });

  it('loads the elements when one is added later, nested in other markup', async () => {
    const win = await page('<main></main>');
    await sleep(200);
    expect(win.customElements.get('vitrine-carousel')).to.equal(undefined);
    win.document.querySelector('main')!.innerHTML = '<section><div><vitrine-carousel></vitrine-carousel></div></section>';
    await defined(win, 'vitrine-carousel');
  });

  it('loads the elements when one is created with document.createElement, before it is inserted', async () => {
    const win = await page('');
    await sleep(200);
    const el = win.document.createElement('vitrine-show');
    expect(el.isConnected).to.equal(false);
    await defined(win, 'vitrine-show');
    win.customElements.upgrade(el);
    expect(el).to.be.instanceOf(win.customElements.get('vitrine-show')!);
  });

  it('gives the native createElement back once every element is defined', async () => {
    const win = await page('');
    const wrapped = win.Document.prototype.createElement;
    win.document.createElement('vitrine-show');
    await defined(win, 'vitrine-show');
    await sleep(50);
    expect(win.Document.prototype.createElement, 'kept while <vitrine-chat> is not loaded').to.equal(wrapped);
    win.document.createElement('vitrine-chat');
    await defined(win, 'vitrine-chat');
    await sleep(50);
    expect(win.Document.prototype.createElement, 'kept while <vitrine-product-detail> is not loaded').to.equal(wrapped);
    win.document.createElement('vitrine-product-detail');
    await defined(win, 'vitrine-product-detail');
    await sleep(50);
    expect(win.Document.prototype.createElement).to.not.equal(wrapped);
    expect(String(win.Document.prototype.createElement)).to.contain('[native code]');
  });

  it('a chunk that fails to load is a recoverable vitrine-error on the element, and is retried', async () => {
    const win = await page('', '/__loader/broken/vitrine.js');
    const errors: { code: string; recoverable: boolean }[] = [];
    const el = win.document.createElement('vitrine-show');
    el.addEventListener('vitrine-error', (e) => errors.push((e as CustomEvent).detail));
    win.document.body.append(el);
    const until = Date.now() + 5_000;
    while (!errors.length && Date.now() < until) await sleep(50);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'internal', recoverable: true });
    const requested = () => scripts(win).filter((p) => p.includes('chunks/')).length;
    const before = requested();
    win.document.body.append(win.document.createElement('vitrine-cart'));
    const retry = Date.now() + 5_000;
    while (requested() === before && Date.now() < retry) await sleep(50);
    expect(requested(), 'the chunk was requested again').to.be.greaterThan(before);
  });
});
