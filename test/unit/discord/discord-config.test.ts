import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../adapters/config-error.js';
import { readDiscordConfig } from '../../../adapters/discord/discord-config.js';

const complete = {
  DISCORD_TOKEN: 'abc.def.ghi',
  DISCORD_APPLICATION_ID: '123456789012345678',
};

function failure(env: Record<string, string>): ConfigError {
  try {
    readDiscordConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readDiscordConfig', () => {
  it('is undefined when no Discord variable is set, blank ones included', () => {
    expect(readDiscordConfig({})).toBeUndefined();
    expect(readDiscordConfig({ DISCORD_TOKEN: '  ', OTHER: 'x' })).toBeUndefined();
  });

  it('reads a complete set, trimming a trailing slash off the API URL', () => {
    expect(
      readDiscordConfig({
        ...complete,
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://proxy.internal:8080/api/',
      }),
    ).toEqual({
      token: 'abc.def.ghi',
      applicationId: '123456789012345678',
      guildId: '223456789012345678',
      apiUrl: 'http://proxy.internal:8080/api',
    });
    expect(readDiscordConfig(complete)).toEqual({
      token: 'abc.def.ghi',
      applicationId: '123456789012345678',
    });
  });

  it('names the missing or invalid variable', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ DISCORD_GUILD_ID: '223456789012345678' }, 'DISCORD_TOKEN', /is not set/],
      [{ DISCORD_TOKEN: 'abc' }, 'DISCORD_APPLICATION_ID', /is not set/],
      [{ ...complete, DISCORD_TOKEN: 'Bot abc' }, 'DISCORD_TOKEN', /bare token/],
      [
        { ...complete, DISCORD_APPLICATION_ID: 'my-app' },
        'DISCORD_APPLICATION_ID',
        /17 to 20 digits/,
      ],
      [{ ...complete, DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID', /17 to 20 digits/],
      [{ ...complete, DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL', /must be a URL/],
      [{ ...complete, DISCORD_API_URL: 'ftp://x/api' }, 'DISCORD_API_URL', /http\(s\)/],
      [
        { ...complete, DISCORD_API_URL: 'https://discord.com/api/v10' },
        'DISCORD_API_URL',
        /version/,
      ],
    ];
    for (const [env, variable, problem] of cases) {
      const error = failure(env);
      expect(error.variable).toBe(variable);
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message.startsWith(variable)).toBe(true);
      expect(error.message).toMatch(problem);
    }
  });
});

describe('readDiscordConfig with DISCORD_SHARDS', () => {
  it('reads a number of shards or auto', () => {
    expect(readDiscordConfig({ ...complete, DISCORD_SHARDS: '2' })?.shards).toBe(2);
    expect(readDiscordConfig({ ...complete, DISCORD_SHARDS: 'AUTO' })?.shards).toBe('auto');
    expect(readDiscordConfig(complete)?.shards).toBeUndefined();
  });

  it.each(['0', '2.5', '-1', 'many'])('rejects DISCORD_SHARDS=%s naming the variable', (value) => {
    expect(failure({ ...complete, DISCORD_SHARDS: value }).variable).toBe('DISCORD_SHARDS');
  });

  it('refuses a per-process memory store, naming STORE_URL', () => {
    const error = failure({ ...complete, DISCORD_SHARDS: '2', STORE_URL: 'memory://' });
    expect(error.variable).toBe('STORE_URL');
    expect(error.message).toContain('redis://');
  });

  it('reads the shards a sharding manager gave this process', () => {
    const env = { ...complete, SHARDING_MANAGER: 'true', SHARDS: '[0,1]', SHARD_COUNT: '4' };
    expect(readDiscordConfig(env)?.shard).toEqual({ ids: [0, 1], count: 4 });
    expect(
      readDiscordConfig({ ...complete, SHARDING_MANAGER: 'true', SHARDS: '3', SHARD_COUNT: '4' })
        ?.shard,
    ).toEqual({ ids: [3], count: 4 });
  });
});
