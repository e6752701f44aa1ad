import { css } from 'lit';

/** The host and the dialog frame (eager); the content's rules are in `product-detail.body.styles.ts`. */
export const styles = css`
  :host {
    display: block;
  }
  :host([dialog]) {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(880px, calc(100vw - 32px));
    max-block-size: min(720px, calc(100dvh - 32px));
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 24px 64px rgb(0 0 0 / 28%);
    overflow: auto;
    overscroll-behavior: contain;
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(16 17 20 / 55%);
  }
  dialog[open] {
    animation: vitrine-rise 200ms ease-out;
  }
  @keyframes vitrine-rise {
    from {
      transform: translateY(16px);
      opacity: 0;
    }
  }
  @media (max-width: 640px) {
    dialog {
      inline-size: 100vw;
      max-inline-size: 100vw;
      max-block-size: 92dvh;
      margin: auto 0 0;
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
  }
`;
