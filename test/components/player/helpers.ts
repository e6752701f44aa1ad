/** Shared helpers of the player tests (not a test file). */
import { waitUntil } from '@open-wc/testing';
import { ShowStore } from '../../../src/core/store.js';
import type { Product } from '../../../src/core/types.js';
import type { VitrinePlayer } from '../../../src/components/player/player.js';

export function product(id: string, title: string): Product {
  const price = { amount: '29.00', currencyCode: 'EUR' };
  return { id, title, price, available: true, options: [], variants: [{ id, title, options: {}, price, available: true }] };
}

export function storeWith(...products: Product[]): ShowStore {
  return new ShowStore({ products, locale: 'en' });
}

export const session = () => Math.random().toString(36).slice(2, 10);

/** The player's shadow root, typed. */
export const shadow = (el: VitrinePlayer) => el.shadowRoot!;

/** A button in the player by its accessible name (aria-label or text). */
export function button(el: VitrinePlayer, name: string | RegExp): HTMLButtonElement | undefined {
  return [...shadow(el).querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
}

export function video(el: VitrinePlayer): HTMLVideoElement | null {
  return shadow(el).querySelector('video');
}

/** Waits until the video plays and media time passes `seconds` beyond where it was. */
export async function playsFor(el: VitrinePlayer, seconds: number, timeout = 25000): Promise<void> {
  await waitUntil(() => video(el) && !video(el)!.paused && video(el)!.readyState >= 2, 'video never played', { timeout }).catch((error: Error) => {
    const v = video(el);
    const state = v && { paused: v.paused, readyState: v.readyState, networkState: v.networkState, error: v.error?.message, time: v.currentTime, src: v.currentSrc };
    throw new Error(`${error.message}: ${JSON.stringify(state)} engine=${el.engineLoaded} message=${shadow(el).querySelector('[part~="message"]')?.textContent ?? ''}`);
  });
  const start = video(el)!.currentTime;
  await waitUntil(() => video(el)!.currentTime - start >= seconds, `media time did not advance ${seconds} s`, { timeout });
}

/** Resource requests the page made whose URL matches. */
export function requests(match: RegExp): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => match.test(name));
}

/** `waitUntil` with a timeout that fits media (5 s unless told). */
export const until = (predicate: () => unknown, message = 'timed out', timeout = 5000) =>
  waitUntil(predicate, message, { timeout });
