import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DiscordAPIError, REST, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Logger } from '../../src/index.js';
import type { Adapter, Env } from '../adapter.js';
import { ConfigError } from '../config-error.js';
import type { DiscordConfig } from './discord-config.js';
import { DiscordError } from './discord-error.js';

export interface DiscordShardManagerOptions {
  /** The shard entry file (default: `shard-main.ts` beside this file). */
  readonly file?: string;
  /** Node flags for the shard processes (default `--import tsx`: the entry file is TypeScript). */
  readonly execArgv?: readonly string[];
  /** Pause between starting shards: Discord allows one IDENTIFY per 5 s (default 5.5 s). */
  readonly spawnDelayMs?: number;
  /** How long one shard may take to load the knowledge, log in and turn ready (default 60 s). */
  readonly readyTimeoutMs?: number;
  /** How long `stop()` lets a shard finish its replies before killing it (default 15 s). */
  readonly stopTimeoutMs?: number;
}

/** What a shard process sends its manager when it cannot start, so the manager can say why. */
export interface ShardStartFailure {
  readonly shardStartError: string;
}

export function isShardStartFailure(message: unknown): message is ShardStartFailure {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { shardStartError?: unknown }).shardStartError === 'string'
  );
}

const DEFAULT_FILE = fileURLToPath(new URL('./shard-main.ts', import.meta.url));

/**
 * Runs the Discord bot as several shard processes under discord.js's `ShardingManager`. Each
 * process runs the composition root with `env` plus the ids of its shards, serves only those, and
 * shares the store with the others; this process runs no Discord client itself.
 *
 * `env` is handed on whole because the shard processes build their own app from it; this adapter
 * reads nothing from it.
 */
export function createDiscordShardManager(
  config: DiscordConfig,
  deps: { env: Env; logger: Logger },
  options: DiscordShardManagerOptions = {},
): Adapter {
  const logger = deps.logger.child({ adapter: 'discord-shards' });
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  const startFailures = new Map<number, string>();
  let manager: ShardingManager | undefined;
  let spawning: Promise<unknown> | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;

  function watch(shard: Shard, count: number): void {
    // Replaces discord.js's copy of this process's environment: a shard sees what the app was given.
    shard.env = shardEnvironment(deps.env, config.token, shard.id, count);
    shard.on('message', (message: unknown) => {
      if (isShardStartFailure(message)) startFailures.set(shard.id, message.shardStartError);
    });
    shard.on('ready', () => logger.info({ shard: shard.id, of: count }, 'discord shard ready'));
    shard.on('death', (child) => {
      if (stopping) return;
      const exit = 'signalCode' in child ? { code: child.exitCode, signal: child.signalCode } : {};
      logger.error({ shard: shard.id, ...exit }, 'discord shard process exited');
    });
    // Emitted when a respawn fails; without a listener it would crash this process.
    shard.on('error', (error: unknown) =>
      logger.error({ err: error, shard: shard.id }, 'discord shard could not be respawned'),
    );
  }

  async function start(): Promise<void> {
    const count = config.shards === 'auto' ? await recommendedShards(config) : (config.shards ?? 1);
    // Note: the ShardingManager constructor marks this process's environment as a manager's.
    const created = new ShardingManager(options.file ?? DEFAULT_FILE, {
      totalShards: count,
      token: config.token,
      mode: 'process',
      // No respawn while starting: a shard that cannot start would crash-loop; start() fails instead.
      respawn: false,
      execArgv: [...(options.execArgv ?? ['--import', 'tsx'])],
    });
    manager = created;
    created.on('shardCreate', (shard) => watch(shard, count));
    logger.info({ shards: count }, 'starting discord shards');
    spawning = created.spawn({
      amount: count,
      delay: options.spawnDelayMs ?? 5_500,
      timeout: options.readyTimeoutMs ?? 60_000,
    });
    try {
      await spawning;
    } catch (error) {
      await shutdown();
      throw startError(error, startFailures);
    }
    if (stopping) throw new DiscordError('DISCORD_SHARD_FAILED', 'stopped while starting');
    created.respawn = true;
  }

  async function shutdown(): Promise<void> {
    stopping = true;
    if (manager === undefined) return;
    manager.respawn = false;
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
    // A stop during start: the shard being spawned died above, which ends the spawn loop.
    await spawning?.catch(() => {});
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
  }

  /** SIGTERM (the shard finishes its replies and exits), SIGKILL after the bound. */
  async function stopShard(shard: Shard): Promise<void> {
    const child = shard.process;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    shard.kill();
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }

  return {
    name: 'discord-shards',
    start,
    stop() {
      stopped ??= shutdown().then(() => logger.info('discord shards stopped'));
      return stopped;
    },
  };
}

/**
 * The environment of one shard process: the app's, plus the variables through which discord.js
 * tells a client it is a shard (read back by `readDiscordConfig`). With METRICS_PORT=P the manager
 * serves P and shard i serves P+1+i: processes cannot share a port, and each shard counts its own
 * questions.
 */
export function shardEnvironment(env: Env, token: string, id: number, count: number) {
  const defined = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const metricsPort = Number(env['METRICS_PORT']?.trim() || Number.NaN);
  return {
    ...Object.fromEntries(defined),
    ...(metricsPort > 0 && { METRICS_PORT: String(metricsPort + 1 + id) }),
    SHARDING_MANAGER: 'true',
    SHARDING_MANAGER_MODE: 'process',
    SHARDS: String(id),
    SHARD_COUNT: String(count),
    DISCORD_TOKEN: token,
  };
}

/** `DISCORD_SHARDS=auto`: Discord's recommendation, asked of the configured API (not discord.com). */
async function recommendedShards(config: DiscordConfig): Promise<number> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
    const shards = Number(gateway.shards);
    return Number.isInteger(shards) && shards >= 1 ? shards : 1;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new ConfigError(
        'DISCORD_TOKEN',
        'was rejected by Discord (401): reset the token on the Bot page of the Developer Portal and copy it again',
        { cause: error },
      );
    }
    const where = config.apiUrl ?? 'https://discord.com/api';
    throw new DiscordError(
      'DISCORD_SHARD_FAILED',
      `could not ask ${where} how many shards to run (${error instanceof Error ? error.message : String(error)}): check the network, or set DISCORD_SHARDS to a number`,
      { cause: error },
    );
  }
}

/** The reason a shard gave for not starting, when it sent one, else discord.js's. */
function startError(error: unknown, failures: ReadonlyMap<number, string>): Error {
  const [reported] = [...failures.entries()];
  if (reported !== undefined) {
    const [id, message] = reported;
    return new DiscordError(
      'DISCORD_SHARD_FAILED',
      `Discord shard ${id} could not start: ${message}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof ConfigError || error instanceof DiscordError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DiscordError(
    'DISCORD_SHARD_FAILED',
    `Discord shards could not start: ${reason} (the shard's own log above says why)`,
    { cause: error },
  );
}
