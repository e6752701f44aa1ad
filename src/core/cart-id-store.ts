/**
 * Where a cart adapter keeps its cart id: in memory always; in `sessionStorage` only while
 * persistence is on (the shopper consented; README, "Security and reliability"). One key per
 * cart backend and scope.
 *
 * Twin shows (two shows on a page with the same cart URL) keep their own carts: each passes its
 * own `scope` (`<vitrine-show>` passes its `src`), so each restores its own cart id after a
 * reload, and turning persistence off for one (`consent="denied"`) removes only its own key.
 */
export interface CartIdStore {
  get(): string | null;
  set(id: string | null): void;
  /** Turns `sessionStorage` on (the current id is written; a stored one is restored) or off (removed). */
  setPersist(persist: boolean): void;
}

export interface CartIdStoreOptions {
  persist?: boolean;
  storage?: Storage;
  /** What the cart belongs to (for instance the show's URL): one stored id per scope. */
  scope?: string;
}

export function createCartIdStore(baseKey: string, options: CartIdStoreOptions = {}): CartIdStore {
  const key = options.scope ? `${baseKey} ${options.scope.slice(0, 2_048)}` : baseKey;
  let persist = options.persist ?? false;
  const storage = (): Storage | undefined => {
    try {
      return options.storage ?? globalThis.sessionStorage;
    } catch {
      return undefined; // A sandboxed frame throws on access: the id stays in memory.
    }
  };
  const read = (): string | null => {
    try {
      const value = storage()?.getItem(key);
      return value && value.length <= 512 ? value : null;
    } catch {
      return null;
    }
  };
  const write = (id: string | null): void => {
    try {
      if (id) storage()?.setItem(key, id);
      else storage()?.removeItem(key);
    } catch {
      // Full or refused: memory only.
    }
  };
  let id: string | null = persist ? read() : null;
  return {
    get: () => id,
    set(next) {
      if (next === id) return;
      id = next;
      if (persist) write(id);
    },
    setPersist(on) {
      persist = on;
      if (!on) write(null);
      else if (id) write(id);
      else id = read();
    },
  };
}
