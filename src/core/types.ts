/**
 * The data model of docs/ (show document, cart protocol, live events, adapters). Every value of these types that
 * came from a backend has passed through the parsers in `parse.ts`, so code that
 * receives one may trust its shape.
 */

/** An amount of money: a decimal string (never a float) and an ISO 4217 code. */
export interface Money {
  /** Decimal string such as `"29.00"`, `"1500"` (JPY) or `"2.125"` (KWD). */
  amount: string;
  /** ISO 4217 currency code, upper case, such as `"EUR"`. */
  currencyCode: string;
}

/** One option axis of a product, such as `{ name: 'Size', values: ['S', 'M'] }`. */
export interface ProductOption {
  name: string;
  values: string[];
}

/** A purchasable variant of a product. */
export interface Variant {
  id: string;
  title: string;
  /** The option values that select this variant, keyed by option name. */
  options: Record<string, string>;
  price: Money;
  compareAtPrice?: Money;
  available: boolean;
  /** Units left, when the backend says. */
  inventory?: number;
  image?: string;
}

/** A product as the show lists it. */
export interface Product {
  id: string;
  title: string;
  /** The product page on the merchant's site (`http:` or `https:` only). */
  url?: string;
  image?: string;
  /** Plain text, never HTML. */
  description?: string;
  price: Money;
  compareAtPrice?: Money;
  available: boolean;
  inventory?: number;
  options: ProductOption[];
  /**
   * Never empty: a product without variants in the show document gets one implicit
   * variant whose id is the product id.
   */
  variants: Variant[];
}

export type ShowStatus = 'scheduled' | 'live' | 'ended';

/** A video source, such as an HLS playlist. */
export interface StreamSource {
  src: string;
  /** MIME type, such as `application/x-mpegURL`. */
  type?: string;
}

/** When a product was shown in a replay, in media seconds. */
export interface Chapter {
  productId: string;
  start: number;
}

export interface Host {
  name: string;
  avatar?: string;
}

/** A show document (docs/show-document.md). */
export interface Show {
  id: string;
  title: string;
  status: ShowStatus;
  /** ISO 8601 date-time the show starts, when scheduled. */
  startsAt?: string;
  poster?: string;
  host?: Host;
  stream?: StreamSource;
  /** URL of the Server-Sent Events stream of live events. */
  events?: string;
  products: Product[];
  /**
   * Every product id the document lists, in order, when some are references only (a bare id
   * or `{ "id" }`) for a `CatalogAdapter` to hydrate. Absent when `products` is complete.
   */
  productIds?: string[];
  chapters: Chapter[];
  /** Aspect ratio of the video, `16:9` unless the show says `9:16`. */
  aspectRatio?: '16:9' | '9:16';
  /**
   * Base URL of the REST interaction protocol (chat, reactions, votes), when the show has one;
   * without it the show is watch-only (chat events, if any, are shown read-only).
   */
  interactions?: string;
}

/** One line of a cart (docs/cart-protocol.md). */
export interface CartLine {
  id: string;
  productId: string;
  variantId: string;
  title: string;
  variantTitle?: string;
  image?: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
}

/** A cart (docs/cart-protocol.md). */
export interface Cart {
  id: string;
  lines: CartLine[];
  subtotal: Money;
  totalQuantity: number;
  checkoutUrl?: string;
  /**
   * Set (additive, v1) when the backend gave a `checkoutUrl` that is not `http:`/`https:`: the URL
   * is dropped from the model, and checkout reports `checkout/unsafe-url` (docs/cart-protocol.md)
   * unless another safe URL exists (the adapter's `checkout()`, the show's `checkout-url`).
   */
  checkoutUrlRefused?: true;
  /** Discount codes applied to the cart, each with the amount it takes off. */
  discounts?: CartDiscount[];
  /** The total after discounts, when the backend gives one. */
  total?: Money;
}

/** A discount code applied to a cart. */
export interface CartDiscount {
  code: string;
  amount: Money;
}

/** A live show event (docs/live-events.md), parsed. */
export type ShowEvent =
  | {
      type: 'highlight';
      productId: string;
      /** Program date-time of the moment, in epoch milliseconds, when known. */
      at?: number;
      /** Media time in seconds, when the event came in-band. */
      mediaTime?: number;
      /** A stable id (the DATERANGE ID or SSE event id) so a pin is shown once. */
      id?: string;
    }
  | { type: 'status'; status: ShowStatus }
  | { type: 'product'; product: Product }
  | { type: 'viewers'; count: number }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'chat-delete'; id?: string; authorId?: string }
  | { type: 'chat-pin'; message: ChatMessage | null }
  | { type: 'reactions'; counts: Record<string, number> }
  | { type: 'announcement'; announcement: Announcement }
  | { type: 'announcement-end'; id: string }
  | { type: 'poll'; poll: Poll }
  | { type: 'deal'; deal: Deal }
  | { type: 'deal-end'; id: string };

/** Who wrote a chat message. */
export interface ChatAuthor {
  id: string;
  name: string;
  role: 'host' | 'moderator' | 'viewer';
}

/** One chat message (plain text, at most 500 characters). */
export interface ChatMessage {
  id: string;
  author: ChatAuthor;
  text: string;
  /** When it was written, in epoch milliseconds. */
  at: number;
  /** In a replay: the media time in seconds at which the message appears. */
  offset?: number;
}

/** A host's announcement, optionally with a coupon code. */
export interface Announcement {
  id: string;
  text: string;
  code?: string;
  /** Epoch milliseconds (server clock) when it ends. */
  endsAt?: number;
  productId?: string;
}

export interface PollOption {
  id: string;
  text: string;
  votes: number;
}

/** A live poll; every update carries the whole poll. */
export interface Poll {
  id: string;
  question: string;
  options: PollOption[];
  /** Epoch milliseconds (server clock) when voting closes. */
  endsAt?: number;
  closed: boolean;
  /** In a replay: the media time in seconds at which the poll appears. */
  offset?: number;
  /** In a replay: the media time at which it goes (absent: it stays until the next poll). */
  endOffset?: number;
}

/** A flash deal on one product. */
export interface Deal {
  id: string;
  productId: string;
  price: Money;
  /** Epoch milliseconds (server clock) when the deal ends. */
  endsAt: number;
  /** Units a shopper may buy at the deal price. */
  limit?: number;
  /** Units left at the deal price (0: sold out). */
  remaining?: number;
}

/** What a listener of a stream adapter receives. */
export type ShowEventListener = (event: ShowEvent) => void;

/** What `addLine` asks for. */
export interface AddLineInput {
  productId: string;
  variantId: string;
  quantity: number;
  /**
   * A key that stays the same when the same add is retried, so the backend never
   * adds a line twice. The store creates one per shopper action.
   */
  idempotencyKey?: string;
}

/**
 * Loads a show and delivers its live events.
 *
 * @example
 * const stream: StreamAdapter = {
 *   async loadShow(signal) { return parseShow(await (await fetch(url, { signal })).json(), url).value! },
 *   subscribe(show, listener) { const es = new EventSource(show.events!); ...; return () => es.close() },
 * };
 */
export interface StreamAdapter {
  /**
   * Loads the show document. Rejects with a `VitrineError` (`show/unavailable`, `show/invalid`).
   * `onIssue`, when given, hears recoverable problems found while loading (a product that was
   * dropped because it is invalid), so the show reports them and keeps going.
   */
  loadShow(signal: AbortSignal, onIssue?: (error: Error) => void): Promise<Show>;
  /**
   * Starts delivering live events of `show` to `listener`; returns the function that stops.
   * `onError` receives recoverable problems (a dropped connection, a malformed event).
   */
  subscribe?(show: Show, listener: ShowEventListener, onError?: (error: Error) => void): () => void;
}

/** A cart backend. Every method rejects with a `VitrineError` (`cart/*`). */
export interface CartAdapter {
  /** The current cart, or `null` when the shopper has none yet. */
  getCart(signal: AbortSignal): Promise<Cart | null>;
  addLine(input: AddLineInput, signal: AbortSignal): Promise<Cart>;
  /** Sets a line's quantity; 0 removes it. */
  updateLine(lineId: string, quantity: number, signal: AbortSignal): Promise<Cart>;
  removeLine(lineId: string, signal: AbortSignal): Promise<Cart>;
  /** The host's own cart changed (a two-way cart); returns the function that stops. */
  subscribe?(listener: (cart: Cart | null) => void): () => void;
  /** The URL to hand checkout off to; when absent, the cart's `checkoutUrl` is used. */
  checkout?(signal: AbortSignal): Promise<string>;
  /** Applies a discount code; rejects with `cart/invalid-code` when it does not apply. */
  applyDiscount?(code: string, signal: AbortSignal): Promise<Cart>;
  /** Removes a discount code from the cart. */
  removeDiscount?(code: string, signal: AbortSignal): Promise<Cart>;
}

/** What the shopper sends to the chat. */
export interface ChatInput {
  text: string;
  name: string;
  /** Stays the same when the same message is retried, so it is posted once. */
  idempotencyKey?: string;
}

/**
 * The viewer's side of the show's interactions: chat, reactions, votes. What arrives live
 * (messages, deletions, totals, polls) comes through the `StreamAdapter`'s events.
 * Every method rejects with a `VitrineError` (`chat/*`, `poll/*`).
 */
export interface InteractionAdapter {
  /** Recent chat on joining, oldest first; for a replay the whole chat, each with `offset`. */
  history(signal: AbortSignal): Promise<ChatMessage[]>;
  sendMessage(input: ChatInput, signal: AbortSignal): Promise<ChatMessage>;
  /** Sends `count` taps of reaction `type` (the SDK batches taps). */
  react(type: string, count: number, signal: AbortSignal): Promise<void>;
  vote(pollId: string, optionId: string, signal: AbortSignal, idempotencyKey?: string): Promise<Poll>;
  report(messageId: string, reason: string, signal: AbortSignal): Promise<void>;
  /** A replay's polls with their final results, oldest first, each with `offset` (docs/moments.md). */
  polls?(signal: AbortSignal): Promise<Poll[]>;
  /** Live messages for adapters with their own channel (a WebSocket chat); returns the function that stops. */
  subscribe?(listener: ShowEventListener, onError?: (error: Error) => void): () => void;
}

/** Product data for shows that list products by id only (hydration). */
export interface CatalogAdapter {
  getProducts(ids: string[], signal: AbortSignal): Promise<Product[]>;
}
