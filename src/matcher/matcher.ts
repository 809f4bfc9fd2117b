/**
 * The matcher port: maps a question to knowledge entries with a confidence. The core depends on
 * this interface only, so the algorithm can change without touching callers.
 */

/** What the matcher learns from: one entry (or intent) and the ways people ask for it. */
export interface TrainingEntry {
  readonly id: string;
  readonly phrasings: readonly string[];
  /**
   * What the entry answers with, when it is known: the numbers it states are the entry's own, so
   * a question quoting one ("66 strikes, is that right?") checks the entry, not another figure.
   */
  readonly answer?: string;
}

export interface MatcherOptions {
  /** Groups of words treated as the same word, e.g. [troops, soldiers, forces, military]. */
  readonly synonyms?: readonly (readonly string[])[];
  /** Chat shorthand beyond the built-in lexicon, word → what it stands for. */
  readonly shorthand?: Readonly<Record<string, string>>;
}

export interface Candidate {
  readonly entry: string;
  /** Calibrated confidence in [0, 1] that this entry is what the question asks for. */
  readonly confidence: number;
  /** The training phrasing closest to the question (for explanations). */
  readonly phrasing: string;
  /**
   * Every word of the question is one this entry's phrasings use (or filler): no place, person,
   * number, role or detail of its own, no question word the entry never asks, no roles reversed.
   * Such a question can only be this entry's question put another way, so `Thresholds` may let
   * it be answered at a lower confidence.
   */
  readonly explained?: boolean;
  /**
   * The question names a slot value this entry does not have: another place, person, role,
   * time, number or rate, or the counterpart of one of its words ("site" asked of the office
   * entry). Its confidence already pays for it; a caller that reads the question in parts
   * (the situation apart from the question) needs to know the whole named it.
   */
  readonly otherSlot?: boolean;
  /**
   * The question says what sets this entry apart from the rest of the knowledge: some of its
   * distinctive words (`partly`) or every word most of its phrasings use (`wholly`). A
   * clarification offers such an entry even when the calibration ranks it low.
   */
  readonly named?: 'wholly' | 'partly';
}

export interface MatchResult {
  /** The question after normalisation, for logs and explanations. */
  readonly normalized: string;
  /** Best first; empty when nothing in the knowledge shares anything with the question. */
  readonly candidates: readonly Candidate[];
  /**
   * Set when the question is too bare to be answered outright whatever its confidence: `empty`
   * has no content word (a number, an emoji), `one-word` only one ("troops"), unless it is
   * exactly what a phrasing asks; `open-slot` leaves open the slot in which the two best
   * entries differ ("how many vacation days do I get" between full-time and part-time);
   * `other-subject` names a place, nationality or role the knowledge never mentions
   * ("…in Germany", "…for contractors") and is declined, not offered an entry; `swapped-word`
   * puts another entry's word where one of the top entry's own stands ("London warehouse"
   * against the London office) and is offered, not answered.
   */
  readonly vague?: 'empty' | 'one-word' | 'open-slot' | 'other-subject' | 'swapped-word';
  /** With `open-slot`: the two entries the slot is between, best first; a clarification offers them first. */
  readonly siblings?: readonly Candidate[];
  /**
   * In a curated file, the question without the dates and numbers it names that the knowledge
   * never uses ("troops in iraq 2024"): asked as that, it shows what the knowledge has closest,
   * which a declined question can be offered. The year is never dropped from an answer.
   */
  readonly withoutUnseenTimes?: string;
}

export interface Matcher {
  match(text: string, limit?: number): MatchResult;
}

export type MatcherFactory = (
  entries: readonly TrainingEntry[],
  options?: MatcherOptions,
) => Matcher;

/** Confidence cut-offs: answer at or above `answer`, clarify at or above `clarify`, else decline. */
export interface Thresholds {
  readonly answer: number;
  readonly clarify: number;
  /**
   * The answer cut-off for a top candidate that is `explained`, at most `answer`; `answer` when
   * absent. Chosen on the same held-out evidence as `answer`, among the explained trials only.
   */
  readonly answerExplained?: number;
}

/** One training phrasing, asked of a matcher trained without it (cross-validation). */
export interface HeldOutTrial {
  readonly text: string;
  /** The entry the phrasing belongs to. */
  readonly gold: string;
  readonly result: MatchResult;
}

/** A trained matcher with the held-out evidence its training already produced. */
export interface TrainedMatcher {
  readonly matcher: Matcher;
  /**
   * Every held-out phrasing of the matcher's own cross-validation, answered as the trained
   * matcher would answer it had it not seen it: what threshold choice needs, without retraining.
   */
  readonly heldOut: readonly HeldOutTrial[];
  /**
   * Questions the matcher made from its own phrasings that no entry answers (another place or
   * number, a negation, a detail no entry gives), answered as it would answer them: threshold
   * choice treats them as off-topic, so a file with few off-topic questions is as safe as one
   * with many. `except` names the one entry a swapped sibling slot makes right.
   */
  readonly nearMisses?: readonly { readonly result: MatchResult; readonly except?: string }[];
  /**
   * What training learned beyond the entries themselves, small and JSON-safe: `restoreMatcher`
   * rebuilds the same matcher from it and the same entries without cross-validating again.
   */
  readonly state?: MatcherState;
}

/** A trained matcher's calibration: the only part of training that cross-validation pays for. */
export interface MatcherState {
  /** The calibrator's weights, intercept first. */
  readonly calibration: readonly number[];
}

/**
 * Optional extension of `MatcherFactory`: trains once and also returns cross-validated results,
 * so callers that need both (threshold choice) do not train the matcher six times.
 */
export type MatcherTrainer = (
  entries: readonly TrainingEntry[],
  options?: MatcherOptions,
) => TrainedMatcher;
