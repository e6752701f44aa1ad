/**
 * The shared base of every Vitrine element: one typed `emit()` helper, and the
 * guard that keeps an exception inside the library from reaching the page.
 */
import { LitElement, type CSSResultOrNative } from 'lit';
import { CANCELABLE_EVENTS, type VitrineEventMap, type VitrineEventName } from '../core/events.js';
import { VitrineError } from '../core/errors.js';
import { onMessagesChange } from '../core/i18n.js';
import { yieldToPage } from '../core/yield.js';

/**
 * How long an element taken out of the document keeps what it runs (the live connection, the cart,
 * the video engine, timers) before it releases them: a move (removed and inserted again, in the same
 * task or a little later, as tabs, carousels and framework re-renders do) releases nothing
 * (README.md, "Moving a show in the page").
 */
export const RELEASE_DELAY = 1000;

/**
 * Calls `release` once `host` has stayed out of the document for `RELEASE_DELAY`. Returns the
 * cancel function, for the host's next `connectedCallback()`.
 */
export function releaseWhenGone(host: Element, release: () => void): () => void {
  const timer = setTimeout(() => {
    if (!host.isConnected) release();
  }, RELEASE_DELAY);
  return () => clearTimeout(timer);
}

export class VitrineElement extends LitElement {
  #stopTexts: (() => void) | undefined;
  /** Set when an update threw: the element stops rendering and shows its failure state. */
  #failed = false;

  /**
   * Texts can change after the first render (a locale chunk arrived, `registerMessages()`): render
   * again. A throw here (a platform function the page broke) is reported, not thrown at the page.
   */
  override connectedCallback(): void {
    try {
      this.#upgradeProperties();
      super.connectedCallback();
      this.#stopTexts ??= onMessagesChange(() => this.requestUpdate());
    } catch (error) {
      this.#fail(error, 'connect');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTexts?.();
    this.#stopTexts = undefined;
  }

  /**
   * Properties a framework set before the element was defined are own properties of the element
   * that hide the class's accessors (`stream`, `cart`, `catalog`...); Lit restores its reactive
   * properties itself, not plain accessors. Each is taken off and set again through its accessor,
   * so it counts as if it had been set after the upgrade (Lit's and web.dev's "lazy properties").
   */
  #upgradeProperties(): void {
    for (const key of Object.keys(this)) {
      if (!accessorOf(Object.getPrototypeOf(this) as object, key)?.set) continue;
      const value = (this as Record<string, unknown>)[key];
      delete (this as Record<string, unknown>)[key];
      (this as Record<string, unknown>)[key] = value;
    }
  }

  /**
   * Each element's first render runs in a task of its own: a show, its player, cart, rail and a
   * dozen cards rendered in one go were one long task of the host page (blocking time); one
   * element at a time, none is long and the page stays responsive. Later updates are not delayed.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || !this.yieldFirstRender) return this.#guardedUpdate();
    return yieldToPage().then(() => this.#guardedUpdate());
  }

  /**
   * An update (`willUpdate`, `render`, `updated`...) that throws, as on a host page that broke a
   * function the platform gives (`Array.prototype.map` replaced by one that throws): Lit would hand
   * the error to the page as an unhandled rejection, and try again at every change. Instead the
   * element reports it once (`vitrine-error`, `internal`, not recoverable), shows its failure state
   * and renders no more. A failed element stays pending, so Lit schedules nothing after it.
   */
  #guardedUpdate(): void {
    if (this.#failed) return;
    try {
      super.scheduleUpdate();
    } catch (error) {
      this.#fail(error, 'render');
    }
  }

  /** Reports `error` once, replaces what was rendered with the failure state (`failureText`), stops updating. */
  #fail(error: unknown, during: string): void {
    if (this.#failed) return;
    this.#failed = true;
    const message = `<${this.localName}> stopped (${during}): ${String(error)}`;
    try {
      this.#renderFailure();
    } finally {
      this.reportError(new VitrineError('internal', message, { recoverable: false, cause: error }));
    }
  }

  /**
   * The failure state, built without Lit nor any template (what failed may be used there): a
   * `role="alert"` status with the `unavailable` slot (the merchant's own words) and `failureText()`.
   */
  #renderFailure(): void {
    const root = this.renderRoot as ParentNode | undefined;
    if (!root || root === (this as ParentNode)) return;
    const status = document.createElement('div');
    status.className = 'panel';
    status.setAttribute('part', 'status');
    status.setAttribute('role', 'alert');
    const slot = document.createElement('slot');
    slot.name = 'unavailable';
    let text = '';
    try {
      text = this.failureText();
    } catch {
      // No words, then: the slot and the vitrine-error remain.
    }
    if (text) {
      const p = document.createElement('p');
      p.className = 'headline';
      p.textContent = text;
      slot.append(p);
    }
    status.append(slot);
    root.replaceChildren(status);
  }

  /** The words of the failure state (the show's "This show could not be loaded."); none by default. */
  protected failureText(): string {
    return '';
  }

  /** Whether the first render waits for a task of its own (the player's facade does not: it is what the shopper sees first). */
  protected get yieldFirstRender(): boolean {
    return true;
  }

  /**
   * A host page that broke `Element.prototype.attachShadow`: without a shadow root the widget
   * cannot keep its styles from the page, so it renders nothing into the page and says why
   * (`vitrine-error`, `internal`, not recoverable) instead of throwing at the page. A page that
   * broke `Array.prototype.map` breaks Lit's adopting of the styles: they are adopted here instead.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    try {
      return super.createRenderRoot();
    } catch (error) {
      const root = this.shadowRoot;
      if (root && adoptStyles(root, (this.constructor as typeof LitElement).elementStyles)) {
        this.renderOptions.renderBefore ??= root.firstChild;
        return root;
      }
      queueMicrotask(() => this.reportError(new VitrineError('internal', `No shadow root: ${String(error)}`, { recoverable: false })));
      return document.createDocumentFragment();
    }
  }

  /**
   * Dispatches a `vitrine-*` event from this element (`bubbles`, `composed`).
   * Returns the event so the caller can read `defaultPrevented`. A listener of
   * the host page that throws does not stop the widget: browsers report it, and
   * `dispatchEvent` still returns.
   */
  emit<K extends VitrineEventName>(name: K, detail: VitrineEventMap[K]): CustomEvent<VitrineEventMap[K]> {
    const event = new CustomEvent(name, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: CANCELABLE_EVENTS.has(name),
    });
    this.dispatchEvent(event);
    return event;
  }

  /** Reports any error as `vitrine-error`, never as an unhandled exception. */
  reportError(error: unknown, code: ConstructorParameters<typeof VitrineError>[0] = 'internal'): void {
    const detail = VitrineError.from(error, code).toDetail();
    this.emit('vitrine-error', detail);
  }
}

/** Lit's `adoptStyles` without `Array.prototype.map`; false when that fails too. */
function adoptStyles(root: ShadowRoot, styles: readonly CSSResultOrNative[]): boolean {
  try {
    const sheets: CSSStyleSheet[] = [];
    for (const s of styles) {
      const sheet = s instanceof CSSStyleSheet ? s : s.styleSheet;
      if (sheet) sheets.push(sheet);
    }
    root.adoptedStyleSheets = sheets;
    return true;
  } catch {
    return false;
  }
}

/** The accessor that `key` has on the prototypes of Vitrine's own classes (not Lit's, not the DOM's). */
function accessorOf(proto: object | null, key: string): PropertyDescriptor | undefined {
  for (let p = proto; p && p !== LitElement.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(p, key);
    if (descriptor) return descriptor.get || descriptor.set ? descriptor : undefined;
  }
  return undefined;
}
