import { describe, expect, it } from 'vitest';
import { createShippedBot, query } from '../../support/shipped-bot.js';

describe('a message about the answer just given', () => {
  it('GIVEN the strikes counted by Scripps News THEN "who compiled that" is answered by that entry', async () => {
    const bot = await createShippedBot();
    const say = (text: string) => bot.handle(query(text, 'compiled'));
    await say('how many strikes on us troops in iraq since oct 7');
    // A blind tester was offered, as a clarification, the answer just given.
    const reply = await say('who compiled that');
    expect(reply).toMatchObject({
      kind: 'answer',
      entry: { entry: 'militia-strikes-since-oct-7' },
    });
    expect(reply.kind === 'answer' && reply.text).toContain('compiled by Scripps News');
  });

  it('GIVEN an entry never asked "who" THEN "who planned them" is not answered by it', async () => {
    const bot = await createShippedBot();
    const say = (text: string) => bot.handle(query(text, 'planned'));
    await say('are the us and iraq negotiating?');
    expect(await say('when were they planned')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'talks-planned-since-last-summer' },
    });
    // The answer says since when, not by whom.
    expect((await say('who planned them')).kind).not.toBe('answer');
  });
});
