// The demo shop's catalog: "Atelier Nord", Nordic knitwear and home goods, in euros.
// Products follow docs/show-document.md, minus what the backend fills in live (image and product
// URLs, inventory, availability): see `productDocument` in index.mjs. `stock` is units per variant
// id (a product without variants is its own single variant).

/** Every combination of the option values, as variants with ids `<productId>-<n>`. */
function variantsOf(id, options) {
  let combos = [{}];
  for (const { name, values } of options) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  return combos.map((selected, i) => ({ id: `${id}-${i + 1}`, title: Object.values(selected).join(' / '), options: selected }));
}

function product({ id, options = [], ...rest }) {
  return { id, ...rest, options, variants: options.length ? variantsOf(id, options) : [] };
}

export const products = [
  product({
    id: 'p1',
    title: 'Merino rib beanie',
    description: 'Soft extra-fine merino in a deep rib, folded cuff. Knitted in Portugal.',
    price: '29.00',
    compareAtPrice: '39.00',
    options: [{ name: 'Color', values: ['Oat', 'Forest', 'Rust'] }],
  }),
  product({
    id: 'p2',
    title: 'Fisherman cardigan',
    description: 'Chunky cable-knit cardigan in undyed Shetland wool with horn buttons.',
    price: '149.00',
    options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }],
  }),
  product({
    id: 'p3',
    title: 'Linen overshirt',
    description: 'Heavy washed linen, two chest pockets, relaxed fit. Wear it open as a light jacket.',
    price: '89.00',
    options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }],
  }),
  product({
    id: 'p4',
    title: 'Stoneware mug, set of 2',
    description: 'Hand-thrown stoneware with a matte glaze. 300 ml. Dishwasher safe.',
    price: '34.00',
    options: [{ name: 'Color', values: ['Sand', 'Slate'] }],
  }),
  product({
    id: 'p5',
    title: 'Lambswool throw',
    description: 'A generous 130 × 180 cm throw in brushed lambswool, fringed ends.',
    price: '119.00',
    compareAtPrice: '149.00',
    options: [{ name: 'Color', values: ['Heather', 'Moss'] }],
  }),
  product({
    id: 'p6',
    title: 'Cedar & fig candle',
    description: 'Soy wax in an amber glass jar, 50 hours. Small batch: only a few left.',
    price: '24.00',
  }),
  product({
    id: 'p7',
    title: 'Leather market tote',
    description: 'Vegetable-tanned leather that darkens with use. Back in spring.',
    price: '189.00',
  }),
  product({
    id: 'p8',
    title: 'Ribbed wool scarf',
    description: 'Long, warm and light: 100% lambswool, 30 × 190 cm.',
    price: '45.00',
    options: [{ name: 'Color', values: ['Camel', 'Navy', 'Berry'] }],
  }),
  product({
    id: 'p9',
    title: 'Speckled bud vase',
    description: 'A small stoneware vase with an oatmeal glaze, 14 cm tall.',
    price: '39.00',
  }),
  product({
    id: 'p10',
    title: 'Organic cotton tee',
    description: 'Heavyweight organic cotton jersey, boxy fit, garment dyed.',
    price: '29.00',
    compareAtPrice: '35.00',
    options: [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Color', values: ['Chalk', 'Ink'] },
    ],
  }),
  product({
    id: 'p11',
    title: 'Oak serving board',
    description: 'Solid European oak, oiled, with a leather hanging loop. 45 × 20 cm.',
    price: '49.00',
  }),
  product({
    id: 'p12',
    title: 'Linen cushion cover',
    description: 'Stonewashed linen, 50 × 50 cm, hidden zip. Insert not included.',
    price: '39.00',
    options: [{ name: 'Color', values: ['Natural', 'Clay', 'Sage'] }],
  }),
];

/** Units in stock per variant id: plenty by default, a few exceptions that make the demo real. */
export function initialStock(list = products) {
  const stock = {};
  for (const p of list) {
    const ids = p.variants.length ? p.variants.map((v) => v.id) : [p.id];
    for (const id of ids) stock[id] = 25;
  }
  if ('p6' in stock) stock.p6 = 3; // low stock: the candle
  if ('p7' in stock) stock.p7 = 0; // sold out: the tote
  if ('p2-4' in stock) stock['p2-4'] = 0; // the cardigan is sold out in XL
  if ('p2-1' in stock) stock['p2-1'] = 2; // ...and nearly gone in S
  return stock;
}

/** Which products each show presents, in running order. */
export const lineups = {
  live: ['p1', 'p2', 'p5', 'p6', 'p8', 'p4', 'p10', 'p12', 'p3', 'p9', 'p11', 'p7'],
  replay: ['p2', 'p1', 'p8', 'p5', 'p12', 'p4', 'p6', 'p11'],
  scheduled: ['p3', 'p12', 'p10', 'p4', 'p9', 'p11'],
};

/** Products whose price drops in the live flash sales, in turn. */
export const flashSaleOrder = ['p2', 'p8', 'p12', 'p4', 'p3', 'p11', 'p9'];
