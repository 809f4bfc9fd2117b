import { expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import { askThrough, evaluateQuestions } from '../../src/evaluation/evaluate-set.js';
import { readQuestionSet } from '../../src/evaluation/question-set.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge-base.js';
import { memoryStateStore } from '../support/memory-state.js';

// The everyday questions issue 13 quotes are answered with their entry; the bare inputs and the
// reversed roles it quotes are not answered; a statement may be met with a clarification.
it('gives every example quoted in the matcher issue the right outcome', async () => {
  const set = await readQuestionSet(
    new URL('./issue-examples-questions.yaml', import.meta.url).pathname,
  );
  const kb = createKnowledgeBase(await loadKnowledge(set.knowledgePath));
  const bot = createBot({
    knowledge: kb,
    store: memoryStateStore(),
    config: { rateLimit: { questions: 0, windowMs: 60_000 } },
  });
  const report = await evaluateQuestions(kb, set.questions, askThrough(bot));
  const wrong = report.results
    .filter((r) =>
      r.style === 'statement' || r.style === 'near-miss'
        ? !r.correct
        : r.outcome !== 'answered-right',
    )
    .map((r) => `"${r.q}" → ${r.outcome} ${r.answered ?? ''}`);
  expect(wrong).toEqual([]);
}, 60_000);

// The handbook examples the matcher issue quotes, on the second development knowledge file.
it('gives the handbook examples quoted in the matcher issue the right outcome', async () => {
  const kb = createKnowledgeBase(
    await loadKnowledge(new URL('./dev/handbook.yaml', import.meta.url).pathname),
  );
  const bot = createBot({ knowledge: kb, store: memoryStateStore() });
  const ask = (text: string) =>
    bot.handle({ text, platform: 'console', user: 'u', conversation: `c-${text}` });
  expect(await ask('non birth parent leave??')).toMatchObject({
    kind: 'answer',
    entry: { entry: 'parental-leave-non-birth-parent' },
  });
  // The slot full-time and part-time holiday differ in is left open: both are offered, first.
  const vacation = await ask('how many vacation days do I get');
  expect(vacation.kind).toBe('clarify');
  if (vacation.kind === 'clarify')
    expect(
      vacation.suggestions
        .slice(0, 2)
        .map((s) => s.entry)
        .sort(),
    ).toEqual(['vacation-full-time', 'vacation-part-time']);
  const bike = await ask('can my partner use the bike discount?');
  expect(bike.kind === 'answer' && bike.entry.entry).not.toBe('employee-discount');
  const overtime = await ask('what is the overtime rate at a site?');
  const entry = overtime.kind === 'answer' ? overtime.entry.entry : '';
  expect(entry).not.toMatch(/office-hours/);
  // Found by outside testing: a warehouse is not the office of its city, and the offices' hours
  // say they are closed on bank holidays.
  for (const city of ['london', 'leeds'])
    expect((await ask(`what time does the ${city} warehouse open`)).kind).not.toBe('answer');
  expect((await ask('what time does the london office open')).kind).toBe('answer');
  // The phrasings write "pay day" apart; run together it is the same question.
  expect(await ask('when is payday')).toMatchObject({
    kind: 'answer',
    entry: { entry: 'pay-day' },
  });
  expect((await ask('is the leeds office open on bank holidays')).text).toContain(
    'closed on bank holidays',
  );
  // Found by exploring chatter: the notice period during probation is not the one after it.
  const probation = await ask("what's the notice period while I'm on probation?");
  expect(probation.kind === 'answer' && probation.entry.entry).not.toBe('notice-period');
  // Found by exploring shorthand: "it" after the birth parent's leave is not the non-birth
  // parent's leave, which the first answer links to.
  const turn = (text: string) =>
    bot.handle({ text, platform: 'console', user: 'u', conversation: 'maternity' });
  await turn('how long is maternity leave');
  const paid = await turn('is it paid');
  expect(paid.kind === 'answer' && paid.entry.entry).not.toBe('parental-leave-non-birth-parent');
  const both = await ask('how long is mat leave & is it paid');
  expect(both.kind === 'answer' && both.text).not.toContain('non-birth parent');
}, 60_000);

// Found by outside testing: the entry says militias attack U.S. troops; these ask the reverse.
it('does not answer a question that reverses who attacks whom, and still answers the entry put either way', async () => {
  const kb = createKnowledgeBase(
    await loadKnowledge(
      new URL('../../knowledge/us-forces-middle-east.yaml', import.meta.url).pathname,
    ),
  );
  const bot = createBot({ knowledge: kb, store: memoryStateStore() });
  const ask = (text: string) =>
    bot.handle({ text, platform: 'console', user: 'u', conversation: `c-${text}` });
  for (const reversed of [
    'did the us attack iran?',
    'who did US troops attack in Iraq?',
    'did us troops attack iran-backed militias in recent months',
    // A blind tester's: the entry's attack is the one in Jordan, done by nobody it names as U.S.
    'did us troops attack the iraqi security forces?',
  ])
    expect((await ask(reversed)).kind, reversed).not.toBe('answer');
  for (const asked of [
    'who is attacking us troops in iraq',
    'have us troops in iraq been attacked',
    'us troops attacked in iraq?',
    'the militias in iraq, who is backing them?',
  ])
    expect(await ask(asked), asked).toMatchObject({
      kind: 'answer',
      entry: { entry: 'militia-attacks-recent-months' },
    });
}, 60_000);
