/**
 * A quantity stepper: −, the figure (a polite live region), +. Shared by the cart's lines and the
 * product detail, which load it with their lazy chunks; each says what its buttons do and sets
 * `--_stepper-size` if it wants other than 44px buttons (never under the touch target).
 */
import { css, html, nothing } from 'lit';
import { minus, plus } from './icons.js';

export interface StepperStep {
  /** The button's accessible name ("Decrease quantity of Merino beanie"). */
  label: string;
  disabled: boolean;
  onClick: () => void;
}

export interface StepperOptions {
  /** The CSS part name of the group (theming API: `stepper` in the cart, `quantity` in the detail). */
  part: string;
  /** The group's accessible name. */
  label: string;
  decrease: StepperStep;
  increase: StepperStep;
  /** What the figure shows: the quantity, or a busy indicator. */
  value: unknown;
  /** The figure's accessible name, where its content alone would not say what it is. */
  valueLabel?: string;
}

const step = (s: StepperStep, icon: ReturnType<typeof minus>) =>
  html`<button class="icon" type="button" aria-label=${s.label} ?disabled=${s.disabled} @click=${s.onClick}>${icon}</button>`;

export const stepper = (o: StepperOptions) =>
  html`<div part=${o.part} class="stepper" role="group" aria-label=${o.label}>
    ${step(o.decrease, minus())}
    <output class="qty" aria-live="polite" aria-label=${o.valueLabel ?? nothing}>${o.value}</output>
    ${step(o.increase, plus())}
  </div>`;

export const stepperStyles = css`
  .stepper {
    display: inline-flex;
    align-items: center;
    border-radius: var(--_radius-small);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .stepper button {
    inline-size: max(var(--_stepper-size, 44px), var(--_target));
    min-block-size: max(var(--_stepper-size, 44px), var(--_target));
    padding: 0;
    color: var(--_text);
  }
  .stepper button:disabled {
    color: var(--_border);
  }
  .stepper .qty {
    min-inline-size: 2ch;
    text-align: center;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
`;
