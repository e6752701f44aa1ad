/**
 * Registers an element once. Defining a tag that is already defined is a no-op,
 * with a console warning when another copy of Vitrine of another version defined it.
 */
import type { ReactiveElement } from 'lit';
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

/**
 * Parses the stylesheets of `elements` now, instead of in the first element's first render: Lit
 * builds each class's sheets once, when its first instance is created. Called in a task of its own
 * before the elements of a page are defined or rendered, it takes that work out of their task.
 */
export function buildStyles(...elements: (typeof ReactiveElement)[]): void {
  try {
    for (const element of elements) {
      // `finalize()` (protected) is what `customElements.define` triggers through `observedAttributes`.
      void element.observedAttributes;
      for (const style of element.elementStyles) if ('styleSheet' in style) void style.styleSheet;
    }
  } catch {
    // Only earlier work: on a page that broke what this needs, the first render does it (or reports why).
  }
}
