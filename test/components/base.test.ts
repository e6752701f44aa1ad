import { expect } from '@open-wc/testing';
import '../../src/components/product-card/define.js';
import '../../src/components/player/define.js';
import '../../src/components/show/define.js';
import { yieldToMain } from '../../src/components/base.js';
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

  it('yieldToMain() resumes after the microtasks queued before it, in a later task', async () => {
    const order: string[] = [];
    void microtasks(50).then(() => order.push('microtasks'));
    await yieldToMain();
    order.push('yielded');
    expect(order).to.deep.equal(['microtasks', 'yielded']);
  });
});
