import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { Query } from '../../src/query.js';
import { memoryStateStore } from '../support/memory-state.js';
import { shippedKnowledgeBase } from '../support/shipped-bot.js';

const QUOTE = 'Will attacks on U.S. forces continue while the war in Gaza goes on?';

async function conversation(config = {}) {
  const bot = createBot({
    knowledge: await shippedKnowledgeBase(),
    store: memoryStateStore(),
    config,
  });
  const id = `conv-${Math.random()}`;
  const ask = (text: string, user = 'alice'): ReturnType<typeof bot.handle> =>
    bot.handle({ text, platform: 'slack', user, conversation: id } satisfies Query);
  return { bot, ask, id };
}

describe('conversation memory on the shipped knowledge', () => {
  it('GIVEN a troop count for Kuwait THEN "and Qatar?" and "what about Bahrain?" answer for those countries', async () => {
    const { ask } = await conversation();
    expect(await ask('How many U.S. troops are in Kuwait?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-kuwait' },
    });
    const qatar = await ask('and Qatar?');
    expect(qatar).toMatchObject({ kind: 'answer', entry: { entry: 'us-troops-qatar' } });
    expect(qatar.text).toContain('10,000');
    expect(await ask('what about Bahrain?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-bahrain' },
    });
  });

  it('GIVEN a follow-up about a country the article never mentions THEN declines', async () => {
    const { ask } = await conversation();
    await ask('How many U.S. troops are in Kuwait?');
    expect((await ask('and Germany?')).kind).toBe('decline');
  });

  it('GIVEN a quote THEN "who said that?" names the speaker, attributed', async () => {
    const { ask } = await conversation();
    const quote = await ask(QUOTE);
    expect(quote.kind).toBe('answer');
    const who = await ask('who said that?');
    expect(who).toMatchObject({
      kind: 'answer',
      text: 'According to Scripps News, that was Randa Slim.',
    });
  });

  it('GIVEN an answer with related entries THEN "tell me more" answers a related entry', async () => {
    const { bot, ask } = await conversation();
    const first = await ask('How many U.S. troops are in Kuwait?');
    if (first.kind !== 'answer') throw new Error('expected an answer');
    const more = await ask('tell me more');
    expect(more.kind).toBe('answer');
    if (more.kind === 'answer')
      expect(first.related.map((r) => r.entry)).toContain(more.entry.entry);
    expect(bot).toBeDefined();
  });

  it('GIVEN a follow-up that makes no sense in context THEN it is handled as a fresh question', async () => {
    const { ask } = await conversation();
    const fresh = await (await conversation()).ask('who said that?');
    await ask('How many U.S. troops are in Kuwait?');
    const reply = await ask('who said that?');
    expect(reply.text).not.toContain('that was');
    expect(reply.kind).toBe(fresh.kind);
  });

  it('GIVEN two users in one channel THEN each has their own context', async () => {
    const { ask } = await conversation();
    await ask(QUOTE, 'alice');
    expect((await ask('who said that?', 'bob')).text).not.toContain('that was Randa Slim');
    expect((await ask('who said that?', 'alice')).text).toContain('that was Randa Slim');
  });

  it('GIVEN more questions than the budget THEN one friendly notice, then quiet until the window passes', async () => {
    let clock = 0;
    const bot = createBot({
      knowledge: await shippedKnowledgeBase(),
      store: memoryStateStore(),
      now: () => clock,
      config: { rateLimit: { questions: 3, windowMs: 60_000 } },
    });
    const ask = () =>
      bot.handle({
        text: 'How many U.S. troops are in Iraq?',
        platform: 'discord',
        user: 'u',
        conversation: 'c',
      });
    for (let i = 0; i < 3; i++) expect((await ask()).kind).toBe('answer');
    const notice = await ask();
    expect(notice).toMatchObject({ kind: 'decline', reason: 'rate-limited' });
    expect(notice.text).toContain('3 questions per 60 seconds');
    expect(await ask()).toMatchObject({ reason: 'rate-limited', quiet: true });
    clock += 60_000;
    expect((await ask()).kind).toBe('answer');
  });
});
