import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/reply.js';
import type { SentMessage, SimUser } from '../../support/discord-simulator/index.js';
import { answer, createScriptedBot, type RunningDiscordBot, startDiscordBot } from './harness.js';

const EPHEMERAL = 64;
const SUCCESS = 3;

const clarify: Reply = {
  kind: 'clarify',
  text: 'Did you mean one of these?',
  confidence: 0.5,
  suggestions: [
    { entry: 'troops.iraq', question: 'How many US troops are in Iraq?' },
    { entry: 'troops.syria', question: 'How many US troops are in Syria?' },
  ],
};

interface Button {
  custom_id: string;
  label?: string;
  disabled?: boolean;
  style: number;
}

function buttons(message: Record<string, unknown> | undefined): Button[] {
  const rows = (message?.['components'] ?? []) as { components: Button[] }[];
  return rows.flatMap((row) => row.components);
}

let running: RunningDiscordBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(script: Parameters<typeof createScriptedBot>[0] = {}) {
  const scripted = createScriptedBot({ handle: () => clarify, ...script });
  running = await startDiscordBot(scripted.bot);
  return { ...scripted, sim: running.sim };
}

async function ask(
  sim: RunningDiscordBot['sim'],
  question: string,
  options: { private?: boolean; user?: SimUser } = {},
): Promise<SentMessage> {
  const { id } = sim.slashCommand({
    name: 'ask',
    options: [
      { name: 'question', type: 3, value: question },
      ...(options.private ? [{ name: 'private', type: 5, value: true }] : []),
    ],
    ...(options.user ? { user: options.user } : {}),
  });
  return sim.waitForMessage((m) => m.interactionId === id);
}

describe('Discord buttons that become their result', () => {
  it('turns a private clarification into the answer when a suggestion is pressed (type 7)', async () => {
    const { sim } = await start();
    const asked = await ask(sim, 'troops?', { private: true });
    expect(asked.flags & EPHEMERAL).toBe(EPHEMERAL);
    const from = sim.sentMessages.length;
    const press = sim.pressButton({ message: asked, customId: 'ask:choose:troops.syria' });
    const callback = await sim.waitForRest((c) => c.path.startsWith(`/interactions/${press.id}/`));
    expect((callback.body as { type: number }).type).toBe(7);
    const updated = await sim.waitForMessage((m) => m.interactionId === press.id);
    // The same message, now the answer, still private; no new message was posted.
    expect(updated.id).toBe(asked.id);
    expect(updated.via).toBe('update');
    expect(updated.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(updated.text).toContain('Answer for troops.syria');
    expect(updated.content).toBe(asked.content);
    expect(sim.sentMessages.slice(from).map((m) => m.id)).toEqual([asked.id]);
    // Nobody else sees a private reply, so nobody else can press it.
    expect(() =>
      sim.pressButton({
        message: updated,
        customId: 'ask:fb:up:troops.iraq',
        user: { id: '99999999999999999', username: 'bob' },
      }),
    ).toThrow(/ephemeral/);
  });

  it("posts the answer to the asker's press on a public message and disables the pressed set", async () => {
    const { sim } = await start();
    const asked = await ask(sim, 'troops?');
    const press = sim.pressButton({ message: asked, customId: 'ask:choose:troops.syria' });
    const update = await sim.waitForMessage(
      (m) => m.interactionId === press.id && m.via === 'update',
    );
    expect(update.id).toBe(asked.id);
    expect(update.text).toBe(asked.text);
    expect(buttons(update.raw).map((b) => [b.custom_id, b.disabled, b.style])).toEqual([
      ['ask:choose:troops.iraq', true, 1],
      ['ask:choose:troops.syria', true, SUCCESS],
    ]);
    const posted = await sim.waitForMessage(
      (m) => m.interactionId === press.id && m.via === 'followup',
    );
    expect(posted.flags & EPHEMERAL).toBe(0);
    expect(posted.text).toContain('Answer for troops.syria');
    expect(() => sim.pressButton({ message: update, customId: 'ask:choose:troops.iraq' })).toThrow(
      /disabled/,
    );
  });

  it("answers someone else's press on a public message privately, leaving the message as it was", async () => {
    const { sim } = await start();
    const asked = await ask(sim, 'troops?');
    const bob: SimUser = { id: '88888888888888888', username: 'bob' };
    const press = sim.pressButton({
      message: asked,
      customId: 'ask:choose:troops.iraq',
      user: bob,
    });
    const reply = await sim.waitForMessage((m) => m.interactionId === press.id);
    expect(reply.via).toBe('interaction');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.text).toContain('Answer for troops.iraq');
    expect(buttons(sim.currentMessage(asked.id)).every((b) => b.disabled !== true)).toBe(true);
  });

  it('knows the asker of a reply to a mention from the message it replies to', async () => {
    const { sim } = await start();
    const mention = sim.mentionBot('troops?');
    const reply = await sim.waitForMessage((m) => m.replyTo === mention['id']);
    const press = sim.pressButton({ message: reply, customId: 'ask:choose:troops.iraq' });
    const update = await sim.waitForMessage(
      (m) => m.interactionId === press.id && m.via === 'update',
    );
    expect(buttons(update.raw).every((b) => b.disabled === true)).toBe(true);
    await sim.waitForMessage((m) => m.interactionId === press.id && m.via === 'followup');
  });

  it('turns 👍 into a disabled "Thanks — rated 👍", once per answer, and only for the asker', async () => {
    const { sim, calls } = await start({ handle: () => answer('About 2,500 troops.') });
    const asked = await ask(sim, 'troops in iraq');
    const bob: SimUser = { id: '77777777777777777', username: 'bob' };
    const byBob = sim.pressButton({ message: asked, customId: 'ask:fb:up:troops.iraq', user: bob });
    const note = await sim.waitForMessage((m) => m.interactionId === byBob.id);
    expect(note.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(note.content).toMatch(/Only the person who asked can rate/);

    const vote = sim.pressButton({ message: asked, customId: 'ask:fb:up:troops.iraq' });
    const rated = await sim.waitForMessage(
      (m) => m.interactionId === vote.id && m.via === 'update',
    );
    expect(rated.id).toBe(asked.id);
    expect(buttons(rated.raw).map((b) => [b.label, b.disabled])).toEqual([
      ['Thanks — rated 👍', true],
    ]);
    expect(calls.filter((c) => c.method === 'feedback').map((c) => c.args.slice(1))).toEqual([
      ['troops.iraq', 'up'],
    ]);
    // No second rating: the pair is gone and its replacement cannot be pressed.
    expect(() => sim.pressButton({ message: rated, customId: 'ask:rated:up' })).toThrow(/disabled/);
  });

  it('acts on a redelivered press once: the core sees its id, the repeat sends nothing', async () => {
    const { sim, calls } = await start({
      handle: (query) => (query.text === 'troops?' ? clarify : answer('About 2,500 troops.')),
    });
    const answered = await ask(sim, 'troops in iraq');
    const vote = sim.pressButton({ message: answered, customId: 'ask:fb:up:troops.iraq' });
    sim.gateway.dispatch('INTERACTION_CREATE', vote.payload);
    const clarified = await ask(sim, 'troops?');
    const pick = sim.pressButton({ message: clarified, customId: 'ask:choose:troops.syria' });
    sim.gateway.dispatch('INTERACTION_CREATE', pick.payload);
    await sim.waitForMessage((m) => m.interactionId === pick.id && m.via === 'followup');
    // A later question answered means both deliveries of each press have been handled.
    await ask(sim, 'sentinel');
    const pressed = calls.filter((c) => c.method === 'feedback' || c.method === 'choose');
    expect(pressed.map((c) => [c.method, (c.args[0] as { eventId?: string }).eventId])).toEqual([
      ['feedback', `interaction:${vote.id}`],
      ['feedback', `interaction:${vote.id}`],
      ['choose', `interaction:${pick.id}`],
      ['choose', `interaction:${pick.id}`],
    ]);
    for (const id of [vote.id, pick.id]) {
      const responses = sim.restCalls.filter((c) => c.path.startsWith(`/interactions/${id}/`));
      // One response, accepted: a second would be refused as "already acknowledged" (40060).
      expect(responses.map((c) => c.status)).toEqual([204]);
    }
    expect(
      sim.sentMessages.filter((m) => m.interactionId === pick.id && m.via === 'followup'),
    ).toHaveLength(1);
  });

  it('after 👎 offers the runners-up privately, and the rated button stays disabled', async () => {
    const { sim } = await start({
      handle: () => answer('About 2,500 troops.'),
      feedback: () => ({
        text: 'Thanks, noted. Did you mean one of these?',
        suggestions: [{ entry: 'troops.syria', question: 'How many US troops are in Syria?' }],
      }),
    });
    const asked = await ask(sim, 'troops in iraq');
    const vote = sim.pressButton({ message: asked, customId: 'ask:fb:down:troops.iraq' });
    const rated = await sim.waitForMessage(
      (m) => m.interactionId === vote.id && m.via === 'update',
    );
    expect(buttons(rated.raw).map((b) => b.label)).toEqual(['Thanks — rated 👎']);
    const offer = await sim.waitForMessage(
      (m) => m.interactionId === vote.id && m.via === 'followup',
    );
    expect(offer.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(offer.text).toContain('1. How many US troops are in Syria?');
    expect(buttons(offer.raw).map((b) => b.custom_id)).toEqual(['ask:choose:troops.syria']);
  });
});
