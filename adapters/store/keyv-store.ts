import type { Keyv } from 'keyv';
import type { StorePort } from '../../src/index.js';

/**
 * Writes `serialized` under the backend's own name for `key` unless a live value is there;
 * true when written. Each backend does it in one atomic command.
 */
export type AtomicInsert = (key: string, serialized: string, ttlMs: number) => Promise<boolean>;

/**
 * The store port over a keyv instance (SQLite, Redis). get, set and delete are keyv's; the atomic
 * set-if-absent is the backend's, writing the value in keyv's own format (`{value, expires}`,
 * serialised by keyv) so `get` reads a claimed key like any other.
 */
export function createKeyvStore(keyv: Keyv, insertIfAbsent: AtomicInsert): StorePort {
  // By default keyv swallows a backend error and resolves as if the key were absent; make calls
  // reject so an outage is told apart from a miss.
  keyv.throwOnErrors = true;
  const listeners: ((error: unknown) => void)[] = [];
  // Errors raised outside a call (a Redis reconnect) arrive as events; an unheard 'error' event
  // would crash the process, so one listener is attached at once.
  keyv.on('error', (error: unknown) => {
    for (const listener of listeners) listener(error);
  });
  return {
    get: <T>(key: string) => keyv.get<T>(key),
    set: async (key, value, ttlMs) => {
      await keyv.set(key, value, ttlMs);
    },
    delete: (key) => keyv.delete(key),
    setIfAbsent: async (key, value, ttlMs) => {
      const serialized = await keyv.serialize?.({ value, expires: Date.now() + ttlMs });
      if (typeof serialized !== 'string') throw new Error('keyv did not serialise the value');
      return insertIfAbsent(key, serialized, ttlMs);
    },
    onError: (listener) => {
      listeners.push(listener);
    },
    close: () => keyv.disconnect(),
  };
}
