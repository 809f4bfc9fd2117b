import type { AddressInfo } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { Bot, Logger } from '../src/index.js';
import type { Adapter, Env } from './adapter.js';
import { assembleCore } from './assemble.js';
import { readCoreConfig } from './config.js';
import { createConsoleAdapter } from './console/console-adapter.js';
import { createLogger, secretValues } from './create-logger.js';
import { findLookalikes } from './known-variables.js';

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
  const platforms = await readPlatformConfigs(options.env);
  const logger =
    options.logger ??
    createLogger(config.logLevel ?? (platforms.factories.length > 0 ? 'info' : 'warn'), {
      secrets: secretValues(options.env),
    });

  const core = await assembleCore(config, {
    logger,
    // The sharding manager warned already; its shard processes share its environment.
    ...(!platforms.shard && { lookalikes: findLookalikes(options.env) }),
  });
  const { bot, ops } = core;

  const adapters: Adapter[] = platforms.factories.map((create) => create({ bot, logger }));
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
      await core.close();
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

interface PlatformAdapters {
  readonly factories: readonly AdapterFactory[];
  /** A shard process started by the sharding manager (which has checked the environment). */
  readonly shard: boolean;
}

/**
 * Reads every platform's settings (failing on an incomplete set, naming the variable) and imports
 * an adapter's SDK only when that platform is configured, so the console starts without them.
 */
async function readPlatformConfigs(env: Env): Promise<PlatformAdapters> {
  const factories: AdapterFactory[] = [];
  const { readDiscordConfig } = await import('./discord/discord-config.js');
  const { readSlackConfig } = await import('./slack/slack-config.js');
  const discord = readDiscordConfig(env);
  if (discord?.shard) {
    // A shard process started by the sharding manager serves its Discord shards and nothing else.
    const { createDiscordAdapter } = await import('./discord/index.js');
    return { factories: [(deps) => createDiscordAdapter(discord, deps)], shard: true };
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
  return { factories, shard: false };
}
