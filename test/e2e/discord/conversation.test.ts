import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShippedBot } from '../../support/shipped-bot.js';
import { type RunningDiscordBot, startDiscordBot } from './harness.js';

// A conversation in a Discord channel: the real core on the shipped knowledge, behind the real
// discord.js client, against the simulator. A two-part question, then a pronoun follow-up.
let running: RunningDiscordBot;
beforeAll(async () => {
  running = await startDiscordBot(await createShippedBot());
}, 120_000);
afterAll(() => running?.stop());

/** What the user reads: the message text and its embeds' descriptions (answers are embeds). */
async function ask(text: string): Promise<string> {
  const { sim } = running;
  const asked = sim.mentionBot(text);
  const reply = await sim.waitForMessage((m) => m.replyTo === asked['id']);
  const embeds = reply.embeds as { description?: string }[];
  return [reply.content, ...embeds.map((embed) => embed.description ?? '')].join('\n');
}

describe('GIVEN a conversation in a Discord channel', () => {
  it('WHEN a message asks two things THEN one reply answers both, each attributed', async () => {
    const content = await ask('how many troops in kuwait and qatar?');
    expect(content).toContain('Kuwait hosts over 13,000');
    expect(content).toContain('Qatar hosts 10,000');
    expect(
      content.match(/According to the U\.S\. Department of Defense/g)?.length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('WHEN the next message says "they" and "there" THEN they resolve against the last answer', async () => {
    expect(await ask('how many us troops are in iraq?')).toContain('2,500');
    expect(await ask('how long have they been there?')).toContain('for 20 years');
  });

  it('WHEN the next message says "she" THEN it resolves to the person the last answer was about', async () => {
    expect(await ask('who is randa slim?')).toContain('senior fellow');
    expect(await ask('where does she work?')).toContain('Middle East Institute in Washington');
  });

  it('WHEN the follow-up asks what the last answer does not give THEN it is declined, not repeated', async () => {
    expect(await ask('how many troops were hurt in the 2020 attack?')).toContain('more than 100');
    const killed = await ask('and how many were killed?');
    expect(killed).not.toContain('more than 100');
  });
});
