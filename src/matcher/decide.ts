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

/**
 * How far ahead of the runner-up the top candidate must be to be answered outright: the lead must
 * be at least this share of the top confidence (0.9 vs 0.5 is clear, 0.55 vs 0.45 is not).
 */
export const MIN_LEAD = 0.4;
/** At most this many suggestions in a clarification. */
export const MAX_SUGGESTIONS = 3;

/**
 * A candidate's confidence, 0 when there is none: no candidate clears any cut-off, and a top
 * candidate without a runner-up leads by its whole confidence.
 */
export const confidenceOf = (candidate: Candidate | undefined): number =>
  candidate?.confidence ?? 0;

/** The cut-off a top candidate is answered at: the explained one when it is explained. */
export function answerCutOff(top: Candidate, thresholds: Thresholds): number {
  return top.explained === true
    ? Math.min(thresholds.answerExplained ?? 1, thresholds.answer)
    : thresholds.answer;
}

export function decide(result: MatchResult, thresholds: Thresholds): Decision {
  const [top, runnerUp] = result.candidates;
  const clarifyAt = Math.min(thresholds.clarify, thresholds.answer);
  const declined = result.vague === 'empty' || result.vague === 'other-subject';
  if (top === undefined || top.confidence < clarifyAt || declined)
    return { kind: 'decline', candidates: [] };
  const lead = top.confidence - confidenceOf(runnerUp);
  const clear = lead >= MIN_LEAD * top.confidence && result.vague === undefined;
  if (top.confidence >= answerCutOff(top, thresholds) && clear) {
    return { kind: 'answer', candidates: [top] };
  }
  // Suggest the alternatives that are plausible in their own right, not the whole tail.
  const floor = Math.min(clarifyAt, top.confidence * (1 - MIN_LEAD));
  // An open slot offers both siblings first, however unevenly the question leans to one of them.
  const first =
    result.vague === 'open-slot' ? (result.siblings ?? result.candidates.slice(0, 2)) : [top];
  const offered = (c: Candidate) => first.some((f) => f.entry === c.entry);
  const rest = result.candidates.filter((c) => c.confidence >= floor && !offered(c));
  // "who approves my expenses": the calibration may rank far down the entry the question names
  // outright (expense claims) below one it shares a phrase with (training approval). A choice
  // offered costs the asker one tap; leaving the named entry out costs them the answer.
  const named = result.candidates.filter(
    (c) => !offered(c) && !rest.includes(c) && namedOver(c, top),
  );
  const candidates = [...first, ...rest, ...named].slice(0, MAX_SUGGESTIONS);
  return { kind: 'clarify', candidates };
}

/** Whether the question names `c` better than it names the top candidate. */
function namedOver(c: Candidate, top: Candidate): boolean {
  if (c.otherSlot === true || c.named === undefined) return false;
  return c.named === 'wholly' ? top.named !== 'wholly' : top.named === undefined;
}
