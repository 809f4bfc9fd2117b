import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../../adapters/app.js';
import type { Reply } from '../../../src/reply.js';
import { startDiscordSimulator } from '../../support/discord-simulator/index.js';
import { startBotProcess } from '../ops/bot-process.js';
import {
  answer,
  createRecordingLogger,
  createScriptedBot,
  type RunningDiscordBot,
  startDiscordBot,
} from './harness.js';

// What outside tests of the real entry points found (issue 12, Discord). Strings are spelled out
// here rather than imported, so each test can run against the code from before its fix.
const EPHEMERAL = 64;
const EMBED_LINKS = 1n << 14n;
const SMALL_KNOWLEDGE = new URL('../slack/fixtures/lighthouse.yaml', import.meta.url).pathname;

let running: RunningDiscordBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** A core whose handle() waits until the test releases it. */
function heldBot() {
  let release: (reply: Reply | Error) => void = () => {};
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const scripted = createScriptedBot({
    handle: () =>
      new Promise<Reply>((resolve, reject) => {
        release = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
        markStarted();
      }),
  });
  return { ...scripted, started, release: (outcome: Reply | Error) => release(outcome) };
}

describe('a fatal gateway close while running', () => {
  it('fails the app with the close code and turns /healthz to 503', async () => {
    const sim = await startDiscordSimulator();
    const app = await startApp({
      env: {
        DISCORD_TOKEN: sim.world.token,
        DISCORD_APPLICATION_ID: sim.world.applicationId,
        DISCORD_API_URL: sim.apiUrl,
        KNOWLEDGE_PATH: SMALL_KNOWLEDGE,
        STORE_URL: 'memory://',
        METRICS_PORT: '0',
      },
      logger: createRecordingLogger(),
    });
    try {
      const health = () => fetch(`http://127.0.0.1:${app.opsAddress()?.port}/healthz`);
      expect((await health()).status).toBe(200);
      // The token was reset in the Developer Portal: Discord closes with 4004 and never takes it back.
      sim.gateway.close(4004, 'Authentication failed.');
      const failure = await app.failed.then(
        () => undefined,
        (error: unknown) => error as { code?: string; message?: string },
      );
      expect(failure?.code).toBe('DISCORD_GATEWAY_CLOSED');
      expect(failure?.message).toMatch(/4004.*DISCORD_TOKEN/);
      const report = await health();
      expect(report.status).toBe(503);
      expect(((await report.json()) as { status: string }).status).toBe('failed');
    } finally {
      await app.stop();
      await sim.stop();
    }
  });

  it('makes npm start exit with status 1, so a supervisor restarts it', async () => {
    const sim = await startDiscordSimulator();
    const bot = startBotProcess({
      DISCORD_TOKEN: sim.world.token,
      DISCORD_APPLICATION_ID: sim.world.applicationId,
      DISCORD_API_URL: sim.apiUrl,
      KNOWLEDGE_PATH: SMALL_KNOWLEDGE,
      STORE_URL: 'memory://',
    });
    try {
      await bot.waitForLog('adapter started', 45_000);
      sim.gateway.close(4014, 'Disallowed intent(s).');
      const exit = await Promise.race([
        bot.exited,
        new Promise<undefined>((resolve) => setTimeout(resolve, 15_000, undefined)),
      ]);
      expect(exit?.code).toBe(1);
      expect(bot.logs().map((line) => line.msg)).toContain('an adapter failed for good: stopping');
    } finally {
      bot.child.kill('SIGKILL');
      await sim.stop();
    }
  }, 70_000);
});

describe('a question deleted before its answer', () => {
  it('posts the answer in the channel without the reply link', async () => {
    const held = heldBot();
    running = await startDiscordBot(held.bot);
    const { sim } = running;
    const asked = sim.mentionBot('asked, then deleted');
    await held.started;
    sim.deleteMessage(asked);
    held.release(answer('Here is the answer anyway.'));
    const posted = await sim.waitForMessage((m) => m.text.includes('Here is the answer anyway.'));
    expect(posted.channelId).toBe(sim.world.channel.id);
    expect(posted.replyTo).toBeUndefined();
    const refused = sim.restCalls.filter((c) => c.method === 'POST' && c.status === 400);
    expect(refused).toHaveLength(1);
  });

  it('posts the apology the same way when answering failed', async () => {
    const held = heldBot();
    running = await startDiscordBot(held.bot);
    const { sim } = running;
    const asked = sim.mentionBot('asked, then deleted, then failed');
    await held.started;
    sim.deleteMessage(asked);
    held.release(new Error('store exploded'));
    const apology = await sim.waitForMessage((m) => /something went wrong/.test(m.text));
    expect(apology.replyTo).toBeUndefined();
  });
});

describe('interactions the bot cannot serve', () => {
  it('answers /ask during shutdown with a private note instead of nothing', async () => {
    const held = heldBot();
    running = await startDiscordBot(held.bot);
    const { sim, adapter } = running;
    sim.mentionBot('keeps the shutdown draining');
    await held.started;
    const stopping = adapter.stop();
    const { id } = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'asked while stopping' }],
    });
    const note = await sim.waitForMessage((m) => m.interactionId === id);
    expect(note.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(note.content).toMatch(/restarting/);
    held.release(answer('Last one.'));
    await stopping;
  });

  it('answers an unknown command and a button of an older version with a private note', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot);
    const { sim } = running;
    const reply = await (async () => {
      const asked = sim.mentionBot('anything');
      return sim.waitForMessage((m) => m.replyTo === asked['id']);
    })();
    const command = sim.slashCommand({ name: 'ask-v1', options: [] });
    const button = sim.pressButton({ message: reply, customId: 'kb-bot:pick:2' });
    for (const id of [command.id, button.id]) {
      const note = await sim.waitForMessage((m) => m.interactionId === id);
      expect(note.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(note.content.length).toBeGreaterThan(0);
    }
  });
});

describe('logs an operator can act on', () => {
  it('names the permission to grant when Discord refuses with 403 Missing Permissions', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot);
    const { sim, logger } = running;
    sim.denyBotPermissions(sim.world.channel, EMBED_LINKS);
    // Let the CHANNEL_UPDATE reach the client's cache before the question.
    const ready = sim.mentionBot('first', { channel: sim.world.thread });
    await sim.waitForMessage((m) => m.replyTo === ready['id']);
    const asked = sim.mentionBot('a question in a channel without Embed Links');
    const refused = await sim.waitForRest((c) => c.status === 403);
    expect(refused.path).toBe(`/channels/${sim.world.channel.id}/messages`);
    // The plain-text apology needs no Embed Links, so the asker still hears something.
    await sim.waitForMessage((m) => m.replyTo === asked['id']);
    const line = logger.records.find((r) => r.level === 'error');
    expect(line?.context['missingPermissions']).toEqual(['Embed Links']);
    expect(line?.message).toContain('Embed Links');
  });

  it('logs no "reconnecting" warning on a clean stop', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot);
    const { logger } = running;
    await running.stop();
    running = undefined;
    expect(logger.records.map((r) => r.message)).toContain('discord stopped');
    expect(logger.records.filter((r) => r.level === 'warn').map((r) => r.message)).toEqual([]);
  });
});
