import { BotError } from '../../src/errors/bot-error.js';
import { startApp } from '../app.js';
import type { ShardStartFailure } from './discord-shard-manager.js';

/**
 * One Discord shard process, started by the sharding manager (`npm start` with DISCORD_SHARDS).
 * An entry point like main.ts: it hands the environment the manager gave it to the composition
 * root, which sees the shard variables and starts only the Discord adapter, for these shards.
 */
async function main(): Promise<void> {
  if (process.send === undefined) {
    throw new Error(
      'this file is started by the sharding manager: run npm start with DISCORD_SHARDS set instead',
    );
  }
  const app = await startApp({ env: { ...process.env } });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(0);
  };
  // SIGTERM is how the manager stops a shard; a lost IPC channel means the manager is gone.
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('disconnect', () => void shutdown());
}

main().catch((error: unknown) => {
  const message =
    error instanceof BotError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Could not start the Discord shard: ${message}\n`);
  const failure: ShardStartFailure = { shardStartError: message };
  // Tells the manager why, so its start fails with this reason; exit once the message is out.
  if (process.send) process.send(failure, () => process.exit(1));
  else process.exit(1);
});
