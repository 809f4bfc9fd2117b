import type { Bot } from '../bot-types.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { decide } from '../matcher/decide.js';
import type { Reply } from '../reply.js';
import { type DevQuestion, expectedEntries, type QuestionStyle, STYLES } from './question-set.js';
import { type OperatingPoint, riskCoverage, type SweepPoint } from './risk-coverage.js';
import { scoreTurn, type TurnOutcome } from './score-turn.js';

/**
 * Runs a question set through the real bot, one fresh conversation per question, and tallies
 * the outcomes per style, in total, and along the risk–coverage sweep of the answer threshold.
 */

export type Ask = (text: string, index: number) => Promise<Reply>;

export interface QuestionResult {
  readonly q: string;
  readonly style: QuestionStyle;
  readonly expect: DevQuestion['expect'];
  readonly outcome: TurnOutcome;
  readonly correct: boolean;
  readonly answered?: string;
  readonly confidence: number;
  readonly suggestions: readonly string[];
}

export interface Tally {
  readonly questions: number;
  readonly answeredRight: number;
  /** Clarifications offering every entry of a question that leaves their slot open. */
  readonly clarifiedOpen: number;
  readonly clarifiedRight: number;
  readonly declined: number;
  readonly answeredWrong: number;
}

export interface EvaluationReport {
  /**
   * Per style; questions of an in-scope style that expect `decline` (a bare "7" among the
   * extras) are tallied apart, as "extras/decline".
   */
  readonly styles: Readonly<Record<string, Tally>>;
  /** Questions an entry answers (those not expecting `decline`). */
  readonly inScope: Tally;
  /** Questions expecting `decline`: near misses and messages with no question in them. */
  readonly nearMiss: Tally;
  /** In-scope answered right, and answered or clarified right, as shares. */
  readonly answeredRightRate: number;
  /**
   * In-scope given the right outcome: answered right, or, where the question leaves the slot
   * open, clarified offering every entry it could mean.
   */
  readonly rightRate: number;
  readonly answeredOrClarifiedRate: number;
  /** Questions expecting `decline` that were answered (any entry): must be 0. */
  readonly nearMissesAnswered: number;
  readonly riskCoverage: readonly OperatingPoint[];
  readonly results: readonly QuestionResult[];
}

function tally(results: readonly QuestionResult[]): Tally {
  const count = (o: TurnOutcome) => results.filter((r) => r.outcome === o).length;
  return {
    questions: results.length,
    answeredRight: count('answered-right'),
    clarifiedOpen: count('clarified-open'),
    clarifiedRight: count('clarified-right'),
    declined: count('declined'),
    answeredWrong: count('answered-wrong'),
  };
}

/** The question as the sweep sees it: the matcher's top candidate, if it leads clearly. */
function sweepPoint(kb: KnowledgeBase, question: DevQuestion): SweepPoint {
  const result = kb.matcher.match(question.q);
  const top = result.candidates[0];
  const expected = expectedEntries(question.expect);
  const inScope = expected.length > 0;
  if (top === undefined || kb.entries.get(top.entry)?.kind !== 'fact')
    return { confidence: 0, right: false, inScope };
  const clear = decide(result, { answer: top.confidence, clarify: top.confidence });
  return {
    confidence: clear.kind === 'answer' ? top.confidence : 0,
    right: question.leavesOpen !== true && expected.includes(top.entry),
    inScope,
  };
}

export async function evaluateQuestions(
  kb: KnowledgeBase,
  questions: readonly DevQuestion[],
  ask: Ask,
): Promise<EvaluationReport> {
  const results: QuestionResult[] = [];
  for (const [i, question] of questions.entries()) {
    const reply = await ask(question.q, i);
    const score = scoreTurn(reply, question.expect, question.leavesOpen);
    results.push({
      q: question.q,
      style: question.style,
      expect: question.expect,
      outcome: score.outcome,
      correct: score.correct,
      ...(score.answered !== undefined && { answered: score.answered }),
      confidence: reply.confidence,
      suggestions: reply.kind === 'answer' ? [] : reply.suggestions.map((s) => s.entry),
    });
  }
  const answerable = (r: QuestionResult) => expectedEntries(r.expect).length > 0;
  const styles: Record<string, Tally> = {};
  for (const style of STYLES) {
    const of = results.filter((r) => r.style === style);
    const apart = style === 'near-miss' ? [] : of.filter((r) => !answerable(r));
    const kept = of.filter((r) => !apart.includes(r));
    if (kept.length > 0) styles[style] = tally(kept);
    if (apart.length > 0) styles[`${style}/decline`] = tally(apart);
  }
  const inScope = tally(results.filter(answerable));
  const nearMiss = tally(results.filter((r) => !answerable(r)));
  const share = (n: number) => (inScope.questions > 0 ? n / inScope.questions : 0);
  return {
    styles,
    inScope,
    nearMiss,
    answeredRightRate: share(inScope.answeredRight),
    rightRate: share(inScope.answeredRight + inScope.clarifiedOpen),
    answeredOrClarifiedRate: share(
      inScope.answeredRight + inScope.clarifiedOpen + inScope.clarifiedRight,
    ),
    nearMissesAnswered: nearMiss.answeredWrong,
    riskCoverage: riskCoverage(questions.map((q) => sweepPoint(kb, q))),
    results,
  };
}

/** Asks through the real bot core, each question in a conversation of its own. */
export function askThrough(bot: Pick<Bot, 'handle'>): Ask {
  return (text, index) =>
    bot.handle({
      text,
      platform: 'cli',
      user: `eval-${index}`,
      conversation: `eval-${index}`,
    });
}
