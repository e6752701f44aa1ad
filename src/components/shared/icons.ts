/** Inline SVG icons (Lit `svg` templates, no external requests, CSP-safe). Decorative: aria-hidden. */
import { html, svg } from 'lit';

const icon = (body: ReturnType<typeof svg>, flip = false) =>
  html`<svg class=${flip ? 'flip-rtl' : ''} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;

export const chevronStart = () => icon(svg`<path d="M15 18l-6-6 6-6" />`, true);
export const chevronEnd = () => icon(svg`<path d="M9 18l6-6-6-6" />`, true);
export const close = () => icon(svg`<path d="M18 6L6 18M6 6l12 12" />`);
export const plus = () => icon(svg`<path d="M12 5v14M5 12h14" />`);
export const minus = () => icon(svg`<path d="M5 12h14" />`);
export const trash = () =>
  icon(svg`<path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" />`);
export const bag = () =>
  icon(svg`<path d="M6 7h12l1 13H5L6 7z" /><path d="M9 7V6a3 3 0 0 1 6 0v1" />`);
export const check = () => icon(svg`<path d="M20 6L9 17l-5-5" />`);
/** Media play: not mirrored in right to left (only directional arrows are). */
export const play = () => icon(svg`<path d="M8 5v14l11-7z" />`);
export const external = () =>
  icon(svg`<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />`, true);
