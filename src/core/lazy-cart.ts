/**
 * The cart of a show session without its code in the first view (issue 19): the cart service
 * (cart-service.ts), the REST cart (with ky) and the in-memory cart are lazy chunks.
 *
 * - `lazyCartAdapter()` is a cart adapter at once (the session and `<vitrine-show>.cart` hand it
 *   out synchronously, as before) whose methods wait for the real adapter, built from its chunk on
 *   the first call. Only the chunk of the adapter in use is fetched: never the in-memory cart when
 *   a cart URL is given, never the REST cart (nor ky) without one.
 * - `LazyCartService` stands for the cart service: it holds the bus's cart requests from the start,
 *   loads the service when the page is idle (or at once for a request: a shopper's "Add to cart"
 *   waits for no idle time), then loads the cart (the header's count) and answers the requests
 *   held, in order.
 */
import { VitrineError, isAbortError } from './errors.js';
import type { CartService, CartServiceOptions } from './cart-service.js';
import { CART_REQUESTS, type CartRequest, type ShowStore, type StoreEvents } from './store.js';
import type { CartAdapter } from './types.js';

type AdapterMethod = Exclude<keyof CartAdapter, 'subscribe'>;

/**
 * A cart adapter whose methods are those of the adapter `create` resolves to, built on the first
 * call. `methods` lists the methods the real adapter has (an optional method it lacks must stay
 * absent: the cart service reads their presence); `commands` are methods that return nothing
 * (`setPersist`), applied in order once the adapter is there; `getters` read the built adapter
 * (`undefined` before).
 */
export function lazyCartAdapter<A extends CartAdapter>(
  create: () => Promise<A>,
  shape: { methods: readonly AdapterMethod[]; subscribe?: boolean; commands?: readonly string[]; getters?: readonly string[] },
): CartAdapter {
  let built: A | undefined;
  let loading: Promise<A> | undefined;
  const load = (): Promise<A> =>
    (loading ??= create().then(
      (adapter) => (built = adapter),
      (error: unknown) => {
        loading = undefined;
        throw VitrineError.from(error, 'cart/unavailable', true);
      },
    ));
  const proxy: Record<string, unknown> = {};
  for (const name of shape.methods) {
    proxy[name] = async (...args: unknown[]) => {
      const adapter = await load();
      return (adapter[name] as (...a: unknown[]) => unknown).apply(adapter, args);
    };
  }
  if (shape.subscribe) {
    proxy.subscribe = (listener: Parameters<NonNullable<CartAdapter['subscribe']>>[0]) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      load().then(
        (adapter) => {
          if (!stopped) stop = adapter.subscribe?.(listener);
        },
        () => undefined, // the calls that need the adapter report it
      );
      return () => {
        stopped = true;
        stop?.();
      };
    };
  }
  for (const name of shape.commands ?? []) {
    proxy[name] = (...args: unknown[]) => {
      const run = (adapter: A) => ((adapter as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!).apply(adapter, args);
      if (built) run(built);
      else load().then(run, () => undefined);
    };
  }
  for (const name of shape.getters ?? []) {
    Object.defineProperty(proxy, name, { enumerable: true, get: () => (built as Record<string, unknown> | undefined)?.[name] });
  }
  return proxy as unknown as CartAdapter;
}

/** Runs `fn` when the main thread is idle, at the latest after `timeout` ms; returns the cancel function. */
function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}

/** The cart service of one cart adapter, loaded when idle or with the first cart request. */
export class LazyCartService {
  /** Mutable, like the service's: the show updates them when its attributes change. */
  readonly options: CartServiceOptions;
  readonly #store: ShowStore;
  readonly #adapter: CartAdapter;
  #service: CartService | undefined;
  #held: [CartRequest, StoreEvents[CartRequest]][] = [];
  #stopHolding: (() => void) | undefined;
  #cancelIdle: (() => void) | undefined;
  #loading = false;
  #disposed = false;

  constructor(store: ShowStore, adapter: CartAdapter, options: CartServiceOptions = {}) {
    this.#store = store;
    this.#adapter = adapter;
    this.options = { ...options };
  }

  /** Holds the bus's cart requests until the service is there, and loads it when idle. */
  start(): void {
    const bus = this.#store.bus;
    const handlers = CART_REQUESTS.map(
      (type) =>
        [
          type,
          (request: StoreEvents[CartRequest]) => {
            this.#held.push([type, request]);
            this.#load();
          },
        ] as const,
    );
    for (const [type, handler] of handlers) bus.on(type, handler);
    this.#stopHolding = () => {
      for (const [type, handler] of handlers) bus.off(type, handler);
      this.#stopHolding = undefined;
    };
    this.#cancelIdle = whenIdle(() => this.#load());
  }

  #load(): void {
    if (this.#loading || this.#disposed) return;
    this.#loading = true;
    this.#cancelIdle?.();
    import('./cart-service.js').then(
      async ({ CartService }) => {
        if (this.#disposed) return;
        const service = new CartService(this.#store, this.#adapter, this.options);
        // The service reads its options where they are kept: the show's changes still reach it.
        Object.defineProperty(service, 'options', { value: this.options });
        this.#service = service;
        this.#stopHolding?.();
        service.connect();
        const held = this.#held;
        this.#held = [];
        // The cart first (a request answered before it loaded would be overwritten by it).
        if (held.length) await service.load();
        else void service.load();
        if (!this.#disposed) for (const [type, request] of held) service.serve(type, request);
      },
      (error: unknown) => {
        // Offline, or the CDN failed: the held requests fail (the adding state ends); the next request tries again.
        this.#loading = false;
        const held = this.#held;
        this.#held = [];
        if (isAbortError(error) || this.#disposed) return;
        const detail = VitrineError.from(error, 'cart/unavailable', true).toDetail();
        this.#store.bus.emit('error', detail);
        for (const [type, request] of held) {
          if (type === 'add-request') {
            const { product, variant, quantity } = request as StoreEvents['add-request'];
            this.#store.bus.emit('add-result', { product, variant, quantity, ok: false, error: detail });
          }
        }
      },
    );
  }

  /** Reads the cart again, once the service is there (before, its own first read is still to come). */
  reload(): void {
    if (!this.#disposed) void this.#service?.load();
  }

  /** Stops listening and aborts requests in flight. */
  dispose(): void {
    this.#disposed = true;
    this.#cancelIdle?.();
    this.#stopHolding?.();
    this.#service?.dispose();
  }
}
