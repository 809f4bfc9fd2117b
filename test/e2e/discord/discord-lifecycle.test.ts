import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../adapters/config-error.js';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import type { Reply } from '../../../src/reply.js';
import { startDiscordSimulator } from '../../support/discord-simulator/index.js';
import { answer, createRecordingLogger, createScriptedBot, startDiscordBot } from './harness.js';

describe('Discord adapter lifecycle', () => {
  it('fails to start with a ConfigError naming DISCORD_TOKEN when Discord rejects the token', async () => {
    const sim = await startDiscordSimulator();
    try {
      const { bot } = createScriptedBot({});
      const adapter = createDiscordAdapter(
        { token: 'not-the-token', applicationId: sim.world.applicationId, apiUrl: sim.apiUrl },
        { bot, logger: createRecordingLogger() },
      );
      const failure = await adapter.start().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).variable).toBe('DISCORD_TOKEN');
      expect(sim.gateway.connectionPaths).toEqual([]);
    } finally {
      await sim.stop();
    }
  });

  it('fails to start, naming the close code, when Discord closes the gateway at IDENTIFY', async () => {
    const sim = await startDiscordSimulator({ identifyCloseCode: 4014 });
    try {
      const { bot } = createScriptedBot({});
      const adapter = createDiscordAdapter(
        { token: sim.world.token, applicationId: sim.world.applicationId, apiUrl: sim.apiUrl },
        { bot, logger: createRecordingLogger() },
      );
      const failure = await Promise.race([
        adapter.start().then(
          () => 'started',
          (error: unknown) => error as { code?: string; message?: string },
        ),
        new Promise((resolve) => setTimeout(resolve, 8000, 'still starting')),
      ]);
      expect(failure).toMatchObject({ code: 'DISCORD_GATEWAY_CLOSED' });
      expect((failure as { message: string }).message).toMatch(/4014.*Privileged Gateway Intents/);
      await adapter.stop();
    } finally {
      await sim.stop();
    }
  });

  it('finishes a reply in flight when stopped, then disconnects; stopping twice is safe', async () => {
    let release: (reply: Reply) => void = () => {};
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const { bot } = createScriptedBot({
      handle: () =>
        new Promise<Reply>((resolve) => {
          release = resolve;
          markStarted();
        }),
    });
    const running = await startDiscordBot(bot);
    const { sim, adapter } = running;
    try {
      const asked = sim.mentionBot('one last question');
      await started;
      const stopping = adapter.stop();
      release(answer('Last answer before shutdown.'));
      await stopping;
      await adapter.stop();
      const reply = sim.sentMessages.find((m) => m.replyTo === asked['id']);
      expect(reply?.text).toContain('Last answer before shutdown.');
      // The gateway connection was closed by the client.
      expect(sim.gateway.session?.socket).toBeUndefined();
    } finally {
      await sim.stop();
    }
  });
});
