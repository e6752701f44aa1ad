import { css } from 'lit';
import { headerStyles } from './show.header.styles.js';

/**
 * Three layouts from the space the show is given (container queries on the host, so a show
 * in a sidebar behaves as on a phone):
 * - wide (≥ 760px): the video, and beside it the header and the pinned product; the rail below;
 * - stacked (480–759px): header, video, pinned product, rail;
 * - phone (< 480px), edge to edge: a 16:9 show is the header, then the full-width video; a
 *   vertical (9:16) show fills a portrait stage (at most the viewport's height) with the header
 *   over its top. Then the pinned product and the rail. Nothing is drawn over the middle of the
 *   stage, where the video and its Play button are.
 * Every area reserves its final size from the first render, before the show document, the
 * products or a pin arrive (CLS 0): the header one title line and one meta line, the stage its
 * aspect ratio, the pinned slot (stacked and vertical) the compact card's height, the rail the
 * carousel's. Posters are letterboxed like the video (object-fit: contain), whatever the state.
 * The live moments (a poll, an announcement) take no room of their own: they are laid over a
 * place kept for them, so one arriving moves nothing (wide: beside the video, under the pinned
 * card, over the pinned product's description or the chat's older messages; narrower: over the
 * pinned slot, below the video).
 */
export const styles = [
  css`
  :host {
    display: block;
    container: vitrine-show / inline-size;
    --_stage-ratio: 16 / 9;
    --_side: clamp(260px, 32%, 360px);
    /* The carousel's height with 200px cards (header, 4:5 image, two-line title, price, stock, add). */
    --_rail-height: var(--vitrine-show-rail-height, 500px);
    /* The compact pinned card's height (its image: 160px) and the label above it. */
    --_pinned-card-height: var(--vitrine-show-pinned-height, 160px);
    --_stage-bg: var(--vitrine-show-stage-background, #0d0e11);
    background: var(--_surface);
    border-radius: var(--_radius);
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'header' 'stage' 'pinned' 'rail';
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
    position: relative;
  }
  /* As wide as the show and never taller: the ResizeObserver of show.viewport.ts watches it. */
  .ruler {
    position: absolute;
    inset-inline: 0;
    top: 0;
    height: 0;
    visibility: hidden;
    pointer-events: none;
  }

  .stage-slot {
    grid-area: stage;
    position: relative;
    aspect-ratio: var(--_stage-ratio);
    width: 100%;
    background: var(--_stage-bg);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .stage {
    position: absolute;
    inset: 0;
    display: grid;
  }
  .stage > vitrine-player {
    width: 100%;
    height: 100%;
    --vitrine-player-radius: 0;
  }
  .panel {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: #fff;
    background-color: var(--_stage-bg);
    background-size: cover;
    background-position: center;
  }
  .panel.has-poster::before {
    content: '';
    position: absolute;
    inset: 0;
    background: linear-gradient(rgb(0 0 0 / 35%), rgb(0 0 0 / 70%));
  }
  .panel > * {
    position: relative;
    margin: 0;
  }
  .panel .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
    max-width: none;
  }
  .panel h2,
  .panel .headline {
    font-size: clamp(18px, 4cqi, 28px);
    font-weight: 700;
    line-height: 1.2;
  }
  .countdown {
    font-size: clamp(22px, 6cqi, 44px);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .panel .secondary {
    color: var(--_text);
  }
  .skeleton {
    position: absolute;
    inset: 0;
    background: linear-gradient(100deg, transparent 30%, rgb(255 255 255 / 6%) 50%, transparent 70%) var(--_stage-bg);
    background-size: 200% 100%;
    animation: vitrine-shimmer 1.4s linear infinite;
  }
  @keyframes vitrine-shimmer {
    to {
      background-position: -200% 0;
    }
  }

  .notice {
    position: absolute;
    inset: auto var(--_space) var(--_space) var(--_space);
    z-index: 3;
    justify-self: center;
    font-size: 14px;
    padding: 4px 10px;
    border-radius: 999px;
    background: rgb(0 0 0 / 70%);
    color: #fff;
    width: fit-content;
    margin-inline: auto;
  }

  .pinned {
    grid-area: pinned;
    display: grid;
    align-content: start;
    gap: var(--_space);
    min-height: 0;
    /* Stacked: the label and the compact card, reserved while empty (nothing below moves when
       the products or a pin arrive); a taller card scrolls inside. */
    block-size: calc(18px + var(--_space) + var(--_pinned-card-height));
    contain: size;
    overflow: auto;
  }
  .pinned .label {
    font-size: 12px;
    line-height: 18px;
    font-weight: 700;
    color: var(--_muted);
    margin: 0;
  }
  .pinned vitrine-product-card {
    --vitrine-card-width: 100%;
  }
  /* The pinned product's description: only beside the video (wide), in the room under the card. */
  .pinned .about {
    display: none;
  }

  /*
   * The live moments (show.moments.ts), laid over the layout (position: absolute in a grid area of
   * the positioned grid, so they add no height and move nothing): narrower than 760px over the
   * pinned slot below the video; wide, in the side column right under the pinned card (see below).
   * A moment taller than its place scrolls inside it.
   */
  .layout:not(.on-stage) > .moments {
    position: absolute;
    grid-area: pinned;
    inset: 0;
    z-index: 3;
    display: flex;
    flex-direction: column;
    min-width: 0;
    pointer-events: none;
  }
  .moments-list {
    display: grid;
    align-content: start;
    gap: var(--_space);
    min-width: 0;
  }
  .layout:not(.on-stage) .moments-list {
    flex: 0 1 auto;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
    pointer-events: auto;
    border-radius: var(--_radius-small);
    /* What is under it (the chat, the card) does not show between a banner and a poll. */
    background: var(--_surface);
  }
  /* Below the video, the whole pinned slot: no edge of the card under it shows. */
  @container vitrine-show (max-width: 759.98px) {
    .layout:not(.on-stage) .moments-list {
      block-size: 100%;
    }
  }

  .rail {
    grid-area: rail;
    min-height: var(--_rail-height);
    min-width: 0;
  }
  .rail.empty {
    display: grid;
    place-content: center;
    color: var(--_muted);
  }

  /* The mini-player: the stage goes to the top layer (escapes the host's containment). */
  .stage[popover] {
    inset: auto 16px 16px auto;
    position: fixed;
    margin: 0;
    padding: 0;
    border: 0;
    /* A corner of the screen, not a quarter of a phone's: 360px, at most 60% of the width. */
    width: min(360px, 60vw);
    aspect-ratio: 16 / 9;
    height: auto;
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_stage-bg);
    box-shadow: 0 8px 32px rgb(0 0 0 / 35%);
  }
  .stage[popover].vertical {
    width: min(200px, 36vw);
    aspect-ratio: 9 / 16;
  }
  .stage[popover]::backdrop {
    display: none;
  }
  /* The add toast (show.toast.ts): hidden until shown; its look comes with its lazy styles. */
  .toast:not(:popover-open) {
    display: none;
  }
  .mini-bar {
    position: absolute;
    inset: 6px 6px auto auto;
    z-index: 5;
    display: flex;
    gap: 4px;
  }
  .mini-bar button {
    background: rgb(0 0 0 / 65%);
    color: #fff;
  }
  .mini-bar button:hover {
    background: rgb(0 0 0 / 85%);
  }

  @container vitrine-show (min-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1fr) var(--_side);
      grid-template-rows: auto minmax(0, 1fr) auto;
      grid-template-areas: 'stage header' 'stage pinned' 'rail rail';
    }
    /*
     * The video sets the height; the (compact) pinned product fits beside it (scrolling if it
     * must). The room under the card (the video's height less the header and the card, from none
     * at 760px to about 250px on a laptop) is kept for the moments; the chat's when the show has a
     * chat (show.chat-part.ts), else the pinned product's description fills it until a moment comes.
     */
    .pinned {
      block-size: auto;
      align-self: stretch;
      position: relative;
    }
    .pinned vitrine-product-card {
      position: relative;
      z-index: 1;
    }
    /* Whole lines only: the room, rounded down to a number of lines. */
    .pinned .about {
      --_top: calc(18px + var(--_space) * 3 + var(--_pinned-card-height));
      display: block;
      position: absolute;
      inset: var(--_top) 0 auto;
      block-size: round(down, max(0px, 100% - var(--_top)), 20px);
      margin: 0;
      overflow: hidden;
      font-size: 14px;
      line-height: 20px;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    /*
     * A moment starts right under the card (scrolling in its place if it is taller). Where the room
     * under the card is less than 180px (a short side column), it starts higher, over the card, to
     * have them. Where it starts depends on the column's height only, never on the moments: a poll
     * coming after a banner does not move the banner.
     */
    .layout:not(.on-stage) > .moments::before {
      --_under-card: calc(18px + var(--_space) * 3 + var(--_pinned-card-height));
      content: '';
      flex: none;
      block-size: clamp(0px, 100% - 180px, var(--_under-card));
    }
  }

  @container vitrine-show (max-width: 479.98px) {
    .layout {
      padding: 0;
      gap: var(--_space);
    }
    .stage-slot {
      border-radius: 0;
    }
    .header {
      margin: var(--_space) var(--_space) 0;
    }
    .portrait {
      --_stage-ratio: 9 / 16;
    }
    /* The whole 9:16 stage, its control bar included, fits in the viewport's height. */
    .portrait .stage-slot {
      inline-size: min(100%, 100svh * 9 / 16);
      justify-self: center;
    }
    .portrait .header {
      grid-area: stage;
      z-index: 2;
      margin: var(--_space);
      inline-size: calc(min(100%, 100svh * 9 / 16) - var(--_space) * 2);
      box-sizing: border-box;
      justify-self: center;
      align-self: start;
      background: rgb(0 0 0 / 55%);
      color: #fff;
      border-radius: var(--_radius-small);
      padding: calc(var(--_space) * 0.75) var(--_space);
      --_muted: #e6e6ea;
    }
    /* The countdown and messages below a letterboxed poster, not over its middle. */
    .portrait .panel {
      align-content: end;
    }
    /* Below the video, never over it: a compact card, like the stacked layout's. On a phone a
       card with a long title, a sale price or low stock is up to a line taller, so the slot
       reserves that line too (nothing below moves when such a product is pinned); a still taller
       card grows the slot rather than scrolling in it (its Add to cart and status stay in view). */
    .pinned {
      margin-inline: var(--_space);
      block-size: auto;
      min-block-size: calc(18px + var(--_space) + var(--_pinned-card-height) + 26px);
      contain: none;
      overflow: visible;
    }
    /* Compact on phones: the banner and the poll over the pinned slot, with the page's margin. */
    .layout:not(.on-stage) > .moments {
      inset-inline: var(--_space);
    }
    .moments vitrine-poll::part(base),
    .moments vitrine-announcement::part(base) {
      padding: var(--_space);
      box-shadow: none;
    }
    /* The rail's padding, and the cards' taller text on the narrowest phones (320px), within the
       reserved height. */
    .rail {
      padding: 0 var(--_space) var(--_space);
      min-height: calc(var(--_rail-height) + 16px);
    }
  }
`,
  headerStyles,
];
