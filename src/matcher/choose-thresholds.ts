import { crossValidate } from './cross-validate.js';
import { confidenceOf, decide } from './decide.js';
import type {
  MatcherFactory,
  MatcherOptions,
  MatchResult,
  Thresholds,
  TrainedMatcher,
  TrainingEntry,
} from './matcher.js';

/**
 * Picks the answer and clarify cut-offs for a knowledge file by cross-validation: each phrasing
 * is asked of a matcher trained without it, each off-topic question of the full matcher. The
 * answer threshold maximises right answers with a heavy price on every wrong confident answer.
 * Given a `TrainedMatcher`, its own held-out results are used and nothing is retrained.
 */

const FOLDS = 5;
/** A wrong confident answer costs this many right ones. */
const WRONG_ANSWER_COST = 20;
/**
 * Price of answering a made-up near miss relative to a hand-written off-topic question: they are
 * many and cruder, so each group counts by its share and this one at a discount.
 */
const MADE_UP_SHARE = 0.5;
/** Never answer below this confidence, whatever the data says. */
const MIN_ANSWER = 0.35;
const MAX_ANSWER = 0.95;
/**
 * The explained cut-off is at most this far below the answer one: the explained trials are a
 * small part of the evidence, and on a small file a few of them would set it alone.
 */
const MAX_EXPLAINED_DISCOUNT = 0.1;
/**
 * A lower explained cut-off must win by more than this many held-out questions' worth of gain:
 * the explained trials are few, their gain curve is flat, and one more right answer would
 * otherwise move the cut-off far down (0.055 for one question after a normalisation change).
 */
const EXPLAINED_SLACK_QUESTIONS = 1.5;
// Below this, suggestions are mostly noise: better to say "I don't know" than to offer them.
const MIN_CLARIFY = 0.2;
/** Offering suggestions for an off-topic question costs this many helpful clarifications. */
const OFF_TOPIC_CLARIFY_COST = 0.5;

interface Trial {
  readonly result: MatchResult;
  /** The entry that is right, or undefined for an off-topic question. */
  readonly gold: string | undefined;
  /** An off-topic question the matcher made itself, and the one entry it is right for, if any. */
  readonly synthetic?: boolean;
  readonly except?: string;
}

function collectTrials(
  entries: readonly TrainingEntry[],
  offTopic: readonly string[],
  factory: MatcherFactory,
  options: MatcherOptions | undefined,
  trained: TrainedMatcher | undefined,
): Trial[] {
  const trials: Trial[] = trained
    ? [...trained.heldOut]
    : crossValidate(entries, factory, options, FOLDS);
  const full = trained?.matcher ?? factory(entries, options);
  for (const q of offTopic) trials.push({ result: full.match(q), gold: undefined });
  for (const m of trained?.nearMisses ?? []) {
    trials.push({
      result: m.result,
      gold: undefined,
      synthetic: true,
      ...(m.except !== undefined && { except: m.except }),
    });
  }
  return trials;
}

function cutPoints(values: readonly number[], lo: number, hi: number): number[] {
  const sorted = [...new Set(values.filter((v) => v >= lo && v <= hi))].sort((a, b) => a - b);
  const points = [lo, hi];
  // Midway between each value and the next.
  sorted.forEach((v, i) => {
    if (i > 0) points.push(((sorted[i - 1] as number) + v) / 2);
  });
  return points;
}

/** What answering a trial means at any threshold: only whether its top clears it varies. */
interface AnswerOutcome {
  readonly top: number;
  /** Whether the top candidate leads the runner-up clearly enough to be answered at all. */
  readonly clear: boolean;
  /** 1 right, 0 wrong, -1 off-topic, -2 made-up off-topic, 2 made-up but right (a sibling). */
  readonly kind: 1 | 0 | -1 | -2 | 2;
  /** The top candidate is `explained`, so the explained cut-off applies to it. */
  readonly explained: boolean;
}

/** The answer cut-offs one search tries: `explained` applies to explained tops, `answer` to the rest. */
interface CutOffs {
  readonly answer: number;
  readonly explained: number;
}

const clears = (o: AnswerOutcome, cut: CutOffs) =>
  o.clear && o.top >= (o.explained ? Math.min(cut.explained, cut.answer) : cut.answer);

function answerOutcomes(trials: readonly Trial[]): AnswerOutcome[] {
  return trials.map((t) => {
    const top = confidenceOf(t.result.candidates[0]);
    // The lead test does not depend on the threshold, so `decide` is asked once per trial.
    const d = decide(t.result, { answer: top, clarify: top });
    const answered = d.candidates[0]?.entry;
    const kind =
      t.synthetic === true
        ? answered !== undefined && answered === t.except
          ? 2
          : -2
        : t.gold === undefined
          ? -1
          : answered === t.gold
            ? 1
            : 0;
    const explained = t.result.candidates[0]?.explained === true;
    return { top, clear: d.kind === 'answer', kind, explained };
  });
}

/**
 * Share of the made-up near misses an answer cut-off may answer at most: a hard limit besides
 * the price, so that a cut-off is never bought with a few more right answers.
 */
const MAX_MADE_UP_ANSWERED = 0.01;

function madeUpAnswered(outcomes: readonly AnswerOutcome[], cut: CutOffs): number {
  let made = 0;
  let answered = 0;
  for (const o of outcomes) {
    if (o.kind !== -2) continue;
    made++;
    if (clears(o, cut)) answered++;
  }
  return share(answered, made);
}

/** `n` as a share of `of` (0 when there is nothing to share). */
const share = (n: number, of: number) => (of > 0 ? n / of : 0);

/** Right answers minus wrong ones at a heavy price, each group counted by its share (see below). */
function answerGain(outcomes: readonly AnswerOutcome[], cut: CutOffs): number {
  let right = 0;
  let wrong = 0;
  let offAnswered = 0;
  let madeAnswered = 0;
  let answerable = 0;
  let offTopic = 0;
  let made = 0;
  for (const o of outcomes) {
    if (o.kind === -1) offTopic++;
    else if (o.kind === -2 || o.kind === 2) made++;
    else answerable++;
    if (!clears(o, cut)) continue;
    if (o.kind === -1) offAnswered++;
    else if (o.kind === -2) madeAnswered++;
    else if (o.kind === 1) right++;
    else if (o.kind === 0) wrong++;
  }
  return (
    share(right, answerable) -
    WRONG_ANSWER_COST *
      (share(wrong, answerable) +
        share(offAnswered, offTopic) +
        MADE_UP_SHARE * share(madeAnswered, made))
  );
}

/**
 * Clarifying helps a held-out question when it offers the right entry and annoys an off-topic
 * one. Each group counts by its share, not its size: a file has many more phrasings than
 * off-topic examples, and that ratio says nothing about how often people ask off-topic.
 */
function clarifyGain(trials: readonly Trial[], thresholds: Thresholds): number {
  let helped = 0;
  let misled = 0;
  let offClarified = 0;
  let answerable = 0;
  let offTopic = 0;
  for (const t of trials) {
    // Made-up near misses decide the answer cut-off only; clarifying them helps as often as not.
    if (t.synthetic === true) continue;
    if (t.gold === undefined) offTopic++;
    else answerable++;
    // Below the clarify cut-off `decide` declines; most trials are there for most cut-offs.
    if (confidenceOf(t.result.candidates[0]) < Math.min(thresholds.clarify, thresholds.answer))
      continue;
    const d = decide(t.result, thresholds);
    if (d.kind !== 'clarify') continue;
    if (t.gold === undefined) offClarified++;
    else if (d.candidates.some((c) => c.entry === t.gold)) helped++;
    else misled++;
  }
  return (
    share(helped, answerable) -
    0.5 * share(misled, answerable) -
    OFF_TOPIC_CLARIFY_COST * share(offClarified, offTopic)
  );
}

export function chooseThresholds(
  entries: readonly TrainingEntry[],
  offTopic: readonly string[],
  factory: MatcherFactory,
  options?: MatcherOptions,
  trained?: TrainedMatcher,
): Thresholds {
  const trials = collectTrials(entries, offTopic, factory, options, trained);
  const tops = trials.map((t) => confidenceOf(t.result.candidates[0]));

  const outcomes = answerOutcomes(trials);
  const answer = bestCutOff(outcomes, tops, MIN_ANSWER, (t) => ({ answer: t, explained: t }));
  const explainedTops = outcomes.filter((o) => o.explained).map((o) => o.top);
  const answerExplained = bestCutOff(
    outcomes,
    explainedTops,
    Math.max(MIN_ANSWER, answer - MAX_EXPLAINED_DISCOUNT),
    (t) => ({
      answer,
      explained: t,
    }),
    answer,
    EXPLAINED_SLACK_QUESTIONS,
  );

  let clarify = answer;
  let bestClarify = 0;
  for (const c of cutPoints(tops, MIN_CLARIFY, answer)) {
    const g = clarifyGain(trials, { answer, clarify: c, answerExplained });
    if (g > bestClarify || (g === bestClarify && c > clarify)) {
      bestClarify = g;
      clarify = c;
    }
  }
  return { answer, clarify: Math.min(clarify, answer), answerExplained };
}

/**
 * The highest cut-off in [lo, hi] whose `answerGain` is within `slack` held-out questions of the
 * best, among those that answer few enough made-up near misses; `hi` when none does.
 */
function bestCutOff(
  outcomes: readonly AnswerOutcome[],
  tops: readonly number[],
  lo: number,
  cutOffs: (t: number) => CutOffs,
  hi = MAX_ANSWER,
  slackQuestions = 0,
): number {
  const gains: { t: number; g: number }[] = [];
  for (const t of cutPoints(tops, lo, hi)) {
    const cut = cutOffs(t);
    if (madeUpAnswered(outcomes, cut) <= MAX_MADE_UP_ANSWERED)
      gains.push({ t, g: answerGain(outcomes, cut) });
  }
  if (gains.length === 0) return hi;
  const best = Math.max(...gains.map((x) => x.g));
  const answerable = outcomes.filter((o) => o.kind === 1 || o.kind === 0).length;
  const slack = share(slackQuestions, answerable);
  return Math.max(...gains.filter((x) => x.g >= best - slack).map((x) => x.t));
}
