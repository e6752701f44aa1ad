/**
 * The line under an "Add to cart" button that says how the add went ("Added to cart", or why
 * not), announced by screen readers (`role="status"`). Shared by the product card and the
 * product detail; each sets the line's size, this sets its colours.
 */
import { css, html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { AddFeedback } from './add-controller.js';

export const addStatus = (feedback: AddFeedback | undefined) =>
  html`<div
    part="status"
    class=${classMap({ status: true, added: feedback?.kind === 'added', error: feedback?.kind === 'error' })}
    role="status"
  >
    ${feedback?.message ?? ''}
  </div>`;

export const addStatusStyles = css`
  .status.added {
    color: var(--_success);
    font-weight: 700;
  }
  .status.error {
    color: var(--_danger);
    font-weight: 700;
  }
`;
