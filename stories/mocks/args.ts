/**
 * The controls every story shares: mock latency and failures, and the data (product count,
 * locale, currency). Spread `mockArgTypes` into a story file's `argTypes`.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { CART_FAILURES, type CartFailure } from './cart.js';
import { FOREVER } from './latency.js';

export interface MockArgs {
  /** Milliseconds each mock request takes; 10000 and above: never answers. */
  latency: number;
  failure: CartFailure;
  locale: string;
  currency: string;
  productCount: number;
}

export const LOCALES = ['en', 'en-GB', 'de', 'de-CH', 'ar', 'fr', 'ja'];
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'KWD', 'SEK', 'AED'];

export const defaultMockArgs: MockArgs = { latency: 600, failure: 'none', locale: 'en', currency: 'EUR', productCount: 12 };

export const mockArgTypes: ArgTypes<MockArgs> = {
  latency: {
    control: { type: 'range', min: 0, max: 10000, step: 100 },
    description: 'Mock network time per request, in ms (10000: never answers, to hold a pending state).',
    table: { category: 'Mock backend' },
  },
  failure: {
    control: 'select',
    options: CART_FAILURES,
    description: 'What the mock cart answers: out-of-stock (409), server-error (500), offline.',
    table: { category: 'Mock backend' },
  },
  locale: { control: 'select', options: LOCALES, description: 'BCP 47 locale of texts and money.', table: { category: 'Data' } },
  currency: { control: 'select', options: CURRENCIES, description: 'ISO 4217 currency of the prices.', table: { category: 'Data' } },
  productCount: {
    control: { type: 'number', min: 0, max: 1000 },
    description: 'How many products the show lists.',
    table: { category: 'Data' },
  },
};

/** The latency control's value as the mocks take it (10000 and above: forever). */
export function latencyOf(args: Pick<MockArgs, 'latency'>): number {
  return args.latency >= 10000 ? FOREVER : args.latency;
}

/** Resolves when `find()` returns something (polling animation frames), or rejects after `timeout` ms. */
export async function until<T>(find: () => T | null | undefined | false, timeout = 5000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > end) throw new Error('story: timed out waiting for the state to appear');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** The first element matching `selector` inside `host`'s shadow root (one level). */
export function inShadow<E extends Element = HTMLElement>(host: Element | null | undefined, selector: string): E | null {
  return (host?.shadowRoot?.querySelector(selector) as E | null) ?? null;
}
