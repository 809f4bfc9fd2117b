import type { Env } from '../adapter.js';
import { blankToUndefined } from '../config.js';
import { ConfigError } from '../config-error.js';
import { storeUrlScheme } from '../store/store-url.js';

/** Validated Discord settings. The adapter receives these and never reads the environment. */
export interface DiscordConfig {
  /** Bot token (Developer Portal → Bot → Reset Token). */
  readonly token: string;
  /** Application id (Developer Portal → General Information). */
  readonly applicationId: string;
  /** Register commands in this guild only: instant, for development. */
  readonly guildId?: string;
  /**
   * REST base URL including `/api` but no version, for a shared rate-limit proxy or a simulator.
   * The gateway URL then comes from that API's `GET /gateway/bot`.
   */
  readonly apiUrl?: string;
  /**
   * `DISCORD_SHARDS`: run the bot as this many shard processes (or Discord's recommended number),
   * under a sharding manager. Unset: one process, one connection.
   */
  readonly shards?: number | 'auto';
  /** Set in a shard process only: the shards this process serves, out of how many in all. */
  readonly shard?: ShardAssignment;
}

export interface ShardAssignment {
  readonly ids: readonly number[];
  readonly count: number;
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Every variable this reader looks at; any one set means "Discord is wanted". */
export const DISCORD_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'DISCORD_SHARDS',
] as const;

/**
 * What discord.js's ShardingManager sets in each shard process's environment (`SHARDS` is a JSON
 * number or array of ids). Together they mean "this process is a shard".
 */
export const SHARD_PROCESS_VARIABLES = ['SHARDING_MANAGER', 'SHARDS', 'SHARD_COUNT'] as const;

/**
 * Reads the Discord settings. Undefined when none is set (Discord is not wanted); a `ConfigError`
 * naming the variable when the set is incomplete or a value cannot be right.
 */
export function readDiscordConfig(env: Env): DiscordConfig | undefined {
  const values = Object.fromEntries(
    DISCORD_VARIABLES.map((name) => [name, blankToUndefined(env[name])]),
  ) as Record<(typeof DISCORD_VARIABLES)[number], string | undefined>;
  if (Object.values(values).every((value) => value === undefined)) return undefined;

  const token = values.DISCORD_TOKEN;
  if (token === undefined) {
    throw new ConfigError(
      'DISCORD_TOKEN',
      'is not set: copy the bot token from the Developer Portal (your application → Bot → Reset Token)',
    );
  }
  if (/\s/.test(token)) {
    throw new ConfigError(
      'DISCORD_TOKEN',
      'must be the bare token, without spaces or a "Bot " prefix',
    );
  }
  const applicationId = values.DISCORD_APPLICATION_ID;
  if (applicationId === undefined) {
    throw new ConfigError(
      'DISCORD_APPLICATION_ID',
      'is not set: copy the Application ID from the Developer Portal (General Information)',
    );
  }
  requireSnowflake('DISCORD_APPLICATION_ID', applicationId);
  const guildId = values.DISCORD_GUILD_ID;
  if (guildId !== undefined) requireSnowflake('DISCORD_GUILD_ID', guildId);
  const apiUrl = values.DISCORD_API_URL;
  if (apiUrl !== undefined) requireHttpUrl('DISCORD_API_URL', apiUrl);
  const shards = readShards(values.DISCORD_SHARDS, blankToUndefined(env['STORE_URL']));
  const shard = readShardAssignment(env);

  return {
    token,
    applicationId,
    ...(guildId === undefined ? {} : { guildId }),
    ...(apiUrl === undefined ? {} : { apiUrl: apiUrl.replace(/\/+$/, '') }),
    ...(shards === undefined ? {} : { shards }),
    ...(shard === undefined ? {} : { shard }),
  };
}

/** `DISCORD_SHARDS`: a whole number from 1, or `auto`; the shards must share one store. */
function readShards(
  raw: string | undefined,
  storeUrl: string | undefined,
): number | 'auto' | undefined {
  if (raw === undefined) return undefined;
  const shards = raw.toLowerCase() === 'auto' ? 'auto' : Number(raw);
  if (shards !== 'auto' && (!/^\d+$/.test(raw) || shards < 1 || !Number.isSafeInteger(shards))) {
    throw new ConfigError(
      'DISCORD_SHARDS',
      `must be a whole number of shards from 1, or auto for Discord's recommendation (got "${raw}")`,
    );
  }
  // Each shard is its own process: a memory store would give each its own memory, so a
  // conversation's state would depend on which process holds it.
  if (storeUrl !== undefined && storeUrlScheme(storeUrl) === 'memory') {
    throw new ConfigError(
      'STORE_URL',
      'is memory://, which each shard process keeps to itself, but DISCORD_SHARDS runs several: set STORE_URL=redis://HOST:PORT so every shard shares one store (or unset STORE_URL for the SQLite file)',
    );
  }
  return shards;
}

/** The shards discord.js's ShardingManager gave this process, or undefined outside a shard process. */
function readShardAssignment(env: Env): ShardAssignment | undefined {
  const [manager, rawIds, rawCount] = SHARD_PROCESS_VARIABLES.map((name) =>
    blankToUndefined(env[name]),
  );
  if (manager === undefined || rawIds === undefined || rawCount === undefined) return undefined;
  const count = Number(rawCount);
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawIds);
  } catch {
    parsed = undefined;
  }
  const ids = typeof parsed === 'number' ? [parsed] : parsed;
  const valid =
    Number.isInteger(count) &&
    count >= 1 &&
    Array.isArray(ids) &&
    ids.length > 0 &&
    ids.every((id) => Number.isInteger(id) && id >= 0 && id < count);
  if (!valid) {
    throw new ConfigError(
      'SHARDS',
      `and SHARD_COUNT, set by the sharding manager, do not describe shards (got "${rawIds}" of "${rawCount}"): start the bot with npm start and DISCORD_SHARDS instead of running the shard file yourself`,
    );
  }
  return { ids: ids as number[], count };
}

function requireSnowflake(variable: string, value: string): void {
  if (!SNOWFLAKE.test(value)) {
    throw new ConfigError(
      variable,
      `must be a Discord id of 17 to 20 digits (got "${value}"); enable Developer Mode in Discord and use Copy ID`,
    );
  }
}

function requireHttpUrl(variable: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigError(
      variable,
      `must be a URL such as https://discord.com/api (got "${value}")`,
      {
        cause: error,
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      variable,
      `must be an http(s) URL such as https://discord.com/api (got "${value}")`,
    );
  }
  if (/\/v\d+\/?$/.test(url.pathname)) {
    throw new ConfigError(
      variable,
      `must not include the API version: use ${value.replace(/\/v\d+\/?$/, '')}`,
    );
  }
}
