import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Keyv } from 'keyv';
import { ConfigError } from '../config-error.js';

export interface SqliteKeyvConfig {
  readonly path: string;
  readonly namespace: string;
  /** True when STORE_URL is unset and the path is the embedded default, so the message says so. */
  readonly isDefault: boolean;
}

/**
 * How long a query waits for another connection's lock. Long enough for a short transaction, and
 * below the state store's 500 ms bound on purpose: a waiting query holds one of libuv's four pool
 * threads (shared with file I/O and DNS), and with a 2 s wait a held lock queued enough of them to
 * stall the process for 9 s after the lock was released (test/contract/sqlite-store.test.ts).
 */
const BUSY_TIMEOUT_MS = 250;
const PROBE_KEY = 'store-probe';

/**
 * Opens (creating when needed) the SQLite file and proves it writable with a probe write, so a bad
 * path stops the bot at start with a message saying what to fix, instead of a bot that silently
 * forgets everything. Failures after the start degrade in the core's state store.
 */
export async function openSqliteKeyv(config: SqliteKeyvConfig): Promise<Keyv> {
  const { path } = config;
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw unwritable(config, error);
  }
  const { default: KeyvSqlite } = await import('@keyv/sqlite');
  const store = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: BUSY_TIMEOUT_MS });
  const keyv = new Keyv({ store, namespace: config.namespace, throwOnErrors: true });
  try {
    await keyv.set(PROBE_KEY, Date.now(), 60_000);
    await keyv.delete(PROBE_KEY);
  } catch (error) {
    await keyv.disconnect().catch(() => {});
    throw unwritable(config, error);
  }
  return keyv;
}

function unwritable({ path, isDefault }: SqliteKeyvConfig, cause: unknown): ConfigError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown } | undefined)?.code;
  const where = isDefault
    ? `is unset, so the bot keeps its memory in the SQLite file ${path}, which`
    : `names the SQLite file ${path}, which`;
  const fix =
    code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
      ? `exists but is not a SQLite database (${reason}). Move it away, or set STORE_URL=sqlite://PATH to another file`
      : `cannot be opened and written (${reason}). Make ${dirname(path)} a writable directory (and ${path}, if it exists, a writable file), or set STORE_URL=sqlite://PATH to a writable place`;
  return new ConfigError('STORE_URL', `${where} ${fix}, or use STORE_URL=redis://HOST:PORT`, {
    cause,
  });
}
