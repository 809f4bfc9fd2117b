import { existsSync } from 'node:fs';
import { BotError } from '../src/errors/bot-error.js';
import { startApp } from './app.js';

/**
 * `npm start`: reads `.env` when present, then hands the environment to the composition root.
 * This file and the CLI entry points are the only places that touch `process.env`.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const app = await startApp({ env: { ...process.env } });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal} received, shutting down\n`);
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.done;
  await app.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  // Configuration and knowledge errors already say how to fix them: print just that.
  const message =
    error instanceof BotError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Could not start the bot: ${message}\n`);
  process.exit(1);
});
