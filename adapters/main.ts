import type { Env } from './adapter.js';
import { type RunningApp, startApp } from './app.js';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, readCoreConfig } from './config.js';
import { createSecretScrubber, secretValues } from './create-logger.js';
import { describeError } from './describe-error.js';
import { readEnv } from './read-env.js';

/**
 * `npm start`: reads the environment and `.env` (`readEnv`, as every entry point does), then hands
 * it to the composition root.
 *
 * SIGTERM or SIGINT stops taking new work, lets replies in flight finish, closes connections and
 * the store, and exits 0; past SHUTDOWN_TIMEOUT_MS it exits 1. A second signal exits 1 at once.
 */
async function main(env: Env): Promise<void> {
  const timeoutMs = readCoreConfig(env).shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  let app: RunningApp | undefined;
  let shuttingDown: Promise<void> | undefined;
  const starting = startApp({ env });

  const shutdown = (reason: string): Promise<void> => {
    shuttingDown ??= (async () => {
      // Referenced on purpose: were it unref'd, a stop() that never settles would let Node exit 0.
      setTimeout(() => {
        log(
          app,
          'error',
          { reason, timeoutMs },
          'shutdown timed out: exiting with replies unfinished',
        );
        process.exit(1);
      }, timeoutMs);
      const started = Date.now();
      log(app, 'info', { reason, timeoutMs }, 'shutting down: finishing replies in flight');
      let running: RunningApp;
      try {
        // A signal during start waits for the start to end (bounded by the timer above).
        running = app ?? (await starting);
      } catch {
        return; // main() reports the failed start.
      }
      try {
        await running.stop();
      } catch (error) {
        log(running, 'error', { err: error }, 'shutdown failed');
        process.exit(1);
      }
      log(running, 'info', { ms: Date.now() - started }, 'stopped');
      process.exit(0);
    })();
    return shuttingDown;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown !== undefined) {
      log(app, 'warn', { signal }, 'second signal: exiting now without finishing replies');
      process.exit(1);
    }
    void shutdown(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  app = await starting;
  await app.done;
  await shutdown('input ended');
}

type Level = 'info' | 'warn' | 'error';

/** Through the app's logger once it exists; before that, a line in the same JSON shape. */
function log(app: RunningApp | undefined, level: Level, context: object, message: string): void {
  if (app !== undefined) {
    app.logger[level](context, message);
    return;
  }
  const numeric = { info: 30, warn: 40, error: 50 }[level];
  const line = { level: numeric, time: Date.now(), service: 'kb-bot', ...context, msg: message };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

const env: Env = readEnv();
main(env).catch((error: unknown) => {
  // Configuration and knowledge errors already say how to fix them: print just that.
  const message = describeError(error);
  // The scrubber works on JSON text (as in log lines), so the message takes a round trip through it.
  const scrub = createSecretScrubber(secretValues(env));
  const shown = scrub ? (JSON.parse(scrub(JSON.stringify(message))) as string) : message;
  process.stderr.write(`Could not start the bot: ${shown}\n`);
  process.exit(1);
});
