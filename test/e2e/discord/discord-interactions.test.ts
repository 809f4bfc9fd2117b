import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot-types.js';
import type { SentMessage } from '../../support/discord-simulator/index.js';
import { createShippedBot } from '../../support/shipped-bot.js';
import { type RunningDiscordBot, startDiscordBot } from './harness.js';

const EPHEMERAL = 64;

function customIds(message: SentMessage): string[] {
  return (message.components as { components: { custom_id: string }[] }[]).flatMap((row) =>
    row.components.map((button) => button.custom_id),
  );
}

// The real core on the shipped knowledge, behind the real discord.js client.
let running: RunningDiscordBot;
let bot: Bot;
beforeAll(async () => {
  bot = await createShippedBot();
  running = await startDiscordBot(bot);
});
afterAll(() => running?.stop());

describe('Discord interactions', () => {
  it('answers /ask in the channel, quoting the question, within the 3 s window', async () => {
    const { sim } = running;
    const { id } = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'How many US troops are in Iraq?' }],
    });
    const callback = await sim.waitForRest((c) => c.path.startsWith(`/interactions/${id}/`));
    expect(callback.status).toBe(204);
    // Discord authenticates callbacks by the interaction token, not the bot token.
    expect(callback.authorization).toBeUndefined();
    const reply = await sim.waitForMessage((m) => m.interactionId === id);
    expect(reply.flags & EPHEMERAL).toBe(0);
    expect(reply.content.startsWith('> How many US troops are in Iraq?')).toBe(true);
    expect(reply.text).toMatch(/2,500/);
    expect(reply.text).toMatch(/Source:/);
  });

  it('keeps the answer private when asked to', async () => {
    const { sim } = running;
    const { id } = sim.slashCommand({
      name: 'ask',
      options: [
        { name: 'question', type: 3, value: 'How many US troops are in Iraq?' },
        { name: 'private', type: 5, value: true },
      ],
    });
    const reply = await sim.waitForMessage((m) => m.interactionId === id);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('offers matching questions while the user types, within Discord limits', async () => {
    const { sim } = running;
    const { id } = sim.autocomplete({ name: 'ask', option: 'question', value: 'troops ira' });
    const call = await sim.waitForRest((c) => c.path.startsWith(`/interactions/${id}/`));
    expect(call.status).toBe(204);
    const { type, data } = call.body as {
      type: number;
      data: { choices: { name: string; value: string }[] };
    };
    expect(type).toBe(8);
    expect(data.choices.length).toBeGreaterThan(0);
    expect(data.choices.length).toBeLessThanOrEqual(25);
    for (const choice of data.choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    // The adapter offers exactly what the core completes, in its order.
    const expected = bot.complete('troops ira', 25).map((s) => s.question.slice(0, 100));
    expect(data.choices.map((c) => c.name)).toEqual(expected.slice(0, data.choices.length));
  });

  it('answers a suggestion button from a help reply, and records 👍 through the core', async () => {
    const { sim } = running;
    const help = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: '' }],
    });
    const helpReply = await sim.waitForMessage((m) => m.interactionId === help.id);
    const choose = customIds(helpReply).find((customId) => customId.startsWith('ask:choose:'));
    expect(choose).toBeDefined();

    const press = sim.pressButton({ message: helpReply, customId: choose ?? '' });
    const answer = await sim.waitForMessage(
      (m) => m.interactionId === press.id && m.via === 'followup',
    );
    expect(answer.text.length).toBeGreaterThan(0);
    const up = customIds(answer).find((customId) => customId.startsWith('ask:fb:up:'));
    expect(up).toBe(`ask:fb:up:${(choose ?? '').slice('ask:choose:'.length)}`);

    const vote = sim.pressButton({ message: answer, customId: up ?? '' });
    const thanks = await sim.waitForMessage((m) => m.interactionId === vote.id);
    expect(thanks.id).toBe(answer.id);
    expect(JSON.stringify(thanks.components)).toContain('Thanks — rated 👍');
  });

  it('answers a button of an older version and an unknown command with a private note', async () => {
    const { sim } = running;
    const anyMessage = sim.sentMessages[0];
    if (anyMessage === undefined) throw new Error('earlier tests sent messages');
    const old = sim.pressButton({ message: anyMessage, customId: 'kb:v1:pick:3' });
    const other = sim.slashCommand({ name: 'other', options: [] });
    const notes = await Promise.all(
      [old.id, other.id].map((id) => sim.waitForMessage((m) => m.interactionId === id)),
    );
    expect(notes.map((m) => m.flags & EPHEMERAL)).toEqual([EPHEMERAL, EPHEMERAL]);
    expect(notes[0]?.content).toMatch(/older version/);
    expect(notes[1]?.content).toMatch(/don't know that command/);
    const asked = sim.mentionBot('hello');
    await sim.waitForMessage((m) => m.replyTo === asked['id']);
  });
});
