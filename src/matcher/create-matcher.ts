import { CALIBRATION_DEPTH } from './calibration-features.js';
import { FALLBACK, fitEvidence } from './calibration-fit.js';
import { type Calibrator, createCalibrator } from './calibrator.js';
import { capitalMetonyms } from './capital-metonyms.js';
import { collectEvidence, SINGLE_SPLIT_ABOVE } from './held-out-evidence.js';
import { toResult } from './match-result.js';
import type {
  HeldOutTrial,
  Matcher,
  MatcherFactory,
  MatcherOptions,
  MatcherState,
  MatcherTrainer,
  MatchResult,
  TrainingEntry,
} from './matcher.js';
import { createNormalizer, createTrainingNormalizer } from './normalize.js';
import { createScorer, type Scorer } from './scorer.js';

/**
 * The production matcher: TF-IDF nearest-phrasing and centroid scoring (plus a linear model on
 * small and medium sets), with a confidence calibrated at training time on cross-validated
 * evidence. The same evidence says what a question the knowledge cannot answer looks like: the
 * held-out phrasing as if its entry were missing, and the phrasing with its key word replaced.
 */

const DEFAULT_LIMIT = 5;

/** The matcher that answers questions: the scorer's evidence turned into confidences. */
function assemble(
  scorer: Scorer,
  calibrator: Calibrator,
  entries: readonly TrainingEntry[],
): Matcher {
  return {
    match(text: string, limit = DEFAULT_LIMIT): MatchResult {
      const scored = scorer.score(text, Math.max(limit, CALIBRATION_DEPTH));
      return toResult(scored, calibrator, entries, scorer.phrasings, limit);
    },
  };
}

function normalizerFor(options: MatcherOptions, entries: readonly TrainingEntry[]) {
  return createNormalizer({
    ...(options.synonyms && { synonyms: options.synonyms }),
    ...(options.shorthand && { shorthand: options.shorthand }),
    metonyms: capitalMetonyms(entries.flatMap((e) => e.phrasings)),
  });
}

/** Trains the matcher and returns it with its cross-validated answers to its own phrasings. */
export const trainMatcher: MatcherTrainer = (entries, options: MatcherOptions = {}) => {
  const phrasings = entries.flatMap((e) => e.phrasings);
  // Small files are read once per fold and gain most; large ones use one fold, and remembering
  // tens of thousands of phrasings would raise their training peak for little time.
  const training = createTrainingNormalizer(
    normalizerFor(options, entries),
    phrasings.length <= SINGLE_SPLIT_ABOVE ? phrasings : [],
  );
  const normalizer = training.normalizer;
  const depth = Math.max(DEFAULT_LIMIT, CALIBRATION_DEPTH + 1);
  const evidence = collectEvidence(entries, normalizer, depth);
  const calibrator = fitEvidence(evidence.answerable, evidence.nearMisses, evidence.misspelt);
  const scorer = createScorer(entries, normalizer);
  training.release();
  const heldOut: HeldOutTrial[] = evidence.answerable.map((q) => ({
    text: q.text,
    gold: entries[q.gold]?.id ?? '',
    result: toResult(q.scored, calibrator, entries, q.phrasings, DEFAULT_LIMIT, false),
  }));
  const nearMisses = evidence.nearMisses
    .filter((m) => m.firm)
    .map(({ scored, except }) => {
      const result = toResult(scored, calibrator, entries, [], DEFAULT_LIMIT, false);
      const id = except === undefined ? undefined : entries[except]?.id;
      return id === undefined ? { result } : { result, except: id };
    });
  return {
    matcher: assemble(scorer, calibrator, entries),
    heldOut,
    nearMisses,
    state: { calibration: [...calibrator.weights] },
  };
};

/**
 * The matcher `trainMatcher` returned along with `state`, rebuilt from the same entries and
 * options: the scorer is deterministic and cheap to build, only the calibration is costly.
 */
export function restoreMatcher(
  entries: readonly TrainingEntry[],
  options: MatcherOptions,
  state: MatcherState,
): Matcher {
  const scorer = createScorer(entries, normalizerFor(options, entries));
  return assemble(scorer, createCalibrator(state.calibration), entries);
}

/** Number of calibrator weights a `MatcherState` holds, so a stored state can be checked. */
export const CALIBRATION_SIZE = FALLBACK.weights.length;

export const createMatcher: MatcherFactory = (
  entries: readonly TrainingEntry[],
  options: MatcherOptions = {},
): Matcher => trainMatcher(entries, options).matcher;
