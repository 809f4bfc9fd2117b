import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Keyv } from 'keyv';
import { ConfigError } from '../config-error.js';

/** The embedded default: one SQLite file, created on first start. */
export const DEFAULT_SQLITE_PATH = 'data/bot.sqlite';
const NAMESPACE = 'kb-bot';

/**
 * Opens the store a `STORE_URL` names: unset = SQLite under `data/`, `sqlite://PATH`,
 * `redis://HOST:PORT` (several instances share it), `memory://` (tests, one process).
 * Backends are imported on demand so the console and `ask` start without loading drivers they skip.
 */
export async function createKeyv(url: string | undefined): Promise<Keyv> {
  const target = url ?? `sqlite://${DEFAULT_SQLITE_PATH}`;
  const scheme = /^([a-z]+):\/\//.exec(target)?.[1];
  switch (scheme) {
    case 'memory':
      return new Keyv({ namespace: NAMESPACE });
    case 'sqlite': {
      const path = target.slice('sqlite://'.length);
      if (path === '')
        throw new ConfigError(
          'STORE_URL',
          'needs a file path after sqlite:// (for example sqlite://data/bot.sqlite)',
        );
      await mkdir(dirname(path), { recursive: true });
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      return new Keyv({
        store: new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 2_000 }),
        namespace: NAMESPACE,
      });
    }
    case 'redis':
    case 'rediss': {
      const { default: KeyvRedis } = await import('@keyv/redis');
      // Connect lazily and never throw on connect: a Redis outage at start degrades the bot (no memory)
      // instead of stopping it, and the client keeps reconnecting in the background.
      const store = new KeyvRedis(target, { throwOnConnectError: false, connectionTimeout: 2_000 });
      return new Keyv({ store, namespace: NAMESPACE, useKeyPrefix: false });
    }
    default:
      throw new ConfigError(
        'STORE_URL',
        `must start with sqlite://, redis://, rediss:// or memory:// (got "${target.replace(/\/\/.*@/, '//***@')}")`,
      );
  }
}
