import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDiscordBot, startDiscordBot } from '../e2e/discord/harness.js';
import { type HttpHarness, SIGNING_SECRET, startHttpHarness } from '../e2e/slack/http-harness.js';
import { createShippedBot } from '../support/shipped-bot.js';
import {
  eventCallback,
  formBody,
  interactionBody,
  mentionEvent,
  signSlackRequest,
  slashCommand,
} from '../support/slack-fake/index.js';

const QUESTION = 'How many U.S. troops are in Iraq?';

/**
 * Errors nobody caught while `work` ran. In production (adapters/main.ts installs no handler) an
 * uncaught exception or unhandled rejection ends the process, so each one is a crash.
 */
async function uncaughtDuring(work: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const record = (error: unknown) => {
    errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  };
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  try {
    await work();
    // Let errors thrown from already-queued socket callbacks surface.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  }
  return errors;
}

describe('GIVEN the real Discord adapter and core behind the simulator', () => {
  let running: RunningDiscordBot;
  beforeAll(async () => {
    running = await startDiscordBot(await createShippedBot());
  });
  afterAll(() => running.stop());

  it('WHEN MESSAGE_CREATE events arrive with garbage fields THEN they are dropped and the next mention is answered', async () => {
    const { sim } = running;
    const valid = sim.mentionBot('warm-up');
    await sim.waitForMessage((m) => m.replyTo === valid['id']);
    const botMention = { id: sim.world.bot.id, username: 'kb-bot', discriminator: '0' };
    const garbage: unknown[] = [
      null,
      {},
      { ...valid, id: undefined, author: null },
      { ...valid, author: 'alice', content: 42, mentions: 'everyone' },
      { ...valid, channel_id: undefined, mentions: [null, 7, botMention] },
      { ...valid, id: [], content: { nested: { garbage: [1, { deeper: null }] } } },
      { ...valid, mentions: [botMention], content: null, author: { id: null } },
      { ...valid, timestamp: 'yesterday', attachments: 'none', embeds: [null], components: [7] },
    ];
    const crashes = await uncaughtDuring(async () => {
      for (const payload of garbage) sim.gateway.dispatch('MESSAGE_CREATE', payload);
      const asked = sim.mentionBot(QUESTION);
      const reply = await sim.waitForMessage((m) => m.replyTo === asked['id'], {
        timeoutMs: 10_000,
      });
      expect(reply.text).toContain('2,500');
    });
    expect(crashes, 'errors that would end the bot process').toEqual([]);
  });
});

describe('GIVEN the real Slack adapter in HTTP mode and the core', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(() => h.close());

  const signedPost = (
    body: string,
    contentType: 'application/json' | 'application/x-www-form-urlencoded',
    signal: AbortSignal,
  ) =>
    fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signSlackRequest(SIGNING_SECRET, body) },
      body,
      signal,
    });

  it('WHEN signed but malformed bodies arrive THEN each is dropped, nothing crashes, and the next command is answered', async () => {
    const json = 'application/json' as const;
    const form = 'application/x-www-form-urlencoded' as const;
    const mention = mentionEvent({ text: `<@${h.api.botUserId}> hi` });
    const malformed: [string, 'application/json' | 'application/x-www-form-urlencoded'][] = [
      ['not json at all', json],
      ['{"type":"event_callback"', json],
      ['null', json],
      ['[]', json],
      ['{}', json],
      [JSON.stringify(eventCallback({ ...mention, type: 'app_mention', text: 42 })), json],
      [JSON.stringify({ ...eventCallback(mention), event: null }), json],
      [
        JSON.stringify({
          ...eventCallback(mention),
          event: { type: 'app_mention', user: {}, channel: [] },
        }),
        json,
      ],
      [
        JSON.stringify({
          ...eventCallback(mention),
          event: { type: 'message', channel_type: 'im', text: null },
        }),
        json,
      ],
      [JSON.stringify({ ...eventCallback(mention), type: 'unknown_envelope' }), json],
      [formBody({ command: '/ask' }), form],
      [
        formBody({
          command: '/ask',
          user_id: '',
          channel_id: '',
          text: 'x',
          response_url: 'not a url',
        }),
        form,
      ],
      ['payload=%7Bgarbage', form],
      [interactionBody({ type: 'block_actions', actions: 'none', user: null }), form],
      [interactionBody({ type: 'mystery' }), form],
      ['%%%&&&===', form],
    ];
    // Acknowledged or refused, but answered: a malformed request must not hang its connection.
    const unanswered: string[] = [];
    const crashes = await uncaughtDuring(async () => {
      // Bolt answers requests no listener acknowledged after about 3 s; wait a little longer.
      await Promise.all(
        malformed.map(async ([body, contentType]) => {
          try {
            const response = await signedPost(body, contentType, AbortSignal.timeout(4500));
            await response.body?.cancel();
          } catch {
            unanswered.push(body.slice(0, 60));
          }
        }),
      );
      const responseUrl = h.responses.newUrl();
      const ack = await h.sendCommand(slashCommand({ text: QUESTION, responseUrl }));
      expect(ack.status).toBe(200);
      const [post] = await h.responses.waitForPosts(responseUrl, 1, 10_000);
      expect(JSON.stringify(post?.body)).toContain('2,500');
    });
    expect(crashes, 'errors that would end the bot process').toEqual([]);
    expect(unanswered, 'malformed requests left without a response').toEqual([]);
  });
});
