import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_player-radius: var(--vitrine-player-radius, var(--_radius));
    --_overlay: rgb(0 0 0 / 62%);
    --_on-video: #fff;
    container-type: inline-size;
  }
  .frame {
    position: relative;
    width: 100%;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--_player-radius);
    background: #0d0e11;
    color: var(--_on-video);
    isolation: isolate;
  }
  .frame.portrait {
    aspect-ratio: 9 / 16;
  }
  .frame:fullscreen {
    border-radius: 0;
    aspect-ratio: auto;
  }
  .stage {
    position: absolute;
    inset: 0;
  }
  .stage video::cue {
    font-size: clamp(14px, 4cqi, 28px);
  }
  /* Letterboxed like the video (the engine's object-fit: contain): nothing of it is cropped, and
     Play shows the same picture the poster did. */
  .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    object-fit: contain;
    z-index: 1;
  }
  .facade {
    position: absolute;
    inset: 0;
    z-index: 2;
    display: grid;
    grid-template-rows: auto 1fr;
    background: linear-gradient(to bottom, rgb(0 0 0 / 55%), transparent 45%);
  }
  .top {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    z-index: 3;
  }
  .top.over {
    position: absolute;
    inset: 0 0 auto 0;
    pointer-events: none;
  }
  .title {
    margin: 0;
    flex: 1 1 12ch;
    font-size: 16px;
    font-weight: 700;
    line-height: 1.25;
    text-shadow: 0 1px 2px rgb(0 0 0 / 60%);
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 8px;
    border-radius: 4px;
    font-size: 12px;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    background: var(--_overlay);
    color: var(--_on-video);
  }
  .badge.live {
    background: var(--_live);
  }
  .badge.live::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
    animation: vitrine-pulse 1.6s ease-in-out infinite;
  }
  @keyframes vitrine-pulse {
    50% {
      opacity: 0.35;
    }
  }
  .viewers {
    font-size: 12px;
    font-weight: 700;
    padding: 2px 8px;
    border-radius: 4px;
    background: var(--_overlay);
    font-variant-numeric: tabular-nums;
  }
  .center {
    display: grid;
    place-items: center;
  }
  .big-play {
    width: 72px;
    height: 72px;
    min-height: 72px;
    padding: 0;
    border-radius: 50%;
    background: var(--_overlay);
    color: var(--_on-video);
    box-shadow: 0 0 0 2px rgb(255 255 255 / 85%);
  }
  .big-play:hover {
    background: var(--_live);
  }
  .big-play svg {
    width: 34px;
    height: 34px;
    fill: currentColor;
    stroke: none;
  }
  .spinner.big {
    width: 40px;
    height: 40px;
    border-width: 3px;
  }
  .overlay {
    position: absolute;
    inset: 0;
    z-index: 4;
    display: grid;
    place-items: center;
    pointer-events: none;
  }
  .overlay > * {
    pointer-events: auto;
  }
  .message {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    max-width: min(90%, 40ch);
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius-small);
    background: var(--_overlay);
    text-align: center;
    font-size: 14px;
  }
  .unmute {
    position: absolute;
    inset-block-start: calc(var(--_space) * 6);
    inset-inline-start: calc(var(--_space) * 1.5);
    z-index: 5;
    background: var(--_on-video);
    color: #111;
  }
  .frame.idle {
    cursor: none;
  }
  @container (max-width: 360px) {
    .title {
      font-size: 14px;
    }
    .big-play {
      width: 56px;
      height: 56px;
      min-height: 56px;
    }
  }
`;
