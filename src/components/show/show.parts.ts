/**
 * The parts of `<vitrine-show>`'s template that only read state: the header, the panels shown
 * instead of the video (loading, scheduled with its countdown, ended, unavailable) and the pinned
 * product. The element (show.ts) keeps its state, the player and the layout.
 */
import { html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { formatDateTime, formatNumber } from '../../core/i18n.js';
import type { ShowState, ShowStore } from '../../core/store.js';
import type { Cart, Deal, Product, Show, ShowStatus } from '../../core/types.js';
import { messages } from './show.messages.js';

/** The read-only snapshot of `<vitrine-show>.state`. */
export interface ShowSnapshot {
  readonly show: Show | null;
  readonly status: ShowStatus | null;
  readonly products: readonly Product[];
  readonly highlighted: Product | null;
  readonly cart: Cart | null;
  readonly viewers: number | null;
}

export type Translate = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) => string;

/** What the status panels need of the element. */
export interface PanelContext {
  loadError: VitrineErrorDetail | null;
  /** The clock of the countdown (ms). */
  now: number;
  retry(): void;
  addToCalendar(): void;
}

/**
 * `actions`: what the header shows before the cart button (the Share button, show.share.ts);
 * `after`: what follows the cart button (the stage's Close).
 */
export function renderHeader(store: ShowStore, s: ShowState, t: Translate, actions: unknown = nothing, after?: unknown) {
  const show = s.show;
  const badge =
    s.status === 'live'
      ? html`<span class="badge live">${t('live')}</span>`
      : s.status === 'ended'
        ? html`<span class="badge">${t('replay')}</span>`
        : s.status === 'scheduled'
          ? html`<span class="badge">${t('upcoming')}</span>`
          : nothing;
  return html`
    <header class="header" part="header">
      <div class="title-block">
        ${show ? html`<h2 class="title">${show.title}</h2>` : nothing}
        <div class="meta">
          ${badge}
          ${show?.host
            ? html`${show.host.avatar ? html`<img class="avatar" src=${show.host.avatar} alt="" />` : nothing}
                <span class="host">${t('hostedBy', { name: show.host.name })}</span>`
            : nothing}
          ${s.viewers !== null && s.status === 'live'
            ? html`<span class="viewers">${t('viewers', { count: s.viewers })}</span>`
            : nothing}
        </div>
      </div>
      ${actions}
      <vitrine-cart part="cart" .store=${store} locale=${s.locale}></vitrine-cart>
      ${after ?? nothing}
    </header>
  `;
}

/** The panel shown instead of the video, or `undefined` when the video is what the stage shows. */
export function renderPanel(s: ShowState, t: Translate, c: PanelContext) {
  const show = s.show;
  if (c.loadError) {
    return html`<div class="panel" part="status" role="alert">
      <slot name="unavailable"><p class="headline">${t('unavailable')}</p></slot>
      <button class="secondary" type="button" part="retry-button" @click=${() => c.retry()}>${t('retry')}</button>
    </div>`;
  }
  if (!show) {
    return html`<div class="skeleton" part="status" role="status"><span class="visually-hidden">${t('loading')}</span></div>`;
  }
  const poster = show.poster ? html`<img class="poster" src=${show.poster} alt="" />` : nothing;
  if (s.status === 'scheduled') {
    const startsAt = show.startsAt ? Date.parse(show.startsAt) : NaN;
    const remaining = startsAt - c.now;
    return html`<div class=${classMap({ panel: true, 'has-poster': Boolean(show.poster) })} part="status">
      ${poster}
      ${Number.isFinite(startsAt)
        ? html`<p class="headline">${t('startsOn', { date: formatDateTime(startsAt, s.locale) })}</p>
            <p class="countdown" part="countdown" role="timer">
              ${remaining > 0 ? t('startsIn', { time: formatCountdown(remaining, s.locale) }) : t('startingSoon')}
            </p>
            <button class="secondary" type="button" part="calendar-button" @click=${() => c.addToCalendar()}>
              ${t('addToCalendar')}
            </button>`
        : html`<p class="headline">${t('startingSoon')}</p>`}
    </div>`;
  }
  if (!show.stream) {
    if (s.status === 'ended') {
      return html`<div class=${classMap({ panel: true, 'has-poster': Boolean(show.poster) })} part="status" role="status">
        ${poster}
        <slot name="ended"><p class="headline">${t('ended')}</p>
        ${s.products.length ? html`<p>${t('endedHint')}</p>` : nothing}</slot>
      </div>`;
    }
    return html`<div class=${classMap({ panel: true, 'has-poster': Boolean(show.poster) })} part="status" role="status">
      ${poster}
      <p class="headline">${t('startingSoon')}</p>
    </div>`;
  }
  return undefined;
}

/** `deals`: the running flash deals, whose price block the pinned card shows. */
export function renderPinned(
  store: ShowStore,
  s: ShowState,
  t: Translate,
  deals?: { deals: ReadonlyMap<string, Deal>; now: () => number },
  layout: 'compact' | 'chip' = 'compact',
) {
  const pinned = store.highlighted;
  // Until a product is pinned, the first one is featured: the area keeps its size (no shift).
  const product = pinned ?? s.products[0];
  if (!product) return html`<div class="pinned empty" part="pinned"><slot name="pinned"></slot></div>`;
  return html`<div class="pinned" part="pinned"><slot name="pinned">
    <p class="label">${pinned ? t('pinnedNow') : t('featured')}</p>
    <vitrine-product-card
      .store=${store}
      product-id=${product.id}
      ?pinned=${Boolean(pinned)}
      .deal=${deals?.deals.get(product.id)}
      .now=${deals?.now}
      layout=${layout}
      locale=${s.locale}
    ></vitrine-product-card>
    ${layout === 'compact' && product.description ? html`<p class="about">${product.description}</p>` : nothing}
  </slot></div>`;
}

/** The product rail (or the show's empty state, the `no-products` slot); `top`: the stage sheet's handle. */
export function renderRail(store: ShowStore, s: ShowState, t: Translate, deals: { deals: ReadonlyMap<string, Deal>; now: () => number }, top?: unknown) {
  const empty = Boolean(s.show) && s.products.length === 0;
  return html`<div class=${classMap({ rail: true, empty })} part="rail">
    ${top ?? nothing}
    ${empty
      ? html`<slot name="no-products"><p>${t('noProducts')}</p></slot>`
      : html`<vitrine-carousel .store=${store} .deals=${deals.deals} .now=${deals.now} locale=${s.locale}></vitrine-carousel>`}
  </div>`;
}

/** The video of a show that has one: the player, told not to repeat the show's header. */
export function renderPlayer(store: ShowStore, s: ShowState, ratio: string, autoplay: boolean, startTime?: number) {
  const show = s.show;
  if (!show?.stream) return undefined;
  return html`<vitrine-player
    part="player"
    .store=${store}
    src=${show.stream.src}
    type=${show.stream.type ?? nothing}
    poster=${show.poster ?? nothing}
    label=${show.title}
    status=${s.status ?? 'live'}
    aspect-ratio=${ratio}
    locale=${s.locale}
    ?autoplay=${autoplay}
    .startTime=${startTime}
    no-header
    .chapters=${s.status === 'ended' ? show.chapters : []}
    .viewers=${s.status === 'live' ? s.viewers : null}
  ></vitrine-player>`;
}

/** `1 day 02:03:04`, `03:04` in the locale's digits. */
export function formatCountdown(ms: number, locale: string): string {
  const total = Math.ceil(ms / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => formatNumber(n, locale).padStart(2, formatNumber(0, locale));
  const clock = `${hours ? `${formatNumber(hours, locale)}:` : ''}${pad(minutes)}:${pad(seconds)}`;
  return days ? `${messages(locale, 'days', { count: days })} ${clock}` : clock;
}

/** The mini-player's buttons: back into the show, and close (pause, back). */
export function renderMiniBar(t: Translate, restore: () => void, close: () => void) {
  return html`<div class="mini-bar" part="mini-bar" role="group" aria-label=${t('miniPlayer')}>
    <button class="icon" type="button" aria-label=${t('restore')} title=${t('restore')} @click=${restore}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 14h6v6M20 10h-6V4M14 10l7-7M3 21l7-7" /></svg>
    </button>
    <button class="icon" type="button" aria-label=${t('closeMini')} title=${t('closeMini')} @click=${close}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
    </button>
  </div>`;
}

/** The iCalendar writer: a chunk of its own, only a scheduled show's "Add to calendar" needs it. */
export const loadCalendar = () => import('../../core/calendar.js');

/** The `.ics` text of a scheduled show; its uid names the host of `src` (or of the page). */
export async function calendarFile(show: Show, src: string | undefined, locale: string): Promise<string | undefined> {
  if (!show.startsAt) return undefined;
  const { buildIcs } = await loadCalendar();
  const page = globalThis.location?.href;
  const host = (() => {
    try {
      return new URL(src ?? page ?? 'https://vitrine.invalid').host || 'vitrine';
    } catch {
      return 'vitrine';
    }
  })();
  return buildIcs({
    uid: `${show.id}@${host}`,
    title: show.title,
    start: new Date(show.startsAt),
    ...(page && /^https?:/.test(page) ? { url: page } : {}),
    ...(show.host ? { description: messages(locale, 'hostedBy', { name: show.host.name }) } : {}),
  });
}

/** Downloads `text` as `<name>.ics` through a link in `root` (the page's DOM is not touched). */
export function download(root: Node, text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'show'}.ics`;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
