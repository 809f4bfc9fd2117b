import { describe, expect, it } from 'vitest';
import { askerOn, SHIPPED_KNOWLEDGE } from '../support/shipped-bot.js';

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
    // The per diem is the employee's: the handbook says nothing of a partner's.
    ['my partner is coming with me on the trip, do they get the per diem too', 'per-diem'],
    // Split at "and", the situation was answered and the question asked was not (blind, stop 26).
    [
      'still in month 3 of probation and been off sick a week, do I get full sick pay?',
      'probation-period',
    ],
    // The sick-pay answer is for those who have passed probation (blind, stop 26).
    ['still on probation (month 2) and got flu 🤒 how much sick pay do i get?', 'sick-pay'],
    // During probation the notice is the probation entry's week, not a month (blind, stop 26).
    ["i'm 3 months into probation and want to quit lol - whats my notice period?", 'notice-period'],
    // The answer gives 25 days "plus bank holidays": no number of bank holidays (blind, stop 30).
    ['How many bank holidays do full-timers get a year?', 'vacation-full-time'],
  ])('GIVEN "%s" THEN %s is not the answer', async (question, entry) => {
    const reply = await (await ask)(question);
    expect(reply.kind === 'answer' ? reply.entry.entry : undefined).not.toBe(entry);
  });

  it("GIVEN a time the answer states THEN it is the entry's own, and another time is not", async () => {
    // "monthly" and "weekly" are in the pay-day answer, in no phrasing: asked, they scored 0.05.
    expect(await (await ask)('are salaried staff paid monthly')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'pay-day' },
    });
    expect((await (await ask)('is pay day in december')).kind).not.toBe('answer');
  });

  it('GIVEN the same questions about office staff THEN remote work is answered', async () => {
    expect(await (await ask)('how many days a week can office staff work remotely')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'remote-work' },
    });
  });
});

describe('article near misses found blind', () => {
  const ask = askerOn(SHIPPED_KNOWLEDGE);
  const answered = async (question: string) => {
    const reply = await (await ask)(question);
    return reply.kind === 'answer' ? reply.entry.entry : undefined;
  };

  it.each([
    // Slim said the attack made the talks harder; Singh said the attacks delayed them.
    'who said the jordan attack made the talks easier?',
    'who said the oct 7 attacks sped up the talks?',
    // Only Slim's quote names these forces; they are never quoted.
    'what did the iraqi security forces say about the talks',
    'what did the american security forces say about the discussions',
    // Slim is a senior fellow at the Middle East Institute; the article never names Brookings.
    "what's randa slim's job at brookings",
    // Kuwait's own forces, not the U.S. troops it hosts (blind, stop 26: 0.962).
    "how many troops does kuwait's own army have",
    // The militias are the attackers; the article names no one who attacked them (blind, 0.954).
    'who attacked iran backed militias in iraq',
  ])('GIVEN "%s" THEN nothing is answered', async (question) => {
    expect(await answered(question)).toBeUndefined();
  });

  it.each([
    ['who said the jordan attack made the talks harder?', 'jordan-attack-made-talks-harder'],
    ['who said the oct 7 attacks delayed the talks', 'singh-delay-quote'],
    ['what did the deputy press secretary say about the delay', 'singh-delay-quote'],
    ['who has attacked us troops in iraq', 'militia-attacks-recent-months'],
  ])('GIVEN "%s" THEN %s answers it', async (question, entry) => {
    expect(await answered(question)).toBe(entry);
  });

  it('GIVEN Slim named as the speaker THEN her words on Jordan answer', async () => {
    expect(['jordan-attack-made-talks-harder', 'slim-complicating-factor-quote']).toContain(
      await answered('what did slim say about the jordan attack'),
    );
  });
});
