import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { VitrineShow } from '../../../src/components/show/show.js';
import { money, mountShow, product, shadow, showDoc, until } from './helpers.js';

/** Finds a button by accessible name (aria-label or text) in `root` and the open shadow roots below it. */
function findButton(root: ParentNode, name: RegExp): HTMLButtonElement | undefined {
  for (const node of root.querySelectorAll('*')) {
    if (node instanceof HTMLButtonElement && name.test((node.getAttribute('aria-label') ?? node.textContent ?? '').trim())) return node;
    if (node.shadowRoot) {
      const found = findButton(node.shadowRoot, name);
      if (found) return found;
    }
  }
  return undefined;
}

const toast = (el: VitrineShow) => shadow(el, '[part="toast"]') as HTMLElement;
const countBadge = (el: VitrineShow) => shadow(el, 'vitrine-cart')!.shadowRoot!.querySelector<HTMLElement>('[part="count"]')!;

/** The count's scripted animations (its colour transitions aside). */
const bumps = (el: VitrineShow) => countBadge(el).getAnimations().filter((a) => !(a instanceof CSSTransition));

async function addFromPinned(el: VitrineShow, id: string) {
  el.store.set({ highlight: { productId: id, at: 0 } });
  await el.updateComplete;
  const card = shadow(el, '.pinned vitrine-product-card')!;
  const add = (await until(() => findButton(card.shadowRoot!, /^Add to cart$/), 'Add to cart'))!;
  add.click();
  return add;
}

describe('<vitrine-show> add feedback (issue 17)', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('after an add from the pinned card: a toast "Added: <name>" (role=status, top layer) whose "View cart" opens the cart; the count animates', async () => {
    const { el } = await mountShow();
    expect(toast(el).getAttribute('role')).to.equal('status');
    expect(toast(el).matches(':popover-open'), 'no toast before an add').to.equal(false);
    await addFromPinned(el, 'p2');
    await until(() => countBadge(el).textContent?.trim() === '1', 'count 1');
    expect(bumps(el), 'the count animates').to.have.length(1);
    await until(() => toast(el).matches(':popover-open'), 'the toast shows');
    expect(toast(el).textContent).to.contain('Added: Wool scarf');
    await expect(toast(el)).to.be.accessible();
    const box = toast(el).getBoundingClientRect();
    expect(box.height, 'visible').to.be.greaterThan(30);
    expect(box.bottom).to.be.at.most(innerHeight);
    findButton(el.shadowRoot!, /^View cart$/)!.click();
    await until(() => el.store.state.cartOpen, 'View cart opens the cart');
    await until(() => !toast(el).matches(':popover-open'), 'the toast goes when used');
  });

  it('with prefers-reduced-motion, only the count changes (no animation)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await mountShow();
    await addFromPinned(el, 'p1');
    await until(() => countBadge(el).textContent?.trim() === '1', 'count 1');
    expect(bumps(el)).to.have.length(0);
  });

  it('adding from the product detail closes it and shows the toast', async () => {
    const sizes = product('p4', {
      title: 'Organic cotton tee',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { id: 'p4-s', title: 'S', options: { Size: 'S' }, price: money('19.00'), available: true },
        { id: 'p4-m', title: 'M', options: { Size: 'M' }, price: money('19.00'), available: true },
      ],
    });
    const { el } = await mountShow(showDoc({ products: [product('p1'), sizes] }), 390);
    el.openProduct('p4');
    const detail = shadow(el, 'vitrine-product-detail')!;
    await until(() => detail.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the detail open');
    (await until(() => findButton(detail.shadowRoot!, /^Add to cart$/), 'Add to cart in the detail'))!.click();
    await until(() => !detail.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the detail closes');
    await until(() => toast(el).matches(':popover-open'), 'the toast shows');
    expect(toast(el).textContent).to.contain('Added: Organic cotton tee');
  });

  it('the add button gets its normal look back: no hover colour without a hovering pointer (it stuck after a tap)', async () => {
    const { el } = await mountShow();
    const card = shadow(el, '.pinned vitrine-product-card')!;
    const sheets = [...card.shadowRoot!.adoptedStyleSheets];
    const outside: string[] = [];
    const walk = (rules: CSSRuleList, inHover: boolean) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) walk(rule.cssRules, inHover || /hover:\s*hover/.test(rule.conditionText));
        else if (rule instanceof CSSStyleRule && /\.primary:hover/.test(rule.selectorText) && !inHover) outside.push(rule.selectorText);
      }
    };
    for (const sheet of sheets) walk(sheet.cssRules, false);
    expect(sheets.length).to.be.greaterThan(0);
    expect(outside).to.deep.equal([]);
    const add = await addFromPinned(el, 'p1');
    await until(() => /Added to cart/.test(card.shadowRoot!.querySelector('[part="status"]')?.textContent ?? ''), 'confirmation');
    expect(add.disabled).to.equal(false);
    expect(add.getAttribute('aria-disabled')).to.equal(null);
    expect(add.textContent!.trim()).to.equal('Add to cart');
  });
});
