// A Shopify Online Store's AJAX Cart API (https://shopify.dev/docs/api/ajax/reference/cart) for
// test/adapters/shopify-theme.test.ts, under /__theme/<session>/ (one cart per session), answering
// with the shapes of Shopify's documented responses (test/fixtures/shopify-ajax/: cart.json and
// item.json follow the documentation's examples field for field):
//   GET cart.js, POST cart/add.js { items: [{ id, quantity }] } (the added items; 422 over stock),
//   POST cart/change.js { id: key, quantity } (the cart; 400 for an unknown key),
//   POST cart/update.js { discount: "A,B" } (the cart; `discount_codes` with `applicable`).
// Test hooks: POST /__theme/<session>/__theme-add { variant, quantity } (the theme's own drawer adds),
// GET /__theme/<session>/__log (requests seen).
import { readFileSync } from 'node:fs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/shopify-ajax/${name}`, import.meta.url), 'utf8'));
const CART = fixture('cart.json');
const ITEM = fixture('item.json');

/** The catalog: variant id -> product, variant, price in cents, stock. */
const VARIANTS = new Map([
  [39897499729985, { product: 6786188247105, title: 'Health potion', variant: 'S / Low', price: 2900, stock: 3, only: false }],
  [39897499762753, { product: 6786188247105, title: 'Health potion', variant: 'M / High', price: 3450, stock: 10, only: false }],
  [40000000000001, { product: 6786188279873, title: 'Mana tonic', variant: 'Default Title', price: 120050, stock: 10, only: true }],
]);
const CODES = { WINTER10: 0.1 };

const sessions = new Map();
function session(id) {
  let s = sessions.get(id);
  if (!s) sessions.set(id, (s = { lines: [], codes: [], log: [], nextKey: 1 }));
  return s;
}

function itemOf(line) {
  const v = VARIANTS.get(line.variant);
  return {
    ...ITEM,
    id: line.variant,
    variant_id: line.variant,
    key: line.key,
    quantity: line.quantity,
    title: v.only ? v.title : `${v.title} - ${v.variant}`,
    product_title: v.title,
    variant_title: v.only ? null : v.variant,
    product_has_only_default_variant: v.only,
    product_id: v.product,
    price: v.price,
    original_price: v.price,
    discounted_price: v.price,
    final_price: v.price,
    line_price: v.price * line.quantity,
    original_line_price: v.price * line.quantity,
    final_line_price: v.price * line.quantity,
    variant_options: v.only ? ['Default Title'] : v.variant.split(' / '),
  };
}

function cartOf(s) {
  const items = s.lines.map(itemOf);
  const subtotal = items.reduce((n, i) => n + i.final_line_price, 0);
  const codes = s.codes.map((code) => ({ code, applicable: code.toUpperCase() in CODES && items.length > 0 }));
  const applications = codes
    .filter((c) => c.applicable)
    .map((c) => ({
      type: 'discount_code',
      key: c.code,
      title: c.code,
      description: null,
      value: '10.0',
      created_at: '2026-11-30T10:00:00.000Z',
      value_type: 'percentage',
      allocation_method: 'across',
      target_selection: 'all',
      target_type: 'line_item',
      total_allocated_amount: Math.round(subtotal * CODES[c.code.toUpperCase()]),
    }));
  const discount = applications.reduce((n, a) => n + a.total_allocated_amount, 0);
  return {
    ...CART,
    original_total_price: subtotal,
    total_price: subtotal - discount,
    total_discount: discount,
    item_count: items.reduce((n, i) => n + i.quantity, 0),
    items,
    requires_shipping: items.length > 0,
    items_subtotal_price: subtotal,
    cart_level_discount_applications: applications,
    discount_codes: codes,
  };
}

async function body(ctx) {
  let text = '';
  for await (const chunk of ctx.req) text += chunk;
  return text ? JSON.parse(text) : {};
}

function add(s, variant, quantity) {
  const v = VARIANTS.get(variant);
  if (!v) return { status: 404, body: { status: 404, message: 'Cart Error', description: 'Cannot find variant' } };
  let line = s.lines.find((l) => l.variant === variant);
  const total = (line?.quantity ?? 0) + quantity;
  if (total > v.stock) {
    return { status: 422, body: { status: 422, message: 'Cart Error', description: `All ${v.stock} ${v.title} - ${v.variant} are in your cart.` } };
  }
  if (!line) s.lines.push((line = { key: `${variant}:${(s.nextKey++).toString(16).padStart(32, '0')}`, variant, quantity: 0 }));
  line.quantity = total;
  return { status: 200, body: itemOf(line) };
}

export const middleware = [
  async (ctx, next) => {
    const m = /^\/__theme\/([\w-]+)\/(.*)$/.exec(ctx.path);
    if (!m) return next();
    const s = session(m[1]);
    const route = `${ctx.method} ${m[2]}`;
    if (!m[2].startsWith('__')) s.log.push(route);
    const json = (status, value) => {
      ctx.status = status;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(value);
    };
    switch (route) {
      case 'GET cart.js':
        return json(200, cartOf(s));
      case 'POST cart/add.js': {
        const { items = [] } = await body(ctx);
        const added = [];
        for (const { id, quantity = 1 } of items) {
          const result = add(s, Number(id), Number(quantity));
          if (result.status !== 200) return json(result.status, result.body);
          added.push(result.body);
        }
        return json(200, { items: added });
      }
      case 'POST cart/change.js': {
        const { id, quantity } = await body(ctx);
        const line = s.lines.find((l) => l.key === id);
        if (!line) return json(400, { status: 'bad_request', message: 'no valid id or line parameter', description: 'no valid id or line parameter' });
        const v = VARIANTS.get(line.variant);
        if (quantity > v.stock) return json(422, { status: 422, message: 'Cart Error', description: `You can only add ${v.stock} ${v.title} to the cart.` });
        if (quantity <= 0) s.lines = s.lines.filter((l) => l !== line);
        else line.quantity = quantity;
        return json(200, cartOf(s));
      }
      case 'POST cart/update.js': {
        const { discount } = await body(ctx);
        if (typeof discount === 'string') s.codes = discount.split(',').map((c) => c.trim()).filter(Boolean);
        return json(200, cartOf(s));
      }
      case 'POST __theme-add': {
        const { variant, quantity = 1 } = await body(ctx);
        const result = add(s, variant, quantity);
        return json(result.status, result.body);
      }
      case 'GET __log':
        return json(200, s.log);
      default:
        return json(404, { status: 404, message: 'Not Found', description: 'Not Found' });
    }
  },
];
