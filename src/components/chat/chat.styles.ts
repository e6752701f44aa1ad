import { css } from 'lit';

export const styles = css`
  :host {
    --_chat-background: var(--vitrine-chat-background, var(--_surface));
    --_chat-text: var(--vitrine-chat-text, var(--_text));
    --_chat-bubble: var(--vitrine-chat-bubble, transparent);
    --_chat-host: var(--vitrine-chat-host-color, var(--_live));
    --_chat-badge: var(--vitrine-chat-badge-background, var(--_live));
    --_chat-heart: var(--vitrine-chat-heart-color, #e0245e);
    display: block;
    position: relative;
    height: var(--vitrine-chat-height, 420px);
    min-height: 0;
    /* Nothing inside moves anything outside: no layout shift on the host page. */
    contain: layout paint style;
    background: var(--_chat-background);
    color: var(--_chat-text) !important;
    border-radius: var(--_radius);
  }
  /* Off: the Like button only (reactions still show), as tall as its row. */
  :host([chat='off']) {
    height: auto;
    background: transparent;
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
  }
  .pinned {
    display: flex;
    gap: 6px;
    align-items: baseline;
    margin: var(--_space) var(--_space) 0;
    padding: 6px 10px;
    border-radius: var(--_radius-small);
    background: var(--_surface-alt);
    font-size: 14px;
    max-height: 5.6em;
    overflow: hidden;
  }
  .pinned-label {
    flex: none;
    font-size: 12px;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .log {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column-reverse;
    overflow-y: auto;
    overscroll-behavior: contain;
    margin: 0;
    padding: var(--_space);
    list-style: none;
    scrollbar-width: thin;
  }
  .message {
    position: relative;
    display: flex;
    align-items: flex-start;
    gap: 4px;
    padding: 3px 6px;
    border-radius: var(--_radius-small);
    background: var(--_chat-bubble);
    font-size: 14px;
    line-height: 1.35;
    overflow-wrap: anywhere;
    contain: content;
    /* Messages scrolled out of view are not laid out or painted (a flood keeps ~200 in the DOM);
       they stay in the accessibility tree. */
    content-visibility: auto;
    contain-intrinsic-size: auto 26px;
  }
  .message + .message {
    margin-top: 2px;
  }
  .body {
    flex: 1 1 auto;
    min-width: 0;
  }
  .author {
    font-weight: 700;
    margin-inline-end: 4px;
  }
  .host .author {
    color: var(--_chat-host);
  }
  .badge {
    display: inline-block;
    margin-inline-end: 4px;
    padding: 0 5px;
    border-radius: 4px;
    background: var(--_chat-badge);
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    vertical-align: 1px;
  }
  .badge.moderator {
    /* A fixed slate, not the theme's muted text colour: white on it stays legible in dark themes. */
    background: #4b5563;
  }
  .text {
    white-space: pre-line;
  }
  .state {
    display: block;
    font-size: 12px;
    color: var(--_muted);
  }
  .failed .state {
    color: var(--_danger);
  }
  /* A message on its way: its text dimmed, its "Sending…" state at full contrast. */
  .sending .text {
    opacity: 0.7;
  }
  .inline-actions {
    display: inline-flex;
    gap: 8px;
    margin-inline-start: 6px;
  }
  .link-button {
    all: unset;
    cursor: pointer;
    text-decoration: underline;
    font-weight: 700;
    font-size: 12px;
    min-height: 24px;
  }
  .link-button:focus-visible,
  .more:focus-visible,
  .menu button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .more {
    all: unset;
    flex: none;
    box-sizing: border-box;
    width: 24px;
    height: 24px;
    border-radius: 50%;
    text-align: center;
    line-height: 20px;
    cursor: pointer;
    color: var(--_muted);
    opacity: 0;
  }
  .message:hover .more,
  .more:focus-visible,
  .more[aria-expanded='true'] {
    opacity: 1;
  }
  @media (hover: none) {
    .more {
      opacity: 0.6;
    }
  }
  .menu {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 4px;
  }
  .menu button {
    min-height: 32px;
    padding: 0 10px;
    font-size: 13px;
  }
  .notice {
    margin: 0 var(--_space);
    font-size: 13px;
    color: var(--_muted);
  }
  .notice.error {
    color: var(--_danger);
  }
  .center {
    margin: auto;
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--_muted);
    font-size: 14px;
  }
  .bar {
    display: flex;
    gap: 6px;
    align-items: flex-end;
    padding: var(--_space);
    border-top: 1px solid var(--_border);
  }
  form {
    display: flex;
    flex: 1 1 auto;
    gap: 6px;
    min-width: 0;
    margin: 0;
  }
  .field {
    flex: 1 1 auto;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    min-height: max(40px, var(--_target));
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: 16px/1.2 var(--_font);
  }
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .name-title {
    margin: 0 0 4px;
    font-size: 14px;
    font-weight: 700;
  }
  .hint {
    font-size: 12px;
    color: var(--_muted);
  }
  .like {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    flex: none;
    /* As wide as with a five-digit count: the Send button beside it does not move when it comes. */
    inline-size: 44px;
  }
  .like button {
    color: var(--_chat-heart);
  }
  .like button svg {
    fill: currentColor;
  }
  .like-count {
    font-size: 12px;
    font-weight: 700;
    color: var(--_muted);
    /* As tall empty as with the first count: the composer row does not grow (no layout shift). */
    line-height: 15px;
    min-height: 15px;
    white-space: nowrap;
  }
  .bump {
    color: var(--_chat-heart);
  }
  .hearts {
    position: absolute;
    inset-inline-end: var(--_space);
    bottom: 64px;
    width: 48px;
    height: min(60%, 240px);
    pointer-events: none;
    overflow: visible;
  }
  .heart {
    position: absolute;
    bottom: 0;
    inset-inline-start: 12px;
    width: 24px;
    height: 24px;
    color: var(--_chat-heart);
    animation: vitrine-float 1800ms ease-out forwards;
    will-change: transform, opacity;
  }
  .heart svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
    stroke: none;
  }
  @keyframes vitrine-float {
    from {
      transform: translate(0, 0) scale(0.6);
      opacity: 1;
    }
    to {
      transform: translate(var(--_drift, 0px), -220px) scale(1.1);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .heart {
      display: none;
    }
  }

  /* Phones: translucent messages over the lower part of the video (inside a positioned box). */
  :host([layout='overlay']) {
    --_chat-background: transparent;
    --_chat-text: var(--vitrine-chat-overlay-text, #fff);
    /* Dark enough for white text over any frame of the video (4.5:1 even over white). */
    --_chat-bubble: var(--vitrine-chat-overlay-bubble, rgb(0 0 0 / 60%));
    --_chat-host: var(--vitrine-chat-overlay-host-color, #fff);
    height: var(--vitrine-chat-height, 100%);
    border-radius: 0;
    pointer-events: none;
  }
  /* The log grows downwards after a lead as tall as the viewport (the first messages sit at its
     bottom too) and is scrolled to its end (chat.follow.ts): a message coming moves the others by
     scrolling, never by layout (no layout shift over the video). */
  :host([layout='overlay']) .log {
    position: relative;
    display: block;
    padding-block-end: 0;
    scrollbar-width: none;
    -webkit-mask-image: linear-gradient(to bottom, transparent 0, #000 30%);
    mask-image: linear-gradient(to bottom, transparent 0, #000 30%);
    text-shadow: 0 1px 2px rgb(0 0 0 / 60%);
  }
  :host([layout='overlay']) .log::-webkit-scrollbar {
    display: none;
  }
  :host([layout='overlay']) .messages {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
    /* The room of the messages gone from the top (chat.places.ts): what stays does not move up. */
    padding-block: calc(100lvh + var(--_left, 0px)) var(--_space);
  }
  :host([layout='overlay']) .message {
    max-width: 85%;
    pointer-events: auto;
    /* Each is laid out as it comes (the overlay keeps a few): its box is final in its first frame. */
    content-visibility: visible;
  }
  @media (prefers-reduced-motion: no-preference) {
    :host([layout='overlay']) .message {
      animation: vitrine-chat-in 240ms ease-out;
    }
  }
  /* Opacity only: a transform would suspend scroll anchoring while it runs. */
  @keyframes vitrine-chat-in {
    from {
      opacity: 0;
    }
  }
  :host([layout='overlay']) .message + .message {
    margin-top: 0;
  }
  /* Deleted, kept in its place until it leaves with the oldest (chat.places.ts): the newer ones stay. */
  :host([layout='overlay']) .message.gone {
    visibility: hidden;
    animation: none;
  }
  :host([layout='overlay']) .pinned {
    background: rgb(0 0 0 / 70%);
    pointer-events: auto;
  }
  :host([layout='overlay']) .pinned-label,
  :host([layout='overlay']) .state,
  :host([layout='overlay']) .like-count,
  :host([layout='overlay']) .notice,
  :host([layout='overlay']) .center {
    color: #f2f2f2;
  }
  :host([layout='overlay']) .bar {
    border: 0;
    pointer-events: auto;
  }
  :host([layout='overlay']) input {
    background: rgb(0 0 0 / 35%);
    border-color: rgb(255 255 255 / 45%);
    color: #fff;
  }
  :host([layout='overlay']) input::placeholder {
    color: rgb(255 255 255 / 80%);
  }
  :host([layout='overlay']) .badge.moderator {
    background: rgb(255 255 255 / 30%);
  }
`;
