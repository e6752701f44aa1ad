/**
 * The shared base of every Vitrine element: one typed `emit()` helper, and the
 * guard that keeps an exception inside the library from reaching the page.
 */
import { LitElement } from 'lit';
import { CANCELABLE_EVENTS, type VitrineEventMap, type VitrineEventName } from '../core/events.js';
import { VitrineError } from '../core/errors.js';

export class VitrineElement extends LitElement {
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
