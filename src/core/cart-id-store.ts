/**
 * Where a cart adapter keeps its cart id: in memory always; in `sessionStorage` only while
 * persistence is on (the shopper consented, README.md, "Security and reliability"). One key per cart backend.
 */
export interface CartIdStore {
  get(): string | null;
  set(id: string | null): void;
  /** Turns `sessionStorage` on (the current id is written; a stored one is restored) or off (removed). */
  setPersist(persist: boolean): void;
}

export function createCartIdStore(key: string, options: { persist?: boolean; storage?: Storage } = {}): CartIdStore {
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
