/**
 * The GraphQL documents the Shopify adapters send to the Storefront API. Plain strings with
 * no imports, so a Node test can validate them against Shopify's published schema
 * (`@shopify/hydrogen-react/storefront.schema.json`).
 */

const money = 'amount currencyCode';
/** A discount's amount, and its code when a code gave it. */
const codeAllocation = `discountedAmount { ${money} } ... on CartCodeDiscountAllocation { code }`;

export const CART_FRAGMENT = /* GraphQL */ `
  fragment VitrineCart on Cart {
    id
    checkoutUrl
    totalQuantity
    cost {
      subtotalAmount { ${money} }
      totalAmount { ${money} }
    }
    discountCodes { code applicable }
    discountAllocations { ${codeAllocation} }
    lines(first: 250) {
      nodes {
        id
        quantity
        cost {
          amountPerQuantity { ${money} }
          totalAmount { ${money} }
        }
        discountAllocations { ${codeAllocation} }
        merchandise {
          ... on ProductVariant {
            id
            title
            image { url }
            product { id title featuredImage { url } }
          }
        }
      }
    }
  }
`;

const payload = `
      cart { ...VitrineCart }
      userErrors { code field message }
      warnings { code message target }
`;

export const CART_QUERY = /* GraphQL */ `
  query VitrineCart($id: ID!, $country: CountryCode, $language: LanguageCode)
  @inContext(country: $country, language: $language) {
    cart(id: $id) { ...VitrineCart }
  }
  ${CART_FRAGMENT}
`;

export const CART_CREATE = /* GraphQL */ `
  mutation VitrineCartCreate($input: CartInput, $country: CountryCode, $language: LanguageCode)
  @inContext(country: $country, language: $language) {
    cartCreate(input: $input) {${payload}    }
  }
  ${CART_FRAGMENT}
`;

export const CART_LINES_ADD = /* GraphQL */ `
  mutation VitrineCartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!, $country: CountryCode, $language: LanguageCode)
  @inContext(country: $country, language: $language) {
    cartLinesAdd(cartId: $cartId, lines: $lines) {${payload}    }
  }
  ${CART_FRAGMENT}
`;

export const CART_LINES_UPDATE = /* GraphQL */ `
  mutation VitrineCartLinesUpdate(
    $cartId: ID!
    $lines: [CartLineUpdateInput!]!
    $country: CountryCode
    $language: LanguageCode
  ) @inContext(country: $country, language: $language) {
    cartLinesUpdate(cartId: $cartId, lines: $lines) {${payload}    }
  }
  ${CART_FRAGMENT}
`;

export const CART_LINES_REMOVE = /* GraphQL */ `
  mutation VitrineCartLinesRemove($cartId: ID!, $lineIds: [ID!]!, $country: CountryCode, $language: LanguageCode)
  @inContext(country: $country, language: $language) {
    cartLinesRemove(cartId: $cartId, lineIds: $lineIds) {${payload}    }
  }
  ${CART_FRAGMENT}
`;

/** Replaces the cart's discount codes (an empty list removes them all). */
export const CART_DISCOUNT_CODES_UPDATE = /* GraphQL */ `
  mutation VitrineCartDiscountCodesUpdate(
    $cartId: ID!
    $discountCodes: [String!]!
    $country: CountryCode
    $language: LanguageCode
  ) @inContext(country: $country, language: $language) {
    cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $discountCodes) {${payload}    }
  }
  ${CART_FRAGMENT}
`;

/** Products by id (hydration). `$inventory` asks for `quantityAvailable` (needs the inventory scope). */
export const PRODUCTS_QUERY = /* GraphQL */ `
  query VitrineProducts(
    $ids: [ID!]!
    $inventory: Boolean = false
    $country: CountryCode
    $language: LanguageCode
  ) @inContext(country: $country, language: $language) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        handle
        onlineStoreUrl
        description
        availableForSale
        featuredImage { url }
        options { name optionValues { name } }
        priceRange { minVariantPrice { ${money} } }
        compareAtPriceRange { minVariantPrice { ${money} } }
        variants(first: 250) {
          nodes {
            id
            title
            availableForSale
            quantityAvailable @include(if: $inventory)
            selectedOptions { name value }
            price { ${money} }
            compareAtPrice { ${money} }
            image { url }
          }
        }
      }
    }
  }
`;

/** Every document, by operation name. */
export const DOCUMENTS = {
  VitrineCart: CART_QUERY,
  VitrineCartCreate: CART_CREATE,
  VitrineCartLinesAdd: CART_LINES_ADD,
  VitrineCartLinesUpdate: CART_LINES_UPDATE,
  VitrineCartLinesRemove: CART_LINES_REMOVE,
  VitrineCartDiscountCodesUpdate: CART_DISCOUNT_CODES_UPDATE,
  VitrineProducts: PRODUCTS_QUERY,
} as const;
