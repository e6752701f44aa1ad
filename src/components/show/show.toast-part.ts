/**
 * The add toast's styles (show.toast.ts), a lazy chunk: fetched when the shopper first asks to add
 * (while the add is on its way), so the first view does not carry them.
 */
import { css } from 'lit';

export const toastStyles = css`
  .toast {
    position: fixed;
    inset: auto 0 calc(24px + env(safe-area-inset-bottom, 0px)) 0;
    margin: 0 auto;
    box-sizing: border-box;
    width: max-content;
    max-width: min(440px, calc(100vw - 24px));
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: 6px 6px 6px 16px;
    border: 0;
    border-radius: 999px;
    background: #17181c;
    color: #fff;
    font: 600 14px/1.3 var(--_font);
    box-shadow: 0 8px 28px rgb(0 0 0 / 30%);
    overflow: visible;
  }
  .toast:not(:popover-open) {
    display: none;
  }
  .toast::backdrop {
    display: none;
  }
  .toast.on-stage {
    inset: calc(env(safe-area-inset-top, 0px) + 64px) 0 auto 0;
  }
  .toast-text {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .toast-action {
    flex: none;
    min-height: 44px;
    padding: 0 14px;
    border-radius: 999px;
    background: #fff;
    color: #17181c;
    font-size: 14px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .toast:popover-open {
      animation: vitrine-toast-in 200ms ease-out;
    }
    @keyframes vitrine-toast-in {
      from {
        opacity: 0;
        transform: translateY(12px);
      }
    }
  }
`;
