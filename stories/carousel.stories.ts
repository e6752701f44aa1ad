/**
 * `<vitrine-carousel>`: the shoppable rail. From 3 to 1,000 products (only the cards near the
 * viewport exist), the pinned product scrolled into view, and a replay's "Shown at" cards.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/carousel/define.js';
import { defaultMockArgs, inShadow, latencyOf, mockArgTypes, until, type MockArgs } from './mocks/args.js';
import { catalog, show } from './mocks/fixtures.js';
import { createStoryStore, type StoryStore } from './mocks/store.js';

interface CarouselArgs extends MockArgs {
  /** Id of the pinned (highlighted) product, if any. */
  pinned: string;
  /** The show is a replay: cards offer "Shown at". */
  replay: boolean;
  label: string | undefined;
}

const meta: Meta<CarouselArgs> = {
  title: 'Carousel',
  component: 'vitrine-carousel',
  args: { ...defaultMockArgs, productCount: 12, pinned: '', replay: false, label: undefined },
  argTypes: {
    ...mockArgTypes,
    pinned: { control: 'text', description: 'Id of the pinned product (p1…pN), or empty.', table: { category: 'Data' } },
  },
  loaders: [
    async ({ args }) => {
      const a = args as CarouselArgs;
      const products = catalog({ count: a.productCount, locale: a.locale, currency: a.currency });
      const kit = await createStoryStore({
        products,
        show: a.replay ? show({ status: 'ended', locale: a.locale, currency: a.currency, count: a.productCount }) : undefined,
        locale: a.locale,
        latency: latencyOf(a),
        failure: a.failure,
        state: a.pinned ? { highlight: { productId: a.pinned } } : {},
      });
      return { kit };
    },
  ],
  render: (args, { loaded }) => {
    const { kit } = loaded as { kit: StoryStore };
    return html`<vitrine-carousel .store=${kit.store} locale=${args.locale} label=${ifDefined(args.label)}></vitrine-carousel>`;
  },
};
export default meta;
type Story = StoryObj<CarouselArgs>;

export const ThreeProducts: Story = { args: { productCount: 3 } };

export const FiftyProducts: Story = { args: { productCount: 50 } };

/** 1,000 products: the rail stays fast because only the cards near the viewport exist. */
export const ThousandProducts: Story = { args: { productCount: 1000 } };

/** The host pins product 37 of 50: the rail scrolls it into view and announces it. */
export const PinnedScrolledIntoView: Story = {
  args: { productCount: 50, pinned: 'p37' },
  play: async ({ canvasElement }) => {
    const carousel = canvasElement.querySelector('vitrine-carousel')!;
    // The pinned card exists (the window moved to it) and is inside the visible rail.
    await until(() => {
      const rail = inShadow(carousel, '[part="rail"]');
      const card = carousel.shadowRoot?.querySelector('vitrine-product-card[pinned]');
      if (!rail || !card) return false;
      const r = rail.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      return c.left >= r.left - 1 && c.right <= r.right + 1;
    }, 8000);
  },
};

/** A replay: every product shown in the video offers "Shown at 0:12", which seeks the player. */
export const Replay: Story = { args: { productCount: 8, replay: true } };

/** Nothing to shop yet. */
export const Empty: Story = { args: { productCount: 0 } };

export const German: Story = { args: { locale: 'de', currency: 'CHF', productCount: 12, pinned: 'p2' } };
