/** The slice of the Web Storage API the respondent code needs; tests pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store that lives as long as the page: the fallback when Web Storage is unavailable. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/**
 * Web Storage that never throws. Merely reading `window.sessionStorage` throws in sandboxed
 * iframes and with cookies blocked, and setItem throws when the quota is full (old Safari private
 * mode): a survey must still work then, it only loses persistence across reloads.
 */
export function safeStorage(open: () => Storage): KeyValueStore {
  let store: KeyValueStore;
  try {
    store = open();
    store.setItem('tp:probe', '1');
    store.removeItem('tp:probe');
  } catch {
    return memoryStore();
  }
  const fallback = memoryStore();
  return {
    getItem: (k) => {
      try { return store.getItem(k) ?? fallback.getItem(k); } catch { return fallback.getItem(k); }
    },
    setItem: (k, v) => {
      try { store.setItem(k, v); } catch { fallback.setItem(k, v); }
    },
    removeItem: (k) => {
      fallback.removeItem(k);
      try { store.removeItem(k); } catch { /* nothing stored there */ }
    },
  };
}
