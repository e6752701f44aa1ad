/**
 * `<vitrine-product-card>`: one product. Every state a shopper meets: default, on sale, low
 * stock, sold out, pinned (live now), long title, no image, adding, added, add failed, and a
 * replay card with its "Shown at" button.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/product-card/define.js';
import type { Product } from '../src/core/types.js';
import { defaultMockArgs, inShadow, latencyOf, mockArgTypes, until, type MockArgs } from './mocks/args.js';
import { longTitleProduct, noImageProduct, product, PRODUCT_IDS } from './mocks/fixtures.js';
import { createStoryStore, type StoryStore } from './mocks/store.js';

interface CardArgs extends MockArgs {
  /** Which fixture product. */
  productId: string;
  pinned: boolean;
  shownAt: number | undefined;
}

const pick = (args: CardArgs): Product =>
  args.productId === 'long-title'
    ? longTitleProduct(args)
    : args.productId === 'no-image'
      ? noImageProduct(args)
      : product(args.productId, args);

const meta: Meta<CardArgs> = {
  title: 'Product card',
  component: 'vitrine-product-card',
  args: { ...defaultMockArgs, productId: PRODUCT_IDS.simple, pinned: false, shownAt: undefined },
  argTypes: {
    ...mockArgTypes,
    productCount: { table: { disable: true } },
    productId: {
      control: 'select',
      options: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12', 'long-title', 'no-image'],
      description: 'Fixture product (p4: low stock, p5: sold out, p10: on sale, p1/p2: variants).',
      table: { category: 'Data' },
    },
  },
  loaders: [
    async ({ args }) => {
      const item = pick(args as CardArgs);
      const kit = await createStoryStore({
        products: [item],
        locale: args.locale,
        latency: latencyOf(args as CardArgs),
        failure: (args as CardArgs).failure,
      });
      return { kit, item };
    },
  ],
  render: (args, { loaded }) => {
    const { kit, item } = loaded as { kit: StoryStore; item: Product };
    return html`<div class="card-frame">
      <vitrine-product-card
        .store=${kit.store}
        .product=${item}
        ?pinned=${args.pinned}
        shown-at=${ifDefined(args.shownAt)}
        locale=${args.locale}
      ></vitrine-product-card>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<CardArgs>;

const card = (root: HTMLElement) => root.querySelector('vitrine-product-card')!;
const addButton = (root: HTMLElement) => until(() => inShadow<HTMLButtonElement>(card(root), '[part="add-button"]'));

export const Default: Story = {};

export const OnSale: Story = { args: { productId: PRODUCT_IDS.onSale } };

export const LowStock: Story = { args: { productId: PRODUCT_IDS.lowStock } };

export const SoldOut: Story = { args: { productId: PRODUCT_IDS.soldOut } };

export const Pinned: Story = { args: { productId: PRODUCT_IDS.onSale, pinned: true } };

export const LongTitle: Story = { args: { productId: 'long-title' } };

export const NoImage: Story = { args: { productId: 'no-image' } };

export const WithVariants: Story = { args: { productId: PRODUCT_IDS.sweater } };

/** "Add to cart" pressed; the cart has not answered yet. */
export const Adding: Story = {
  args: { latency: 10000 },
  play: async ({ canvasElement }) => {
    (await addButton(canvasElement)).click();
    await until(() => inShadow(card(canvasElement), '.spinner'));
  },
};

/** The cart answered: the brief "Added to cart" confirmation. */
export const Added: Story = {
  args: { latency: 200 },
  play: async ({ canvasElement }) => {
    (await addButton(canvasElement)).click();
    await until(() => inShadow(card(canvasElement), '[part="status"].added'));
  },
};

/** The cart refused: out of stock, said where the shopper clicked. */
export const AddFailed: Story = {
  args: { latency: 300, failure: 'out-of-stock' },
  play: async ({ canvasElement }) => {
    (await addButton(canvasElement)).click();
    await until(() => inShadow(card(canvasElement), '[part="status"].error'));
  },
};

/** In a replay: "Shown at 0:12" seeks the video to the moment. */
export const ReplayShownAt: Story = { args: { productId: PRODUCT_IDS.beanie, shownAt: 12 } };

export const German: Story = { args: { locale: 'de', productId: PRODUCT_IDS.onSale } };

export const Arabic: Story = { args: { locale: 'ar', currency: 'AED', productId: PRODUCT_IDS.lowStock } };

export const Yen: Story = { args: { currency: 'JPY', productId: PRODUCT_IDS.onSale, locale: 'ja' } };
