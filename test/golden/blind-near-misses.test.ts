import { describe, expect, it } from 'vitest';
import { askerOn } from '../support/shipped-bot.js';

const HANDBOOK = new URL('dev/handbook.yaml', import.meta.url).pathname;

/**
 * Questions blind testers asked of the handbook bot that it answered, or nearly answered, with
 * another question's fact. Each names what sets it apart from the answer it got.
 */
describe('handbook near misses found blind', () => {
  const ask = askerOn(HANDBOOK);

  it.each([
    // The remote-work answer is the office employees' allowance.
    ['how many days a week can warehouse staff work remotely', 'remote-work'],
    // "expensive course" in a training phrasing stemmed to "expenses".
    ['who approves my expenses', 'training-approval'],
    // The pension answer says nothing of opting out.
    ['can I opt out of the pension', 'pension-contributions'],
  ])('GIVEN "%s" THEN %s is not the answer', async (question, entry) => {
    const reply = await (await ask)(question);
    expect(reply.kind === 'answer' ? reply.entry.entry : undefined).not.toBe(entry);
  });

  it('GIVEN the same questions about office staff THEN remote work is answered', async () => {
    expect(await (await ask)('how many days a week can office staff work remotely')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'remote-work' },
    });
  });
});
