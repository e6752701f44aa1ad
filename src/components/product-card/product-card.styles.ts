import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    inline-size: var(--vitrine-card-width, auto);
    contain: layout style;
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    background: var(--_surface);
    border-radius: var(--_radius);
    box-shadow: 0 0 0 1px var(--_border);
    overflow: hidden;
    transition: box-shadow 160ms ease;
  }
  /* Drawn inside the card (over the image), so a scrolling rail never clips it. */
  :host([pinned]) .card {
    box-shadow: var(--_shadow);
  }
  :host([pinned]) .card::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
    border-radius: inherit;
    box-shadow: inset 0 0 0 2px var(--_live);
    pointer-events: none;
  }
  .media {
    position: relative;
    aspect-ratio: var(--vitrine-card-image-ratio, 4 / 5);
    background: var(--_surface-alt);
    overflow: hidden;
    cursor: pointer;
  }
  .media img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    transition: transform 240ms ease;
  }
  .card:hover .media img {
    transform: scale(1.03);
  }
  .placeholder {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    color: var(--_muted);
    font-size: 40px;
    font-weight: 700;
    text-transform: uppercase;
  }
  .badge {
    position: absolute;
    inset-block-start: calc(var(--_space) * 1);
    inset-inline-start: calc(var(--_space) * 1);
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 4px 8px;
    border-radius: 999px;
    background: var(--_live);
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
  .badge::before {
    content: '';
    inline-size: 6px;
    block-size: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: vitrine-pulse 1.4s ease-in-out infinite;
  }
  /* The theme's text and surface colours, swapped: readable on light and dark themes alike. */
  .badge.sold-out {
    background: var(--_text);
    color: var(--_surface);
  }
  .badge.sold-out::before {
    display: none;
  }
  @keyframes vitrine-pulse {
    50% {
      opacity: 0.3;
    }
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 1.5);
    flex: 1;
  }
  /* The title's text starts at the top of its place, one line or two: a button centres its
     content, so a one-line title sat lower than a two-line one in the next card, and moved (a
     layout shift) when the pinned product changed. A grid puts it at the top; the text inside is
     clamped to the title's line count (-webkit-line-clamp, set here and inherited), or cut with
     an ellipsis where it does not wrap (the chip). */
  .title {
    all: unset;
    display: grid;
    align-content: start;
    -webkit-line-clamp: 2;
    min-block-size: 40px;
    font-size: 14px;
    font-weight: 700;
    line-height: 20px;
    color: var(--_text);
    cursor: pointer;
    border-radius: 4px;
    overflow-wrap: anywhere;
  }
  .title-text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: inherit;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .title:hover {
    text-decoration: underline;
  }
  .title:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .stock {
    font-size: 12px;
    line-height: 18px;
    font-weight: 700;
    color: var(--_sale);
  }
  /* A deal's block stands for the price row and the stock line: with a deal, a card is as tall as
     with low stock, and a deal starting or ending moves nothing in the rail or the pinned slot. */
  .body > .price-row {
    min-block-size: 23px;
  }
  vitrine-deal-price {
    min-block-size: calc(23px + var(--_space) * 0.5 + 18px);
    /* As wide as the card's body, whatever its prices: they never widen the card (in a rail, a
       wider card would make the row, and the show, taller). */
    contain: inline-size;
  }
  .stock.muted {
    color: var(--_muted);
  }
  .actions {
    margin-block-start: auto;
    padding-block-start: calc(var(--_space) * 0.5);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .add {
    inline-size: 100%;
  }
  .seek {
    all: unset;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-block-size: var(--_target);
    font-size: 12px;
    font-weight: 700;
    color: var(--_muted);
    cursor: pointer;
    border-radius: 4px;
  }
  .seek svg {
    inline-size: 14px;
    block-size: 14px;
    fill: currentColor;
    stroke: none;
  }
  .seek:hover {
    color: var(--_text);
  }
  .seek:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .status {
    min-block-size: 1.3em;
    font-size: 14px;
    line-height: 1.3;
  }

  /* Compact: the image beside the text (the pinned product next to the video). */
  :host([layout='compact']) .card {
    flex-direction: row;
  }
  :host([layout='compact']) .media {
    flex: 0 0 var(--vitrine-card-media-width, clamp(96px, 38%, 160px));
    aspect-ratio: auto;
    min-block-size: 160px;
  }
  :host([layout='compact']) .media img,
  :host([layout='compact']) .placeholder {
    position: absolute;
    inset: 0;
  }
  :host([layout='compact']) .body {
    min-inline-size: 0;
    padding: var(--_space);
  }
  :host([layout='compact']) .title {
    /* One line is enough here, but the title stays a target of the minimum size (WCAG 2.5.8). */
    min-block-size: var(--_target);
  }
  /* One line of prices, whatever the product: what does not fit (the saving, then the struck
     price) wraps onto a second line, which is not shown (screen readers still read it). A sale
     price that wrapped made the card a line taller, and on a touch screen, where the card is
     taller than its image, pinning another product moved Add to cart by that line. */
  :host([layout='compact']) .body > .price-row {
    max-block-size: 23px;
    overflow: hidden;
  }
  /* And the stock line's place, kept without one ("Only 3 left" comes and goes with the product),
     as a deal's block keeps it: the prices and the stock line are always as tall. */
  :host([layout='compact']) .body > .price-row:not(:has(+ .stock)) {
    margin-block-end: calc(var(--_space) * 0.5 + 18px);
  }
  /* The title's height never changes with the product, so pinning another product moves nothing
     under it (price, stock, Add to cart): with a mouse (a 24px target) it takes one line, cut with
     an ellipsis (the detail, a click away, has it whole); on a touch screen its two lines fit in
     the 44px target. */
  @media not all and (pointer: coarse) {
    :host([layout='compact']) .title {
      -webkit-line-clamp: 1;
    }
  }

  /* layout="chip": one row over the phone stage's video (image, title, price or deal, Add to cart). */
  :host([layout='chip']) .card {
    flex-direction: row;
    align-items: stretch;
    border-radius: 14px;
    box-shadow: 0 4px 18px rgb(0 0 0 / 35%);
  }
  :host([layout='chip']) .media {
    flex: 0 0 64px;
    aspect-ratio: auto;
  }
  :host([layout='chip']) .media img,
  :host([layout='chip']) .placeholder {
    position: absolute;
    inset: 0;
  }
  :host([layout='chip']) [part='badge'] {
    display: none;
  }
  :host([layout='chip']) .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'title add' 'price add';
    align-items: center;
    gap: 0 var(--_space);
    padding: 4px 6px 4px 10px;
  }
  :host([layout='chip']) .title {
    grid-area: title;
    display: block;
    min-block-size: var(--_target);
    line-height: var(--_target);
    white-space: nowrap;
    font-size: 14px;
  }
  :host([layout='chip']) .body > :not(.title, .actions, .stock) {
    grid-area: price;
    font-size: 14px;
  }
  :host([layout='chip']) .stock,
  :host([layout='chip']) .seek {
    display: none;
  }
  :host([layout='chip']) .actions {
    grid-area: add;
    margin: 0;
    padding: 0;
  }
  :host([layout='chip']) .add {
    inline-size: auto;
    min-block-size: 44px;
    padding-inline: 14px;
    display: inline-grid;
    justify-items: start;
  }
  /* The label and the hidden labels it may become share one cell: the widest sizes the button.
     The label starts where they all start: centred, a shorter one would move (a layout shift). */
  :host([layout='chip']) .add > .label,
  :host([layout='chip']) .add > .sizer {
    grid-area: 1 / 1;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  :host([layout='chip']) .add > .sizer {
    visibility: hidden;
  }
  /* The show's toast confirms an add on the stage; the line stays for screen readers. */
  :host([layout='chip']) .status {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
