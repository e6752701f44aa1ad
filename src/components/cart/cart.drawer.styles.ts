import { css } from 'lit';
import { stepperStyles } from '../shared/stepper.js';

/** The drawer's content: loaded with it (`cart.drawer.ts`), at the first open. */
export const drawerStyles = css`
  ${stepperStyles}
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2.5);
    border-block-end: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 16px;
    font-weight: 700;
  }
  h2 .muted {
    color: var(--_muted);
    font-size: 14px;
    font-weight: 400;
  }
  .close {
    color: var(--_text);
  }
  .close:hover {
    background: var(--_surface-alt);
  }
  .body {
    flex: 1;
    overflow-y: auto;
    padding: 0 calc(var(--_space) * 2.5);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .line {
    display: grid;
    grid-template-columns: 72px minmax(0, 1fr) auto;
    gap: calc(var(--_space) * 1.5);
    padding-block: calc(var(--_space) * 2);
    border-block-end: 1px solid var(--_border);
  }
  /* Updating: only the image dims (text keeps its contrast); the quantity shows a spinner. */
  .line[aria-busy='true'] .thumb {
    opacity: 0.55;
  }
  .qty .spinner {
    display: inline-block;
    vertical-align: -0.15em;
    color: var(--_muted);
  }
  .thumb {
    inline-size: 72px;
    block-size: 90px;
    border-radius: var(--_radius-small);
    background: var(--_surface-alt);
    object-fit: cover;
  }
  .line-info {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-inline-size: 0;
  }
  .line-title {
    font-weight: 700;
    font-size: 14px;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .line-variant,
  .line-each {
    font-size: 13px;
    color: var(--_muted);
  }
  .line-controls {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1);
    margin-block-start: calc(var(--_space) * 1);
  }
  /* Compact steppers on the cart's lines (shared/stepper.ts; never under the touch target). */
  .stepper {
    --_stepper-size: 36px;
  }
  .stepper svg,
  .remove svg {
    inline-size: 16px;
    block-size: 16px;
  }
  .remove {
    color: var(--_muted);
  }
  .remove:hover {
    color: var(--_danger);
    background: var(--_surface-alt);
  }
  .line-total {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 2px;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .line-was {
    font-size: 13px;
    font-weight: 400;
    color: var(--_muted);
  }
  .line-saving {
    font-size: 12px;
    font-weight: 700;
    color: var(--_success);
  }
  .line-limit {
    font-size: 13px;
    color: var(--_muted);
  }
  .footer {
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2.5) calc(var(--_space) * 2.5);
    border-block-start: 1px solid var(--_border);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.25);
    background: var(--_surface);
  }
  .subtotal {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    font-size: 16px;
    font-weight: 700;
    margin: 0;
  }
  .subtotal dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .discounts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
    font-size: 14px;
  }
  .discount {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .discount-code {
    flex: 1;
  }
  .discount-amount {
    color: var(--_success);
    font-variant-numeric: tabular-nums;
  }
  .taxes {
    margin: 0;
    font-size: 13px;
    color: var(--_muted);
  }
  .checkout {
    inline-size: 100%;
    min-block-size: max(48px, var(--_target));
    font-size: 16px;
  }
  .error {
    margin: 0;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, var(--_danger) 9%, transparent);
    color: var(--_danger);
    font-size: 14px;
    font-weight: 700;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 1.5);
    min-block-size: 60%;
    text-align: center;
    padding: calc(var(--_space) * 4) 0;
  }
  .empty svg {
    inline-size: 48px;
    block-size: 48px;
    stroke-width: 1.5;
    color: var(--_muted);
  }
  .empty p {
    margin: 0;
  }
  .empty .hint {
    color: var(--_muted);
    font-size: 14px;
  }
`;
