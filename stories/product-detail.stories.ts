/**
 * `<vitrine-product-detail>`: option pickers, quantity and add to cart. Unavailable combinations
 * are disabled and explained; adding shows its pending state; a refused add says why.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/product-detail/define.js';
import type { Product } from '../src/core/types.js';
import { defaultMockArgs, inShadow, latencyOf, mockArgTypes, until, type MockArgs } from './mocks/args.js';
import { product, PRODUCT_IDS } from './mocks/fixtures.js';
import { createStoryStore, type StoryStore } from './mocks/store.js';

interface DetailArgs extends MockArgs {
  productId: string;
  /** Render as the modal dialog (a bottom sheet on phones). */
  dialog: boolean;
}

const meta: Meta<DetailArgs> = {
  title: 'Product detail',
  component: 'vitrine-product-detail',
  args: { ...defaultMockArgs, productId: PRODUCT_IDS.beanie, dialog: false },
  argTypes: {
    ...mockArgTypes,
    productCount: { table: { disable: true } },
    productId: {
      control: 'select',
      options: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12'],
      description: 'Fixture product (p1: colors, p2: size × color with gaps, p4: low stock, p5: sold out).',
      table: { category: 'Data' },
    },
  },
  loaders: [
    async ({ args }) => {
      const a = args as DetailArgs;
      const item = product(a.productId, a);
      const kit = await createStoryStore({
        products: [item],
        locale: a.locale,
        latency: latencyOf(a),
        failure: a.failure,
        state: a.dialog ? { openProductId: item.id } : {},
      });
      return { kit, item };
    },
  ],
  render: (args, { loaded }) => {
    const { kit, item } = loaded as { kit: StoryStore; item: Product };
    return html`<div class="detail-frame">
      <vitrine-product-detail .store=${kit.store} .product=${item} ?dialog=${args.dialog} locale=${args.locale}></vitrine-product-detail>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<DetailArgs>;

const detail = (root: HTMLElement) => root.querySelector('vitrine-product-detail')!;

/** Picks the option value labelled `value` (a radio in the option group). */
async function choose(root: HTMLElement, value: string): Promise<void> {
  const radio = await until(() =>
    [...(detail(root).shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])].find((r) => r.value === value),
  );
  radio.click();
}

const addButton = (root: HTMLElement) => until(() => inShadow<HTMLButtonElement>(detail(root), '[part="add-button"]'));

/** Colors; "Oat" is sold out. */
export const Default: Story = {};

/** Size × color: "S / Charcoal" and "XL / Ecru" are sold out, "XL / Charcoal" does not exist. XL is chosen. */
export const UnavailableCombinations: Story = {
  args: { productId: PRODUCT_IDS.sweater },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 'XL');
  },
};

export const SingleVariant: Story = { args: { productId: PRODUCT_IDS.simple } };

export const OnSale: Story = { args: { productId: PRODUCT_IDS.onSale } };

export const LowStock: Story = { args: { productId: PRODUCT_IDS.lowStock } };

export const SoldOut: Story = { args: { productId: PRODUCT_IDS.soldOut } };

/** "Add to cart" pressed; the cart has not answered yet. */
export const Adding: Story = {
  args: { latency: 10000 },
  play: async ({ canvasElement }) => {
    (await addButton(canvasElement)).click();
    await until(() => inShadow(detail(canvasElement), '.spinner'));
  },
};

/** The cart answered 500: the error is said next to the button, and the shopper can retry. */
export const AddFailed: Story = {
  args: { latency: 300, failure: 'server-error' },
  play: async ({ canvasElement }) => {
    (await addButton(canvasElement)).click();
    await until(() => inShadow(detail(canvasElement), '[part="status"].error'));
  },
};

/** The cart refused: out of stock. */
export const AddFailedOutOfStock: Story = {
  args: { latency: 300, failure: 'out-of-stock', productId: PRODUCT_IDS.lowStock },
  play: async ({ canvasElement }) => {
    (await addButton(canvasElement)).click();
    await until(() => inShadow(detail(canvasElement), '[part="status"].error'));
  },
};

/** As the show opens it: a modal dialog. */
export const Dialog: Story = { args: { dialog: true, productId: PRODUCT_IDS.sweater } };

/** The dialog on a phone: a bottom sheet. */
export const DialogPhone: Story = {
  args: { dialog: true, productId: PRODUCT_IDS.beanie },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
};
