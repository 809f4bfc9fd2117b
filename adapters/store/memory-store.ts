import type { StorePort } from '../../src/index.js';

/** What a memory store keeps per key: the JSON text, so reads never share objects with writers. */
export interface MemoryRecord {
  readonly json: string;
  readonly expires: number;
}

export interface MemoryStoreConfig {
  /** Stores opened on the same map share their data (`memory://NAME`); default: a private map. */
  readonly map?: Map<string, MemoryRecord>;
  /** Keys are prefixed with it, so stores with different namespaces on one map do not meet. */
  readonly namespace?: string;
}

/**
 * The store port in this process's memory, for tests, `npm run ask` and `memory://`. A plain map
 * rather than keyv: every call is synchronous underneath, so set-if-absent is a check and a set
 * with nothing in between, atomic without locks.
 */
export function createMemoryStore(config: MemoryStoreConfig = {}): StorePort {
  const map = config.map ?? new Map<string, MemoryRecord>();
  const prefix = config.namespace === undefined ? '' : `${config.namespace}:`;
  const live = (key: string): MemoryRecord | undefined => {
    const record = map.get(prefix + key);
    if (record === undefined || record.expires > Date.now()) return record;
    map.delete(prefix + key);
    return undefined;
  };
  const write = (key: string, value: unknown, ttlMs: number) => {
    map.set(prefix + key, { json: JSON.stringify(value), expires: Date.now() + ttlMs });
  };
  return {
    get: async <T>(key: string) => {
      const record = live(key);
      return record === undefined ? undefined : (JSON.parse(record.json) as T);
    },
    set: async (key, value, ttlMs) => write(key, value, ttlMs),
    delete: async (key) => live(key) !== undefined && map.delete(prefix + key),
    setIfAbsent: async (key, value, ttlMs) => {
      if (live(key) !== undefined) return false;
      write(key, value, ttlMs);
      return true;
    },
    onError: () => {},
    close: async () => {},
  };
}
