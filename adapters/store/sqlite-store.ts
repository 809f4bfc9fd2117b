import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Keyv } from 'keyv';
import type { StorePort } from '../../src/index.js';
import { ConfigError } from '../config-error.js';
import { createKeyvStore } from './keyv-store.js';

export interface SqliteStoreConfig {
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
/** @keyv/sqlite's table: one row per key, the value as keyv serialised it. */
const TABLE = 'keyv';

/**
 * One statement, so atomic whichever connection runs it: insert, or replace a row whose value has
 * expired (keyv leaves expired rows until they are read); `RETURNING` names the key when written.
 */
const INSERT_IF_ABSENT = `INSERT INTO ${TABLE} (key, value) VALUES (?, ?)
  ON CONFLICT(key) DO UPDATE SET value = excluded.value
  WHERE json_extract(${TABLE}.value, '$.expires') < ?
  RETURNING key`;

/**
 * Opens (creating when needed) the SQLite file and proves it writable with a probe write, so a bad
 * path stops the bot at start with a message saying what to fix, instead of a bot that silently
 * forgets everything. Failures after the start degrade in the core's state store.
 */
export async function openSqliteStore(config: SqliteStoreConfig): Promise<StorePort> {
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
  return createKeyvStore(keyv, async (key, serialized) => {
    // keyv prefixes keys with its namespace and a colon in this table.
    const rows = (await store.query(
      INSERT_IF_ABSENT,
      `${config.namespace}:${key}`,
      serialized,
      Date.now(),
    )) as unknown[];
    return rows.length === 1;
  });
}

function unwritable({ path, isDefault }: SqliteStoreConfig, cause: unknown): ConfigError {
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
