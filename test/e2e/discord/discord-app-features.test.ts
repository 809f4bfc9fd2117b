import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../adapters/app.js';
import { OUTCOME_COLOURS } from '../../../adapters/discord/render-reply.js';
import {
  type DiscordSimulator,
  type SentMessage,
  startDiscordSimulator,
} from '../../support/discord-simulator/index.js';
import { SHIPPED_KNOWLEDGE } from '../../support/shipped-bot.js';
import { createRecordingLogger } from './harness.js';

// Everything below runs through `npm start`'s composition root on the shipped knowledge.
const EPHEMERAL = 64;
let sim: DiscordSimulator;
let app: Awaited<ReturnType<typeof startApp>> | undefined;

beforeAll(async () => {
  sim = await startDiscordSimulator();
  app = await startApp({
    env: {
      DISCORD_TOKEN: sim.world.token,
      DISCORD_APPLICATION_ID: sim.world.applicationId,
      DISCORD_API_URL: sim.apiUrl,
      KNOWLEDGE_PATH: SHIPPED_KNOWLEDGE,
      STORE_URL: 'memory://',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    logger: createRecordingLogger(),
  });
});
afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

interface Embed {
  color: number;
  description: string;
  fields?: { name: string; value: string }[];
}
interface Button {
  custom_id: string;
  label?: string;
}

const embedOf = (message: SentMessage) => message.embeds[0] as unknown as Embed;
const buttonsOf = (message: SentMessage) =>
  (message.components as { components: Button[] }[]).flatMap((row) => row.components);

async function mention(text: string): Promise<SentMessage> {
  const asked = sim.mentionBot(text);
  return sim.waitForMessage((m) => m.replyTo === asked['id']);
}

describe('Discord replies as embeds', () => {
  it('shows an answer in the description, its source once in a field, in the answer colour', async () => {
    const reply = await mention('How many US troops are in Iraq?');
    expect(reply.content).toBe('');
    const embed = embedOf(reply);
    expect(embed.color).toBe(OUTCOME_COLOURS.answer);
    expect(embed.description).toMatch(/2,500 U\.S\. troops in Iraq/);
    // Attribution and publication are both "Scripps News": named once.
    expect(embed.fields).toEqual([{ name: 'Source', value: 'Scripps News' }]);
    expect(buttonsOf(reply).map((b) => b.custom_id)).toContain('ask:fb:up:us-troops-iraq');
  });

  it('shows a clarification and a decline in their colours, the suggestions as buttons', async () => {
    const clarify = await mention('us troops');
    expect(embedOf(clarify).color).toBe(OUTCOME_COLOURS.clarify);
    expect(embedOf(clarify).description).toContain('1. How many U.S. troops are in Iraq?');
    expect(buttonsOf(clarify)[0]).toMatchObject({
      label: '1',
      custom_id: 'ask:choose:us-troops-iraq',
    });

    const decline = await mention('how many soldiers in the gulf');
    expect(embedOf(decline).color).toBe(OUTCOME_COLOURS.decline);
    expect(embedOf(decline).description).toMatch(/^I don't know/);
    expect(buttonsOf(decline).length).toBeGreaterThan(0);
  });
});

describe('Discord commands', () => {
  it('identifies with the presence "Listening to /ask"', () => {
    expect(sim.presence).toMatchObject({
      status: 'online',
      activities: [{ name: '/ask', type: 2 }],
    });
  });

  it('answers /help privately with example questions as buttons, which answer in place', async () => {
    const help = sim.slashCommand({ name: 'help', options: [] });
    const reply = await sim.waitForMessage((m) => m.interactionId === help.id);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    const examples = buttonsOf(reply);
    expect(examples.length).toBeGreaterThan(0);
    // Labelled with the question itself, not a number.
    expect(examples.every((b) => (b.label ?? '').length > 3)).toBe(true);
    const [first] = examples;
    const press = sim.pressButton({ message: reply, customId: first?.custom_id ?? '' });
    const answer = await sim.waitForMessage((m) => m.interactionId === press.id);
    expect(answer.via).toBe('update');
    expect(answer.id).toBe(reply.id);
    expect(embedOf(answer).color).toBe(OUTCOME_COLOURS.answer);
  });

  it('answers "Ask Knowledge Bot" on a message that does not mention it, privately', async () => {
    // Without the Message Content intent the gateway blanks this message's text…
    const posted = sim.sendMessage({
      channel: sim.world.channel,
      author: { id: '66666666666666666', username: 'carol' },
      content: 'How many US troops are in Kuwait?',
    });
    expect(posted['content']).toBe('');
    // …but the command's interaction carries it.
    const { id } = sim.messageCommand({ name: 'Ask Knowledge Bot', target: posted });
    const reply = await sim.waitForMessage((m) => m.interactionId === id);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toBe('> How many US troops are in Kuwait?');
    expect(embedOf(reply).description).toMatch(/13,000/);
  });

  it('completes the half-typed last word first: "troops in ku" offers Kuwait first', async () => {
    const { id } = sim.autocomplete({ name: 'ask', option: 'question', value: 'troops in ku' });
    const call = await sim.waitForRest((c) => c.path.startsWith(`/interactions/${id}/`));
    const { choices } = (call.body as { data: { choices: { name: string }[] } }).data;
    expect(choices[0]?.name).toMatch(/Kuwait/);
    expect(choices.length).toBeLessThanOrEqual(25);
  });
});
