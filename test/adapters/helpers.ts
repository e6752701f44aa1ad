/** Helpers to drive test/servers/show-fixtures.mjs from browser tests. */
import { expect } from '@open-wc/testing';
import { VitrineError } from '../../src/core/errors.js';
import type { ShowEvent } from '../../src/core/types.js';

export const uid = (prefix = 't') => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function post(path: string, body: unknown = {}): Promise<any> {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return response.json();
}

export async function putDoc(name: string, doc: unknown): Promise<string> {
  await fetch(`/__show/doc/${name}`, { method: 'PUT', body: JSON.stringify(doc) });
  return new URL(`/__show/doc/${name}`, location.href).href;
}

export async function send(channel: string, message: { event?: string; data?: unknown; id?: string | number; raw?: string }) {
  return post(`/__show/events/${channel}/send`, message);
}

export async function eventsLog(channel: string): Promise<{ connects: { lastEventId: string | null; query: string }[]; open: number }> {
  return (await fetch(`/__show/events/${channel}/log`)).json();
}

/** Resolves when `check()` is truthy (polling), or rejects after `timeout` ms with `what`. */
export async function until<T>(check: () => T | Promise<T>, what = 'condition', timeout = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function collect() {
  const events: ShowEvent[] = [];
  const errors: Error[] = [];
  return { events, errors, listener: (e: ShowEvent) => events.push(e), onError: (e: Error) => errors.push(e) };
}

export const product = (id: string, amount = '29.00', extra: Record<string, unknown> = {}) => ({
  id,
  title: `Product ${id}`,
  price: { amount, currencyCode: 'EUR' },
  available: true,
  ...extra,
});

/** A signal that is never aborted, for adapter calls that take one. */
export const signal = () => new AbortController().signal;

/** The VitrineError a promise rejects with (fails the test if it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<VitrineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(VitrineError);
    return error as VitrineError;
  }
  throw new Error('expected a rejection');
}
