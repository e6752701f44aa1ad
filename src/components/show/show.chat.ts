/**
 * The chat inside `<vitrine-show>` (README.md, "The show"). The session builds the show's
 * `ChatModel` when the show has a chat and hands it over (`set()`); this controller then imports
 * the show's chat part (show.chat-part.ts: `<vitrine-chat>`, its template and layout styles, a lazy
 * chunk), adopts its styles and has the show render it. A show without a chat loads none of it.
 * The chat element forwards its model's failures as `vitrine-error`; a part that cannot be fetched
 * is reported here, on the bus, once.
 */
import type { ReactiveElement } from 'lit';
import type { ChatModel } from '../../core/chat.js';
import { VitrineError } from '../../core/errors.js';
import type { ShowStore } from '../../core/store.js';

type Part = typeof import('./show.chat-part.js');

export class ShowChatController {
  readonly #host: ReactiveElement;
  readonly #store: ShowStore;
  #model: ChatModel | null = null;
  #part: Part | undefined;
  #loading = false;

  constructor(host: ReactiveElement, store: ShowStore) {
    this.#host = host;
    this.#store = store;
  }

  /** The model to show (the session's `chat` hook), or `null`. */
  set(model: ChatModel | null): void {
    this.#model = model;
    this.#host.requestUpdate();
    if (!model || this.#part || this.#loading) return;
    this.#loading = true;
    import('./show.chat-part.js').then(
      (part) => {
        const root = this.#host.shadowRoot;
        const sheet = part.styles.styleSheet;
        if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.#part = part;
        this.#loading = false;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = false;
        this.#store.bus.emit('error', VitrineError.from(error, 'chat/unavailable', true).toDetail());
      },
    );
  }

  /** The show has a chat, and its part is here. */
  get active(): boolean {
    return Boolean(this.#part && this.#model);
  }

  /** `<vitrine-chat>` for the show's layout, or undefined. */
  render(mode: string | undefined, overlay: boolean, locale: string) {
    return this.#model ? this.#part?.renderChat(this.#model, this.#store, mode, overlay, locale) : undefined;
  }
}
