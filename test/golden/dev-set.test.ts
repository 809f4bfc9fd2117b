import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import { askThrough, evaluateQuestions } from '../../src/evaluation/evaluate-set.js';
import { readQuestionSet } from '../../src/evaluation/question-set.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge-base.js';
import { memoryStateStore } from '../support/memory-state.js';

/**
 * The development question sets, written blind from each source document, scored through the
 * real bot as `npm run kb -- eval` scores them. A regression fails: any in-scope question
 * answered with a wrong entry, any question that must be declined answered, or the
 * answered-right shares below the floors reached when they were set.
 * The targets are 90% answered right and 97% answered or clarified right; the floors
 * are lower because the matcher does not reach them yet.
 */
interface DevSet {
  readonly file: string;
  /** In-scope answered right, and answered or clarified right, at least. */
  readonly answeredRight: number;
  /** Answered right, or clarified offering both siblings where the question names neither. */
  readonly right: number;
  readonly answeredOrClarified: number;
}

const SETS: readonly DevSet[] = [
  {
    file: 'dev/us-forces-questions.yaml',
    // Measured 0.789 (224 of 284).
    answeredRight: 0.785,
    right: 0.785,
    answeredOrClarified: 0.96,
  },
  {
    file: 'dev/handbook-questions.yaml',
    answeredRight: 0.525,
    right: 0.595,
    // Measured 0.871; the calibrated clarify cut-off moves by a few hundredths whenever the
    // phrasings' words change, and a question near it crosses it (0.860 -> 0.855 once).
    answeredOrClarified: 0.865,
  },
];

describe.each(SETS)('development set $file', (devSet) => {
  it('answers no question wrong and keeps its answered-right share', async () => {
    const set = await readQuestionSet(new URL(devSet.file, import.meta.url).pathname);
    const kb = createKnowledgeBase(await loadKnowledge(set.knowledgePath));
    const bot = createBot({
      knowledge: kb,
      store: memoryStateStore(),
      config: { rateLimit: { questions: 0, windowMs: 60_000 } },
    });
    const report = await evaluateQuestions(kb, set.questions, askThrough(bot));
    const wrong = report.results
      .filter((r) => r.outcome === 'answered-wrong')
      .map((r) => `"${r.q}" → ${r.answered}, expected ${String(r.expect)}`);
    expect(wrong).toEqual([]);
    expect(report.answeredRightRate).toBeGreaterThanOrEqual(devSet.answeredRight);
    expect(report.rightRate).toBeGreaterThanOrEqual(devSet.right);
    expect(report.answeredOrClarifiedRate).toBeGreaterThanOrEqual(devSet.answeredOrClarified);
  }, 120_000);
});
