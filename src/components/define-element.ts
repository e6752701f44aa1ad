/**
 * Registers an element once. Defining a tag that is already defined is a no-op,
 * with a console warning when another copy of Vitrine of another version defined it.
 */
export const VERSION = '0.1.0';

type Versioned = CustomElementConstructor & { vitrineVersion?: string };

export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag) as Versioned | undefined;
  if (existing) {
    if (existing !== element && existing.vitrineVersion !== VERSION) {
      console.warn(
        `[vitrine] <${tag}> is already defined (version ${existing.vitrineVersion ?? 'unknown'}); keeping it, not ${VERSION}.`,
      );
    }
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(element, 'vitrineVersion')) {
    Object.defineProperty(element, 'vitrineVersion', { value: VERSION });
  }
  customElements.define(tag, element);
}
