/**
 * `<vitrine-cart>`: the cart button and its drawer. Empty, with lines, a line updating, a failed
 * change, and checkout. The drawer is open in every story but the button ones.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/cart/define.js';
import { defaultMockArgs, latencyOf, mockArgTypes, until, type MockArgs } from './mocks/args.js';
import { catalog } from './mocks/fixtures.js';
import { createStoryStore, type StoryStore } from './mocks/store.js';

interface CartArgs extends MockArgs {
  /** How many different products are in the cart. */
  lineCount: number;
  open: boolean;
}

const meta: Meta<CartArgs> = {
  title: 'Cart',
  component: 'vitrine-cart',
  args: { ...defaultMockArgs, lineCount: 3, open: true },
  argTypes: {
    ...mockArgTypes,
    productCount: { table: { disable: true } },
    lineCount: { control: { type: 'number', min: 0, max: 12 }, table: { category: 'Data' } },
  },
  loaders: [
    async ({ args }) => {
      const a = args as CartArgs;
      const products = catalog({ count: 12, locale: a.locale, currency: a.currency });
      const buyable = products.filter((p) => p.available);
      const kit = await createStoryStore({
        products,
        locale: a.locale,
        latency: latencyOf(a),
        failure: a.failure,
        lines: buyable.slice(0, a.lineCount).map((p, i) => ({ productId: p.id, quantity: i === 0 ? 2 : 1 })),
        state: { cartOpen: a.open },
      });
      return { kit };
    },
  ],
  render: (args, { loaded }) => {
    const { kit } = loaded as { kit: StoryStore };
    return html`<vitrine-cart .store=${kit.store} locale=${args.locale}></vitrine-cart>`;
  },
};
export default meta;
type Story = StoryObj<CartArgs>;

/** The first line's "increase quantity" button (found by its accessible name's start). */
async function increaseFirstLine(root: HTMLElement): Promise<void> {
  const cart = root.querySelector('vitrine-cart')!;
  const button = await until(() => cart.shadowRoot?.querySelector<HTMLButtonElement>('[part="line"] [part="stepper"] button:last-of-type'));
  button.click();
}

export const Empty: Story = { args: { lineCount: 0 } };

export const WithLines: Story = {};

export const ManyLines: Story = { args: { lineCount: 9 } };

/** A quantity change in flight: the line shows it is updating. */
export const Updating: Story = {
  args: { latency: 10000 },
  play: async ({ canvasElement }) => {
    await increaseFirstLine(canvasElement);
    const cart = canvasElement.querySelector('vitrine-cart')!;
    await until(() => cart.store?.state.updatingLines.size);
  },
};

/** The cart backend answered 500 to a quantity change: the drawer says so; the lines are unchanged. */
export const CartError: Story = {
  args: { latency: 300, failure: 'server-error' },
  play: async ({ canvasElement }) => {
    await increaseFirstLine(canvasElement);
    const cart = canvasElement.querySelector('vitrine-cart')!;
    await until(() => cart.shadowRoot?.querySelector('[part="error"]'));
  },
};

/** Only the button, with the item count (the drawer closed). */
export const Button: Story = { args: { open: false } };

export const ButtonEmpty: Story = { args: { open: false, lineCount: 0 } };

export const Kuwaiti: Story = { args: { currency: 'KWD', locale: 'ar' } };
