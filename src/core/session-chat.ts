/**
 * The chat part of a `ShowSession` (docs/interactions.md): it builds the show's `ChatModel` when
 * the show has an interaction adapter (its document's `interactions` URL, or one given), or, for a
 * watch-only show, when the first chat event arrives; feeds it the live chat events from the bus
 * and the show's status; and disposes of it when the show goes.
 *
 * This module and `ChatModel` are a lazy chunk (the session imports it when the show has a chat),
 * like the REST interaction adapter its default factory builds: a show without a chat never
 * downloads them, and the first view does not grow.
 * Failures of the model (history, send...) reach the page through `<vitrine-chat>`, which forwards
 * them as `vitrine-error`; only what fails before there is a model (the adapter or the chat's code
 * could not be loaded) is reported here, on the bus, once.
 */
import { ChatModel } from './chat.js';
import { VitrineError } from './errors.js';
import type { ShowStore } from './store.js';
import { yieldToPage } from './yield.js';
import type { InteractionAdapter, ShowEvent } from './types.js';

export class SessionChat {
  readonly #store: ShowStore;
  readonly #changed: (model: ChatModel | null) => void;
  #model: ChatModel | undefined;
  /** Bumped on every open and close: a build that finishes for an older show is thrown away. */
  #generation = 0;
  #building = false;
  /** Chat events that arrived while the model was being built (fed to it, in order, once built). */
  #waiting: ShowEvent[] = [];
  #persistName = false;
  #stop: (() => void) | undefined;

  /** `changed` hears the model when there is one, and `null` when it goes. */
  constructor(store: ShowStore, changed: (model: ChatModel | null) => void, persistName: boolean) {
    this.#store = store;
    this.#changed = changed;
    this.#persistName = persistName;
  }

  get model(): ChatModel | undefined {
    return this.#model;
  }

  /** The show has a chat backend: the model is built with it and loads the history. */
  open(adapter: InteractionAdapter | Promise<InteractionAdapter>): void {
    this.close();
    void this.#build(adapter);
  }

  /** With consent, the shopper's chat name is kept in `sessionStorage`; without, it is not. */
  setPersistName(persist: boolean): void {
    this.#persistName = persist;
    this.#model?.setPersistName(persist);
  }

  /** Disposes of the model (timers cleared, requests aborted, taps still waiting sent). */
  close(): void {
    this.#generation += 1;
    this.#building = false;
    this.#waiting = [];
    this.#stop?.();
    this.#stop = undefined;
    const model = this.#model;
    if (!model) return;
    this.#model = undefined;
    model.dispose();
    this.#changed(null);
  }

  /** A live chat event (`chat`, `chat-delete`, `chat-pin`, `reactions`). */
  event(event: ShowEvent): void {
    if (this.#model) {
      this.#model.handleEvent(event);
      return;
    }
    this.#waiting.push(event);
    // A watch-only show: its first chat event brings a read-only chat.
    if (!this.#building) void this.#build(undefined);
  }

  async #build(adapter: InteractionAdapter | Promise<InteractionAdapter> | undefined): Promise<void> {
    const generation = this.#generation;
    this.#building = true;
    let model: ChatModel;
    try {
      const interactions = await adapter;
      if (generation !== this.#generation) return;
      model = new ChatModel({ interactions });
      // Building the model (reading the stored name: the page's first storage access), showing it
      // (the show's chat part) and starting it (the history request) are three tasks, not one long
      // one (issue 19).
      model.setPersistName(this.#persistName);
      await yieldToPage();
      if (generation !== this.#generation) {
        model.dispose();
        return;
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#building = false;
      this.#waiting = [];
      this.#store.bus.emit('error', VitrineError.from(error, 'chat/unavailable', true).toDetail());
      return;
    }
    this.#building = false;
    this.#model = model;
    model.setPersistName(this.#persistName);
    model.setStatus(this.#store.state.status);
    this.#stop = this.#store.subscribe((now, before) => {
      if (now.status !== before.status) model.setStatus(now.status);
    });
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const event of waiting) model.handleEvent(event);
    this.#changed(model);
    await yieldToPage();
    if (generation === this.#generation && this.#model === model) void model.start();
  }
}
