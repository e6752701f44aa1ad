/**
 * The content of `<vitrine-cart>`'s drawer: lines, steppers, subtotal, checkout, the empty state
 * and the error. A lazy chunk of the storefront bundle: only a shopper who opens the cart needs it,
 * so it is fetched when the page is idle (or at the first open), never before the first paint. The
 * element (button, dialog, focus, checkout flow) stays in `cart.ts`.
 */
import { html, nothing } from 'lit';
import type { VitrineErrorDetail } from '../../core/errors.js';
import { compare, formatMoney, multiply, subtract } from '../../core/money.js';
import type { Cart, CartLine, Money } from '../../core/types.js';
import { bag, close, trash } from '../shared/icons.js';
import { stepper } from '../shared/stepper.js';
import { discountMessages } from './cart.discount.messages.js';
import { messages } from './cart.drawer.messages.js';

export { drawerStyles } from './cart.drawer.styles.js';

/** What the drawer reads from, and asks of, its element. */
export interface DrawerContext {
  locale: string;
  cart: Cart | null;
  lines: readonly CartLine[];
  count: number;
  /** The count in the figures the cart button shows. */
  shownCount: string;
  error: VitrineErrorDetail | null;
  checkingOut: boolean;
  /** Ids of the lines whose quantity is being changed. */
  updating: ReadonlySet<string>;
  close(): void;
  checkout(): void;
  setQuantity(line: CartLine, quantity: number): void;
  remove(line: CartLine): void;
  /** Takes a discount code off the cart. */
  removeDiscount?(code: string): void;
  /** What the show knows of a line's product: its compare-at price and stock (none standalone). */
  productOf?(line: CartLine): { compareAtPrice?: Money | undefined; stock?: number | undefined } | undefined;
}

export function renderDrawer(c: DrawerContext) {
  const { locale, cart, lines, count, shownCount, error } = c;
  const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
    messages(locale, key, params);
  return html`
    <div part="header" class="header">
      <h2 id="title">${t('title')}${count ? html` <span class="muted">(${shownCount})</span>` : nothing}</h2>
      <button part="close-button" class="close icon" type="button" aria-label=${t('close')} @click=${() => c.close()}>
        ${close()}
      </button>
    </div>
    <div class="body">
      ${lines.length
        ? html`<ul part="lines">
            ${lines.map((line) => renderLine(c, line))}
          </ul>`
        : html`<div part="empty" class="empty">
            ${bag()}
            <p><strong>${t('empty')}</strong></p>
            <p class="hint">${t('emptyHint')}</p>
            <button class="secondary" type="button" @click=${() => c.close()}>${t('continue')}</button>
          </div>`}
    </div>
    ${error || lines.length
      ? html`<div class="footer">
          <div role="alert">${error ? html`<p part="error" class="error">${errorText(error, locale)}</p>` : nothing}</div>
          ${lines.length && cart
            ? html`<dl part="subtotal" class="subtotal">
                  <dt>${t('subtotal')}</dt>
                  <dd>${formatMoney(cart.subtotal, locale)}</dd>
                </dl>
                ${renderDiscounts(c, cart)}
                <p class="taxes">${t('taxes')}</p>
                <button
                  part="checkout-button"
                  class="checkout primary"
                  type="button"
                  aria-disabled=${c.checkingOut || c.updating.size ? 'true' : nothing}
                  @click=${() => c.checkout()}
                >
                  ${c.checkingOut
                    ? html`<span class="spinner" aria-hidden="true"></span>${t('checkingOut')}`
                    : t('checkout')}
                </button>`
            : nothing}
        </div>`
      : html`<div role="alert"></div>`}
  `;
}

function renderLine(c: DrawerContext, line: CartLine) {
  const locale = c.locale;
  const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
    messages(locale, key, params);
  const busy = c.updating.has(line.id);
  const title = line.variantTitle ? `${line.title}, ${line.variantTitle}` : line.title;
  const known = c.productOf?.(line);
  // On sale: the compare-at price (what the line would cost without the sale), struck, and the saving.
  const compareAt = known?.compareAtPrice;
  const onSale = compareAt && compareAt.currencyCode === line.unitPrice.currencyCode && compare(compareAt, line.unitPrice) > 0;
  const wasTotal = onSale ? multiply(compareAt, line.quantity) : undefined;
  // At the stock limit "+" is disabled, and the line says why.
  const stock = known?.stock;
  const atLimit = stock !== undefined && line.quantity >= stock;
  return html`<li part="line" class="line" aria-busy=${busy ? 'true' : 'false'}>
    ${line.image
      ? html`<img part="line-image" class="thumb" src=${line.image} alt="" width="72" height="90" loading="lazy" />`
      : html`<div class="thumb" aria-hidden="true"></div>`}
    <div class="line-info">
      <span class="line-title">${line.title}</span>
      ${line.variantTitle ? html`<span class="line-variant">${line.variantTitle}</span>` : nothing}
      ${line.quantity > 1
        ? html`<span class="line-each">${t('each', { price: formatMoney(line.unitPrice, locale) })}</span>`
        : nothing}
      <div class="line-controls">
        ${stepper({
          part: 'stepper',
          label: t('quantityOf', { title }),
          decrease: { label: t('decrease', { title }), disabled: busy || line.quantity <= 1, onClick: () => c.setQuantity(line, line.quantity - 1) },
          increase: { label: t('increase', { title }), disabled: busy || atLimit, onClick: () => c.setQuantity(line, line.quantity + 1) },
          value: busy
            ? html`<span class="visually-hidden">${t('updating')}</span><span class="spinner" aria-hidden="true"></span>`
            : line.quantity,
        })}
        <button
          part="remove-button"
          class="remove icon"
          type="button"
          aria-label=${t('remove', { title })}
          ?disabled=${busy}
          @click=${() => c.remove(line)}
        >
          ${trash()}
        </button>
      </div>
      ${atLimit ? html`<span part="line-limit" class="line-limit">${t('stockLimit', { count: stock })}</span>` : nothing}
    </div>
    <span class="line-total">
      ${formatMoney(line.total, locale)}
      ${wasTotal
        ? html`<s part="line-compare-at" class="line-was"
              ><span class="visually-hidden">${t('wasPrice', { price: formatMoney(wasTotal, locale) })}</span
              ><span aria-hidden="true">${formatMoney(wasTotal, locale)}</span></s
            >
            <span part="line-saving" class="line-saving">${t('youSave', { amount: formatMoney(subtract(wasTotal, line.total), locale) })}</span>`
        : nothing}
    </span>
  </li>`;
}

/** Each discount code with what it takes off (and its remove button), then the total after them. */
function renderDiscounts(c: DrawerContext, cart: Cart) {
  const discounts = cart.discounts ?? [];
  if (!discounts.length) return nothing;
  const t = (key: Parameters<typeof discountMessages>[1], params?: Record<string, string | number>) => discountMessages(c.locale, key, params);
  return html`<ul part="discounts" class="discounts">
      ${discounts.map(
        (d) => html`<li class="discount">
          <span class="discount-code">${t('discount')} <code>${d.code}</code></span>
          <span class="discount-amount">${formatMoney({ ...d.amount, amount: `-${d.amount.amount}` }, c.locale)}</span>
          ${c.removeDiscount
            ? html`<button
                part="remove-discount-button"
                class="remove icon"
                type="button"
                aria-label=${t('removeCode', { code: d.code })}
                @click=${() => c.removeDiscount?.(d.code)}
              >
                ${close()}
              </button>`
            : nothing}
        </li>`,
      )}
    </ul>
    ${cart.total
      ? html`<dl part="total" class="subtotal total">
          <dt>${t('total')}</dt>
          <dd>${formatMoney(cart.total, c.locale)}</dd>
        </dl>`
      : nothing}`;
}

function errorText(error: VitrineErrorDetail, locale: string): string {
  if (error.code === 'cart/invalid-code') return discountMessages(locale, 'errorCode');
  const key =
    error.code === 'cart/out-of-stock'
      ? 'errorStock'
      : error.code === 'cart/not-found'
        ? 'errorGone'
        : error.code === 'checkout/unsafe-url'
          ? 'errorUnsafe'
          : error.code === 'checkout/unavailable'
            ? 'errorNoCheckout'
            : 'errorGeneric';
  return messages(locale, key);
}
