import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_card-width: var(--vitrine-card-width, 200px);
    --_gap: var(--vitrine-carousel-gap, 12px);
  }
  .carousel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding-inline: var(--vitrine-carousel-padding, 0px);
  }
  .title {
    margin: 0;
    font-size: 16px;
    font-weight: 700;
    line-height: 1.3;
  }
  .count {
    margin-inline-start: 6px;
    font-size: 14px;
    color: var(--_muted);
  }
  .nav {
    display: flex;
    gap: calc(var(--_space) * 0.75);
  }
  .nav button {
    background: var(--_surface);
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .nav button:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  .nav button:disabled {
    color: var(--_border);
    cursor: default;
  }
  .rail {
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
    /* proximity, not mandatory: with only the cards near the viewport in the DOM, a mandatory
       snap would pull a long fling back to the last rendered card. */
    scroll-snap-type: x proximity;
    scroll-padding-inline: var(--vitrine-carousel-padding, 0px);
    scrollbar-width: none;
    -webkit-overflow-scrolling: touch;
    padding-block: 4px 8px;
    outline: none;
  }
  .rail::-webkit-scrollbar {
    display: none;
  }
  .track {
    display: flex;
    gap: var(--_gap);
    box-sizing: content-box;
    inline-size: var(--_track-size, auto);
    /* The tallest the row has been (carousel.ts): it does not shrink when that card leaves the range. */
    min-block-size: var(--_row-height, 0);
    padding-inline: calc(var(--vitrine-carousel-padding, 0px) + var(--_offset, 0px)) var(--vitrine-carousel-padding, 0px);
    margin: 0;
    list-style: none;
  }
  .item {
    flex: none;
    inline-size: var(--_card-width);
    scroll-snap-align: start;
    display: flex;
  }
  /* A card not drawn yet (it draws in a later task): its box, as the card's frame, of the same size. */
  .item.pending {
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 0 0 1px var(--_border);
  }
  .item > * {
    flex: 1;
    --vitrine-card-width: auto;
  }
`;
