import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../adapters/app.js';
import { ConfigError } from '../../../adapters/config-error.js';
import {
  type DiscordSimulator,
  startDiscordSimulator,
} from '../../support/discord-simulator/index.js';
import { SHIPPED_KNOWLEDGE } from '../../support/shipped-bot.js';
import { startAppFailure } from '../../support/start-app-failure.js';
import { createRecordingLogger } from './harness.js';

// Starts the bot the way `npm start` does: the composition root reads the environment, finds the
// Discord variables and starts the adapter, with DISCORD_API_URL pointing at the simulator.
let sim: DiscordSimulator;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
const logger = createRecordingLogger();

beforeAll(async () => {
  sim = await startDiscordSimulator();
  app = await startApp({
    env: {
      DISCORD_TOKEN: sim.world.token,
      DISCORD_APPLICATION_ID: sim.world.applicationId,
      DISCORD_API_URL: sim.apiUrl,
      KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
      STORE_URL: 'memory://',
    },
    logger,
  });
});
afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

describe('the composition root with Discord variables', () => {
  it('starts the Discord adapter, and only it, against the configured API', () => {
    expect(app?.adapters.map((adapter) => adapter.name)).toEqual(['discord']);
    expect(sim.restCalls[0]?.path).toBe('/gateway/bot');
    expect(sim.intents).toBeDefined();
  });

  it('answers a mention from the shipped knowledge, with the source', async () => {
    const asked = sim.mentionBot('How many US troops are in Iraq?');
    const reply = await sim.waitForMessage((m) => m.replyTo === asked['id']);
    expect(reply.text).toMatch(/2,500/);
    expect(reply.text).toMatch(/Source:/);
  });

  it('refuses to start with an incomplete Discord configuration, naming the variable', async () => {
    const failure = await startAppFailure({
      env: {
        DISCORD_TOKEN: sim.world.token,
        KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
        STORE_URL: 'memory://',
      },
      logger: createRecordingLogger(),
    });
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe('DISCORD_APPLICATION_ID');
  });
});
