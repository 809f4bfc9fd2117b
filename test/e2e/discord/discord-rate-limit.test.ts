import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot.js';
import { memoryStateStore } from '../../support/memory-state.js';
import { shippedKnowledgeBase } from '../../support/shipped-bot.js';
import { type RunningDiscordBot, startDiscordBot } from './harness.js';

// The real core with a budget of two questions a minute, behind the real discord.js client.
let running: RunningDiscordBot;
beforeAll(async () => {
  const bot = createBot({
    knowledge: await shippedKnowledgeBase(),
    store: memoryStateStore(),
    config: { rateLimit: { questions: 2, windowMs: 60_000 } },
  });
  running = await startDiscordBot(bot);
});
afterAll(() => running?.stop());

describe('Discord rate limit', () => {
  it('answers within the budget, then sends one friendly notice, then stays silent', async () => {
    const { sim } = running;
    const replyTo = async (text: string) => {
      const asked = sim.mentionBot(text);
      return sim.waitForMessage((m) => m.replyTo === asked['id']);
    };
    expect((await replyTo('How many US troops are in Iraq?')).content).toMatch(/2,500/);
    expect((await replyTo('How many US troops are in Kuwait?')).content).toMatch(/13,000/);
    expect((await replyTo('How many US troops are in Qatar?')).content).toMatch(
      /faster than I can keep up/,
    );

    const ignored = sim.mentionBot('How many US troops are in Bahrain?');
    await delay(1_000);
    expect(sim.sentMessages.filter((m) => m.replyTo === ignored['id'])).toEqual([]);
  });
});
