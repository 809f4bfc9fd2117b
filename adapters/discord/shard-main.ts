import { startApp } from '../app.js';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, readCoreConfig } from '../config.js';
import { describeError } from '../describe-error.js';
import type { ShardStartFailure } from './discord-shard-manager.js';

/**
 * One Discord shard process, started by the sharding manager (`npm start` with DISCORD_SHARDS).
 * An entry point like main.ts: it hands the environment the manager gave it to the composition
 * root, which sees the shard variables and starts only the Discord adapter, for these shards.
 *
 * SIGTERM (the manager stopping it), SIGINT (Ctrl+C reaches every process of the terminal) or the
 * manager going away: finish replies in flight and exit 0, or 1 past SHUTDOWN_TIMEOUT_MS. A second
 * signal exits 1 at once.
 */
async function main(): Promise<void> {
  if (process.send === undefined) {
    throw new Error(
      'this file is started by the sharding manager: run npm start with DISCORD_SHARDS set instead',
    );
  }
  const env = { ...process.env };
  const timeoutMs = readCoreConfig(env).shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const app = await startApp({ env });

  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) {
      if (reason !== 'manager gone') process.exit(1);
      return;
    }
    stopping = true;
    app.logger.info({ reason }, 'discord shard stopping');
    setTimeout(() => {
      app.logger.error({ timeoutMs }, 'shard shutdown timed out: exiting with replies unfinished');
      process.exit(1);
    }, timeoutMs);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shard shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // The IPC channel closes when the manager exits: no shard outlives it.
  process.on('disconnect', () => shutdown('manager gone'));
  // Discord closed this shard's gateway for good (4004…): exit 1, so the manager sees it fail.
  app.failed.catch((error: unknown) => {
    app.logger.error({ err: error }, 'discord shard failed for good: exiting');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  const message = describeError(error);
  process.stderr.write(`Could not start the Discord shard: ${message}\n`);
  const failure: ShardStartFailure = { shardStartError: message };
  // Tells the manager why, so its start fails with this reason; exit once the message is out.
  if (process.send) process.send(failure, () => process.exit(1));
  else process.exit(1);
});
