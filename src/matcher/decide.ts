import type { Candidate, MatchResult, Thresholds } from './matcher.js';

/**
 * Turns a match into what the bot does. A confident wrong answer is the worst failure, so an
 * answer needs both a high confidence and a clear lead over the runner-up.
 */

export type DecisionKind = 'answer' | 'clarify' | 'decline';

export interface Decision {
  readonly kind: DecisionKind;
  /** `answer`: the one entry; `clarify`: up to three to choose from; `decline`: none. */
  readonly candidates: readonly Candidate[];
}

/** How far ahead of the runner-up the top candidate must be to be answered outright. */
export const MIN_LEAD = 0.15;
/** At most this many suggestions in a clarification. */
export const MAX_SUGGESTIONS = 3;

export function decide(result: MatchResult, thresholds: Thresholds): Decision {
  const [top, runnerUp] = result.candidates;
  const clarifyAt = Math.min(thresholds.clarify, thresholds.answer);
  if (top === undefined || top.confidence < clarifyAt) return { kind: 'decline', candidates: [] };
  const lead = top.confidence - (runnerUp?.confidence ?? 0);
  if (top.confidence >= thresholds.answer && lead >= MIN_LEAD) {
    return { kind: 'answer', candidates: [top] };
  }
  // Suggest the alternatives that are plausible in their own right, not the whole tail.
  const floor = Math.min(clarifyAt, top.confidence - MIN_LEAD);
  const candidates = result.candidates
    .filter((c, i) => i === 0 || c.confidence >= floor)
    .slice(0, MAX_SUGGESTIONS);
  return { kind: 'clarify', candidates };
}
