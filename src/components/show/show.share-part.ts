/**
 * Deep links and the "Share" button of `<vitrine-show>` (README.md, "Deep links and sharing"), a
 * lazy chunk (show.share.ts loads it once the show is loaded). A page URL that names this show
 * (`vitrine-show=<id>`, core/deep-link.ts) opens the product of `vitrine-product` and gives a replay
 * its start (`vitrine-t`: the player's `startTime`, read when the video engine is ready; a live show
 * ignores it). The header's button shares the link to the moment
 * (the replay's position, the open or pinned product), shared through the Web Share API where the
 * browser has it, else copied to the clipboard ("Link copied"), else shown selected to copy by hand.
 */
import { css, html, nothing } from 'lit';
import { deepLinkUrl, readDeepLink, type DeepLink } from '../../core/deep-link.js';
import type { ShowState } from '../../core/store.js';
import type { ShareHost } from './show.share.js';
import type { Translate } from './show.parts.js';

/** How long "Link copied" stays (ms); the link shown to copy by hand stays longer. */
const COPIED_MS = 4000;
const MANUAL_MS = 20000;

type ShareStatus = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

/** One show's deep link, its Share button, the button's status and the sharing. */
export class ShowShare {
  readonly #host: ShareHost;
  #status: ShareStatus = { kind: 'idle' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #off: (() => void) | undefined;
  /** The show id whose link was read (once per show loaded into the element). */
  #readFor: string | undefined;
  #link: DeepLink | undefined;
  /** The linked product, until the show's products include it. */
  #pendingProduct: string | undefined;

  constructor(host: ShareHost) {
    this.#host = host;
  }

  /** Follows the store (the show connected). */
  connect(): void {
    this.#off ??= this.#host.store.subscribe((state) => this.#follow(state));
    this.#follow(this.#host.store.state);
  }

  /** Stops following and clears the status timer (the show left the page). */
  disconnect(): void {
    this.#off?.();
    this.#off = undefined;
    clearTimeout(this.#timer);
  }

  /** Where a replay starts (seconds) when the page's link names this show; `undefined` otherwise and for live shows. */
  get startTime(): number | undefined {
    const s = this.#host.store.state;
    if (s.status !== 'ended' || !s.show || this.#link?.showId !== s.show.id) return undefined;
    return this.#link.time;
  }

  /** Reads the page's link when a show arrives, and opens its product once the show has it. */
  #follow(state: ShowState): void {
    const show = state.show;
    if (!show) return;
    if (this.#readFor !== show.id) {
      this.#readFor = show.id;
      this.#link = readDeepLink(show.id);
      this.#pendingProduct = this.#link?.productId;
    }
    const id = this.#pendingProduct;
    if (id && state.products.some((product) => product.id === id)) {
      this.#pendingProduct = undefined;
      // Not from inside the store's notification: opening the product changes the store.
      queueMicrotask(() => this.#host.openProduct(id));
    }
  }

  /** The link to this show, at this moment: the replay's position and the open (or pinned) product. */
  url(pageUrl: string = globalThis.location.href): string | undefined {
    const s = this.#host.store.state;
    if (!s.show) return undefined;
    const productId = s.openProductId ?? s.highlight?.productId ?? undefined;
    return deepLinkUrl(pageUrl, {
      showId: s.show.id,
      ...(s.status === 'ended' && s.currentTime > 0 ? { time: s.currentTime } : {}),
      ...(productId ? { productId } : {}),
    });
  }

  /** Shares the link: the system's share sheet, else the clipboard, else the link selected to copy. */
  async share(): Promise<void> {
    const url = this.url();
    const show = this.#host.store.state.show;
    if (!url || !show) return;
    const nav = globalThis.navigator as Navigator | undefined;
    if (typeof nav?.share === 'function' && (typeof nav.canShare !== 'function' || nav.canShare({ url }))) {
      try {
        await nav.share({ title: show.title, url });
        this.#host.emit('vitrine-share', { url });
        return;
      } catch (error) {
        // The shopper closed the share sheet: nothing happened. Refused (no user activation, a
        // policy): copy instead.
        if ((error as { name?: string } | null)?.name === 'AbortError') return;
      }
    }
    try {
      if (typeof nav?.clipboard?.writeText !== 'function') throw new Error('no Clipboard API');
      await nav.clipboard.writeText(url);
      this.#show({ kind: 'copied' }, COPIED_MS);
    } catch {
      this.#show({ kind: 'manual', url }, MANUAL_MS);
      await this.#host.updateComplete;
      const text = this.#host.shadowRoot?.querySelector('.share-url');
      const selection = globalThis.getSelection?.();
      if (text && selection) {
        const range = document.createRange();
        range.selectNodeContents(text);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
    this.#host.emit('vitrine-share', { url });
  }

  /** The "Share" button and its status, for the header (nothing before the show is loaded). */
  render(t: Translate) {
    const status = this.#status;
    return html`<div class="share">
      <button class="secondary share-button" type="button" part="share-button" @click=${() => void this.share()}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v12M7 8l5-5 5 5M5 13v7h14v-7" /></svg
        ><span class="share-label">${t('share')}</span>
      </button>
      <span class="share-status" part="share-status" role="status"
        >${status.kind === 'copied'
          ? t('linkCopied')
          : status.kind === 'manual'
            ? html`${t('copyLink')} <span class="share-url">${status.url}</span>`
            : nothing}</span
      >
    </div>`;
  }

  #show(status: ShareStatus, ms: number): void {
    clearTimeout(this.#timer);
    this.#status = status;
    this.#host.requestUpdate();
    this.#timer = setTimeout(() => {
      this.#status = { kind: 'idle' };
      this.#host.requestUpdate();
    }, ms);
  }

}

export const shareStyles = css`
  .share {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }
  .share-button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .share-button svg {
    inline-size: 18px;
    block-size: 18px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .share-status {
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .share-url {
    user-select: all;
  }
  /* Phones: a round icon button (its name stays "Share"), and the status as a note under the header. */
  @container vitrine-show (max-width: 479.98px) {
    .share {
      position: relative;
      /* The two round buttons (Share, the cart) sit closer: the header's meta line keeps its room. */
      margin-inline-end: calc(var(--_space) / -2);
    }
    .share-button {
      padding: 0;
      width: max(36px, var(--_target));
      min-height: max(36px, var(--_target));
      border-radius: 999px;
    }
    .share-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .share-status:not(:empty) {
      position: absolute;
      inset-block-start: calc(100% + 4px);
      inset-inline-end: 0;
      z-index: 3;
      inline-size: max-content;
      max-inline-size: 70vw;
      padding: 4px 8px;
      border-radius: var(--_radius-small);
      background: var(--_surface);
      box-shadow: 0 0 0 1px var(--_border);
    }
  }
`;
