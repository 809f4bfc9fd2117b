import type { Logger } from '../logger.js';
import type { StorePort } from './store-port.js';

/**
 * The core's view of its store. Every call degrades instead of failing: a store outage makes the
 * bot forget, never stop answering. Reads resolve `undefined`, writes resolve `false`.
 */
export interface StateStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Resolves true when the value was stored. */
  set(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /** The port's atomic set-if-absent; `undefined` when the store could not say (an outage). */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean | undefined>;
  /**
   * False from a failed operation until one succeeds: the one store health signal, read by
   * `/healthz` and the metrics. An idle bot keeps the last verdict until its next store call.
   */
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

/** Wraps a store port (SQLite, Redis, memory) so store errors are logged once and absorbed. */
export function createStateStore(
  port: StorePort,
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
  port.onError((error) => failed('event', error));

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
    get: <T>(key: string) => attempt<T | undefined>('get', () => port.get<T>(key), undefined),
    set: (key, value, ttlMs) =>
      attempt(
        'set',
        async () => {
          await port.set(key, value, ttlMs);
          return true;
        },
        false,
      ),
    setIfAbsent: (key, value, ttlMs) =>
      attempt<boolean | undefined>(
        'setIfAbsent',
        () => port.setIfAbsent(key, value, ttlMs),
        undefined,
      ),
    get healthy() {
      return healthy;
    },
  };
}
