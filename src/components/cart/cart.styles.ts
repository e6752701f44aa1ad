import { css } from 'lit';

/** The button and the drawer's frame (eager); the content's rules are in `cart.drawer.styles.ts`. */
export const styles = css`
  :host {
    display: inline-block;
  }
  :host([no-button]) {
    display: contents;
  }
  .cart-button {
    position: relative;
    padding: 0 14px;
    gap: 8px;
    background: var(--vitrine-cart-button-background, var(--_surface));
    color: var(--vitrine-cart-button-color, var(--_text));
    box-shadow: inset 0 0 0 1px var(--_border);
    border-radius: 999px;
  }
  @media (hover: hover) {
    .cart-button:hover {
      background: var(--_surface-alt);
    }
  }
  .count {
    display: inline-grid;
    place-items: center;
    min-inline-size: 22px;
    block-size: 22px;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-size: 12px;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .count.zero {
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  dialog {
    box-sizing: border-box;
    position: fixed;
    inset-block: 0;
    inset-inline: auto 0;
    margin: 0;
    inline-size: min(420px, 100vw);
    max-inline-size: 100vw;
    block-size: 100dvh;
    max-block-size: 100dvh;
    padding: 0;
    border: 0;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 0 48px rgb(0 0 0 / 24%);
    font: inherit;
    overscroll-behavior: contain;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
    animation: vitrine-slide 220ms ease-out;
  }
  [dir='rtl'] dialog[open] {
    animation-name: vitrine-slide-rtl;
  }
  dialog::backdrop {
    background: rgb(16 17 20 / 45%);
  }
  @keyframes vitrine-slide {
    from {
      transform: translateX(100%);
    }
  }
  @keyframes vitrine-slide-rtl {
    from {
      transform: translateX(-100%);
    }
  }
`;
