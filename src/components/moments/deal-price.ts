import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { isRtl, resolveLocale } from '../../core/i18n.js';
import { formatMoney } from '../../core/money.js';
import type { Deal, Money } from '../../core/types.js';
import { VitrineElement } from '../base.js';
import { formatMediaTime } from '../shared/format.js';
import { tokens } from '../shared/styles.js';
import { messages, type MessageKey } from './moments.messages.js';

/**
 * A flash deal's price block, for the product card, the pinned card and the product detail: the
 * deal price, the regular price struck, a "Deal" badge, "Ends in m:ss" counting down on the
 * server's clock (`now`), and "N left" from `remaining` ("Deal sold out" at 0: the regular price
 * is what an add pays then). When the deal is over it shows the regular price, by itself.
 *
 * @summary A flash deal's price, countdown and units left.
 *
 * @csspart base - The block.
 * @csspart badge - "Deal".
 * @csspart price - The deal price (or the regular price, once sold out or over).
 * @csspart regular-price - The struck regular price.
 * @csspart countdown - "Ends in 0:45".
 * @csspart remaining - "3 left" / "Deal sold out".
 *
 * @cssprop --vitrine-color-deal - Colour of the badge and the deal price. @default the sale colour
 */
export class VitrineDealPrice extends VitrineElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        --_deal: var(--vitrine-color-deal, var(--_sale));
      }
      .deal {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 2px calc(var(--_space) * 0.75);
      }
      /*
       * The badge and the prices: one line, never two (a card reserves the deal block's height:
       * product-card.styles.ts, which also keeps the block as wide as the card). Where there is no
       * room for the struck regular price, it is cut with an ellipsis; screen readers hear it whole.
       */
      .line {
        flex-basis: 100%;
        display: flex;
        align-items: baseline;
        gap: calc(var(--_space) * 0.5);
        min-inline-size: 0;
        white-space: nowrap;
      }
      .badge {
        align-self: center;
        flex: none;
        font-size: 12px;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--_accent-contrast);
        background: var(--_deal);
        padding: 2px 5px;
        border-radius: 999px;
      }
      .price {
        flex: none;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .running .price {
        color: var(--_deal);
      }
      .regular {
        min-inline-size: 0;
        /* clip, not hidden: it stays on the prices' baseline (a scroll container's is its bottom). */
        overflow: clip;
        text-overflow: ellipsis;
        color: var(--_muted);
        text-decoration: line-through;
        font-size: 0.875em;
      }
      .meta {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 0 calc(var(--_space) * 1.5);
        font-size: 13px;
        color: var(--_muted);
      }
      .countdown {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
        color: var(--_text);
      }
      .last .countdown {
        display: inline-block;
        color: var(--_deal);
        animation: pulse 1s ease-in-out infinite;
      }
      .sold-out {
        font-weight: 600;
        color: var(--_deal);
      }
      /* A beat of the size, not of the opacity: the text keeps its contrast all along. */
      @keyframes pulse {
        50% {
          transform: scale(1.08);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .last .countdown {
          animation: none;
        }
      }
    `,
  ];

  /** The deal. */
  @property({ attribute: false }) deal?: Deal;

  /** The product's regular price (struck while the deal runs). */
  @property({ attribute: false }) price?: Money;

  /** The server's time in epoch ms (see `createServerClock`). @default Date.now */
  @property({ attribute: false }) now: () => number = Date.now;

  /** Overrides the locale (BCP 47); default: the closest `lang`. */
  @property() locale?: string;

  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    clearTimeout(this.#timer);
    const left = this.#left();
    // Re-render on the next whole second of the countdown.
    if (left > 0) this.#timer = setTimeout(() => this.requestUpdate(), (left % 1000 || 1000) + 20);
  }

  #left(): number {
    return this.deal ? this.deal.endsAt - this.now() : 0;
  }

  override render() {
    const locale = resolveLocale(this, this.locale);
    const t = (key: MessageKey, params?: Record<string, string | number>) => messages(locale, key, params);
    const deal = this.deal;
    const regular = this.price;
    const left = this.#left();
    const running = deal !== undefined && left > 0;
    const soldOut = running && deal.remaining === 0;
    if (!running || soldOut || !deal) {
      return html`<div part="base" class="deal" dir=${isRtl(locale) ? 'rtl' : 'ltr'} lang=${locale}>
        ${regular ? html`<span part="price" class="price">${formatMoney(regular, locale)}</span>` : nothing}
        ${soldOut ? html`<span class="meta"><span part="remaining" class="sold-out">${t('dealSoldOut')}</span></span>` : nothing}
      </div>`;
    }
    const seconds = Math.ceil(left / 1000);
    return html`<div
      part="base"
      class=${classMap({ deal: true, running: true, last: seconds <= 10 })}
      dir=${isRtl(locale) ? 'rtl' : 'ltr'}
      lang=${locale}
    >
      <span class="line">
        <span part="badge" class="badge">${t('deal')}</span>
        <span class="visually-hidden">${t('dealPrice')}</span><span part="price" class="price">${formatMoney(deal.price, locale)}</span>
        ${regular
          ? html`<span class="visually-hidden">${t('regularPrice')}</span><s part="regular-price" class="regular"
                >${formatMoney(regular, locale)}</s
              >`
          : nothing}
      </span>
      <span class="meta">
        <span part="countdown" class="countdown" role="timer">${t('endsIn', { time: formatMediaTime(seconds, locale) })}</span>
        ${deal.remaining !== undefined
          ? html`<span part="remaining" class="remaining">${t('left', { count: deal.remaining })}</span>`
          : nothing}
      </span>
    </div>`;
  }
}
