// A local stand-in for the Shopify Storefront API, for the Shopify adapters' behaviour tests:
//   POST /__show/shopify/api/<version>/graphql.json
// It checks the token header, VALIDATES every incoming document against Shopify's published
// schema (@shopify/hydrogen-react/storefront.schema.json) and answers the adapters' operations
// from an in-memory shop, shaped as Shopify answers them (MoneyV2 decimals like "25.0",
// "Default Title" variants, userErrors, stock warnings, null for an unknown cart).
//   GET /__show/shopify/log   [{ operationName, variables }]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildClientSchema, parse, validate } from 'graphql';

const require = createRequire(import.meta.url);
const introspection = JSON.parse(readFileSync(require.resolve('@shopify/hydrogen-react/storefront.schema.json'), 'utf8'));
const schema = buildClientSchema(introspection.data ?? introspection);
export const TOKEN = 'test-storefront-token';

const eur = (amount) => ({ amount, currencyCode: 'EUR' });
const products = {
  'gid://shopify/Product/1': {
    id: 'gid://shopify/Product/1',
    title: 'Wool scarf',
    handle: 'wool-scarf',
    onlineStoreUrl: 'https://shop.example/products/wool-scarf',
    description: 'Warm & soft.',
    availableForSale: true,
    featuredImage: { url: 'https://cdn.shopify.example/scarf.jpg' },
    options: [{ name: 'Color', optionValues: [{ name: 'Red' }, { name: 'Navy' }] }],
    priceRange: { minVariantPrice: eur('25.0') },
    compareAtPriceRange: { minVariantPrice: eur('35.0') },
    variants: {
      nodes: [
        { id: 'gid://shopify/ProductVariant/11', title: 'Red', availableForSale: true, quantityAvailable: 5, selectedOptions: [{ name: 'Color', value: 'Red' }], price: eur('25.0'), compareAtPrice: eur('35.0'), image: { url: 'https://cdn.shopify.example/scarf-red.jpg' } },
        { id: 'gid://shopify/ProductVariant/12', title: 'Navy', availableForSale: false, quantityAvailable: 0, selectedOptions: [{ name: 'Color', value: 'Navy' }], price: eur('25.0'), compareAtPrice: null, image: null },
      ],
    },
  },
  'gid://shopify/Product/2': {
    id: 'gid://shopify/Product/2',
    title: 'Beeswax candle',
    handle: 'candle',
    onlineStoreUrl: null,
    description: '',
    availableForSale: true,
    featuredImage: null,
    options: [{ name: 'Title', optionValues: [{ name: 'Default Title' }] }],
    priceRange: { minVariantPrice: eur('12.5') },
    compareAtPriceRange: { minVariantPrice: eur('0.0') },
    variants: {
      nodes: [
        { id: 'gid://shopify/ProductVariant/21', title: 'Default Title', availableForSale: true, quantityAvailable: 2, selectedOptions: [{ name: 'Title', value: 'Default Title' }], price: eur('12.5'), compareAtPrice: null, image: null },
      ],
    },
  },
  // Broken data from the shop: a price that is not money. Dropped by the adapter, others kept.
  'gid://shopify/Product/3': {
    id: 'gid://shopify/Product/3',
    title: 'Broken',
    handle: 'broken',
    onlineStoreUrl: null,
    description: '',
    availableForSale: true,
    featuredImage: null,
    options: [],
    priceRange: { minVariantPrice: { amount: 'free', currencyCode: 'EUR' } },
    compareAtPriceRange: { minVariantPrice: eur('0.0') },
    variants: { nodes: [] },
  },
};
const variants = new Map();
for (const p of Object.values(products)) for (const v of p.variants.nodes) variants.set(v.id, { product: p, variant: v });

const carts = new Map();
const log = [];
let next = 1;

const fmt = (minor) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`.replace(/0$/, '');
const minor = (amount) => Math.round(Number(amount) * 100);

function cartDoc(cart, withInventory = false) {
  let subtotal = 0;
  const nodes = cart.lines.map((line) => {
    const { product, variant } = variants.get(line.merchandiseId);
    const total = minor(variant.price.amount) * line.quantity;
    subtotal += total;
    return {
      id: line.id,
      quantity: line.quantity,
      cost: { amountPerQuantity: variant.price, totalAmount: eur(fmt(total)) },
      merchandise: {
        id: variant.id,
        title: variant.title,
        image: variant.image,
        product: { id: product.id, title: product.title, featuredImage: product.featuredImage },
      },
    };
  });
  void withInventory;
  // Discount codes (VitrineCartDiscountCodesUpdate): SCARF10 takes 10 % off the cart; others do not apply.
  const codes = cart.codes ?? [];
  const allocations = codes.filter((c) => DISCOUNTS[c.toUpperCase()]).map((code) => ({ code, discountedAmount: eur(fmt(Math.floor(subtotal * DISCOUNTS[code.toUpperCase()]))) }));
  const off = allocations.reduce((n, a) => n + minor(a.discountedAmount.amount), 0);
  return {
    id: cart.id,
    checkoutUrl: `https://shop.example/cart/c/${encodeURIComponent(cart.id.split('/').pop())}`,
    totalQuantity: cart.lines.reduce((n, l) => n + l.quantity, 0),
    cost: { subtotalAmount: eur(fmt(subtotal)), totalAmount: eur(fmt(subtotal - off)) },
    discountCodes: codes.map((code) => ({ code, applicable: Boolean(DISCOUNTS[code.toUpperCase()]) })),
    discountAllocations: allocations,
    lines: { nodes: nodes.map((n) => ({ ...n, discountAllocations: [] })) },
  };
}

/** Adds lines, capping at stock with Shopify's warning. */
function addLines(cart, lines) {
  const warnings = [];
  for (const { merchandiseId, quantity = 1 } of lines) {
    const found = variants.get(merchandiseId);
    if (!found) return { userErrors: [{ code: 'INVALID', field: ['lines', '0', 'merchandiseId'], message: `The merchandise with id ${merchandiseId} does not exist.` }], warnings };
    const { variant } = found;
    const existing = cart.lines.find((l) => l.merchandiseId === merchandiseId);
    const wanted = (existing?.quantity ?? 0) + quantity;
    const stock = variant.quantityAvailable;
    const allowed = Math.min(wanted, stock);
    if (allowed < wanted) {
      warnings.push({
        code: stock === 0 ? 'MERCHANDISE_OUT_OF_STOCK' : 'MERCHANDISE_NOT_ENOUGH_STOCK',
        message: stock === 0 ? `${found.product.title} is sold out.` : `Only ${stock} items were added to your cart due to availability.`,
        target: cart.id,
      });
    }
    if (allowed === 0) continue;
    if (existing) existing.quantity = allowed;
    else cart.lines.push({ id: `gid://shopify/CartLine/${next++}?cart=${cart.id.split('/').pop()}`, merchandiseId, quantity: allowed });
  }
  return { userErrors: [], warnings };
}

const DISCOUNTS = { SCARF10: 0.1 };

const noCart = { cart: null, userErrors: [{ code: 'INVALID', field: ['cartId'], message: 'The specified cart does not exist.' }], warnings: [] };

function answer(operationName, v) {
  switch (operationName) {
    case 'VitrineProducts':
      return { nodes: v.ids.map((id) => products[id] ?? null) };
    case 'VitrineCart': {
      const cart = carts.get(v.id);
      return { cart: cart ? cartDoc(cart) : null };
    }
    case 'VitrineCartCreate': {
      const cart = { id: `gid://shopify/Cart/c${next++}`, lines: [] };
      const result = addLines(cart, v.input?.lines ?? []);
      if (result.userErrors.length) return { cartCreate: { cart: null, ...result } };
      carts.set(cart.id, cart);
      return { cartCreate: { cart: cartDoc(cart), ...result } };
    }
    case 'VitrineCartLinesAdd': {
      const cart = carts.get(v.cartId);
      if (!cart) return { cartLinesAdd: noCart };
      const result = addLines(cart, v.lines);
      return { cartLinesAdd: { cart: cartDoc(cart), ...result } };
    }
    case 'VitrineCartLinesUpdate': {
      const cart = carts.get(v.cartId);
      if (!cart) return { cartLinesUpdate: noCart };
      for (const { id, quantity } of v.lines) {
        const line = cart.lines.find((l) => l.id === id);
        if (!line) return { cartLinesUpdate: { cart: cartDoc(cart), userErrors: [{ code: 'INVALID_MERCHANDISE_LINE', field: ['lines'], message: 'The merchandise line was not found in cart.' }], warnings: [] } };
        if (quantity === 0) cart.lines = cart.lines.filter((l) => l !== line);
        else line.quantity = quantity;
      }
      return { cartLinesUpdate: { cart: cartDoc(cart), userErrors: [], warnings: [] } };
    }
    case 'VitrineCartLinesRemove': {
      const cart = carts.get(v.cartId);
      if (!cart) return { cartLinesRemove: noCart };
      cart.lines = cart.lines.filter((l) => !v.lineIds.includes(l.id));
      return { cartLinesRemove: { cart: cartDoc(cart), userErrors: [], warnings: [] } };
    }
    case 'VitrineCartDiscountCodesUpdate': {
      const cart = carts.get(v.cartId);
      if (!cart) return { cartDiscountCodesUpdate: noCart };
      cart.codes = [...v.discountCodes];
      return { cartDiscountCodesUpdate: { cart: cartDoc(cart), userErrors: [], warnings: [] } };
    }
    default:
      return null;
  }
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export const middleware = [
  async (ctx, next) => {
    if (ctx.path === '/__show/shopify/log') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(log);
      return;
    }
    if (!/^\/__show\/shopify\/api\/\d{4}-\d{2}\/graphql\.json$/.test(ctx.path)) return next();
    ctx.type = 'application/json';
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      ctx.body = '{}';
      return;
    }
    if (ctx.get('x-shopify-storefront-access-token') !== TOKEN) {
      ctx.status = 401;
      ctx.body = JSON.stringify({ errors: [{ message: 'Unauthorized' }] });
      return;
    }
    const { query, variables = {}, operationName } = await readJson(ctx.req);
    log.push({ operationName, variables });
    let errors;
    try {
      errors = validate(schema, parse(query)).map((e) => ({ message: e.message }));
    } catch (error) {
      errors = [{ message: String(error.message) }];
    }
    const data = errors.length ? null : answer(operationName, variables);
    if (!data) errors = errors.length ? errors : [{ message: `Unknown operation ${operationName}` }];
    ctx.body = JSON.stringify(errors.length ? { errors } : { data });
  },
];
