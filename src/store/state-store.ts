import type { Keyv } from 'keyv';
import type { Logger } from '../logger.js';

/**
 * The core's view of its key-value store. Every call degrades instead of failing: a store outage
 * makes the bot forget, never stop answering. Reads resolve `undefined`, writes resolve `false`.
 */
export interface StateStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Resolves true when the value was stored. */
  set(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** False while the last operation failed; for health checks and metrics. */
  readonly healthy: boolean;
}

export interface StateStoreConfig {
  /** How long one operation may take before it counts as an outage (a dead Redis can hang). */
  readonly timeoutMs?: number;
  /**
   * After an operation times out, how long every operation skips the store (fails at once). A hung
   * store would otherwise cost each question one timeout per store call, several in a row.
   */
  readonly skipAfterTimeoutMs?: number;
  /** Called on every failed operation, for metrics; logging stays once per outage. */
  readonly onError?: () => void;
}

/** Wraps a keyv instance (SQLite, Redis, memory) so store errors are logged once and absorbed. */
export function createStateStore(
  keyv: Keyv,
  logger: Logger,
  config: StateStoreConfig = {},
): StateStore {
  const timeoutMs = config.timeoutMs ?? 500;
  const skipAfterTimeoutMs = config.skipAfterTimeoutMs ?? 1_000;
  let healthy = true;
  let skipUntil = 0;

  const failed = (operation: string, error: unknown) => {
    config.onError?.();
    // Log the transition, not every failed call: an outage under load would flood the log.
    if (healthy) {
      logger.error(
        { err: error, operation },
        'store unavailable: answering without conversation memory until it returns',
      );
    }
    healthy = false;
  };
  const succeeded = () => {
    if (!healthy) logger.info('store available again: conversation memory resumed');
    healthy = true;
  };
  // By default keyv swallows a backend error and resolves as if the key were absent; make calls
  // reject so an outage is told apart from a miss. Errors raised outside a call (a Redis
  // reconnect) still arrive as events, and an unheard 'error' event would crash the process.
  keyv.throwOnErrors = true;
  keyv.on('error', (error: unknown) => failed('event', error));

  async function attempt<T>(operation: string, run: () => Promise<T>, fallback: T): Promise<T> {
    if (Date.now() < skipUntil) return fallback;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Error(`store ${operation} timed out after ${timeoutMs} ms`);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut), timeoutMs);
      timer.unref();
    });
    try {
      const value = await Promise.race([run(), timeout]);
      succeeded();
      return value;
    } catch (error) {
      if (error === timedOut) skipUntil = Date.now() + skipAfterTimeoutMs;
      failed(operation, error);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: <T>(key: string) => attempt<T | undefined>('get', () => keyv.get<T>(key), undefined),
    set: (key, value, ttlMs) => attempt('set', () => keyv.set(key, value, ttlMs), false),
    delete: async (key) => {
      await attempt('delete', () => keyv.delete(key), false);
    },
    get healthy() {
      return healthy;
    },
  };
}
