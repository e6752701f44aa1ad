/**
 * The design tokens and base styles every shop element adopts. Global tokens are
 * `--vitrine-*` custom properties, each read with a fallback here, so a merchant sets
 * only what they want to change, on any ancestor (custom properties inherit into
 * shadow roots). `:host` resets the inherited properties a host page may have set
 * (font size, line height, colour, letter spacing...), so page CSS cannot break the layout.
 *
 * The type scale has five strikes, and the first view uses no other (type-scale.ts `STRIKES`).
 * Each size and weight the page has not drawn yet costs a font look-up in the layout of the frame
 * that first draws it (about 8 ms at 4x CPU each, measured on Linux Chromium, and some 40 ms for
 * the first text in the stack); twelve of them made the first view's layout one long task. The
 * loader warms the five while the code downloads. Keep new text to these five where it can be.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--vitrine-color-text, #17181c);
    --_muted: var(--vitrine-color-muted, #5f6370);
    --_surface: var(--vitrine-color-surface, #ffffff);
    --_surface-alt: var(--vitrine-color-surface-alt, #f4f4f6);
    --_border: var(--vitrine-color-border, #e2e3e8);
    --_accent: var(--vitrine-color-accent, #17181c);
    --_accent-contrast: var(--vitrine-color-accent-contrast, #ffffff);
    --_sale: var(--vitrine-color-sale, #b4231b);
    --_live: var(--vitrine-color-live, #d0173f);
    --_success: var(--vitrine-color-success, #146c43);
    --_danger: var(--vitrine-color-danger, #b4231b);
    --_focus: var(--vitrine-color-focus, #2463eb);
    --_radius: var(--vitrine-radius, 12px);
    --_radius-small: var(--vitrine-radius-small, 8px);
    --_space: var(--vitrine-space, 8px);
    --_shadow: var(--vitrine-shadow, 0 1px 2px rgb(16 17 20 / 6%), 0 4px 16px rgb(16 17 20 / 8%));
    --_target: 24px;

    /* !important: a page rule such as "* { color: red !important }" matches the host element itself and
       would beat a normal :host rule; an !important rule of the shadow tree beats the page's !important.
       Theme with the --vitrine-* tokens instead. */
    box-sizing: border-box !important;
    font-family: var(--_font) !important;
    font-size: 16px !important;
    font-weight: 400 !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    line-height: 1.4 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--_text) !important;
    -webkit-text-size-adjust: 100%;
  }
  @media (pointer: coarse) {
    :host {
      --_target: 44px;
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  img {
    display: block;
    max-width: 100%;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
    /* Laid out all the same: in the type scale's body size, it needs no font look-up of its own. */
    font-size: 14px;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Buttons: primary (filled), secondary (outlined), icon (square). */
export const buttonStyles = css`
  button,
  .button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.75);
    min-height: max(40px, var(--_target));
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    border-radius: var(--_radius-small);
    font: 700 14px/1.2 var(--_font);
    cursor: pointer;
    text-align: center;
    text-decoration: none;
    -webkit-tap-highlight-color: transparent;
    transition:
      background-color 120ms ease,
      border-color 120ms ease,
      color 120ms ease,
      transform 80ms ease;
  }
  button:focus-visible,
  .button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button:active:not(:disabled) {
    transform: scale(0.98);
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  /* Hover only where there is one: on a touch screen :hover sticks after a tap, and the lighter
     accent looked like a disabled button. */
  @media (hover: hover) {
    .primary:hover:not(:disabled) {
      background: color-mix(in srgb, var(--_accent) 86%, white);
    }
    .secondary:hover:not(:disabled) {
      background: var(--_surface-alt);
    }
  }
  .secondary {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .icon {
    padding: 0;
    width: max(36px, var(--_target));
    min-height: max(36px, var(--_target));
    border-radius: 999px;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .primary:disabled {
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  .spinner {
    width: 1em;
    height: 1em;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    animation: vitrine-spin 700ms linear infinite;
  }
  @keyframes vitrine-spin {
    to {
      transform: rotate(360deg);
    }
  }
  svg {
    width: 20px;
    height: 20px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  :host(:dir(rtl)) .flip-rtl,
  [dir='rtl'] .flip-rtl {
    transform: scaleX(-1);
  }
`;

/** Price row: current price, struck compare-at price, saving badge. */
export const priceStyles = css`
  .price-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 calc(var(--_space) * 0.75);
  }
  .price {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .price.on-sale {
    color: var(--_sale);
  }
  .compare-at {
    color: var(--_muted);
    text-decoration: line-through;
    font-size: 0.875em;
  }
  .saving {
    font-size: 12px;
    font-weight: 700;
    color: var(--_sale);
    background: color-mix(in srgb, var(--_sale) 10%, transparent);
    padding: 2px 6px;
    border-radius: 999px;
  }
`;
