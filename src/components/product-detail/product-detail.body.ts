/**
 * The content of `<vitrine-product-detail>`: image, option pickers, quantity, add to cart,
 * description and link. A lazy chunk of the storefront bundle: a show only needs it when the
 * shopper opens a product, so it is fetched when the browser is idle (or at the first open),
 * never before the page's first paint. The element (state, dialog, focus) stays in
 * `product-detail.ts`.
 */
import { html, nothing, render } from 'lit';
import { safeUrl } from '../../core/parse.js';
import type { Deal, Product } from '../../core/types.js';
import type { AddController } from '../shared/add-controller.js';
import { addStatus } from '../shared/add-status.js';
import { close, external } from '../shared/icons.js';
import { LOW_STOCK, renderPrice } from '../shared/price.js';
import { addMessages } from '../shared/shared.messages.js';
import { stepper } from '../shared/stepper.js';
import { messages } from './product-detail.messages.js';
import { MAX_QUANTITY, VariantPicker, type Selection } from './variants.js';

export { bodyStyles } from './product-detail.body.styles.js';

/** What the body reads from, and asks of, its element. */
export interface DetailContext {
  product: Product;
  picker: VariantPicker;
  selection: Selection;
  qty: number;
  dialog: boolean;
  /** Prefix of the ids inside the shadow root. */
  id: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  add: AddController;
  setQty(qty: number): void;
  choose(picker: VariantPicker, index: number, value: string): void;
  hide(): void;
  /** A flash deal running on the product: its price block (`<vitrine-deal-price>`) replaces the price. */
  deal?: Deal | undefined;
  /** The server's clock of the deal's countdown. */
  now?: () => number;
}

export function renderDetail(c: DetailContext) {
  const { product, picker, locale } = c;
  const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
    messages(locale, key, params);
  const a = (key: Parameters<typeof addMessages>[1], params?: Record<string, string | number>) =>
    addMessages(locale, key, params);
  const variant = picker.resolve(c.selection);
  const purchasable = !!variant && variant.available && product.available;
  const stock = variant?.inventory ?? (product.variants.length === 1 ? product.inventory : undefined);
  const max = Math.max(1, Math.min(MAX_QUANTITY, stock ?? MAX_QUANTITY));
  const qty = Math.min(c.qty, max);
  const pending = c.add.pending(product, variant);
  const feedback = c.add.feedbackFor(product);
  const image = variant?.image ?? product.image;
  const url = safeUrl(product.url);
  const compareAt = variant?.compareAtPrice ?? (variant?.price.amount === product.price.amount ? product.compareAtPrice : undefined);
  const lastIndex = picker.options.length - 1;
  const unavailableNote = variant && !purchasable && picker.options.length
    ? t('comboSoldOut', { combo: picker.combo(c.selection, lastIndex, c.selection[picker.options[lastIndex].name]) })
    : '';

  return html`
    <div part="base" class="detail" dir=${c.dialog ? nothing : c.dir} lang=${c.dialog ? nothing : locale}>
      ${c.dialog
        ? html`<button part="close-button" class="close icon" type="button" aria-label=${t('close')} @click=${() => c.hide()}>
            ${close()}
          </button>`
        : nothing}
      <div class="media">
        ${image
          ? html`<img part="image" src=${image} alt="" width="800" height="1000" decoding="async" />`
          : nothing}
      </div>
      <div class="info">
        <h2 part="title" id=${`${c.id}-title`}>${product.title}</h2>
        ${c.deal
          ? html`<vitrine-deal-price .deal=${c.deal} .price=${variant?.price ?? product.price} .now=${c.now ?? Date.now} locale=${locale}></vitrine-deal-price>`
          : variant
            ? renderPrice(variant.price, compareAt, locale)
            : renderPrice(product.price, product.compareAtPrice, locale)}
        ${picker.options.map((option, index) => renderOption(c, option.name, option.values, index))}
        ${purchasable && stock !== undefined && stock > 0 && stock <= LOW_STOCK
          ? html`<span class="stock">${a('onlyLeft', { count: stock })}</span>`
          : nothing}
        <div class="buy">
          ${stepper({
            part: 'quantity',
            label: t('quantity'),
            decrease: { label: t('decrease'), disabled: qty <= 1 || !purchasable, onClick: () => c.setQty(Math.max(1, qty - 1)) },
            increase: { label: t('increase'), disabled: qty >= max || !purchasable, onClick: () => c.setQty(Math.min(max, qty + 1)) },
            value: qty,
            valueLabel: t('quantity'),
          })}
          <button
            part="add-button"
            class="add primary"
            type="button"
            ?disabled=${!purchasable}
            aria-disabled=${pending ? 'true' : nothing}
            aria-describedby=${unavailableNote ? `${c.id}-why` : nothing}
            @click=${() => variant && purchasable && c.add.add(product, variant, qty)}
          >
            ${!purchasable
              ? a('soldOut')
              : pending
                ? html`<span class="spinner" aria-hidden="true"></span>${a('adding')}`
                : a('addToCart')}
          </button>
        </div>
        ${unavailableNote ? html`<p class="note" id=${`${c.id}-why`}>${unavailableNote}</p>` : nothing}
        ${addStatus(feedback)}
        ${product.description ? html`<p part="description" class="description">${product.description}</p>` : nothing}
        ${url
          ? html`<a part="link" class="link" href=${url} target="_blank" rel="noopener noreferrer">
              ${t('viewProduct')}${external()}
            </a>`
          : nothing}
      </div>
    </div>
  `;
}

/** The detail's strikes (size and weight) that the first view does not draw (its title, its price row). */
const STRIKES = ['700 22px', '400 16px', '700 16px'];

/**
 * The first open's one-off costs, paid in an idle moment after this chunk arrived (a dialog
 * `<vitrine-product-detail>` calls it, once per page): a detail with options, a sale price, low stock and a
 * description renders once into a detached fragment (Lit prepares each template, V8 compiles the
 * render code), and the detail's strikes that the page has not drawn yet are looked up (an
 * offscreen canvas shares the page's font cache). The first product a shopper opened was twice
 * as slow to show as the next ones (issue 19: about 100 ms against 50 ms at 1x CPU). Nothing
 * enters the page: the fragment is never connected, its image (`data:,`) requests nothing.
 */
export function rehearseDetail(host: Element, add: AddController, locale: string): void {
  const money = (amount: string) => ({ amount, currencyCode: 'USD' });
  const product: Product = {
    id: 'rehearsal',
    title: 'Rehearsal',
    image: 'data:,',
    url: 'https://example.invalid/',
    description: 'Rehearsal',
    price: money('2.00'),
    compareAtPrice: money('3.00'),
    available: true,
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      { id: 'rehearsal-s', title: 'S', options: { Size: 'S' }, price: money('2.00'), available: true, inventory: 2 },
      { id: 'rehearsal-m', title: 'M', options: { Size: 'M' }, price: money('2.00'), available: false },
    ],
  };
  const picker = new VariantPicker(product);
  const context: DetailContext = {
    product,
    picker,
    selection: picker.initial(),
    qty: 1,
    dialog: true,
    id: 'vitrine-rehearsal',
    locale,
    dir: 'ltr',
    add,
    setQty: () => undefined,
    choose: () => undefined,
    hide: () => undefined,
  };
  render(renderDetail(context), document.createDocumentFragment());
  if (typeof OffscreenCanvas !== 'function') return;
  const canvas = new OffscreenCanvas(1, 1).getContext('2d');
  if (!canvas) return;
  const family = getComputedStyle(host).fontFamily;
  for (const strike of STRIKES) {
    canvas.font = `${strike} ${family}`;
    canvas.measureText(`${product.title} 0123456789 €$£`);
  }
}

function renderOption(c: DetailContext, name: string, values: string[], index: number) {
  const { picker, selection, locale } = c;
  const t = (key: Parameters<typeof messages>[1], params?: Record<string, string | number>) =>
    messages(locale, key, params);
  const chosen = selection[name];
  const notes: string[] = [];
  const radios = values.map((value) => {
    const state = picker.state(selection, index, value);
    if (state !== 'available') {
      notes.push(t(state === 'sold-out' ? 'comboSoldOut' : 'comboUnavailable', { combo: picker.combo(selection, index, value) }));
    }
    return html`<label part="option-value" class="value">
      <input
        type="radio"
        name=${`${c.id}-${index}`}
        .value=${value}
        .checked=${value === chosen}
        ?disabled=${state !== 'available'}
        @change=${() => c.choose(picker, index, value)}
      /><span
        >${value}${state !== 'available' ? html`<span class="visually-hidden">, ${t('unavailable')}</span>` : nothing}</span
      >
    </label>`;
  });
  const noteId = `${c.id}-note-${index}`;
  return html`<fieldset part="option" aria-describedby=${notes.length ? noteId : nothing}>
    <legend>${name}: <span class="chosen">${chosen}</span></legend>
    <div class="values">${radios}</div>
    ${notes.length ? html`<p class="note" id=${noteId}>${notes.join(' · ')}</p>` : nothing}
  </fieldset>`;
}
