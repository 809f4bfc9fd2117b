import type { Logger, StorePort } from '../../src/index.js';
import { ConfigError } from '../config-error.js';
import { createMemoryStore, type MemoryRecord } from './memory-store.js';
import { maskStoreUrl, storeUrlScheme } from './store-url.js';

/** The embedded default: one SQLite file, created on first start. */
export const DEFAULT_SQLITE_PATH = 'data/bot.sqlite';
/** Keys are prefixed with it, so the bot can share a Redis or SQLite file with other programs. */
export const STORE_NAMESPACE = 'kb-bot';

export interface CreateStoreOptions {
  /** Stores with the same namespace on the same backend share their data; tests isolate with it. */
  readonly namespace?: string;
  /** Told when Redis cannot be reached at start (the bot starts anyway, without memory). */
  readonly logger?: Logger;
}

/** Maps shared by name within this process, for `memory://NAME`. */
const namedMemoryStores = new Map<string, Map<string, MemoryRecord>>();

/**
 * Opens the store a `STORE_URL` names: unset = SQLite file `data/bot.sqlite`, `sqlite://PATH`,
 * `redis://HOST:PORT` (several instances share it), `memory://` (tests: private to this store) or
 * `memory://NAME` (shared by every store of this process opened with that name).
 *
 * SQLite is checked at start (a file that cannot be written is a `ConfigError` saying how to fix
 * it). Redis is not: a Redis that is down at start or later makes the bot answer without memory
 * until it returns. Backends are imported on demand so the console does not load drivers it skips.
 */
export async function createStore(
  url: string | undefined,
  options: CreateStoreOptions = {},
): Promise<StorePort> {
  const namespace = options.namespace ?? STORE_NAMESPACE;
  const target = url ?? `sqlite://${DEFAULT_SQLITE_PATH}`;
  switch (storeUrlScheme(target)) {
    case 'memory': {
      const name = target.slice('memory://'.length);
      if (name === '') return createMemoryStore({ namespace });
      let shared = namedMemoryStores.get(name);
      if (shared === undefined) {
        shared = new Map();
        namedMemoryStores.set(name, shared);
      }
      return createMemoryStore({ map: shared, namespace });
    }
    case 'sqlite': {
      const path = target.slice('sqlite://'.length);
      if (path === '') {
        throw new ConfigError(
          'STORE_URL',
          'needs a file path after sqlite:// (for example sqlite://data/bot.sqlite)',
        );
      }
      const { openSqliteStore } = await import('./sqlite-store.js');
      return openSqliteStore({ path, namespace, isDefault: url === undefined });
    }
    case 'redis':
    case 'rediss': {
      const { openRedisStore } = await import('./redis-store.js');
      return openRedisStore({
        url: target,
        namespace,
        ...(options.logger && { logger: options.logger }),
      });
    }
    default:
      throw new ConfigError(
        'STORE_URL',
        `must start with sqlite://, redis://, rediss:// or memory:// (got "${maskStoreUrl(target)}")`,
      );
  }
}
