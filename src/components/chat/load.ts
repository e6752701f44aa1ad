/**
 * `<vitrine-chat>` for the storefront bundle, lazily: the chat's code (element, templates, styles,
 * texts) is a chunk of its own, fetched only when a page has a `<vitrine-chat>` in its document
 * when the script runs or once it has loaded, or when `loadChat()` is called (`<vitrine-show>`
 * does it when a show has an `interactions` URL or a chat event arrives). The first view's script
 * bytes do not grow by the chat.
 */
import { VitrineError } from '../../core/errors.js';

let loading: Promise<CustomElementConstructor> | undefined;

/** Defines `<vitrine-chat>` (once) and resolves with its class; a failed fetch can be tried again. */
export function loadChat(): Promise<CustomElementConstructor> {
  loading ??= import('./define.js').then(
    () => customElements.get('vitrine-chat')!,
    (error: unknown) => {
      loading = undefined;
      throw new VitrineError('chat/unavailable', 'The chat could not be loaded.', { cause: error });
    },
  );
  return loading;
}

function loadIfPresent(): void {
  if (!customElements.get('vitrine-chat') && document.querySelector('vitrine-chat')) loadChat().catch(() => undefined);
}

if (typeof document !== 'undefined') {
  loadIfPresent();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadIfPresent, { once: true });
}
