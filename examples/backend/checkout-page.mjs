// The demo's checkout page: it shows the cart the live show handed off, which proves the handoff.
// Every value is escaped; nothing from the request is ever written unescaped.
import { formatMoney, toMinor } from './money.mjs';

const escapeHtml = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const price = (money) => escapeHtml(formatMoney(toMinor(money.amount)));

/**
 * @param {object | null} cart  a docs/cart-protocol.md Cart, or null when there is no such cart
 * @param {{ shopUrl: string, attribution: [string, string][] }} options
 */
export function checkoutPage(cart, { shopUrl, attribution }) {
  const lines = cart?.lines ?? [];
  const body = !cart
    ? `<p class="empty">This cart does not exist (any more). Carts live in the demo backend's memory.</p>`
    : lines.length === 0
      ? `<p class="empty">Your cart is empty.</p>`
      : `<table>
    <caption>Your order</caption>
    <thead><tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num unit">Price</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
${lines
  .map(
    (line) => `      <tr>
        <td class="item"><img src="${escapeHtml(line.image)}" alt="" width="56" height="56"><span><strong>${escapeHtml(line.title)}</strong>${
          line.variantTitle ? `<br><span class="muted">${escapeHtml(line.variantTitle)}</span>` : ''
        }</span></td>
        <td class="num">${escapeHtml(line.quantity)}</td>
        <td class="num unit">${price(line.unitPrice)}</td>
        <td class="num">${price(line.total)}</td>
      </tr>`,
  )
  .join('\n')}
    </tbody>
    <tfoot><tr><th scope="row" colspan="3">Subtotal (${escapeHtml(cart.totalQuantity)} ${cart.totalQuantity === 1 ? 'item' : 'items'})</th><td class="num"><strong>${price(cart.subtotal)}</strong></td></tr>${(cart.discounts ?? [])
      .map((d) => `<tr><th scope="row" colspan="3">Discount <code>${escapeHtml(d.code)}</code></th><td class="num">−${price(d.amount)}</td></tr>`)
      .join('')}${cart.total ? `<tr><th scope="row" colspan="3">Total</th><td class="num"><strong>${price(cart.total)}</strong></td></tr>` : ''}</tfoot>
  </table>`;
  const source = attribution.length
    ? `<p class="muted">Handed off from the live show with ${attribution
        .map(([k, v]) => `<code>${escapeHtml(k)}=${escapeHtml(v)}</code>`)
        .join(' ')}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkout · Atelier Nord</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f1d1a; background: #f6f3ee; }
  header { padding: 18px 24px; background: #1f1d1a; color: #f6f3ee; }
  header a { color: inherit; text-decoration: none; font-weight: 700; letter-spacing: .12em; }
  main { max-width: 760px; margin: 32px auto; padding: 0 20px; }
  h1 { font-size: 1.8rem; margin: 0 0 8px; }
  table { width: 100%; border-collapse: collapse; background: #fff; border-radius: 8px; overflow: hidden; }
  caption { text-align: left; font-weight: 600; padding: 8px 0; }
  th, td { padding: 12px 14px; border-bottom: 1px solid #eee6da; text-align: left; vertical-align: middle; }
  .num { text-align: right; white-space: nowrap; }
  .item { display: flex; gap: 12px; align-items: center; }
  .item img { border-radius: 6px; background: #eee6da; }
  .muted { color: #6b645a; font-size: .9rem; }
  tfoot th, tfoot td { border-bottom: 0; font-size: 1.1rem; }
  .pay { display: inline-block; margin-top: 20px; padding: 12px 22px; border-radius: 999px; background: #1f1d1a; color: #fff; border: 0; font: inherit; }
  .note { margin-top: 28px; padding: 12px 14px; border-left: 3px solid #b5654a; background: #fff; }
  code { overflow-wrap: anywhere; }
  /* A phone (down to 320px): no unit price column, smaller images and padding; the total stays in view. */
  @media (max-width: 520px) {
    main { margin: 20px auto; padding: 0 10px; }
    h1 { font-size: 1.4rem; }
    .unit { display: none; }
    th, td { padding: 10px 6px; }
    .item { gap: 8px; }
    .item span { min-width: 0; overflow-wrap: anywhere; }
    td.item { display: table-cell; }
    .item img { float: left; margin-inline-end: 8px; }
    .item img { width: 40px; height: 40px; }
    tfoot th, tfoot td { font-size: 1rem; }
  }
</style>
</head>
<body>
<header><a href="${escapeHtml(shopUrl)}">ATELIER NORD</a></header>
<main>
  <h1>Checkout</h1>
  ${source}
  ${body}
  <p><button class="pay" type="button" disabled>Pay (demo: no payment is taken)</button></p>
  <p class="note">This is the demo backend's checkout page. It reads the cart that the live show handed off
  (cart <code>${escapeHtml(cart?.id ?? 'unknown')}</code>) from the backend, which proves the handoff.</p>
  <p><a href="${escapeHtml(shopUrl)}">← Back to the shop</a></p>
</main>
</body>
</html>
`;
}
