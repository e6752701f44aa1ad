/**
 * A product's price as the card and the detail show it: the price, the compare-at price and the
 * saving, with screen-reader labels ("now", "was"). Styles: `priceStyles` (styles.ts).
 */
import { html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { keyed } from 'lit/directives/keyed.js';
import { discountPercent, formatMoney } from '../../core/money.js';
import type { Money } from '../../core/types.js';
import { addMessages } from './shared.messages.js';

/** Stock at or below this is shown as "Only N left". */
export const LOW_STOCK = 5;

/**
 * Price, compare-at price and saving, with screen-reader labels. The compare-at price and the
 * saving are new elements whenever the price's text changes (another product pinned, another
 * variant chosen): reused, they would move sideways after a price of another width, which counts
 * as a layout shift, where new ones are content that changed.
 */
export function renderPrice(price: Money, compareAt: Money | undefined, locale: string) {
  const percent = discountPercent(price, compareAt);
  const shown = formatMoney(price, locale);
  return html`<div class="price-row">
    ${percent > 0
      ? html`<span class="visually-hidden">${addMessages(locale, 'now')}</span>`
      : nothing}<span part="price" class=${classMap({ price: true, 'on-sale': percent > 0 })}
      >${shown}</span
    >
    ${percent > 0 && compareAt
      ? keyed(
          shown,
          html`<span class="visually-hidden">${addMessages(locale, 'was')}</span
            ><s part="compare-at" class="compare-at">${formatMoney(compareAt, locale)}</s
            ><span part="saving" class="saving">${addMessages(locale, 'save', { percent })}</span>`,
        )
      : nothing}
  </div>`;
}
