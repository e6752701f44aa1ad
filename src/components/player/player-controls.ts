/**
 * The player's control bar: everything that only exists after play intent (play/pause, mute,
 * "Go live", the seek slider with product chapter markers, captions, picture-in-picture, full
 * screen). A lazy module, imported with the engine, so the facade costs the page less.
 */
import { css, html, nothing, svg } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { EngineState, EngineTextTrack } from '../../engine/types.js';
import type { Chapter } from '../../core/types.js';
import { formatMediaTime } from '../shared/format.js';
import { styleProps } from '../style-props.js';
import { controlMessages } from './player.controls.messages.js';

/** What the control bar shows. */
export interface ControlsView {
  state: EngineState;
  live: boolean;
  /** Seconds behind the live edge past which "Go live" is offered. */
  behindLive: number;
  /** The locale of the texts (player.controls.messages.ts). */
  locale: string;
  tracks: EngineTextTrack[];
  /** Value of the seek slider while it is dragged. */
  scrub: number | undefined;
  fullscreen: boolean;
  chapters: Chapter[];
  productTitle(id: string): string | undefined;
}

/** What the control bar asks the player to do. */
export interface ControlsActions {
  togglePlay(): void;
  toggleMute(): void;
  goLive(): void;
  seek(time: number): void;
  setScrub(value: number | undefined): void;
  toggleCaptions(): void;
  pip(): void;
  toggleFullscreen(): void;
}

// Media icons (play, pause, volume) never mirror in right-to-left text: they show the direction
// of media time, not of reading. Only directional arrows take `flip-rtl` (shared/icons.ts).
const icon = (body: ReturnType<typeof svg>) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;
const icons = {
  play: () => icon(svg`<path d="M8 5v14l11-7z" fill="currentColor" stroke="none" />`),
  pause: () => icon(svg`<path d="M7 5h3v14H7zM14 5h3v14h-3z" fill="currentColor" stroke="none" />`),
  volume: () => icon(svg`<path d="M4 9v6h4l5 4V5L8 9H4z" /><path d="M16.5 8.5a5 5 0 0 1 0 7" />`),
  muted: () => icon(svg`<path d="M4 9v6h4l5 4V5L8 9H4z" /><path d="M22 9l-6 6M16 9l6 6" />`),
  captions: () => icon(svg`<rect x="3" y="5" width="18" height="14" rx="2" /><path d="M10 10.5a2 2 0 1 0 0 3M17 10.5a2 2 0 1 0 0 3" />`),
  pip: () => icon(svg`<rect x="3" y="5" width="18" height="14" rx="2" /><rect x="12" y="12" width="7" height="5" rx="1" />`),
  fullscreen: () => icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />`),
  exitFullscreen: () => icon(svg`<path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" />`),
};

const translator =
  (locale: string) =>
  (key: Parameters<typeof controlMessages>[1], params?: Record<string, string | number>): string =>
    controlMessages(locale, key, params);

export function renderControls(view: ControlsView, actions: ControlsActions) {
  const { state: s, locale, live, tracks, fullscreen } = view;
  const t = translator(locale);
  const behind = live && s.liveLatency > view.behindLive;
  const showing = tracks.find((track) => track.showing);
  const pip = document.pictureInPictureEnabled;
  return html`<div class="controls" part="controls" role="toolbar" aria-label=${t('controls')}>
    ${live ? nothing : renderSeek(view, actions)}
    <button class="icon" @click=${actions.togglePlay} aria-label=${s.paused ? t('play') : t('pause')}>
      ${s.paused ? icons.play() : icons.pause()}
    </button>
    <button class="icon" @click=${actions.toggleMute} aria-label=${s.muted ? t('unmute') : t('mute')}>
      ${s.muted ? icons.muted() : icons.volume()}
    </button>
    ${live
      ? html`<button
          class=${classMap({ 'go-live': true, 'at-edge': !behind })}
          part="go-live"
          aria-label=${behind ? t('behindLive', { seconds: Math.round(s.liveLatency) }) : t('goLive')}
          aria-disabled=${behind ? 'false' : 'true'}
          @click=${actions.goLive}
        >
          ${t('live')}
        </button>`
      : html`<span class="time" aria-hidden="true"
          >${formatMediaTime(view.scrub ?? s.currentTime, locale)} / ${formatMediaTime(s.duration, locale)}</span
        >`}
    <span class="spacer"></span>
    ${tracks.length
      ? html`<button
          class="icon"
          aria-pressed=${showing ? 'true' : 'false'}
          aria-label=${showing ? t('captionsOff') : t('captionsOn')}
          @click=${actions.toggleCaptions}
        >
          ${icons.captions()}
        </button>`
      : nothing}
    ${pip ? html`<button class="icon" aria-label=${t('pip')} @click=${actions.pip}>${icons.pip()}</button>` : nothing}
    ${document.fullscreenEnabled
      ? html`<button class="icon" aria-label=${fullscreen ? t('exitFullscreen') : t('fullscreen')} @click=${actions.toggleFullscreen}>
          ${fullscreen ? icons.exitFullscreen() : icons.fullscreen()}
        </button>`
      : nothing}
  </div>`;
}

function renderSeek(view: ControlsView, actions: ControlsActions) {
  const { state: s, locale } = view;
  const t = translator(locale);
  const duration = Number.isFinite(s.duration) ? s.duration : 0;
  const value = view.scrub ?? s.currentTime;
  return html`<div class="seek">
    <input
      type="range"
      part="seek"
      min="0"
      max=${duration || 0}
      step="0.1"
      .value=${String(value)}
      aria-label=${t('seek')}
      aria-valuetext=${t('timeOf', { time: formatMediaTime(value, locale), duration: formatMediaTime(duration, locale) })}
      @input=${(e: Event) => actions.setScrub(Number((e.target as HTMLInputElement).value))}
      @change=${(e: Event) => {
        actions.setScrub(undefined);
        actions.seek(Number((e.target as HTMLInputElement).value));
      }}
      @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
    />
    ${duration > 0
      ? view.chapters
          .filter((c) => c.start >= 0 && c.start <= duration)
          .map((chapter) => {
            const title = view.productTitle(chapter.productId);
            const time = formatMediaTime(chapter.start, locale);
            const name = title ? t('jumpTo', { title, time }) : t('jumpToUntitled', { time });
            return html`<button
              class="marker"
              part="marker"
              aria-label=${name}
              title=${name}
              style=${styleProps({ '--at': String(chapter.start / duration) })}
              @click=${() => actions.seek(chapter.start)}
            ></button>`;
          })
      : nothing}
  </div>`;
}

/** The control bar's styles, adopted into the player's shadow root when this module arrives. */
export const controlStyles = css`
  .controls {
    position: absolute;
    inset: auto 0 0 0;
    z-index: 5;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 4px;
    padding: 24px calc(var(--_space)) calc(var(--_space));
    background: linear-gradient(to top, rgb(0 0 0 / 70%), transparent);
    transition: opacity 200ms ease;
  }
  .frame.idle .controls {
    opacity: 0;
  }
  .frame.idle:focus-within .controls {
    opacity: 1;
  }
  .controls button {
    color: var(--_on-video);
  }
  .controls button:hover {
    background: rgb(255 255 255 / 16%);
  }
  .controls button[aria-pressed='true'] {
    background: rgb(255 255 255 / 24%);
  }
  .controls .go-live {
    font-size: 13px;
    padding: 0 10px;
    gap: 6px;
  }
  .go-live::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #9aa0a6;
  }
  .go-live.at-edge::before {
    background: var(--_live);
  }
  .time {
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    padding: 0 6px;
    white-space: nowrap;
  }
  .spacer {
    flex: 1;
  }
  .seek {
    position: relative;
    flex: 1 1 100%;
    order: -1;
    height: 24px;
    display: flex;
    align-items: center;
  }
  .seek input {
    width: 100%;
    margin: 0;
    accent-color: var(--_live);
    cursor: pointer;
  }
  .marker {
    position: absolute;
    /* Over the slider's track: the thumb's centre runs from 8px to (width - 8px). */
    inset-inline-start: calc(8px + (100% - 16px) * var(--at, 0));
    top: 50%;
    transform: translate(-50%, -50%);
    width: 14px;
    height: 14px;
    min-width: 14px;
    min-height: 14px;
    padding: 0;
    border-radius: 50%;
    background: #fff;
    box-shadow: 0 0 0 2px var(--_live);
  }
  [dir='rtl'] .marker {
    transform: translate(50%, -50%);
  }
  .marker:hover,
  .marker:focus-visible {
    background: var(--_live);
  }
`;
