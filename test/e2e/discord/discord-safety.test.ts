import { afterEach, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../../adapters/discord/render-reply.js';
import type { Reply } from '../../../src/reply.js';
import { pingsAnyone } from '../../support/discord-simulator/index.js';
import { answer, createScriptedBot, type RunningDiscordBot, startDiscordBot } from './harness.js';

let running: RunningDiscordBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('Discord adapter safety and translation', () => {
  it('never pings, whatever the answer or the echoed question contains', async () => {
    const injection = '@everyone @here <@&123456789012345678> <@234567890123456789>';
    const { bot } = createScriptedBot({ handle: () => answer(`Hi ${injection}`) });
    running = await startDiscordBot(bot);
    const { sim } = running;
    const mention = sim.mentionBot(`ping ${injection}`);
    const slash = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: `ping ${injection}` }],
    });
    const replies = await Promise.all([
      sim.waitForMessage((m) => m.replyTo === mention['id']),
      sim.waitForMessage((m) => m.interactionId === slash.id),
    ]);
    for (const reply of replies) {
      // The text still shows the mentions (the simulator would resolve them as pings)…
      expect(reply.text).toContain('@everyone');
      expect(reply.text).toContain('<@&123456789012345678>');
      // …but allowed_mentions stops every one of them, the replied-to user included.
      expect(pingsAnyone(reply.pings)).toBe(false);
    }
  });

  it('splits a very long answer into embeds of at most 4,096 characters, buttons on the last', async () => {
    const paragraph = `${'The knowledge says a great deal about this topic. '.repeat(25).trim()}\n\n`;
    const long = paragraph.repeat(8).trim();
    expect(long.length).toBeGreaterThan(8192);
    const { bot } = createScriptedBot({ handle: () => answer(long) });
    running = await startDiscordBot(bot);
    const { sim } = running;
    const asked = sim.mentionBot('tell me everything');
    const slash = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'tell me everything' }],
    });
    // Mention: a reply, then channel messages. Slash command: the response, then follow-ups.
    await sim.waitForMessage(
      (m) => m.interactionId === slash.id && m.via === 'followup' && m.components.length > 0,
    );
    const first = await sim.waitForMessage((m) => m.replyTo === asked['id']);
    await sim.waitForMessage((m) => m.via === 'channel' && m.components.length > 0);
    const fromMention = sim.sentMessages.filter(
      (m) => m.channelId === sim.world.channel.id && m.via === 'channel' && m.id >= first.id,
    );
    const fromSlash = sim.sentMessages.filter((m) => m.interactionId === slash.id);
    for (const parts of [fromMention, fromSlash]) {
      expect(parts.length).toBeGreaterThanOrEqual(3);
      const descriptions = parts.map((part) => String(part.embeds[0]?.['description'] ?? ''));
      for (const [index, part] of parts.entries()) {
        expect(descriptions[index]?.length).toBeLessThanOrEqual(4096);
        expect(pingsAnyone(part.pings)).toBe(false);
      }
      // Cut between sentences, and nothing lost: every sentence arrives whole.
      for (const description of descriptions.slice(0, -1)) expect(description).toMatch(/\.$/);
      const joined = descriptions.join(' ');
      expect(joined.match(/great deal about this topic\./g)?.length).toBe(200);
      // The source follows the answer's end, once.
      expect(parts.map((p) => p.embeds[0]?.['fields'] !== undefined)).toEqual(
        parts.map((_, i) => i === parts.length - 1),
      );
      expect(parts.slice(0, -1).every((p) => p.components.length === 0)).toBe(true);
      expect(parts.at(-1)?.components.length).toBeGreaterThan(0);
    }
  });

  it('logs a failing handler with context, apologises, and keeps answering', async () => {
    let fail = true;
    const { bot } = createScriptedBot({
      handle: (query) => {
        if (fail) throw new Error('store exploded');
        return answer(`Fine again: ${query.text}`);
      },
    });
    running = await startDiscordBot(bot);
    const { sim, logger } = running;
    const broken = sim.mentionBot('first question');
    const apology = await sim.waitForMessage((m) => m.replyTo === broken['id']);
    expect(apology.content).toBe(APOLOGY);
    const brokenSlash = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'second question' }],
    });
    const slashApology = await sim.waitForMessage((m) => m.interactionId === brokenSlash.id);
    expect(slashApology.content).toBe(APOLOGY);
    expect(slashApology.flags & 64).toBe(64);

    const errors = logger.records.filter((r) => r.level === 'error');
    expect(errors.map((r) => r.context['event'])).toEqual(['message', 'ask']);
    expect(errors[0]?.context).toMatchObject({
      adapter: 'discord',
      message: broken['id'],
      channel: sim.world.channel.id,
      user: sim.world.alice.id,
    });
    expect(String(errors[0]?.context['err'])).toContain('store exploded');

    fail = false;
    const next = sim.mentionBot('third question');
    const reply = await sim.waitForMessage((m) => m.replyTo === next['id']);
    expect(reply.text).toContain('Fine again: third question');
  });

  it('defers and then edits the reply when the core is slower than the window allows', async () => {
    let release: (reply: Reply) => void = () => {};
    const { bot } = createScriptedBot({
      handle: () => new Promise<Reply>((resolve) => (release = resolve)),
    });
    running = await startDiscordBot(bot, { deferAfterMs: 50 });
    const { sim } = running;
    const { id } = sim.slashCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'slow one' }],
    });
    const deferred = await sim.waitForRest((c) => c.path.startsWith(`/interactions/${id}/`));
    expect((deferred.body as { type: number }).type).toBe(5);
    release(answer('Worth the wait.'));
    const edit = await sim.waitForRest(
      (c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original'),
    );
    // discord.js percent-encodes @original; Discord accepts both.
    expect(edit.rawPath).toContain('%40original');
    const final = await sim.waitForMessage((m) => m.interactionId === id && m.via === 'edit');
    expect(final.text).toContain('Worth the wait.');
  });

  it('passes the conversation to the core and answers numbered clarify buttons', async () => {
    const clarify: Reply = {
      kind: 'clarify',
      text: 'Did you mean one of these?',
      confidence: 0.5,
      suggestions: [
        { entry: 'troops.iraq', question: 'How many US troops are in Iraq?' },
        { entry: 'troops.syria', question: 'How many US troops are in Syria?' },
      ],
    };
    const { bot, calls } = createScriptedBot({ handle: () => clarify });
    running = await startDiscordBot(bot);
    const { sim } = running;
    const asked = sim.mentionBot('troops?', { channel: sim.world.thread });
    const reply = await sim.waitForMessage((m) => m.replyTo === asked['id']);
    expect(reply.text).toContain('1. How many US troops are in Iraq?');
    expect(reply.text).toContain('2. How many US troops are in Syria?');
    const buttons = (
      reply.components as { components: { label: string; custom_id: string }[] }[]
    )[0]?.components;
    expect(buttons?.map((b) => [b.label, b.custom_id])).toEqual([
      ['1', 'ask:choose:troops.iraq'],
      ['2', 'ask:choose:troops.syria'],
    ]);
    const press = sim.pressButton({ message: reply, customId: 'ask:choose:troops.syria' });
    const chosen = await sim.waitForMessage(
      (m) => m.interactionId === press.id && m.via === 'followup',
    );
    expect(chosen.text).toContain('Answer for troops.syria');

    const context = {
      platform: 'discord',
      user: sim.world.alice.id,
      conversation: sim.world.channel.id,
      thread: sim.world.thread.id,
    };
    expect(calls.find((c) => c.method === 'handle')?.args).toEqual([
      { ...context, text: 'troops?', eventId: `message:${asked['id']}` },
    ]);
    expect(calls.find((c) => c.method === 'choose')?.args).toEqual([
      { ...context, eventId: `interaction:${press.id}` },
      'troops.syria',
    ]);
  });
});
