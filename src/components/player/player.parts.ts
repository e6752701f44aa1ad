/**
 * The parts of `<vitrine-player>`'s template that only read state: the row of badge, title and
 * viewer count, the facade (poster and Play), and the overlay (waiting, reconnecting, offline, unavailable with "Try again").
 * The element (player.ts) keeps its state; the control bar is a lazy chunk.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { PlaybackController } from './playback-controller.js';
import type { messages } from './player.messages.js';

export type Translate = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string;

/** What the element renders from: the playback's state (defaults before its chunk is loaded). */
export type PlaybackView = Pick<PlaybackController, 'activated' | 'warm' | 'state' | 'tracks' | 'problem' | 'autoplayMuted'>;

// Media icons (play, pause, volume) never mirror in right-to-left text: they show the direction
// of media time, not of reading. Only directional arrows take `flip-rtl` (shared/icons.ts).
const icon = (body: ReturnType<typeof svg>) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;
export const icons = {
  play: () => icon(svg`<path d="M8 5v14l11-7z" fill="currentColor" stroke="none" />`),
  muted: () => icon(svg`<path d="M4 9v6h4l5 4V5L8 9H4z" /><path d="M22 9l-6 6M16 9l6 6" />`),
};

/** The badge, the title (on the facade; not `over` the video) and the live viewer count (`null`: none). */
export function renderTop(t: Translate, v: { over: boolean; live: boolean; scheduled: boolean; label: string | undefined; viewers: number | null }) {
  const badge = v.live
    ? html`<span class="badge live" part="badge">${t('live')}</span>`
    : v.scheduled
      ? html`<span class="badge" part="badge">${t('scheduled')}</span>`
      : v.over
        ? nothing
        : html`<span class="badge" part="badge">${t('replay')}</span>`;
  // The viewer count comes after the title: when it arrives (a live event, later) it takes room at
  // the end of the row, and nothing before it moves (it was a layout shift of the title).
  return html`<div class=${v.over ? 'top over' : 'top'}>
    ${badge}
    ${v.over ? nothing : html`<p class="title" part="title">${v.label ?? ''}</p>`}
    ${v.viewers !== null && v.viewers >= 0
      ? html`<span class="viewers" part="viewers">${t('viewers', { count: v.viewers })}</span>`
      : nothing}
  </div>`;
}

export function renderOverlay(t: Translate, view: PlaybackView, retry: () => void) {
  if (!view.problem) {
    if (view.activated && view.state?.started && view.state.waiting) {
      return html`<div class="overlay"><span class="spinner big" role="status" aria-label=${t('loading')}></span></div>`;
    }
    return nothing;
  }
  return html`<div class="overlay">
    <div class="message" part="message" role=${view.problem === 'unavailable' ? 'alert' : 'status'}>
      ${view.problem === 'reconnecting' ? html`<span class="spinner big" aria-hidden="true"></span>` : nothing}
      <span>${t(view.problem)}</span>
      ${view.problem === 'unavailable'
        ? html`<button class="secondary" @click=${retry}>${t('retry')}</button>`
        : nothing}
    </div>
  </div>`;
}

/** Before the video shows: the poster, the top row, and Play (hover or focus warms the engine up), or a spinner once activated. */
export function renderFacade(
  t: Translate,
  f: { poster: string | undefined; top: TemplateResult; loading: boolean; canPlay: boolean; play: () => void; warmUp: () => void },
) {
  return html`
    ${f.poster ? html`<img class="poster" part="poster" src=${f.poster} alt="" decoding="async" />` : nothing}
    <div class="facade" part="facade">
      ${f.top}
      <div class="center">
        ${f.loading
          ? html`<span class="spinner big" role="status" aria-label=${t('loading')}></span>`
          : f.canPlay
            ? html`<button class="big-play" part="play-button" aria-label=${t('play')} @click=${f.play} @pointerenter=${f.warmUp} @focus=${f.warmUp}>
                ${icons.play()}
              </button>`
            : nothing}
      </div>
    </div>
  `;
}
