import type { Env } from '../adapter.js';
import { blankToUndefined } from '../config.js';
import { ConfigError } from '../config-error.js';

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
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Every variable this reader looks at; any one set means "Discord is wanted". */
export const DISCORD_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
] as const;

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

  return {
    token,
    applicationId,
    ...(guildId === undefined ? {} : { guildId }),
    ...(apiUrl === undefined ? {} : { apiUrl: apiUrl.replace(/\/+$/, '') }),
  };
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
