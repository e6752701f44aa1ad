/**
 * The chat inside `<vitrine-show>` (README.md, "Chat and reactions"). The session builds the
 * show's `ChatModel` when the show has a chat; this controller then loads `<vitrine-chat>`'s chunk
 * (`loadChat()`, once per page) and the show renders it: a panel under the pinned product on wide
 * layouts, translucent messages over the lower part of the video below 760px (show.styles.ts).
 * A show without a chat loads none of it. The chat element forwards its model's failures as
 * `vitrine-error`; a chunk that cannot be fetched is reported here, on the bus, once.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ChatModel } from '../../core/chat.js';
import { VitrineError } from '../../core/errors.js';
import type { ShowStore } from '../../core/store.js';
import { loadChat } from '../chat/load.js';

export class ShowChatController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: ShowStore;
  #model: ChatModel | null = null;
  #ready = false;

  constructor(host: ReactiveControllerHost, store: ShowStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The model to show (from the session's `chat` hook), or `null`. */
  set(model: ChatModel | null): void {
    this.#model = model;
    this.#host.requestUpdate();
    if (!model || this.#ready) return;
    loadChat().then(
      () => {
        this.#ready = true;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (this.#model === model) this.#store.bus.emit('error', VitrineError.from(error, 'chat/unavailable', true).toDetail());
      },
    );
  }

  /** The show has a chat whose element is defined. */
  get active(): boolean {
    return this.#ready && this.#model !== null;
  }

  /** `<vitrine-chat>` for the show's layout, or nothing. `mode` is the show's `chat` attribute. */
  render(mode: string | undefined, overlay: boolean, locale: string) {
    if (!this.active) return nothing;
    const chat = mode === 'off' || mode === 'read-only' ? mode : nothing;
    return html`<vitrine-chat
      part="chat"
      class=${overlay ? 'chat overlay' : 'chat'}
      layout=${overlay ? 'overlay' : 'panel'}
      chat=${chat}
      locale=${locale}
      .model=${this.#model!}
      .store=${this.#store}
    ></vitrine-chat>`;
  }
}
