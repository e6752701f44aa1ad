/**
 * `styleProps({ '--x': '10px' })`: sets inline custom properties (and styles) through the
 * CSSOM only. Lit's `styleMap` writes the `style` ATTRIBUTE on its first render, which a
 * strict `style-src 'self'` Content-Security-Policy (no `unsafe-inline`) refuses
 * (`style-src-attr` violation, and the value is lost). `element.style.setProperty` is allowed.
 *
 * @example html`<div style=${styleProps({ '--at': `${percent}%` })}></div>`
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string | number | null | undefined>>;

class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style' || (partInfo.strings?.length ?? 0) > 2) {
      throw new Error('styleProps() must be the whole value of a `style` attribute');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const style = part.element.style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      next.add(name);
      style.setProperty(name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), String(value));
    }
    for (const name of this.#previous) {
      if (!next.has(name)) style.removeProperty(name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    }
    this.#previous = next;
    // Never commit the attribute itself.
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
