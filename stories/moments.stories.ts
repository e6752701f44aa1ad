/**
 * The host's live moments: a flash deal's price block (running, last 10 seconds, ended, sold
 * out), the announcement banner (no code, a code, copied, applied, invalid) and the poll (open,
 * voted, closed, and a replay's poll at its moment). Each state also in Arabic (right to left) and in the dark theme, in the grids
 * at the end. The data is local: a store with an in-memory cart that takes the code LIVE10.
 */
import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/moments/define.js';
import { createMemoryCart } from '../src/adapters/memory/index.js';
import { CartService } from '../src/core/cart-service.js';
import { connectDiscounts } from '../src/core/discounts.js';
import { Moments } from '../src/core/moments.js';
import { ShowStore } from '../src/core/store.js';
import type { Announcement, Deal, Money, Poll, Product } from '../src/core/types.js';
import { until } from './mocks/args.js';

type State =
  | 'deal-running'
  | 'deal-last-seconds'
  | 'deal-ended'
  | 'deal-sold-out'
  | 'banner-text'
  | 'banner-code'
  | 'banner-copied'
  | 'banner-applied'
  | 'banner-invalid'
  | 'poll-open'
  | 'poll-voted'
  | 'poll-closed'
  | 'poll-replay';

interface MomentArgs {
  state: State;
  locale: string;
}

const eur = (amount: string): Money => ({ amount, currencyCode: 'EUR' });
const TEXTS = {
  en: { product: 'Merino rib beanie', banner: 'Live viewers only: 10% off everything in the show!', question: 'Which colour should we show next?', options: ['Oat', 'Navy', 'Forest green'] },
  ar: { product: 'قبعة صوف مارينو', banner: 'لمشاهدي البث فقط: خصم 10٪ على كل منتجات العرض!', question: 'أي لون نعرض بعد ذلك؟', options: ['بيج', 'كحلي', 'أخضر'] },
};

const product = (locale: string): Product => {
  const t = locale.startsWith('ar') ? TEXTS.ar : TEXTS.en;
  return { id: 'p1', title: t.product, price: eur('29.00'), available: true, options: [], variants: [{ id: 'p1', title: t.product, options: {}, price: eur('29.00'), available: true }] };
};

function deal(state: State): Deal {
  const now = Date.now();
  if (state === 'deal-last-seconds') return { id: 'd', productId: 'p1', price: eur('19.50'), endsAt: now + 9_000, limit: 2, remaining: 4 };
  if (state === 'deal-ended') return { id: 'd', productId: 'p1', price: eur('19.50'), endsAt: now - 1_000, remaining: 4 };
  if (state === 'deal-sold-out') return { id: 'd', productId: 'p1', price: eur('19.50'), endsAt: now + 40_000, remaining: 0 };
  // Long enough that the story does not end while it is looked at.
  return { id: 'd', productId: 'p1', price: eur('19.50'), endsAt: now + 59 * 60_000 + 45_000, limit: 2, remaining: 7 };
}

function poll(locale: string, closed = false): Poll {
  const t = locale.startsWith('ar') ? TEXTS.ar : TEXTS.en;
  return { id: 'poll', question: t.question, options: t.options.map((text, i) => ({ id: `o${i + 1}`, text, votes: [42, 67, 18][i]! })), closed };
}

/** A store with an in-memory cart (code LIVE10: 10 %), the discount requests, and the moments. */
async function kit(args: MomentArgs) {
  const item = product(args.locale);
  const store = new ShowStore({ locale: args.locale });
  store.setShow({ id: 'show', title: 'Show', status: 'live', products: [item], chapters: [] });
  const cart = createMemoryCart({ lookup: (id) => (id === item.id ? item : undefined), discounts: { LIVE10: { percent: 10 } } });
  new CartService(store, cart).connect();
  connectDiscounts(store, () => cart);
  store.set({ cart: await cart.addLine({ productId: 'p1', variantId: 'p1', quantity: 2 }, new AbortController().signal) });
  const moments: Moments = new Moments({
    store,
    // A mock vote: the poll with the vote counted.
    vote: async (_pollId, optionId): Promise<Poll> => {
      const current = moments.state.poll!;
      return { ...current, options: current.options.map((o) => (o.id === optionId ? { ...o, votes: o.votes + 1 } : o)) };
    },
  });
  const t = args.locale.startsWith('ar') ? TEXTS.ar : TEXTS.en;
  const announcement: Announcement =
    args.state === 'banner-text'
      ? { id: 'a', text: t.banner }
      : { id: 'a', text: t.banner, code: args.state === 'banner-invalid' ? 'EXPIRED20' : 'LIVE10' };
  if (args.state.startsWith('banner')) moments.apply({ type: 'announcement', announcement });
  if (args.state === 'banner-applied') store.set({ cart: await cart.applyDiscount!('LIVE10', new AbortController().signal) });
  if (args.state.startsWith('poll')) moments.apply({ type: 'poll', poll: poll(args.locale, args.state === 'poll-closed') });
  if (args.state === 'poll-voted') await moments.vote('o2');
  if (args.state === 'poll-replay') {
    // A replay at 0:25, a poll that opened at 0:20 in the live: its final results.
    moments.replay([{ ...poll(args.locale), offset: 20, endOffset: 48 }]);
    store.set({ status: 'ended', currentTime: 25 });
  }
  return { store, moments, item };
}

function view(args: MomentArgs, k: Awaited<ReturnType<typeof kit>>): TemplateResult {
  if (args.state.startsWith('deal')) {
    return html`<div style="max-width: 320px">
      <p style="margin: 0 0 6px; font-weight: 600">${k.item.title}</p>
      <vitrine-deal-price .deal=${deal(args.state)} .price=${k.item.price} locale=${args.locale}></vitrine-deal-price>
    </div>`;
  }
  if (args.state.startsWith('banner')) {
    return html`<vitrine-announcement style="max-width: 560px" .store=${k.store} .moments=${k.moments} can-apply></vitrine-announcement>`;
  }
  return html`<vitrine-poll style="max-width: 360px" .store=${k.store} .moments=${k.moments}></vitrine-poll>`;
}

const meta: Meta<MomentArgs> = {
  title: 'Moments',
  args: { state: 'deal-running', locale: 'en' },
  argTypes: {
    state: {
      control: 'select',
      options: ['deal-running', 'deal-last-seconds', 'deal-ended', 'deal-sold-out', 'banner-text', 'banner-code', 'banner-copied', 'banner-applied', 'banner-invalid', 'poll-open', 'poll-voted', 'poll-closed', 'poll-replay'],
    },
    locale: { control: 'select', options: ['en', 'de', 'ar'] },
  },
  loaders: [async ({ args }) => ({ kit: await kit(args as MomentArgs) })],
  render: (args, { loaded }) => view(args, (loaded as { kit: Awaited<ReturnType<typeof kit>> }).kit),
};
export default meta;
type Story = StoryObj<MomentArgs>;

const shadowButton = (root: HTMLElement, tag: string, name: string) =>
  until(() => [...(root.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent!.trim() === name));

export const DealRunning: Story = {};
export const DealLastSeconds: Story = { args: { state: 'deal-last-seconds' } };
export const DealEnded: Story = { args: { state: 'deal-ended' } };
export const DealSoldOut: Story = { args: { state: 'deal-sold-out' } };
export const BannerWithoutCode: Story = { args: { state: 'banner-text' } };
export const BannerWithCode: Story = { args: { state: 'banner-code' } };
/** "Copy code" pressed: "Code copied", or, where the clipboard is refused, the code selected with a hint. */
export const BannerCopied: Story = {
  args: { state: 'banner-copied' },
  play: async ({ canvasElement }) => (await shadowButton(canvasElement, 'vitrine-announcement', 'Copy code')).click(),
};
export const BannerApplied: Story = { args: { state: 'banner-applied' } };
/** "Apply code" pressed for a code the cart refuses. */
export const BannerInvalid: Story = {
  args: { state: 'banner-invalid' },
  play: async ({ canvasElement }) => (await shadowButton(canvasElement, 'vitrine-announcement', 'Apply code')).click(),
};
export const PollOpen: Story = { args: { state: 'poll-open' } };
export const PollVoted: Story = { args: { state: 'poll-voted' } };
export const PollClosed: Story = { args: { state: 'poll-closed' } };
/** A replay at 0:25: the poll the show ran at 0:20, closed, with its final results. */
export const PollInReplay: Story = { args: { state: 'poll-replay' } };

const ALL: State[] = ['deal-running', 'deal-last-seconds', 'deal-ended', 'deal-sold-out', 'banner-text', 'banner-code', 'banner-copied', 'banner-applied', 'banner-invalid', 'poll-open', 'poll-voted', 'poll-closed', 'poll-replay'];

/** Every state at once, for a locale (the copied and invalid codes are shown after pressing Copy and Apply). */
const grid = (locale: string): Story => ({
  args: { locale },
  loaders: [async () => ({ kits: await Promise.all(ALL.map((state) => kit({ state, locale }))) })],
  render: (args, { loaded }) => {
    const { kits } = loaded as { kits: Awaited<ReturnType<typeof kit>>[] };
    return html`<div lang=${locale} dir=${locale === 'ar' ? 'rtl' : 'ltr'} style="display: grid; gap: 20px; max-width: 560px">
      ${ALL.map((state, i) => html`<section aria-label=${state} data-state=${state}>${view({ state, locale }, kits[i]!)}</section>`)}
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const press = async (state: State, part: string) => {
      const section = canvasElement.querySelector(`[data-state="${state}"]`) as HTMLElement;
      (await until(() => section.querySelector('vitrine-announcement')?.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${part}"]`))).click();
    };
    await press('banner-copied', 'copy-button');
    await press('banner-invalid', 'apply-button');
  },
});

/** Every state in Arabic, right to left. */
export const AllInArabic: Story = grid('ar');
/** Every state in the dark theme. */
export const AllDark: Story = { ...grid('en'), parameters: { theme: 'dark' } };
/** Every state in Arabic and the dark theme. */
export const AllInArabicDark: Story = { ...grid('ar'), parameters: { theme: 'dark' } };
