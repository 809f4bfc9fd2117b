import { describe, expect, it } from 'vitest';
import { conversationsOn, SHIPPED_KNOWLEDGE } from '../../support/shipped-bot.js';

const HANDBOOK = new URL('../../golden/dev/handbook.yaml', import.meta.url).pathname;

// One bot, trained once, for every conversation of this file.
const talks = conversationsOn(HANDBOOK);
const conversation = async (id: string) => (await talks)(id);

describe('context guard after a turn that was not answered', () => {
  it('GIVEN the overtime rate, then a clarification THEN "who has to approve it?" is not answered from training', async () => {
    const say = await conversation('overtime');
    expect(await say('overtime rate for office staff?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'office-overtime-rate' },
    });
    expect((await say('asdf')).kind).not.toBe('answer');
    // A blind tester got the training-approval answer here: "it" is the overtime.
    const approve = await say('who has to approve it?');
    expect(approve.kind).not.toBe('answer');
    // Naming the new topic moves the conversation to it.
    expect(await say('who approves training?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'training-approval' },
    });
  });

  it('GIVEN a clarification offering laptops THEN "how quickly should I report it?" is not the Code of Conduct answer', async () => {
    const say = await conversation('lost-laptop');
    expect((await say('I lost my laptop')).kind).toBe('clarify');
    // A blind tester got the Speak Up line here: "report" is a verb, it names no report entry.
    expect((await say('how quickly should I report it?')).kind).not.toBe('answer');
  });

  it('GIVEN clarifications offering the overtime rates THEN "who approves it?" is not answered from training', async () => {
    const say = await conversation('offered');
    expect((await say('do i get paid overtime?')).kind).toBe('clarify');
    expect((await say('who approves it?')).kind).not.toBe('answer');
  });

  it('GIVEN "is it paid?" about sick notes THEN "during probation?" qualifies it: no probation answer', async () => {
    const say = await conversation('qualifier');
    expect(await say('do i need a doctors note?')).toMatchObject({ kind: 'answer' });
    await say('is it paid?');
    // A blind tester got the probation period's length here.
    expect((await say('during probation?')).kind).not.toBe('answer');
    // Asked on its own, the same words ask about probation.
    expect((await (await conversation('alone'))('during probation?')).kind).toBe('answer');
  });
});

describe('the other one of a pair', () => {
  it('GIVEN the birth parent\'s leave THEN "and for the other parent?" is the non-birth parent\'s', async () => {
    const say = await conversation('other-parent');
    await say('how long is mat leave?');
    expect(await say('and for the other parent?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'parental-leave-non-birth-parent' },
    });
  });

  it('GIVEN the London office\'s hours THEN "and the other office?" is Leeds, not an office employee entry', async () => {
    const say = await conversation('other-office');
    await say('when is the london office open?');
    expect(await say('and the other office?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'leeds-office-hours' },
    });
  });
});

describe('a time the last answer speaks of', () => {
  it('GIVEN the site overtime rate THEN "and on sundays?" is answered by it again; "and on saturdays?" is not', async () => {
    const say = await conversation('sundays');
    await say('what is the overtime rate for warehouse staff');
    // A blind tester got "I don't have an answer to exactly that" here, offering the same entry:
    // its answer gives the Sunday rate.
    expect(await say('and on sundays?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'site-overtime-rate' },
    });
    expect((await say('and on saturdays?')).kind).not.toBe('answer');
  });
});

describe('a pronoun for the person the conversation is about', () => {
  const onArticle = conversationsOn(SHIPPED_KNOWLEDGE);
  it('GIVEN answers quoting Singh THEN "what did she say about the jordan strike" is not answered with Slim', async () => {
    const say = await (await onArticle)('she');
    expect(await say('did the oct 7 attacks delay the us iraq talks')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'singh-delay-quote' },
    });
    // A blind tester got Randa Slim's quote on Jordan here: the article quotes Singh on nothing
    // of Jordan.
    expect((await say('what did she say about the jordan strike')).kind).not.toBe('answer');
    // Naming Slim asks for Slim's words.
    expect(await say('what did slim say about the jordan strike')).toMatchObject({
      kind: 'answer',
    });
  });
});

describe('a follow-up of the same subject but another event', () => {
  const onArticle = conversationsOn(SHIPPED_KNOWLEDGE);
  it('GIVEN the strikes since Oct. 7 THEN "how many were hurt?" is not the 2020 injuries, nor "which base was it?" their count', async () => {
    const say = await (await onArticle)('strikes');
    await say('how many strikes have there been since oct 7?');
    // A blind tester got the injuries of the 2020 attack here: the article gives none for the strikes.
    expect((await say('how many were hurt?')).kind).not.toBe('answer');
    const injuries = await (await onArticle)('injuries');
    // The article never names the base: the injury count does not answer "which".
    expect((await injuries('how many us troops were injured in 2020')).kind).toBe('answer');
    expect((await injuries('which base was it?')).kind).not.toBe('answer');
  });
});
