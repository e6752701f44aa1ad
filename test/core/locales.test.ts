// Every shipped locale has every key of the English texts, the same placeholders, and every plural
// form its language needs (Intl.PluralRules' categories); every language but English is a lazy
// chunk (src/locales/), loaded first.
import { expect } from '@open-wc/testing';
import { loadLocale, shippedMessages, type Text } from '../../src/core/i18n.js';
import { messages as cart } from '../../src/components/cart/cart.messages.js';
import '../../src/components/cart/cart.drawer.messages.js';
import '../../src/components/cart/cart.discount.messages.js';
import { messages as carousel } from '../../src/components/carousel/carousel.messages.js';
import { messages as chat } from '../../src/components/chat/chat.messages.js';
import { messages as moments } from '../../src/components/moments/moments.messages.js';
import '../../src/components/player/player.messages.js';
import '../../src/components/player/player.controls.messages.js';
import '../../src/components/product-card/product-card.messages.js';
import '../../src/components/product-detail/product-detail.messages.js';
import { addMessages } from '../../src/components/shared/shared.messages.js';
import { messages as show } from '../../src/components/show/show.messages.js';

const NAMESPACES = ['show', 'player', 'carousel', 'productCard', 'productDetail', 'addToCart', 'cart', 'cartDiscount', 'chat', 'moments'];
// Each shipped locale and the tag its texts are stored under (pt-BR's chunk serves every `pt`).
const LOCALES: Array<[string, string]> = [
  ['en', 'en'], ['de', 'de'], ['ar', 'ar'], ['fr', 'fr'], ['es', 'es'], ['it', 'it'], ['nl', 'nl'], ['pt-BR', 'pt'], ['ja', 'ja'],
];

function placeholders(text: Text): string[] {
  const all = typeof text === 'string' ? [text] : Object.values(text);
  return [...new Set(all.flatMap((s) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))];
}

describe('shipped locales', () => {
  before(async () => {
    for (const [locale] of LOCALES) await loadLocale(locale);
  });

  it('English declares the ten namespaces', () => {
    expect([...shippedMessages('en').keys()].filter((n) => NAMESPACES.includes(n)).sort()).to.deep.equal([...NAMESPACES].sort());
  });

  for (const [locale, stored] of LOCALES) {
    it(`${locale}: every key, no stray key, known placeholders, every plural form`, () => {
      const english = shippedMessages('en');
      const catalog = shippedMessages(stored);
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const namespace of NAMESPACES) {
        const reference = english.get(namespace)!;
        const table = catalog.get(namespace);
        expect(table, `${locale}.${namespace}`).to.be.an('object');
        expect(Object.keys(table!).sort(), `${locale}.${namespace} keys`).to.deep.equal(Object.keys(reference).sort());
        for (const [key, text] of Object.entries(table!)) {
          const where = `${locale}.${namespace}.${key}`;
          // A form may spell its number out (Arabic "one"); a placeholder English lacks is a typo.
          for (const name of placeholders(text)) expect(placeholders(reference[key]!), where).to.include(name);
          if (typeof text !== 'string') {
            for (const category of categories) expect(text[category], `${where}.${category}`).to.be.a('string');
          }
        }
      }
    });
  }

  it('plural texts read right in en, de and ar', () => {
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(carousel('en', 'count', { count: 1 })).to.equal('1 product');
    expect(carousel('en', 'count', { count: 4 })).to.equal('4 products');
    expect(carousel('de', 'count', { count: 1 })).to.equal('1 Produkt');
    expect(carousel('de', 'count', { count: 0 })).to.equal('0 Produkte');
    expect(carousel('ar', 'count', { count: 0 })).to.equal('لا منتجات');
    expect(carousel('ar', 'count', { count: 2 })).to.equal('منتجان');
    expect(carousel('ar', 'count', { count: 11 })).to.equal(`${ar(11)} منتجًا`);
    expect(cart('en', 'button', { count: 1 })).to.equal('Cart, 1 item');
    expect(cart('en', 'button', { count: 0 })).to.equal('Cart, 0 items');
    expect(cart('ar', 'button', { count: 3 })).to.equal(`السلة، ${ar(3)} منتجات`);
    expect(show('de', 'viewers', { count: 1 })).to.equal('1 schaut zu');
    expect(show('de', 'viewers', { count: 2 })).to.equal('2 schauen zu');
    expect(addMessages('ar', 'onlyLeft', { count: 1 })).to.equal('بقيت قطعة واحدة فقط');
    expect(addMessages('ar', 'onlyLeft', { count: 2 })).to.equal('بقيت قطعتان فقط');
    expect(carousel('fr', 'count', { count: 1 })).to.equal('1 produit');
    expect(carousel('ja', 'count', { count: 3 })).to.equal('3点の商品');
  });

  it('the live moments and the chat count by plural rules, not `count === 1`', () => {
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(moments('en', 'votes', { count: 1 })).to.equal('1 vote');
    expect(moments('en', 'votes', { count: 0 })).to.equal('0 votes');
    expect(moments('en', 'votes', { count: 1234 })).to.equal('1,234 votes');
    expect(moments('de', 'votes', { count: 1 })).to.equal('1 Stimme');
    expect(moments('de', 'votes', { count: 2 })).to.equal('2 Stimmen');
    expect(moments('ar', 'votes', { count: 0 })).to.equal('لا أصوات');
    expect(moments('ar', 'votes', { count: 1 })).to.equal('صوت واحد');
    expect(moments('ar', 'votes', { count: 2 })).to.equal('صوتان');
    expect(moments('ar', 'votes', { count: 3 })).to.equal(`${ar(3)} أصوات`);
    expect(moments('ar', 'votes', { count: 11 })).to.equal(`${ar(11)} صوتًا`);
    expect(moments('ar', 'votes', { count: 100 })).to.equal(`${ar(100)} صوت`);
    expect(moments('ar', 'left', { count: 2 })).to.equal('بقيت قطعتان');
    // French counts 0 and 1 in the singular; Spanish, Italian and Portuguese agree the verb.
    expect(moments('fr', 'votes', { count: 0 })).to.equal('0 vote');
    expect(moments('fr', 'votes', { count: 2 })).to.equal('2 votes');
    expect(moments('es', 'left', { count: 1 })).to.equal('Queda 1');
    expect(moments('es', 'left', { count: 3 })).to.equal('Quedan 3');
    expect(moments('it', 'left', { count: 1 })).to.equal('Ne resta 1');
    expect(moments('pt-BR', 'left', { count: 5 })).to.equal('Restam 5');
    expect(moments('nl', 'votes', { count: 1 })).to.equal('1 stem');
    expect(moments('ja', 'votes', { count: 1 })).to.equal('1票');
    expect(chat('en', 'likes', { count: 1 })).to.equal('1 like');
    expect(chat('ar', 'likes', { count: 2 })).to.equal('إعجابان');
  });

  it('keeps the English accessible names of the interaction layer', () => {
    expect((['message', 'send', 'like'] as const).map((key) => chat('en', key))).to.deep.equal(['Message', 'Send', 'Like']);
    expect(moments('en', 'copy')).to.equal('Copy code');
    expect(moments('en', 'apply')).to.equal('Apply code');
  });
});
