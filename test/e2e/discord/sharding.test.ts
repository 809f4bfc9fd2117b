import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Env } from '../../../adapters/adapter.js';
import { startApp } from '../../../adapters/app.js';
import { ConfigError } from '../../../adapters/config-error.js';
import type { DiscordConfig } from '../../../adapters/discord/discord-config.js';
import { DiscordError } from '../../../adapters/discord/discord-error.js';
import { createDiscordShardManager } from '../../../adapters/discord/discord-shard-manager.js';
import {
  type DiscordSimulator,
  type SimUser,
  startDiscordSimulator,
} from '../../support/discord-simulator/index.js';
import { nextSnowflake } from '../../support/discord-simulator/payloads.js';
import { type RedisServer, startRedisServer } from '../../support/redis-server.js';
import { SHIPPED_KNOWLEDGE } from '../../support/shipped-bot.js';
import { startAppFailure } from '../../support/start-app-failure.js';
import { createRecordingLogger } from './harness.js';

// `npm start` with DISCORD_SHARDS=2: the composition root runs a ShardingManager whose two shard
// processes (adapters/discord/shard-main.ts) each run the app for one shard, against the simulator,
// sharing a private redis-server. Bounded: two shards, a handful of questions, everything stopped.
const RATE_LIMIT = 2;
let sim: DiscordSimulator;
let redis: RedisServer;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
const logger = createRecordingLogger();

function env(extra: Env = {}): Env {
  return {
    DISCORD_TOKEN: sim.world.token,
    DISCORD_APPLICATION_ID: sim.world.applicationId,
    DISCORD_API_URL: sim.apiUrl,
    DISCORD_SHARDS: '2',
    KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
    STORE_URL: redis.url,
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    // The shard processes log to this process's stdout; warnings and errors are enough.
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

function user(name: string): SimUser {
  return { id: nextSnowflake(), username: name };
}

beforeAll(async () => {
  redis = await startRedisServer();
  sim = await startDiscordSimulator({ shards: 2 });
  app = await startApp({ env: env(), logger });
}, 150_000);
afterAll(async () => {
  await app?.stop();
  await sim?.stop();
  await redis?.stop();
}, 60_000);

describe('DISCORD_SHARDS=2 through the composition root', () => {
  it('runs a sharding manager here and one shard per process, each identifying its shard', () => {
    expect(app?.adapters.map((adapter) => adapter.name)).toEqual(['discord-shards']);
    const shards = sim.gateway.identifies.map((identify) => identify.shard);
    expect([...shards].sort(([a], [b]) => a - b)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(sim.gateway.connectedShards).toEqual([0, 1]);
  });

  it('answers a mention in a guild on each shard', async () => {
    expect(sim.world.guilds).toHaveLength(2);
    for (const [shard, guild] of sim.world.guilds.entries()) {
      const asked = sim.mentionBot('How many US troops are in Iraq?', {
        channel: guild.channel,
        author: user(`asker-${shard}`),
      });
      expect(sim.gateway.shardFor(asked)).toBe(shard);
      const reply = await sim.waitForMessage((m) => m.replyTo === asked['id'], {
        timeoutMs: 10_000,
      });
      expect(reply.channelId).toBe(guild.channel.id);
      expect(reply.text).toMatch(/2,500/);
    }
  });

  it('shares one store: a user over the rate limit on one shard is limited on the other too', async () => {
    // The limit counts per fixed minute; do not straddle a minute boundary.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000)
      await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const dave = user('dave');
    const [first, second] = sim.world.guilds;
    if (first === undefined || second === undefined)
      throw new Error('the simulator has two guilds');
    const ask = async (channel: typeof first.channel) => {
      const asked = sim.mentionBot('How many US troops are in Iraq?', { channel, author: dave });
      return sim.waitForMessage((m) => m.replyTo === asked['id'], { timeoutMs: 10_000 });
    };
    // Within the budget of RATE_LIMIT questions, one per shard: both answered.
    expect((await ask(first.channel)).text).toMatch(/2,500/);
    expect((await ask(second.channel)).text).toMatch(/2,500/);
    // Shard 0 alone has seen one question from dave; only a shared count puts him over the limit.
    const third = await ask(first.channel);
    expect(third.text).toMatch(/asking faster than I can keep up/);
    expect(third.text).toContain(`${RATE_LIMIT} questions per 60 seconds`);
  });

  it('stopping the app stops every shard process, and their gateway connections close', async () => {
    await app?.stop();
    await vi.waitFor(() => expect(sim.gateway.connectedShards).toEqual([]), {
      timeout: 10_000,
      interval: 50,
    });
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });
});

describe('DISCORD_SHARDS validation', () => {
  const startFailure = (extra: Env) =>
    startAppFailure({ env: env(extra), logger: createRecordingLogger() });

  it('refuses a value that is not a number of shards, naming DISCORD_SHARDS', async () => {
    const failure = await startFailure({ DISCORD_SHARDS: 'abc' });
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe('DISCORD_SHARDS');
    expect((failure as ConfigError).message).toMatch(/whole number .* or auto .*"abc"/);
  });

  it('refuses a memory store, which each shard process would keep to itself, naming STORE_URL', async () => {
    const failure = await startFailure({ STORE_URL: 'memory://' });
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe('STORE_URL');
    expect((failure as ConfigError).message).toMatch(/STORE_URL=redis:\/\//);
  });
});

// The manager alone, with a stand-in shard file (plain Node, no app): what each shard process is
// given, how a shard's start failure surfaces, and that stop() ends even a shard ignoring SIGTERM.
describe('the shard manager adapter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-shards-'));
  const file = join(dir, 'stand-in-shard.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
const e = process.env;
writeFileSync(${JSON.stringify(dir)} + '/shard-' + e.SHARDS + '-' + process.pid + '.json', JSON.stringify({ pid: process.pid, env: e }));
if (e.STAND_IN === 'fail') {
  process.send({ shardStartError: 'KNOWLEDGE_PATH names a folder with no knowledge (stand-in)' }, () => process.exit(1));
} else {
  if (e.STAND_IN === 'stubborn') process.on('SIGTERM', () => {});
  process.send({ _ready: true });
  setInterval(() => {}, 1000);
}
`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function spawned(): { pid: number; env: Record<string, string> }[] {
    return readdirSync(dir)
      .filter((name) => name.startsWith('shard-'))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
  }
  function alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  function manager(config: Partial<DiscordConfig>, env: Env) {
    return createDiscordShardManager(
      {
        token: sim.world.token,
        applicationId: sim.world.applicationId,
        apiUrl: sim.apiUrl,
        shards: 'auto',
        ...config,
      },
      { env, logger: createRecordingLogger() },
      { file, execArgv: [], spawnDelayMs: 0, readyTimeoutMs: 10_000, stopTimeoutMs: 500 },
    );
  }

  it('auto: asks the configured API, gives each shard its id, the app environment and its own metrics port', async () => {
    const shards = manager({}, { STAND_IN: 'ok', METRICS_PORT: '9400', KNOWLEDGE_PATH: 'kb' });
    await shards.start();
    try {
      const seen = spawned().sort((a, b) => Number(a.env['SHARDS']) - Number(b.env['SHARDS']));
      expect(seen.map((shard) => [shard.env['SHARDS'], shard.env['SHARD_COUNT']])).toEqual([
        ['0', '2'],
        ['1', '2'],
      ]);
      expect(seen.map((shard) => shard.env['METRICS_PORT'])).toEqual(['9401', '9402']);
      for (const shard of seen) {
        expect(shard.env).toMatchObject({ KNOWLEDGE_PATH: 'kb', DISCORD_TOKEN: sim.world.token });
      }
    } finally {
      await shards.stop();
    }
    expect(spawned().filter((shard) => alive(shard.pid))).toEqual([]);
    for (const shard of spawned())
      rmSync(join(dir, `shard-${shard.env['SHARDS']}-${shard.pid}.json`));
  });

  it('stop() kills a shard that ignores SIGTERM once the bound has passed', async () => {
    const shards = manager({ shards: 1 }, { STAND_IN: 'stubborn' });
    await shards.start();
    const [shard] = spawned();
    expect(shard && alive(shard.pid)).toBe(true);
    await shards.stop();
    expect(shard && alive(shard.pid)).toBe(false);
    for (const leftover of spawned()) {
      rmSync(join(dir, `shard-${leftover.env['SHARDS']}-${leftover.pid}.json`));
    }
  });

  it("a shard that cannot start fails the start with the shard's reason, and is not restarted", async () => {
    const shards = manager({ shards: 1 }, { STAND_IN: 'fail' });
    const failure = await shards.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DiscordError);
    expect((failure as DiscordError).message).toMatch(
      /Discord shard 0 could not start: KNOWLEDGE_PATH names a folder with no knowledge/,
    );
    // A restart would be immediate; give it a moment to show up, then count the processes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(spawned()).toHaveLength(1);
    await shards.stop();
  });

  it('auto with a token Discord rejects names DISCORD_TOKEN and starts no shard', async () => {
    const before = spawned().length;
    const failure = await manager({ token: 'wrong.token' }, { STAND_IN: 'ok' })
      .start()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe('DISCORD_TOKEN');
    expect(spawned()).toHaveLength(before);
  });
});
