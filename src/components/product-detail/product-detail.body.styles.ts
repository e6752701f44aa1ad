import { css } from 'lit';
import { addStatusStyles } from '../shared/add-status.js';
import { stepperStyles } from '../shared/stepper.js';

/** The detail's content: loaded with its body (`product-detail.body.ts`), when first shown. */
export const bodyStyles = css`
  ${addStatusStyles}
  ${stepperStyles}
  .detail {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 3);
  }
  @media (max-width: 640px) {
    .detail {
      grid-template-columns: 1fr;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 2);
    }
  }
  .close {
    position: absolute;
    inset-block-start: calc(var(--_space) * 1.5);
    inset-inline-end: calc(var(--_space) * 1.5);
    z-index: 1;
    background: color-mix(in srgb, var(--_surface) 90%, transparent);
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .media {
    aspect-ratio: 4 / 5;
    border-radius: var(--_radius-small);
    background: var(--_surface-alt);
    overflow: hidden;
  }
  @media (max-width: 640px) {
    .media {
      aspect-ratio: 4 / 3;
    }
  }
  .media img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .info {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    min-inline-size: 0;
  }
  h2 {
    margin: 0;
    padding-inline-end: 48px;
    font-size: 22px;
    line-height: 1.25;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .price-row {
    font-size: 16px;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: calc(var(--_space) * 1);
    font-size: 14px;
    font-weight: 700;
  }
  legend .chosen {
    font-weight: 400;
    color: var(--_muted);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1);
  }
  .value {
    position: relative;
  }
  .value input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .value input:disabled {
    cursor: not-allowed;
  }
  .value span {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 48px;
    min-block-size: max(40px, var(--_target));
    padding: 0 calc(var(--_space) * 1.75);
    border-radius: var(--_radius-small);
    box-shadow: inset 0 0 0 1px var(--_border);
    font-size: 14px;
    font-weight: 400;
    background: var(--_surface);
    transition:
      box-shadow 120ms ease,
      background-color 120ms ease;
  }
  .value:hover input:not(:disabled) + span {
    box-shadow: inset 0 0 0 1px var(--_text);
  }
  .value input:checked + span {
    box-shadow: inset 0 0 0 2px var(--_accent);
    font-weight: 700;
  }
  .value input:focus-visible + span {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .value input:disabled + span {
    color: var(--_muted);
    background: var(--_surface-alt);
    text-decoration: line-through;
  }
  .note {
    margin: calc(var(--_space) * 0.75) 0 0;
    font-size: 13px;
    color: var(--_muted);
  }
  .buy {
    display: flex;
    gap: calc(var(--_space) * 1.5);
    align-items: stretch;
    flex-wrap: wrap;
  }
  .add {
    flex: 1 1 180px;
    min-block-size: max(44px, var(--_target));
  }
  .status {
    min-block-size: 1.4em;
    font-size: 14px;
  }
  .stock {
    font-size: 14px;
    font-weight: 700;
    color: var(--_sale);
  }
  .description {
    margin: 0;
    color: var(--_muted);
    font-size: 14px;
    line-height: 1.55;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .link {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-block-size: var(--_target);
    color: var(--_text);
    font-size: 14px;
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 3px;
    border-radius: 4px;
  }
  .link svg {
    inline-size: 16px;
    block-size: 16px;
  }
`;
