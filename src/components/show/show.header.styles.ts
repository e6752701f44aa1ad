import { css } from 'lit';

/**
 * The show's header (show.parts.ts renderHeader): the title, the meta line (the status badge, the
 * host, the viewer count) and the buttons (Share, the cart). It reserves its final height from the
 * first render, before the show document, the host, the viewer count or the Share button arrive, so
 * nothing under it moves (CLS 0): narrower than 760px one title line and one meta line beside the
 * buttons; beside the video (wide) three fixed lines. The phone's margins and the vertical show's
 * header over the stage are in show.styles.ts, with the rest of the phone layout.
 */
export const headerStyles = css`
  .header {
    grid-area: header;
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
  .title-block {
    flex: 1;
    min-width: 0;
    /* One title line and one meta line (the avatar's 24px), reserved before the show loads;
       the meta line sits at the bottom, where it stays when the title arrives. */
    min-block-size: calc(16px * 1.25 + 24px);
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
  }
  .title {
    margin: 0;
    font-size: 16px;
    font-weight: 700;
    line-height: 1.25;
    /* One line: a long title is truncated visually (the heading keeps it whole for assistive tech). */
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: 4px var(--_space);
    min-block-size: 24px;
    overflow: hidden;
    white-space: nowrap;
    /* 13 px: at 320 px wide, the badge and the viewer count fit beside the buttons (14 px does not). */
    font-size: 13px;
    color: var(--_muted);
  }
  /* On a narrow header the host's name gives way (ellipsis); the badge and the viewer count stay whole. */
  .meta > * {
    flex: none;
  }
  .meta > .host {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .badge {
    display: inline-block;
    font-size: 12px;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
  }
  .badge.live {
    background: var(--_live);
    color: #fff;
  }
  .avatar {
    width: 24px;
    height: 24px;
    border-radius: 50%;
    object-fit: cover;
  }


  @container vitrine-show (min-width: 760px) {
    /*
     * Beside the video the header is three fixed lines, its final height from the first render
     * (nothing under it moves when the show, the host, the viewer count or the Share button
     * arrive): the title beside the buttons (one 40px line, the title cut with an ellipsis), then
     * the badge and the viewer count, then the host (the avatar and the name on a line of their own,
     * the whole column wide: the name whole unless it is longer than that).
     */
    .header {
      display: grid;
      grid-template-columns: minmax(0, 1fr) repeat(3, auto);
      grid-template-rows: 40px auto;
      gap: 4px 0;
      align-items: center;
    }
    .title-block {
      display: contents;
    }
    .title {
      grid-area: 1 / 1;
    }
    /* Each button in its own column from the start (the cart stays put when the title and Share come). */
    .header > :not(.title-block) {
      grid-area: 1 / 4;
      margin-inline-start: var(--_space);
    }
    .header > .share {
      grid-column: 2;
    }
    .header > vitrine-cart {
      grid-column: 3;
    }
    .meta {
      grid-area: 2 / 1 / 3 / -1;
      flex-wrap: wrap;
      align-content: flex-start;
      block-size: calc(24px * 2 + 4px * 2);
    }
    .meta > .avatar,
    .meta > .host {
      order: 2;
    }
    /* The rest of the host's line (not a line of its own: the avatar stays beside the name). */
    .meta > .host {
      flex: 1 1 0;
    }
    /* The line break before the host's line (a flex item of its own, 0px tall). */
    .meta::after {
      content: '';
      order: 1;
      flex-basis: 100%;
    }
  }
`;
