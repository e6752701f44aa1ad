/**
 * `<vitrine-show>`: the whole experience as a storefront embeds it, over mock adapters set as
 * properties (`show.stream = mockStream`, `show.cart = mockCart`). The show creates its own
 * store and wires the player, pinned product, carousel, detail dialog and cart.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/show/define.js';
import type { VitrineShow } from '../src/components/show/show.js';
import type { ShowEvent, ShowStatus } from '../src/core/types.js';
import { defaultMockArgs, latencyOf, mockArgTypes, until, type MockArgs } from './mocks/args.js';
import { createMockCart } from './mocks/cart.js';
import { show as showDocument } from './mocks/fixtures.js';
import { liveStreamLoader } from './mocks/live-stream.js';
import { createMockStream, STREAM_FAILURES, type StreamFailure } from './mocks/stream.js';

export interface ShowArgs extends MockArgs {
  status: ShowStatus;
  /** `none`: an ended show without a recording. */
  video: 'live' | 'replay' | 'none';
  aspectRatio: '16:9' | '9:16';
  streamFailure: StreamFailure;
  /** Minutes until a scheduled show starts. */
  startsIn: number;
  /** How many products are already in the cart. */
  lineCount: number;
  /** A flash deal on the first product (live). */
  deal?: boolean;
  /** Viewers' chat messages arrive (live, read-only without an interactions URL). */
  chat?: boolean;
  /** The host's moments run (live): an announcement with a code and a poll. */
  moments?: boolean;
}

const CHAT = ['Does it come in navy?', 'Adding to cart right now', 'Love the colour!', 'What size is Ava wearing?', 'Ordered last week, arrived in 2 days'];

const meta: Meta<ShowArgs> = {
  title: 'Show',
  component: 'vitrine-show',
  args: {
    ...defaultMockArgs,
    productCount: 8,
    latency: 300,
    status: 'live',
    video: 'live',
    aspectRatio: '16:9',
    streamFailure: 'none',
    startsIn: 134,
    lineCount: 1,
  },
  argTypes: {
    ...mockArgTypes,
    status: { control: 'inline-radio', options: ['scheduled', 'live', 'ended'], table: { category: 'Data' } },
    video: { control: 'inline-radio', options: ['live', 'replay', 'none'], table: { category: 'Data' } },
    aspectRatio: { control: 'inline-radio', options: ['16:9', '9:16'], table: { category: 'Data' } },
    startsIn: { control: { type: 'number', min: 1 }, table: { category: 'Data' } },
    lineCount: { control: { type: 'number', min: 0, max: 8 }, table: { category: 'Data' } },
    streamFailure: {
      control: 'select',
      options: STREAM_FAILURES,
      description: 'What the mock show service answers: unavailable (500), invalid (a malformed document).',
      table: { category: 'Mock backend' },
    },
  },
  parameters: { layout: 'fullscreen' },
  loaders: [
    liveStreamLoader,
    async ({ args }) => {
      const a = args as ShowArgs;
      const document = showDocument({
        status: a.status,
        stream: a.video,
        aspectRatio: a.aspectRatio,
        count: a.productCount,
        locale: a.locale,
        currency: a.currency,
        startsAt: new Date(Date.now() + a.startsIn * 60_000).toISOString(),
      });
      const stream = createMockStream({
        show: document,
        latency: latencyOf(a),
        failure: a.streamFailure,
        events: (show): ShowEvent[] => [
          ...(a.deal && show.products[0]
            ? [{ type: 'deal' as const, deal: { id: 'deal-1', productId: show.products[0].id, price: { ...show.products[0].price, amount: (Number(show.products[0].price.amount) * 0.6).toFixed(2) }, endsAt: Date.now() + 9 * 60_000, limit: 2, remaining: 14 } }]
            : []),
          ...(a.moments
            ? [
                { type: 'announcement' as const, announcement: { id: 'a1', text: 'Live viewers only: 10% off everything in the show.', code: 'LIVE10' } },
                {
                  type: 'poll' as const,
                  poll: { id: 'q1', question: 'Which colour should we show next?', closed: false, options: [{ id: 'o1', text: 'Oat', votes: 12 }, { id: 'o2', text: 'Navy', votes: 7 }, { id: 'o3', text: 'Forest green', votes: 4 }] },
                },
              ]
            : []),
          ...(a.chat
            ? CHAT.map((text, i) => ({ type: 'chat' as const, message: { id: `m${i}`, author: { id: `v${i}`, name: ['Mia', 'Leo', 'Ines', 'Noah', 'Saga'][i]!, role: 'viewer' as const }, text, at: Date.now() - (5 - i) * 4000 } }))
            : []),
        ],
      });
      const buyable = document.products.filter((p) => p.available);
      const cart = await createMockCart({
        products: document.products,
        latency: latencyOf(a),
        failure: a.failure,
        lines: buyable.slice(0, a.lineCount).map((p) => ({ productId: p.id })),
      });
      return { stream, cart };
    },
  ],
  render: (args, { loaded }) => {
    const { stream, cart } = loaded as Pick<VitrineShow, 'stream' | 'cart'>;
    return html`<vitrine-show .stream=${stream} .cart=${cart} locale=${args.locale} aspect-ratio=${args.aspectRatio}></vitrine-show>`;
  },
};
export default meta;
type Story = StoryObj<ShowArgs>;

const showOf = (root: HTMLElement) => root.querySelector<VitrineShow>('vitrine-show')!;
/** Waits until the show document is in the show's store. */
const loaded = (root: HTMLElement) => until(() => showOf(root).store?.state.show, 10000);

/** Not started yet: poster, countdown and "Add to calendar"; products can be browsed already. */
export const ScheduledCountdown: Story = {
  args: { status: 'scheduled', video: 'none' },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await until(() => showOf(canvasElement).shadowRoot?.querySelector('[part~="countdown"]'));
  },
};

/** Live on a desktop: video, pinned product, product rail and cart button. */
export const LiveDesktop: Story = {
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
  },
};

/**
 * Live on a desktop while the host runs an announcement and a poll: beside the video, right under
 * the pinned product, over its description (they take no room: nothing moved when they came).
 */
export const LiveDesktopMoments: Story = {
  args: { moments: true },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await until(() => showOf(canvasElement).shadowRoot?.querySelector('vitrine-poll')?.shadowRoot?.querySelector('[part="base"]'), 10000);
  },
};

/** The same with the chat: the moments come over the chat's older messages, under the pinned product. */
export const LiveDesktopChatMoments: Story = {
  args: { moments: true, chat: true },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await until(() => showOf(canvasElement).shadowRoot?.querySelector('vitrine-poll')?.shadowRoot?.querySelector('[part="base"]'), 10000);
  },
};

/** Live on a phone, a 16:9 stream: the header, then the video edge to edge, the pinned product below. */
export const LivePhone: Story = {
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
  },
};

/** Live on a phone, a vertical (9:16) stream filling the portrait screen. */
export const LivePhonePortrait: Story = {
  args: { aspectRatio: '9:16' },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
  },
};

/** Over: the recording plays as a replay, with a chapter per product on the seek bar. */
export const EndedWithReplay: Story = {
  args: { status: 'ended', video: 'replay' },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
  },
};

/** Over, with no recording: "This show has ended", and the products stay shoppable. */
export const EndedWithoutReplay: Story = {
  args: { status: 'ended', video: 'none' },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await until(() => showOf(canvasElement).shadowRoot?.querySelector('[part~="status"]'));
  },
};

/** The show document is still on its way. */
export const Loading: Story = { args: { latency: 10000 } };

/** The show service answered 500: the show says so and offers "Try again". */
export const Unavailable: Story = {
  args: { streamFailure: 'unavailable' },
  play: async ({ canvasElement }) => {
    await until(() => showOf(canvasElement).shadowRoot?.querySelector('[part~="retry-button"]'), 10000);
  },
};

/** The merchant's own content in the show's slots (README, "Slots"): here the ended panel and the pinned area. */
export const MerchantSlots: Story = {
  args: { status: 'ended', video: 'none' },
  render: (args, { loaded: l }) => {
    const { stream, cart } = l as Pick<VitrineShow, 'stream' | 'cart'>;
    return html`<vitrine-show .stream=${stream} .cart=${cart} locale=${args.locale} aspect-ratio=${args.aspectRatio}>
      <p slot="ended">Thanks for watching! The next show is on Friday at 8 pm.</p>
      <p slot="pinned">Our host's pick of the week: the whole winter collection, 20% off until Sunday.</p>
    </vitrine-show>`;
  },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await until(() => showOf(canvasElement).shadowRoot?.querySelector('slot[name="ended"]'));
  },
};

/** Opens the phone stage the way a shopper does: a tap on the video. */
async function openStage(root: HTMLElement) {
  await loaded(root);
  const show = showOf(root);
  await until(() => show.shadowRoot?.querySelector('vitrine-player'));
  show.shadowRoot!.querySelector<HTMLElement>('.stage-slot')!.click();
  await until(() => show.shadowRoot!.querySelector('.layout')?.matches(':popover-open'), 10000);
}

/** The phone stage, live and vertical: the video fills the screen, the product chip over the bottom. */
export const StagePhoneLive: Story = {
  args: { aspectRatio: '9:16' },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => openStage(canvasElement),
};

/** The phone stage on a replay (16:9): the video under the header, the chapters' products follow playback. */
export const StagePhoneReplay: Story = {
  args: { status: 'ended', video: 'replay' },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => openStage(canvasElement),
};

/** The phone stage with a flash deal on the pinned product: the chip shows the deal price. */
export const StagePhoneDeal: Story = {
  args: { aspectRatio: '9:16', deal: true },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => openStage(canvasElement),
};

/** The phone stage with the chat: translucent messages between the middle of the video and the chip. */
export const StagePhoneChat: Story = {
  args: { aspectRatio: '9:16', chat: true },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  play: async ({ canvasElement }) => openStage(canvasElement),
};

/** After an add: the toast "Added: <name>" with "View cart", and the cart count. */
export const AddedToast: Story = {
  args: { lineCount: 0 },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    const show = showOf(canvasElement);
    const product = show.state.products.find((p) => p.available && p.variants.length === 1) ?? show.state.products[0]!;
    show.store.bus.emit('add-request', { product, variant: product.variants[0]!, quantity: 1, source: show });
    await until(() => show.shadowRoot!.querySelector('[part="toast"]')?.matches(':popover-open'), 10000);
  },
};
