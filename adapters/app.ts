import type { AddressInfo } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { createBot } from '../src/bot.js';
import type { Bot } from '../src/bot-types.js';
import { createStateStore, type StorePort } from '../src/index.js';
import { createKnowledgeReloader } from '../src/knowledge/knowledge-reloader.js';
import type { Logger } from '../src/logger.js';
import type { Adapter, Env } from './adapter.js';
import { readCoreConfig } from './config.js';
import { createConsoleAdapter } from './console/console-adapter.js';
import { createLogger, secretValues } from './create-logger.js';
import { createOps } from './metrics/create-ops.js';
import { createStore } from './store/create-store.js';
import { createFileTrainingCache } from './store/file-training-cache.js';

export interface StartAppOptions {
  /** The environment (the process environment plus .env); nothing else reads it. */
  readonly env: Env;
  readonly logger?: Logger;
  /** Where the console chat reads and writes when no platform is configured. */
  readonly console?: {
    readonly input: Readable;
    readonly output: Writable;
    readonly interactive: boolean;
  };
}

export interface RunningApp {
  readonly bot: Bot;
  readonly adapters: readonly Adapter[];
  /** Resolves when the app has nothing left to do by itself (the console's input ended). */
  readonly done: Promise<void>;
  readonly logger: Logger;
  /** Where `/healthz` and `/metrics` listen; undefined when METRICS_PORT is unset. */
  opsAddress(): AddressInfo | undefined;
  /** Stops taking new work, finishes replies in flight, closes connections and the store. Once. */
  stop(): Promise<void>;
}

/**
 * The composition root: validates the environment once, loads and trains the knowledge, opens the
 * store, builds the core and starts every adapter whose credentials are set, or the console.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const config = readCoreConfig(options.env);
  const platformAdapters = await readPlatformConfigs(options.env);
  const logger =
    options.logger ??
    createLogger(config.logLevel ?? (platformAdapters.length > 0 ? 'info' : 'warn'), {
      secrets: secretValues(options.env),
    });

  // The store first: a bad STORE_URL should fail before seconds of training, not after.
  const port = await createStore(config.storeUrl, { logger });
  let knowledge: Awaited<ReturnType<typeof createKnowledgeReloader>>;
  try {
    // Watches the files: an edit is validated and retrained in the background, a broken one ignored.
    const dir = config.trainingCacheDir;
    // An unchanged file starts from its stored calibration instead of cross-validating again.
    const trainingCache = dir === undefined ? undefined : createFileTrainingCache({ dir, logger });
    knowledge = await createKnowledgeReloader(
      { path: config.knowledgePath, knowledgeBase: trainingCache ? { trainingCache } : {} },
      logger,
    );
  } catch (error) {
    await closeStore(port, logger);
    throw error;
  }
  const { knowledge: loaded, thresholds } = knowledge.current();
  logger.info(
    { files: loaded.files, entries: loaded.entries.length, thresholds },
    'knowledge loaded',
  );

  const ops = createOps(config.ops, {
    logger,
    knowledgeEntries: () => knowledge.current().knowledge.entries.length,
    storeHealthy: () => store.healthy,
  });
  const store = createStateStore(port, logger, {
    ...(ops.metrics && { onError: ops.metrics.storeError }),
  });
  const bot = createBot({
    knowledge: knowledge.current,
    store,
    logger,
    config: config.bot,
    ...(ops.metrics && { metrics: ops.metrics }),
  });

  const adapters: Adapter[] = platformAdapters.map((create) => create({ bot, logger }));
  let done: Promise<void> = new Promise(() => {});
  if (adapters.length === 0) {
    const io = options.console ?? {
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    };
    const consoleAdapter = createConsoleAdapter(io, { bot, logger });
    adapters.push(consoleAdapter);
    done = consoleAdapter.done;
  }

  const started: Adapter[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      ops.beginShutdown();
      await Promise.allSettled(started.map((adapter) => adapter.stop()));
      knowledge.stop();
      await bot.flush();
      await closeStore(port, logger);
      // Last, so /metrics can be scraped and /healthz says "stopping" while replies drain.
      await ops.stop();
    })();
    return stopped;
  };
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
      logger.info({ adapter: adapter.name }, 'adapter started');
    }
    await ops.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    bot,
    adapters,
    done,
    logger,
    opsAddress: () => ops.address(),
    stop,
  };
}

type AdapterFactory = (deps: { bot: Bot; logger: Logger }) => Adapter;

/**
 * Reads every platform's settings (failing on an incomplete set, naming the variable) and imports
 * an adapter's SDK only when that platform is configured, so the console starts without them.
 */
async function readPlatformConfigs(env: Env): Promise<AdapterFactory[]> {
  const factories: AdapterFactory[] = [];
  const { readDiscordConfig } = await import('./discord/discord-config.js');
  const { readSlackConfig } = await import('./slack/slack-config.js');
  const discord = readDiscordConfig(env);
  if (discord?.shard) {
    // A shard process started by the sharding manager serves its Discord shards and nothing else.
    const { createDiscordAdapter } = await import('./discord/index.js');
    return [(deps) => createDiscordAdapter(discord, deps)];
  }
  const slack = readSlackConfig(env);
  if (discord?.shards !== undefined) {
    const { createDiscordShardManager } = await import('./discord/index.js');
    factories.push((deps) => createDiscordShardManager(discord, { env, logger: deps.logger }));
  } else if (discord) {
    const { createDiscordAdapter } = await import('./discord/index.js');
    factories.push((deps) => createDiscordAdapter(discord, deps));
  }
  if (slack) {
    const { createSlackAdapter } = await import('./slack/index.js');
    factories.push((deps) => createSlackAdapter(slack, deps));
  }
  return factories;
}

async function closeStore(port: StorePort, logger: Logger): Promise<void> {
  try {
    await port.close();
  } catch (error) {
    logger.warn({ err: error }, 'store did not close cleanly');
  }
}
