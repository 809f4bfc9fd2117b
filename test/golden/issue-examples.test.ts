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
