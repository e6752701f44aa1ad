import { expect } from '@open-wc/testing';
import '../../src/components/product-card/define.js';
import '../../src/components/player/define.js';
import '../../src/components/show/define.js';
import { VitrineElement } from '../../src/components/base.js';
import { yieldToPage } from '../../src/core/yield.js';
import { html } from 'lit';
import { setup } from './product-card/fixtures.js';

const microtasks = async (n = 20) => {
  for (let i = 0; i < n; i += 1) await Promise.resolve();
};

describe('VitrineElement: first render in a task of its own', () => {
  it('a shop element renders after the task that connected it (the host page’s task stays short), then as usual', async () => {
    const { store } = setup();
    const card = document.createElement('vitrine-product-card');
    card.store = store;
    card.productId = 'scarf';
    document.body.append(card);
    try {
      await microtasks();
      expect(card.hasUpdated, 'not within the connecting task').to.be.false;
      await card.updateComplete;
      expect(card.shadowRoot!.textContent).to.include('Cashmere scarf');
      // Later updates are not delayed.
      store.upsertProduct({ ...store.product('scarf')!, title: 'Silk scarf' });
      await microtasks();
      expect(card.shadowRoot!.textContent).to.include('Silk scarf');
    } finally {
      card.remove();
    }
  });

  it('the player’s facade renders at once (it is what the shopper looks at first)', async () => {
    const player = document.createElement('vitrine-player');
    player.setAttribute('label', 'Winter drop');
    document.body.append(player);
    try {
      await microtasks();
      expect(player.hasUpdated).to.be.true;
    } finally {
      player.remove();
    }
  });

  it('the show renders at once (its grid reserves the size of everything inside), its children later', async () => {
    const show = document.createElement('vitrine-show');
    document.body.append(show);
    try {
      await microtasks();
      expect(show.hasUpdated).to.be.true;
      expect(show.getBoundingClientRect().height).to.be.greaterThan(300);
      const cart = show.shadowRoot!.querySelector('vitrine-cart')!;
      expect(cart.hasUpdated, 'the cart renders in a task of its own').to.be.false;
      await cart.updateComplete;
      expect(cart.hasUpdated).to.be.true;
    } finally {
      show.remove();
    }
  });

  it('yieldToPage() resumes after the microtasks queued before it, in a later task', async () => {
    const order: string[] = [];
    void microtasks(50).then(() => order.push('microtasks'));
    await yieldToPage();
    order.push('yielded');
    expect(order).to.deep.equal(['microtasks', 'yielded']);
  });
});

/** An element whose render throws while `broken` is set (as on a page that broke `Array.prototype.map`). */
class FlakyElement extends VitrineElement {
  static broken = false;
  renders = 0;
  protected override render() {
    this.renders += 1;
    if (FlakyElement.broken) [1, 2].map(() => {
      throw new TypeError('Array.prototype.map replaced by the host');
    });
    return html`<p>fine</p>`;
  }
  protected override failureText(): string {
    return 'This could not be shown.';
  }
}
customElements.define('test-flaky-element', FlakyElement);

describe('VitrineElement: an update that throws', () => {
  const pageErrors: string[] = [];
  const onError = (e: ErrorEvent) => pageErrors.push(String(e.message));
  const onRejection = (e: PromiseRejectionEvent) => pageErrors.push(`rejection: ${String(e.reason)}`);
  beforeEach(() => {
    pageErrors.length = 0;
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    FlakyElement.broken = false;
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  });

  it('is reported once as vitrine-error (internal, not recoverable), shows the failure state, renders no more, and never reaches the page', async () => {
    FlakyElement.broken = true;
    const el = document.createElement('test-flaky-element') as FlakyElement;
    const errors: { code: string; message: string; recoverable: boolean }[] = [];
    el.addEventListener('vitrine-error', (e) => errors.push((e as CustomEvent).detail));
    document.body.append(el);
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ code: 'internal', recoverable: false });
      expect(errors[0].message).to.contain('<test-flaky-element> stopped (render): TypeError: Array.prototype.map replaced by the host');
      const status = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(status.getAttribute('part')).to.equal('status');
      expect(status.querySelector('slot[name="unavailable"]')!.textContent).to.equal('This could not be shown.');
      // Later changes render nothing and report nothing again.
      const renders = el.renders;
      el.requestUpdate();
      await new Promise((r) => setTimeout(r, 50));
      expect(el.renders).to.equal(renders);
      expect(errors).to.have.length(1);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('an element that renders fine is not touched by the guard', async () => {
    const el = document.createElement('test-flaky-element') as FlakyElement;
    document.body.append(el);
    try {
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 20));
      expect(el.shadowRoot!.textContent).to.contain('fine');
      el.requestUpdate();
      await el.updateComplete;
      expect(el.renders).to.be.greaterThan(1);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
