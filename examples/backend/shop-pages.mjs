// The demo shop's pages: each page file in examples/storefront/ holds only what is its own (its
// <title> and description, then its <main>); they share layout.html (header, navigation, footer),
// and each `<!-- products: p1 p2 … -->` list is filled from the catalog, so the shop's grid shows
// the same titles, prices and stock as the shows do.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialStock, products } from './catalog.mjs';
import { formatMoney, toMinor } from './money.mjs';

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One product tile of the shop's grid; `units` is what is in stock of it (every variant). */
function tile(product, units) {
  const badge = units === 0 ? 'Sold out' : units <= 3 ? 'Almost gone' : product.compareAtPrice ? 'Sale' : '';
  const was = product.compareAtPrice ? ` <s>${formatMoney(toMinor(product.compareAtPrice))}</s>` : '';
  return `<li id="product-${product.id}">
          <a href="#product-${product.id}">
            <img src="/images/${product.id}.svg" alt="" width="400" height="500" loading="lazy">
            ${badge ? `<span class="badge">${badge}</span>` : ''}<h3>${escape(product.title)}</h3>
            <p class="price">${formatMoney(toMinor(product.price))}${was}</p>
          </a>
        </li>`;
}

/**
 * The page `name` (e.g. "replay.html") of the shop in `dir`, as one HTML document, or null when
 * there is no such page. `stock` maps variant ids to units (default: the catalog's opening stock).
 */
export function renderShopPage(dir, name, { stock = initialStock() } = {}) {
  if (name === 'layout.html' || !/^[a-z0-9-]+\.html$/.test(name)) return null;
  const file = join(dir, name);
  if (!existsSync(file)) return null;
  const page = readFileSync(file, 'utf8').replace(/^<!--[\s\S]*?-->\n/, '');
  const main = page.indexOf('<main>');
  const byId = new Map(products.map((p) => [p.id, p]));
  const unitsOf = (p) => (p.variants.length ? p.variants.map((v) => v.id) : [p.id]).reduce((sum, id) => sum + (stock[id] ?? 0), 0);
  const body = page.slice(main).replace(/<!-- products: ([\w ]+) -->/g, (_, ids) =>
    ids
      .split(' ')
      .map((id) => byId.get(id))
      .filter(Boolean)
      .map((p) => tile(p, unitsOf(p)))
      .join('\n        '),
  );
  const href = name === 'index.html' ? '/' : `/${name}`;
  const layout = readFileSync(join(dir, 'layout.html'), 'utf8').replace(`<li><a href="${href}">`, `<li><a href="${href}" aria-current="page">`);
  return layout.replace('{{head}}', page.slice(0, main).trim().replace(/\n/g, '\n  ')).replace('{{main}}', body);
}
