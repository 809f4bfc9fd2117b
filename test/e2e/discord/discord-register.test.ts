import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askCommand, askMessageCommand, helpCommand } from '../../../adapters/discord/index.js';
import {
  type DiscordSimulator,
  startDiscordSimulator,
} from '../../support/discord-simulator/index.js';
import { runScript } from '../../support/run-script.js';

const SCRIPT = 'adapters/discord/register-commands.ts';

let sim: DiscordSimulator;
beforeAll(async () => {
  sim = await startDiscordSimulator();
});
afterAll(() => sim?.stop());

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: sim.world.token,
    DISCORD_APPLICATION_ID: sim.world.applicationId,
    DISCORD_API_URL: sim.apiUrl,
    // Set (blank = unset) so a developer's .env cannot add a guild to the global run.
    DISCORD_GUILD_ID: '',
    ...extra,
  };
}

describe('npm run discord:register', () => {
  it('registers /ask, /help and the message menu globally, for guild and user installs', async () => {
    const result = await runScript(SCRIPT, [], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Registered /ask, /help, "Ask Knowledge Bot" (message menu) globally',
    );
    const call = sim.restCalls.find((c) => c.method === 'PUT');
    expect(call?.path).toBe(`/applications/${sim.world.applicationId}/commands`);
    expect(call?.authorization).toBe(`Bot ${sim.world.token}`);
    expect(call?.body).toEqual([askCommand, helpCommand, askMessageCommand]);
    expect(call?.status).toBe(200);
    const body = call?.body as {
      name: string;
      type: number;
      integration_types: number[];
      contexts: number[];
    }[];
    expect(body.map((c) => [c.name, c.type])).toEqual([
      ['ask', 1],
      ['help', 1],
      ['Ask Knowledge Bot', 3],
    ]);
    for (const command of body) {
      // 0 guild install, 1 user install; 0 guild, 1 DM with the bot, 2 other DMs and group DMs.
      expect(command.integration_types).toEqual([0, 1]);
      expect(command.contexts).toEqual([0, 1, 2]);
    }
    const [ask] = (sim.commands.get('global') ?? []) as (typeof askCommand)[];
    expect(ask?.options[0]).toMatchObject({ name: 'question', required: true, autocomplete: true });
    expect(ask?.options[1]).toMatchObject({ name: 'private', type: 5 });
  });

  it('registers in one guild when DISCORD_GUILD_ID is set', async () => {
    const result = await runScript(SCRIPT, [], {
      env: env({ DISCORD_GUILD_ID: sim.world.guild.id }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`in guild ${sim.world.guild.id}`);
    expect(sim.restCalls.at(-1)?.path).toBe(
      `/applications/${sim.world.applicationId}/guilds/${sim.world.guild.id}/commands`,
    );
  });

  it('fails with a message naming the missing variable', async () => {
    const result = await runScript(SCRIPT, [], {
      env: { ...env(), DISCORD_APPLICATION_ID: '' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DISCORD_APPLICATION_ID is not set/);
  });

  it('says the token was rejected when Discord answers 401', async () => {
    const result = await runScript(SCRIPT, [], { env: env({ DISCORD_TOKEN: 'wrong.token' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DISCORD_TOKEN/);
  });
});
