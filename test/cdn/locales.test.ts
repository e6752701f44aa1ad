/**
 * The page's language from the first frame on the CDN path: the loader (dist/cdn/vitrine.js)
 * requests the texts of the page's language beside the elements' chunk, and the elements are
 * defined once they are in, so a show's first render is already in that language (before, it
 * rendered English and re-rendered when the language's chunk arrived: a flash of English).
 * Each page records the texts (text nodes and attribute values) of the show's shadow root after
 * every update, from the first, by wrapping `customElements.define` before the loader runs.
 */
import { expect } from '@open-wc/testing';
import { loadLocale, shippedMessages } from '../../src/core/i18n.js';
import '../../src/components/show/show.messages.js';
import { putDoc, uid, until } from '../adapters/helpers.js';

type FrameWindow = Window & typeof globalThis & { __renders?: string[] };

const frames: HTMLIFrameElement[] = [];

const RECORDER = `<script>
  window.__renders = [];
  const texts = (root) => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) out.push(node.data);
      else for (const attribute of node.attributes) out.push(attribute.value);
    }
    return out.join('\\n');
  };
  const define = customElements.define;
  customElements.define = function (name, element, options) {
    if (name === 'vitrine-show') {
      const updated = element.prototype.updated;
      element.prototype.updated = function (...args) {
        window.__renders.push(texts(this.shadowRoot));
        return updated.apply(this, args);
      };
    }
    return define.call(this, name, element, options);
  };
</script>`;

async function page(lang: string, body: string): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${RECORDER}<script type="module" src="/dist/cdn/vitrine.js"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as FrameWindow;
}

/** The show's texts without placeholders or plural forms, by key, in a locale. */
function showTexts(locale: string): Map<string, string> {
  const table = shippedMessages(locale).get('show')!;
  const out = new Map<string, string>();
  for (const [key, text] of Object.entries(table)) if (typeof text === 'string' && !text.includes('{')) out.set(key, text);
  return out;
}

/** A page with `html lang` and a show; its renders once the show has loaded its document. */
async function renders(lang: string, attributes = ''): Promise<string[]> {
  const name = uid('lang');
  const product = { id: 'p1', title: 'Beanie', url: 'https://shop.example/p1', price: { amount: '29.00', currencyCode: 'EUR' } };
  await putDoc(name, { id: name, title: 'Wintersale', status: 'ended', stream: { src: '/none.m3u8' }, products: [product] });
  const win = await page(lang, `<vitrine-show src="/__show/doc/${name}" ${attributes}></vitrine-show>`);
  const show = win.document.querySelector('vitrine-show') as HTMLElement & { state?: { show?: { title: string } | null }; updateComplete: Promise<boolean> };
  await until(() => show.state?.show?.title === 'Wintersale' && win.__renders!.length > 0, 'the show loaded', 10_000);
  await show.updateComplete;
  return [...win.__renders!];
}

/** The English texts found in `rendered` whose translation in `locale` differs. */
function english(rendered: string, locale: string): string[] {
  const translated = showTexts(locale);
  const found: string[] = [];
  for (const [key, text] of showTexts('en')) if (translated.get(key) !== text && rendered.includes(text)) found.push(`${key}: ${text}`);
  return found;
}

describe('storefront loader: the page’s language from the first render', () => {
  before(async () => {
    for (const locale of ['de', 'ar', 'fr', 'pt-BR', 'ja']) await loadLocale(locale);
  });

  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
  });

  it('an English page: the recorder sees the show’s English texts in its first render', async () => {
    const [first] = await renders('en');
    const texts = [...showTexts('en').values()].filter((text) => first!.includes(text));
    expect(texts, 'the first render has texts the check below can see').to.not.be.empty;
  });

  for (const [lang, stored] of [['de', 'de'], ['ar', 'ar'], ['fr', 'fr'], ['pt-BR', 'pt']] as const) {
    it(`<html lang="${lang}">: the show’s first render is already in that language, and no English ever shows`, async () => {
      const all = await renders(lang);
      const own = [...showTexts(stored).values()].filter((text) => !showTexts('en').has(text));
      expect(own.some((text) => all[0]!.includes(text)), `the first render is in ${lang}:\n${all[0]}`).to.equal(true);
      all.forEach((rendered, i) => expect(english(rendered, stored), `English in render ${i + 1}`).to.deep.equal([]));
    });
  }

  it('a show’s own `locale` attribute: its language is loaded with the code, over the page’s', async () => {
    const all = await renders('en', 'locale="ja"');
    const own = [...showTexts('ja').values()];
    expect(own.some((text) => all[0]!.includes(text)), `the first render is in Japanese:\n${all[0]}`).to.equal(true);
    all.forEach((rendered, i) => expect(english(rendered, 'ja'), `English in render ${i + 1}`).to.deep.equal([]));
  });

  it('Arabic: the first render is right to left', async () => {
    const name = uid('rtl');
    await putDoc(name, { id: name, title: 'Wintersale', status: 'ended', products: [] });
    const win = await page('ar', `<vitrine-show src="/__show/doc/${name}"></vitrine-show>`);
    await win.customElements.whenDefined('vitrine-show');
    const show = win.document.querySelector('vitrine-show') as HTMLElement & { updateComplete: Promise<boolean> };
    await show.updateComplete;
    expect(win.__renders![0]).to.include('rtl');
    expect(show.shadowRoot!.querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('requests the page’s language once, beside the elements, and no language for an English page', async () => {
    const name = uid('once');
    await putDoc(name, { id: name, title: 'Wintersale', status: 'ended', products: [] });
    const files = async (lang: string) => {
      const win = await page(lang, `<vitrine-show src="/__show/doc/${name}"></vitrine-show><vitrine-cart></vitrine-cart>`);
      await win.customElements.whenDefined('vitrine-show');
      return (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e) => /\/chunks\/(de|ar|fr|es|it|nl|pt-BR|ja)-[^/]+\.js$/.exec(new URL(e.name).pathname)?.[1])
        .filter((language) => language !== undefined);
    };
    expect(await files('de-AT')).to.deep.equal(['de']);
    expect(await files('en')).to.deep.equal([]);
  });
});
