import { type Calibrator, createCalibrator, fitCalibrator } from './calibrator.js';
import {
  collectEvidence,
  type HeldOutQuestion,
  type NearMiss,
  SINGLE_SPLIT_ABOVE,
} from './held-out-evidence.js';
import type {
  Candidate,
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
import { type CandidateEvidence, createScorer, type ScoredQuery, type Scorer } from './scorer.js';

/**
 * The production matcher: TF-IDF nearest-phrasing and centroid scoring (plus a linear model on
 * small and medium sets), with a confidence calibrated at training time on cross-validated
 * evidence. The same evidence says what a question the knowledge cannot answer looks like: the
 * held-out phrasing as if its entry were missing, and the phrasing with its key word replaced.
 */

const DEFAULT_LIMIT = 5;
/**
 * Confidence kept by a candidate whose roles the question reverses: it may still be offered,
 * never answered.
 */
const ROLE_CONFLICT_SCALE = 0.5;
/**
 * Confidence kept when the question names a slot value the entry does not have: a place, role,
 * time or number the knowledge never uses, or a number only other entries use. Cross-validation
 * cannot learn this price: curated phrasings vary such words freely.
 */
const SLOT_MISMATCH_SCALE = 0.7;

/**
 * Confidence kept when the question adds a word the knowledge never uses and lacks one the
 * entry's phrasings share ("parking at the London office" asked of the London office hours), or
 * asks about that word ("the bike scheme for an e-scooter").
 */
const OTHER_DETAIL_SCALE = 0.7;

/**
 * A question that is one of an entry's own phrasings, word for word after normalisation, is that
 * entry's question: cross-validation never sees such a match, so calibration cannot price it.
 */
const EXACT_PHRASING_CONFIDENCE = 0.99;
const EXACT_COSINE = 0.9999;

const isExact = (c: CandidateEvidence) => c.nearest >= EXACT_COSINE && c.sameContent;

/** How much of its calibrated confidence a candidate keeps, for what calibration cannot see. */
function keptShare(c: CandidateEvidence, scored: ScoredQuery): number {
  let share = c.roleConflict ? ROLE_CONFLICT_SCALE : 1;
  if (!scored.curated) return share;
  const unseenTime = scored.unseenSlot === 'time' && !c.timesVary;
  if (unseenTime || c.foreignNumber || c.slotSwap) share *= SLOT_MISMATCH_SCALE;
  if (c.unknownMax > 0 && (c.core < 1 || scored.unseenObject)) share *= OTHER_DETAIL_SCALE;
  return share;
}

/**
 * Whether the entry explains every word of the question (see `Candidate.explained`) and the
 * question says what sets the entry apart. Typo credit below 1 is allowed: a corrected
 * word is still the entry's word.
 */
function isExplained(c: CandidateEvidence, scored: ScoredQuery): boolean {
  return (
    c.unknownMax === 0 &&
    c.foreignMax === 0 &&
    !c.foreignNumber &&
    !c.roleConflict &&
    !c.slotSwap &&
    c.namesEntry &&
    c.questionWords === 1 &&
    scored.unseenSlot === undefined
  );
}

/** Candidates per held-out question used as calibration examples. */
const CALIBRATION_DEPTH = 3;
/**
 * Weight of all unanswerable examples together relative to the answerable ones. A fixed share,
 * not one per held-out phrasing, so the calibrator's prior does not depend on the file's size.
 */
const UNANSWERABLE_SHARE = 1;
/** Of the unanswerable weight, the share that goes to "entry missing" examples (rest: near misses). */
const ABSENT_SHARE = 0.5;
/** Weight of a misspelt held-out phrasing relative to the phrasing as written. */
const MISSPELT_WEIGHT = 0.5;

// Used only when cross-validation yields no right or no wrong example (a one-entry file).
const FALLBACK = createCalibrator([-2, 2, 2, 2, 4, 1, 1, 0, -1.5, -1.5, 1, 1, 1, -4, -4, -4, 1]);

function evidenceFeatures(
  c: CandidateEvidence,
  all: readonly CandidateEvidence[],
  coverage: number,
  rank: number,
  linearScale = 1,
): number[] {
  let bestOther = 0;
  let bestOtherLinear = 0;
  for (const o of all) {
    if (o === c) continue;
    if (o.score > bestOther) bestOther = o.score;
    if (o.linear * linearScale > bestOtherLinear) bestOtherLinear = o.linear * linearScale;
  }
  const linear = c.linear * linearScale;
  return [
    c.nearest,
    c.centroid,
    c.score,
    c.score - bestOther,
    c.entryCoverage,
    coverage,
    rank === 0 ? 1 : 0,
    // Confidence should fall steeply as soon as an informative word is missing, not linearly.
    Math.log(1.05 - c.entryCoverage),
    Math.log(1.05 - coverage),
    linear,
    linear - bestOtherLinear,
    c.questionWords,
    c.foreignMax,
    c.unknownMax,
    c.foreignNumber ? 1 : 0,
    c.core,
  ];
}

const featuresOf = (q: ScoredQuery) =>
  q.candidates.map((c, rank) => evidenceFeatures(c, q.candidates, q.coverage, rank));

/**
 * The held-out question as if its entry were not in the knowledge: the other candidates, with
 * the linear model's probabilities renormalised without the gold entry and the words only that
 * entry knows counted as unknown. Every row is a wrong answer.
 */
function absentFeatures(q: HeldOutQuestion): number[][] {
  const others = q.scored.candidates.filter((c) => c.entry !== q.gold);
  const gold = q.scored.candidates.find((c) => c.entry === q.gold);
  const scale = gold && gold.linear < 1 ? 1 / (1 - gold.linear) : 1;
  const coverage = q.scored.coverageWithout;
  return others
    .slice(0, CALIBRATION_DEPTH)
    .map((c, rank) => evidenceFeatures(c, others, coverage, rank, Math.min(scale, 1e3)));
}

function fitEvidence(
  answerable: readonly HeldOutQuestion[],
  nearMisses: readonly NearMiss[],
  misspelt: readonly HeldOutQuestion[],
): Calibrator {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  const add = (features: number[][], label: (rank: number) => number, weight: number) => {
    features.forEach((f, rank) => {
      rows.push(f);
      labels.push(label(rank));
      weights.push(weight);
    });
  };
  const addAnswerable = (q: HeldOutQuestion, weight: number) => {
    const depth = q.scored.candidates.slice(0, CALIBRATION_DEPTH);
    add(
      featuresOf(q.scored).slice(0, CALIBRATION_DEPTH),
      (rank) => (depth[rank]?.entry === q.gold ? 1 : 0),
      weight,
    );
  };
  for (const q of answerable) addAnswerable(q, 1);
  for (const q of misspelt) addAnswerable(q, MISSPELT_WEIGHT);
  const n = answerable.length;
  const absentWeight = (UNANSWERABLE_SHARE * ABSENT_SHARE * n) / Math.max(1, n);
  for (const q of answerable) add(absentFeatures(q), () => 0, absentWeight);
  const missWeight = (UNANSWERABLE_SHARE * (1 - ABSENT_SHARE) * n) / Math.max(1, nearMisses.length);
  for (const { scored, except } of nearMisses) {
    const features = featuresOf(scored).slice(0, CALIBRATION_DEPTH);
    const depth = scored.candidates;
    features.forEach((f, rank) => {
      if (except !== undefined && depth[rank]?.entry === except) return;
      rows.push(f);
      labels.push(0);
      weights.push(missWeight);
    });
  }
  const positives = labels.filter((l) => l === 1).length;
  if (positives === 0 || positives === labels.length) return FALLBACK;
  return fitCalibrator(rows, labels, 0.1, 25, weights);
}

function toResult(
  scored: ScoredQuery,
  calibrator: Calibrator,
  entries: readonly TrainingEntry[],
  phrasings: readonly string[],
  limit: number,
  openSlots = true,
): MatchResult {
  const features = featuresOf(scored);
  const ranked = scored.candidates
    .map((c, rank) => ({
      c,
      candidate: {
        entry: entries[c.entry]?.id ?? '',
        confidence: isExact(c)
          ? Math.max(EXACT_PHRASING_CONFIDENCE, calibrator.probability(features[rank] ?? []))
          : calibrator.probability(features[rank] ?? []) * keptShare(c, scored),
        phrasing: phrasings[c.phrasing] ?? '',
        ...(isExplained(c, scored) && { explained: true }),
      },
    }))
    .sort((a, b) => b.candidate.confidence - a.candidate.confidence);
  const candidates: Candidate[] = ranked.slice(0, limit).map((r) => r.candidate);
  // Another subject and an open slot are reasons to decline or ask back, not evidence about the
  // confidence: they are left out of the held-out results thresholds are chosen on
  // (`openSlots` false there).
  const top = ranked[0]?.c;
  const exact = top !== undefined && isExact(top);
  const otherSubject =
    (scored.unseenSlot === 'entity' && top?.entitiesVary !== true) ||
    anotherNumber(top, ranked[1]?.c);
  const vague = !openSlots
    ? vagueness(scored.content, top)
    : scored.curated && otherSubject && !exact
      ? ('other-subject' as const)
      : scored.curated && swapsCoreWord(top) && !exact
        ? ('swapped-word' as const)
        : scored.openSlot && !exact
          ? ('open-slot' as const)
          : vagueness(scored.content, top);
  if (vague !== 'open-slot')
    return { normalized: scored.normalized, candidates, ...(vague && { vague }) };
  // The slot is between the scorer's two best entries (full-time / part-time holiday), whatever
  // the calibration made of the second: both are offered, however far down it ranks.
  const pair = new Set(scored.candidates.slice(0, 2).map((c) => entries[c.entry]?.id));
  const siblings = ranked.map((r) => r.candidate).filter((c) => pair.has(c.entry));
  return { normalized: scored.normalized, candidates, vague, siblings };
}

/**
 * "how many US troops were in Iraq in 2020?": every core word of the runner-up's entry is asked,
 * and the question adds only a number that entry does not give; the top entry leads by that
 * number alone ("…injured in the 2020 attack"), not by what it is about. It is the runner-up's
 * question about another date or figure, which neither entry answers.
 */
function anotherNumber(
  top: CandidateEvidence | undefined,
  second: CandidateEvidence | undefined,
): boolean {
  if (top === undefined || second === undefined || top.core >= 1) return false;
  return (
    second.core >= 1 && second.foreignNumber && second.foreignMax === 0 && second.unknownMax === 0
  );
}

/** Share of a question's weight a word another entry knows must carry to stand in for a core word. */
const SWAPPED_WORD_SHARE = 0.15;

/**
 * "what time does the London warehouse open?" against the London office's hours: one of the
 * entry's core words ("office") is missing and a word of weight the entry never uses, but
 * other entries do ("warehouse"), stands where it was. It asks about something else.
 */
function swapsCoreWord(top: CandidateEvidence | undefined): boolean {
  return top !== undefined && top.core < 1 && top.foreignMax >= SWAPPED_WORD_SHARE;
}

/** Too bare to answer outright: no content word, or one, unless a phrasing asks exactly that. */
function vagueness(
  contentWords: { readonly words: number; readonly numbers: number; readonly asks: boolean },
  top: CandidateEvidence | undefined,
): MatchResult['vague'] | undefined {
  if (top === undefined || top.sameContent) return undefined;
  if (contentWords.words === 0) return 'empty';
  // "where should i eat" asks something with one word; "troops" or "iraq?" asks nothing.
  return contentWords.words + contentWords.numbers > 1 || contentWords.asks
    ? undefined
    : 'one-word';
}

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

function normalizerFor(options: MatcherOptions) {
  return createNormalizer({
    ...(options.synonyms && { synonyms: options.synonyms }),
    ...(options.shorthand && { shorthand: options.shorthand }),
  });
}

/** Trains the matcher and returns it with its cross-validated answers to its own phrasings. */
export const trainMatcher: MatcherTrainer = (entries, options: MatcherOptions = {}) => {
  const phrasings = entries.flatMap((e) => e.phrasings);
  // Small files are read once per fold and gain most; large ones use one fold, and remembering
  // tens of thousands of phrasings would raise their training peak for little time.
  const training = createTrainingNormalizer(
    normalizerFor(options),
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
  const scorer = createScorer(entries, normalizerFor(options));
  return assemble(scorer, createCalibrator(state.calibration), entries);
}

/** Number of calibrator weights a `MatcherState` holds, so a stored state can be checked. */
export const CALIBRATION_SIZE = FALLBACK.weights.length;

export const createMatcher: MatcherFactory = (
  entries: readonly TrainingEntry[],
  options: MatcherOptions = {},
): Matcher => trainMatcher(entries, options).matcher;
