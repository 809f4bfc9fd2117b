import type { Reply } from '../reply.js';
import { type Expectation, expectedEntries } from './question-set.js';

/**
 * How one reply fares against what was expected. Reusable per turn: question sets score one turn
 * per question; conversation sets score every turn of a conversation the same way.
 */
export type TurnOutcome =
  | 'answered-right'
  | 'clarified-open'
  | 'clarified-right'
  | 'declined'
  | 'answered-wrong';

export interface TurnScore {
  readonly outcome: TurnOutcome;
  /** Whether the outcome counts as correct for this expectation. */
  readonly correct: boolean;
  /** The entry answered, when the reply answered from the knowledge. */
  readonly answered?: string;
}

/** Whether the reply gives an answer from the knowledge (small talk is not an answer). */
export function answeredEntry(reply: Reply): string | undefined {
  return reply.kind === 'answer' && reply.entryKind === 'fact' ? reply.entry.entry : undefined;
}

/**
 * Scores a reply: an expected entry answered is right; a clarification or decline offering an
 * expected entry is clarified-right; any other answer from the knowledge is wrong. For `decline`
 * (a near miss) every reply that does not answer from the knowledge is correct.
 *
 * `leavesOpen` marks a question that leaves open the slot in which its expected entries differ
 * ("how many vacation days do I get" with full-time and part-time entries): there the right
 * reply is a clarification offering every one of them (clarified-open), and answering one of
 * them picks a slot the asker never named, so it counts as wrong.
 */
export function scoreTurn(reply: Reply, expect: Expectation, leavesOpen = false): TurnScore {
  const expected = expectedEntries(expect);
  const answered = answeredEntry(reply);
  if (expected.length === 0) {
    return answered === undefined
      ? { outcome: 'declined', correct: true }
      : { outcome: 'answered-wrong', correct: false, answered };
  }
  if (answered !== undefined) {
    const right = !leavesOpen && expected.includes(answered);
    return { outcome: right ? 'answered-right' : 'answered-wrong', correct: right, answered };
  }
  const offered = reply.kind === 'answer' ? [] : reply.suggestions.map((s) => s.entry);
  if (leavesOpen && expected.every((id) => offered.includes(id)))
    return { outcome: 'clarified-open', correct: true };
  return offered.some((id) => expected.includes(id))
    ? { outcome: 'clarified-right', correct: true }
    : { outcome: 'declined', correct: false };
}
