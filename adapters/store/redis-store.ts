import { Keyv } from 'keyv';
import type { Logger, StorePort } from '../../src/index.js';
import { ConfigError } from '../config-error.js';
import { createKeyvStore } from './keyv-store.js';
import { maskStoreUrl } from './store-url.js';

export interface RedisStoreConfig {
  /** `redis://[user:password@]HOST:PORT[/DB]` or `rediss://…` (TLS). */
  readonly url: string;
  readonly namespace: string;
  readonly logger?: Logger;
}

/**
 * How the client behaves while Redis is away. `as const satisfies` keeps the numbers checked and
 * visible in one place.
 */
export const redisClientDefaults = {
  /** Bound on one TCP connect attempt (a dropped SYN would otherwise wait for the OS, minutes). */
  connectTimeoutMs: 2_000,
  /** Reconnect backoff: 100 ms doubling to this cap, forever; the bot must outlive any outage. */
  maxReconnectDelayMs: 2_000,
  /** Keeps idle connections alive through servers and proxies that close them (a false outage). */
  pingIntervalMs: 30_000,
  /** How long shutdown waits for in-flight commands before dropping the connection. */
  closeTimeoutMs: 1_000,
} as const satisfies Record<string, number>;

/** Never gives up: a number is the delay before the next attempt. */
export function reconnectDelay(attempt: number): number {
  const backoff = Math.min(2 ** attempt * 100, redisClientDefaults.maxReconnectDelayMs);
  // Jitter spreads the reconnects of several bot instances after a Redis restart.
  return Math.round(backoff * (0.8 + Math.random() * 0.2));
}

/**
 * A Redis-backed keyv that never stops the bot: the connection is opened in the background and
 * re-opened forever, and while it is down every command fails at once (no offline queue) so the
 * core answers without memory instead of waiting, and stale writes are not replayed on reconnect.
 * Resolves after the first connection attempt ends either way, so an early question does not see
 * a Redis that is up but not connected yet as an outage.
 */
export async function openRedisStore(config: RedisStoreConfig): Promise<StorePort> {
  const url = parseRedisUrl(config.url);
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  const client = createClient({
    url: url.href,
    disableOfflineQueue: true,
    pingInterval: redisClientDefaults.pingIntervalMs,
    socket: {
      connectTimeout: redisClientDefaults.connectTimeoutMs,
      reconnectStrategy: reconnectDelay,
    },
  });

  /** Bounds shutdown: a hung server would otherwise keep `close()` waiting for its replies. */
  class BoundedKeyvRedis extends KeyvRedis<unknown> {
    override async disconnect(force?: boolean): Promise<void> {
      if (force === true || !client.isOpen) return super.disconnect(force);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), redisClientDefaults.closeTimeoutMs);
      });
      const outcome = await Promise.race([client.close(), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout' && client.isOpen) client.destroy();
    }
  }

  // The client is opened below, before any keyv call, so the adapter never runs its own
  // connect-with-timeout path, which destroys the client and stops reconnecting. Its own errors are
  // rethrown so keyv reports a failed write as a failure rather than resolving true.
  const store = new BoundedKeyvRedis(client, { throwOnConnectError: false, throwOnErrors: true });
  const keyv = new Keyv({
    store,
    namespace: config.namespace,
    useKeyPrefix: false,
    throwOnErrors: true,
  });

  const firstAttempt = new Promise<unknown>((resolve) => {
    const settle = (error?: unknown) => {
      client.off('ready', settle);
      client.off('error', settle);
      resolve(error);
    };
    client.on('ready', settle);
    client.on('error', settle);
  });
  // With a strategy that never gives up, connect() settles only when connected or closed.
  client.connect().catch(() => {});
  const error = await firstAttempt;
  if (error !== undefined) {
    // The first failure says why (refused, timeout, wrong password); later ones only "offline".
    config.logger?.warn(
      { err: error, store: maskStoreUrl(config.url) },
      'Redis unreachable at start: answering without conversation memory, reconnecting in the background',
    );
  }
  return createKeyvStore(keyv, async (key, serialized, ttlMs) => {
    // The key keyv's Redis adapter would use, so `get` reads a claimed key like any other.
    const set = client.set(store.createKeyPrefix(key, config.namespace), serialized, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return (await set) === 'OK';
  });
}

/** Checks the URL here, so neither a parse error nor its `input` field can carry the password. */
function parseRedisUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'STORE_URL',
      `is not a valid Redis URL (got "${maskStoreUrl(raw)}"): use redis://HOST:PORT, redis://:PASSWORD@HOST:PORT or rediss://… for TLS, with special characters in the password percent-encoded`,
    );
  }
  if (url.hostname === '') {
    throw new ConfigError(
      'STORE_URL',
      `names no Redis host (got "${maskStoreUrl(raw)}"): use redis://HOST:PORT, for example redis://127.0.0.1:6379`,
    );
  }
  return url;
}
