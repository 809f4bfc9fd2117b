import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVILEGED_INTENTS } from '../../support/discord-simulator/index.js';
import { createShippedBot } from '../../support/shipped-bot.js';
import { type RunningDiscordBot, startDiscordBot } from './harness.js';

// The real core on the shipped knowledge, behind the real discord.js client, against the simulator.
let running: RunningDiscordBot;
beforeAll(async () => {
  running = await startDiscordBot(await createShippedBot());
});
afterAll(() => running?.stop());

describe('Discord messages', () => {
  it('identifies with guilds, guild messages and DMs only, without privileged intents', () => {
    const intents = running.sim.intents ?? 0;
    expect(intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect(intents & PRIVILEGED_INTENTS).toBe(0);
  });

  it('answers an @mention by replying to the message, with the source and nobody pinged', async () => {
    const { sim } = running;
    const asked = sim.mentionBot('How many US troops are in Iraq?');
    const reply = await sim.waitForMessage((m) => m.replyTo === asked['id']);
    expect(reply.channelId).toBe(sim.world.channel.id);
    expect(reply.text).toMatch(/2,500/);
    expect(reply.text).toMatch(/Source: .*Scripps News/);
    expect(reply.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
    // An answer from the knowledge carries 👍/👎 buttons naming the entry.
    const ids = JSON.stringify(reply.components);
    expect(ids).toMatch(/ask:fb:up:/);
    expect(ids).toMatch(/ask:fb:down:/);
  });

  it('answers a direct message in the DM and does not answer its own echoed reply', async () => {
    const { sim } = running;
    const dm = sim.world.dmWith(sim.world.alice);
    const first = sim.sendMessage({
      channel: dm,
      author: sim.world.alice,
      content: 'How many US troops are in Iraq?',
    });
    const firstReply = await sim.waitForMessage((m) => m.replyTo === first['id']);
    expect(firstReply.channelId).toBe(dm.id);
    expect(firstReply.text).toMatch(/2,500/);
    // The simulator echoes the bot's reply as a MESSAGE_CREATE in the DM, as Discord does. A second
    // question sent after that echo is answered; the echo never is.
    const second = sim.sendMessage({ channel: dm, author: sim.world.alice, content: 'hello' });
    await sim.waitForMessage((m) => m.replyTo === second['id']);
    const inDm = sim.sentMessages.filter((m) => m.channelId === dm.id);
    expect(inDm.map((m) => m.replyTo)).toEqual([first['id'], second['id']]);
  });

  it('ignores other bots and guild messages that do not mention it', async () => {
    const { sim } = running;
    const from = sim.sentMessages.length;
    const otherBot = sim.mentionBot('How many US troops are in Iraq?', {
      author: sim.world.otherBot,
    });
    const notAddressed = sim.sendMessage({
      channel: sim.world.channel,
      author: sim.world.alice,
      content: 'How many US troops are in Iraq?',
    });
    const sentinel = sim.mentionBot('hello');
    await sim.waitForMessage((m) => m.replyTo === sentinel['id']);
    const replies = sim.sentMessages.slice(from).map((m) => m.replyTo);
    expect(replies).toEqual([sentinel['id']]);
    expect(replies).not.toContain(otherBot['id']);
    expect(replies).not.toContain(notAddressed['id']);
  });

  it('gives a short help with example questions as buttons for a bare mention', async () => {
    const { sim } = running;
    const bare = sim.mentionBot('');
    const help = await sim.waitForMessage((m) => m.replyTo === bare['id']);
    expect(help.text.length).toBeGreaterThan(0);
    expect(help.text.length).toBeLessThan(2000);
    expect(JSON.stringify(help.components)).toMatch(/ask:choose:/);
  });

  it('answers a redelivered message once: the core claims its event id', async () => {
    const { sim } = running;
    const asked = sim.mentionBot('How many US troops are in Iraq?');
    sim.gateway.dispatch('MESSAGE_CREATE', asked);
    const sentinel = sim.mentionBot('hello');
    await sim.waitForMessage((m) => m.replyTo === sentinel['id']);
    expect(sim.sentMessages.filter((m) => m.replyTo === asked['id'])).toHaveLength(1);
  });

  it('replies inside a thread when mentioned there', async () => {
    const { sim } = running;
    const asked = sim.mentionBot('How many US troops are in Iraq?', { channel: sim.world.thread });
    const reply = await sim.waitForMessage((m) => m.replyTo === asked['id']);
    expect(reply.channelId).toBe(sim.world.thread.id);
  });
});
