/** The loader's early request for a show's document, as the session takes and uses it (src/core/early-document.ts). */
import { expect } from '@open-wc/testing';
import { answeringFirst, takeEarlyDocument, type EarlyDocument } from '../../src/core/early-document.js';

const KEY = Symbol.for('vitrine.early-document');
const URL_A = new URL('/doc/a', location.href).href;

function early(response: Promise<Response>, at = Date.now()): EarlyDocument {
  return { url: URL_A, at, response };
}

describe('early show document', () => {
  it('is taken off the element once, and only while fresh', () => {
    const el = document.createElement('div') as unknown as Record<symbol, unknown> & Element;
    const fresh = early(Promise.resolve(new Response('{}')));
    el[KEY] = fresh;
    expect(takeEarlyDocument(el)).to.equal(fresh);
    expect(takeEarlyDocument(el), 'once').to.equal(undefined);
    el[KEY] = early(Promise.resolve(new Response('{}')), Date.now() - 31_000);
    expect(takeEarlyDocument(el), 'stale').to.equal(undefined);
    expect(KEY in el).to.equal(false);
  });

  it('answers the first GET of its URL, and passes everything else on', async () => {
    const calls: string[] = [];
    const base = (async (input: RequestInfo | URL) => {
      calls.push(input instanceof Request ? input.url : String(input));
      return new Response('base');
    }) as typeof fetch;
    const f = answeringFirst(early(Promise.resolve(new Response('early'))), base);
    expect(await (await f(new Request(URL_A))).text()).to.equal('early');
    expect(await (await f(new Request(URL_A))).text(), 'a second read is a request').to.equal('base');
    const other = answeringFirst(early(Promise.resolve(new Response('early'))), base);
    expect(await (await other(new Request(new URL('/doc/b', location.href)))).text()).to.equal('base');
    expect(await (await other(new Request(URL_A))).text(), 'not after another request').to.equal('base');
    const post = answeringFirst(early(Promise.resolve(new Response('early'))), base);
    expect(await (await post(new Request(URL_A, { method: 'POST', body: '{}' }))).text()).to.equal('base');
    expect(calls.length).to.equal(4);
  });

  it('rejects with the signal’s reason when aborted before the early response comes', async () => {
    const never = new Promise<Response>(() => {});
    const f = answeringFirst(early(never), fetch);
    const controller = new AbortController();
    const pending = f(new Request(URL_A), { signal: controller.signal });
    controller.abort(new DOMException('gone', 'AbortError'));
    const error = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as DOMException).message).to.equal('gone');
    const failed = answeringFirst(early(Promise.reject(new TypeError('offline'))), fetch);
    const failure = await failed(new Request(URL_A)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).to.be.instanceOf(TypeError);
  });
});
