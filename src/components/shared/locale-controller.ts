/**
 * The locale and writing direction an element renders in: its own `locale`
 * attribute, else the store's locale when the store is shared (the show resolved it),
 * else the closest `lang` (crossing shadow roots), the page's, the browser's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isRtl, resolveLocale } from '../../core/i18n.js';
import type { StoreController } from './store-controller.js';

export class LocaleController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement & { locale?: string | undefined };
  #store: StoreController;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement & { locale?: string | undefined }, store: StoreController) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  get locale(): string {
    if (this.#host.locale) return resolveLocale(null, this.#host.locale);
    if (!this.#store.owned) return this.#store.state.locale;
    return resolveLocale(this.#host);
  }

  get dir(): 'rtl' | 'ltr' {
    return isRtl(this.locale) ? 'rtl' : 'ltr';
  }

  hostConnected(): void {
    // A standalone element follows the page's `lang` when it changes.
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
