import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { createStore } from '../../adapters/store/create-store.js';
import { describeStoreContract } from './store-contract.js';

let directory: string | undefined;
let lock: KeyvSqlite | undefined;

describeStoreContract({
  name: 'SQLite (sqlite://PATH, temporary file)',
  async setup() {
    directory = await mkdtemp(join(tmpdir(), 'kb-bot-sqlite-contract-'));
    const url = `sqlite://${join(directory, 'contract.sqlite')}`;
    return {
      open: (namespace) => createStore(url, { namespace }),
      // Another connection holding an exclusive lock: reads and writes wait for it, then time out
      // in the state store, as they would behind a stuck writer or a backup tool.
      async break() {
        lock = new KeyvSqlite({ uri: url, busyTimeout: 2_000 });
        await lock.query('BEGIN EXCLUSIVE');
      },
      async repair() {
        const held = lock;
        lock = undefined;
        if (!held) return;
        await held.query('COMMIT');
        await held.disconnect();
      },
    };
  },
  async teardown() {
    await lock?.disconnect().catch(() => {});
    if (directory) await rm(directory, { recursive: true, force: true });
  },
});
