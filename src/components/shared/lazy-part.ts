/**
 * Parts of an element that only an interaction needs (the cart's drawer, a product's detail) are
 * lazy chunks. `lazyModule()` imports one once per page, shared by every element; `LazyPart` is
 * the element's side: it prefetches the chunk when the page is idle, gives the module to `render()`
 * once it is there (with its styles adopted) and re-renders when it arrives, makes `updateComplete`
 * wait for it, and reports a failed fetch (offline) once instead of retrying on every render.
 */
import { adoptStyles, type CSSResultOrNative, type ReactiveController, type ReactiveElement } from 'lit';
import { whenIdle } from './idle.js';

export interface LazyModule<M> {
  /** The module, once imported. */
  readonly current: M | undefined;
  /** Imports it (once; a failed import is tried again at the next call). */
  load(): Promise<M>;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let current: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get current() {
      return current;
    },
    load() {
      loading ??= importer().then(
        (module) => (current = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

export interface LazyPartOptions<M> {
  /** The module's styles, adopted after the element's own when it first renders the part. */
  styles: (module: M) => CSSResultOrNative;
  /** A failed fetch: report it and leave the state that asked for the part (close the drawer…). */
  failed: (error: unknown) => void;
}

export class LazyPart<M> implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #lazy: LazyModule<M>;
  readonly #options: LazyPartOptions<M>;
  /** The import this element waits for, if any. */
  #waiting: Promise<unknown> | undefined;
  /** The import failed: not tried again until `retry()` or the element is connected again. */
  #failed = false;
  #styled = false;
  #cancelPrefetch: (() => void) | undefined;

  constructor(host: ReactiveElement, lazy: LazyModule<M>, options: LazyPartOptions<M>) {
    this.#host = host;
    this.#lazy = lazy;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#failed = false;
    // Fetched while the page is idle, so the first use does not wait for the network.
    if (!this.#lazy.current) this.#cancelPrefetch = whenIdle(() => void this.#lazy.load().catch(() => undefined), 3000);
  }

  hostDisconnected(): void {
    this.#cancelPrefetch?.();
  }

  /** True once the module is here. */
  get loaded(): boolean {
    return this.#lazy.current !== undefined;
  }

  /** After a failure: the next `get()` fetches again (the shopper asks for the part anew). */
  retry(): void {
    this.#failed = false;
  }

  /** For `render()`: the module with its styles adopted; else starts fetching it (the host re-renders when it arrives). */
  get(): M | undefined {
    const module = this.#lazy.current;
    if (module !== undefined) {
      const root = this.#host.shadowRoot;
      if (!this.#styled && root) {
        this.#styled = true;
        // Added after what the root has (the element's styles, and the video engine's in the player).
        const styles = this.#options.styles(module);
        const sheet = styles instanceof CSSStyleSheet ? styles : styles.styleSheet;
        if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        else adoptStyles(root, [styles]);
      }
      return module;
    }
    if (!this.#waiting && !this.#failed) {
      const waiting = this.#lazy
        .load()
        .catch((error: unknown) => {
          this.#failed = true;
          this.#options.failed(error);
        })
        .finally(() => {
          if (this.#waiting === waiting) this.#waiting = undefined;
          this.#host.requestUpdate();
        });
      this.#waiting = waiting;
    }
    return undefined;
  }

  /**
   * For the host's `getUpdateComplete()`: `done` (Lit's own), then, while the module is on its way,
   * its arrival and the render after it (`next`).
   */
  settle(done: Promise<boolean>, next: () => Promise<boolean>): Promise<boolean> {
    if (this.loaded) return done;
    return done.then(async (result) => {
      while (this.#waiting) {
        await this.#waiting;
        result = await next();
      }
      return result;
    });
  }
}
