/**
 * Flood control for a chat (docs/interactions.md): a token bucket of `rate` viewers' messages a
 * second. A message arriving while a token is free passes at once; the others wait for the next
 * step (every 250 ms), where as many as the tokens allow are chosen evenly from the waiting ones,
 * and the rest are left out (sampled). Messages that must always show (the host's, moderators',
 * the shopper's own) do not go through here.
 */
import type { ChatMessage } from './types.js';

/** Flood control runs in steps of this many ms. */
const STEP = 250;
/** Messages waiting for a step at most (the oldest are left out first). */
const MAX_QUEUE = 1_000;

export class FloodControl {
  readonly #rate: number;
  readonly #release: (messages: ChatMessage[]) => void;
  readonly #dropped: (count: number) => void;
  #queue: ChatMessage[] = [];
  #tokens: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `release` gets the messages to show; `dropped` how many were left out. */
  constructor(rate: number, release: (messages: ChatMessage[]) => void, dropped: (count: number) => void) {
    this.#rate = Math.max(1, rate);
    this.#tokens = this.#rate;
    this.#release = release;
    this.#dropped = dropped;
  }

  offer(message: ChatMessage): void {
    if (this.#tokens >= 1 && this.#queue.length === 0) {
      this.#tokens -= 1;
      this.#release([message]);
    } else {
      this.#queue.push(message);
      if (this.#queue.length > MAX_QUEUE) {
        this.#queue.shift();
        this.#dropped(1);
      }
    }
    this.#timer ??= setTimeout(() => this.#step(), STEP);
  }

  /** Drops waiting messages that no longer pass `keep` (deleted ones). */
  filter(keep: (message: ChatMessage) => boolean): void {
    this.#queue = this.#queue.filter(keep);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queue = [];
  }

  #step(): void {
    this.#timer = undefined;
    this.#tokens = Math.min(this.#rate, this.#tokens + (this.#rate * STEP) / 1000);
    const allowed = Math.floor(this.#tokens);
    const queue = this.#queue;
    this.#queue = [];
    let chosen = queue;
    if (queue.length > allowed) {
      chosen = [];
      for (let i = 0; i < allowed; i++) chosen.push(queue[Math.floor(((i + 1) * queue.length) / allowed) - 1]!);
      this.#dropped(queue.length - chosen.length);
    }
    this.#tokens -= chosen.length;
    if (chosen.length) this.#release(chosen);
    // Keep stepping until the bucket is full again, so a quiet chat shows the next message at once.
    if (this.#tokens < this.#rate) this.#timer = setTimeout(() => this.#step(), STEP);
  }
}
