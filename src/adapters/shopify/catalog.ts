/**
 * A `CatalogAdapter` over the Shopify Storefront API: products by id through `nodes(ids:)`,
 * mapped to Vitrine's `Product` (Shopify's "Default Title" single variant becomes a product
 * without options) and validated by `parseProduct`.
 */
import { VitrineError } from '../../core/errors.js';
import { parseProduct } from '../../core/parse.js';
import type { CatalogAdapter, Product } from '../../core/types.js';
import { createClient, gid, type ShopifyOptions } from './client.js';
import { PRODUCTS_QUERY } from './documents.js';

export interface ShopifyCatalogOptions extends ShopifyOptions {
  /**
   * Ask for `quantityAvailable` ("only 3 left"); the token needs the
   * `unauthenticated_read_product_inventory` scope.
   * @default false
   */
  inventory?: boolean;
  /** Hears products that were dropped as invalid (the others are kept). */
  onIssue?: (error: VitrineError) => void;
}

interface ShopifyMoney {
  amount: string;
  currencyCode: string;
}
interface ShopifyProduct {
  id: string;
  title: string;
  handle: string;
  onlineStoreUrl: string | null;
  description: string;
  availableForSale: boolean;
  featuredImage: { url: string } | null;
  options: { name: string; optionValues: { name: string }[] }[];
  priceRange: { minVariantPrice: ShopifyMoney };
  compareAtPriceRange: { minVariantPrice: ShopifyMoney };
  variants: {
    nodes: {
      id: string;
      title: string;
      availableForSale: boolean;
      quantityAvailable?: number | null;
      selectedOptions: { name: string; value: string }[];
      price: ShopifyMoney;
      compareAtPrice: ShopifyMoney | null;
      image: { url: string } | null;
    }[];
  };
}

const isDefault = (p: ShopifyProduct) =>
  p.variants.nodes.length === 1 && p.variants.nodes[0]!.title === 'Default Title';

const positive = (m: ShopifyMoney | null | undefined) => (m && Number(m.amount) > 0 ? m : undefined);

/** Maps a Storefront `Product` to the shape of docs/show-document.md (then parsed like any other). */
export function fromShopifyProduct(p: ShopifyProduct, id: string = p.id): unknown {
  const single = isDefault(p);
  const variants = p.variants.nodes;
  const inventory = variants.every((v) => typeof v.quantityAvailable === 'number')
    ? variants.reduce((n, v) => n + Math.max(0, v.quantityAvailable ?? 0), 0)
    : undefined;
  return {
    id,
    title: p.title,
    url: p.onlineStoreUrl ?? undefined,
    image: p.featuredImage?.url,
    description: p.description || undefined,
    price: p.priceRange.minVariantPrice,
    compareAtPrice: positive(p.compareAtPriceRange.minVariantPrice),
    available: p.availableForSale,
    inventory,
    options: single ? [] : p.options.map((o) => ({ name: o.name, values: o.optionValues.map((v) => v.name) })),
    variants: single
      ? [
          {
            id: variants[0]!.id,
            title: p.title,
            options: {},
            price: variants[0]!.price,
            compareAtPrice: positive(variants[0]!.compareAtPrice),
            available: variants[0]!.availableForSale,
            inventory: variants[0]!.quantityAvailable ?? undefined,
          },
        ]
      : variants.map((v) => ({
          id: v.id,
          title: v.title,
          options: Object.fromEntries(v.selectedOptions.map((o) => [o.name, o.value])),
          price: v.price,
          compareAtPrice: positive(v.compareAtPrice),
          available: v.availableForSale,
          inventory: v.quantityAvailable ?? undefined,
          image: v.image?.url,
        })),
  };
}

/** Shopify answers at most 250 nodes per request. */
const PAGE = 250;

/**
 * @example
 * import { createShopifyCatalog } from 'vitrine/adapters/shopify';
 * document.querySelector('vitrine-show').catalog = createShopifyCatalog({
 *   domain: 'my-shop.myshopify.com',
 *   token: 'public-storefront-token',
 * });
 * // The show document may then list products by id only: "products": ["gid://shopify/Product/1", "2"]
 */
export function createShopifyCatalog(options: ShopifyCatalogOptions): CatalogAdapter {
  const client = createClient(options, 'show/unavailable');
  return {
    async getProducts(ids, signal) {
      const products: Product[] = [];
      for (let i = 0; i < ids.length; i += PAGE) {
        const page = ids.slice(i, i + PAGE);
        // Ask by global id; answer with the id the caller used (numeric or GID).
        const asked = new Map(page.map((id) => [gid('Product', id), id]));
        const data = await client.request<{ nodes: (ShopifyProduct | null)[] }>(
          'VitrineProducts',
          PRODUCTS_QUERY,
          { ids: [...asked.keys()], inventory: options.inventory ?? false },
          signal,
          true,
        );
        for (const node of data.nodes ?? []) {
          if (!node || typeof node !== 'object' || !node.id) continue; // unknown id: the show reports it
          const result = parseProduct(fromShopifyProduct(node, asked.get(node.id) ?? node.id));
          if (result.ok) products.push(result.value);
          else options.onIssue?.(result.error);
        }
      }
      return products;
    },
  };
}
