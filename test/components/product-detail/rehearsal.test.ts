// A page of its own (web-test-runner runs each file in one): the detail's content chunk is not
// loaded yet when the element connects, as in a show's page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/product-detail/define.js';
import type { VitrineProductDetail } from '../../../src/components/product-detail/product-detail.js';
import { button, setup } from '../product-card/fixtures.js';

describe('<vitrine-product-detail>: the first open prepared while the page is idle', () => {
  it('after the idle prefetch of its content, adopts the content styles and rehearses once, drawing nothing into the page; the first open then works as any other', async () => {
    const world = setup();
    const el = await fixture<VitrineProductDetail>(html`<vitrine-product-detail dialog .store=${world.store}></vitrine-product-detail>`);
    const root = el.shadowRoot!;
    const before = root.adoptedStyleSheets.length;
    await waitUntil(() => root.adoptedStyleSheets.length > before, 'the content styles adopted while idle', { timeout: 8000 });
    expect(root.adoptedStyleSheets.length).to.equal(before + 1);
    // The rehearsal rendered into a detached fragment: nothing of it in the page or the element.
    expect(root.querySelector('[id^="vitrine-rehearsal"], .detail')).to.equal(null);
    expect(document.querySelector('[id^="vitrine-rehearsal"]')).to.equal(null);
    expect(root.querySelector('dialog')!.open).to.be.false;

    world.store.set({ openProductId: 'scarf' });
    await el.updateComplete;
    expect(root.querySelector('dialog')!.open).to.be.true;
    expect(root.querySelector('h2')!.textContent).to.include('Cashmere scarf');
    expect(button(root, 'Add to cart')).to.exist;
    expect(getComputedStyle(root.querySelector('.detail')!).display).to.equal('grid');
    expect(root.adoptedStyleSheets.length, 'the styles adopted once').to.equal(before + 1);
  });
});

describe('rehearseDetail (product-detail.body.ts)', () => {
  it('renders its sample detail (options, a sale price, low stock, a description) without throwing, and adds nothing to the document', async () => {
    const { rehearseDetail } = await import('../../../src/components/product-detail/product-detail.body.js');
    const count = document.getElementsByTagName('*').length;
    const calls: string[] = [];
    const add = {
      pending: () => (calls.push('pending'), false),
      feedbackFor: () => (calls.push('feedbackFor'), undefined),
    } as unknown as Parameters<typeof rehearseDetail>[1];
    expect(() => rehearseDetail(document.body, add, 'en')).not.to.throw();
    expect(() => rehearseDetail(document.body, add, 'de')).not.to.throw();
    expect(calls, 'the add button was rendered').to.include('pending');
    expect(document.getElementsByTagName('*').length).to.equal(count);
  });
});
