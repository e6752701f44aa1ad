/**
 * A product's price as the card and the detail show it: the price, the compare-at price and the
 * saving, with screen-reader labels ("now", "was"). Styles: `priceStyles` (styles.ts).
 */
import { html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { discountPercent, formatMoney } from '../../core/money.js';
import type { Money } from '../../core/types.js';
import { addMessages } from './shared.messages.js';

/** Stock at or below this is shown as "Only N left". */
export const LOW_STOCK = 5;

/** Price, compare-at price and saving, with screen-reader labels. */
export function renderPrice(price: Money, compareAt: Money | undefined, locale: string) {
  const percent = discountPercent(price, compareAt);
  return html`<div class="price-row">
    ${percent > 0
      ? html`<span class="visually-hidden">${addMessages(locale, 'now')}</span>`
      : nothing}<span part="price" class=${classMap({ price: true, 'on-sale': percent > 0 })}
      >${formatMoney(price, locale)}</span
    >
    ${percent > 0 && compareAt
      ? html`<span class="visually-hidden">${addMessages(locale, 'was')}</span
          ><s part="compare-at" class="compare-at">${formatMoney(compareAt, locale)}</s
          ><span part="saving" class="saving">${addMessages(locale, 'save', { percent })}</span>`
      : nothing}
  </div>`;
}
