import { type Calibrator, createCalibrator, fitCalibrator } from './calibrator.js';
import type {
  Candidate,
  Matcher,
  MatcherFactory,
  MatcherOptions,
  MatchResult,
  TrainingEntry,
} from './matcher.js';
import { createNormalizer, isStopToken, type Normalizer } from './normalize.js';
import { type CandidateEvidence, createScorer, type ScoredQuery } from './scorer.js';

/**
 * The production matcher: TF-IDF nearest-phrasing and centroid scoring, with a confidence
 * calibrated at training time by cross-validation. Some folds leave whole entries out, so the
 * calibrator also learns what a question the knowledge cannot answer looks like.
 */

const DEFAULT_LIMIT = 5;
const FOLDS = 5;
/** Above this many phrasings one held-out split is enough and five would cost too much time. */
const SINGLE_SPLIT_ABOVE = 600;
/** Candidates per held-out question used as calibration examples. */
const CALIBRATION_DEPTH = 3;
/** Enough held-out questions for a stable fit; more only slows training. */
const MAX_HELD_OUT = 3000;

// Used only when cross-validation yields no right or no wrong example (a one-entry file).
const FALLBACK = createCalibrator([-2, 2, 2, 2, 4, 1, 1, 0, -1.5, -1.5, 1, 1]);

function evidenceFeatures(c: CandidateEvidence, q: ScoredQuery, rank: number): number[] {
  let bestOther = 0;
  let bestOtherLinear = 0;
  for (const o of q.candidates) {
    if (o === c) continue;
    if (o.score > bestOther) bestOther = o.score;
    if (o.linear > bestOtherLinear) bestOtherLinear = o.linear;
  }
  return [
    c.nearest,
    c.centroid,
    c.score,
    c.score - bestOther,
    c.entryCoverage,
    q.coverage,
    rank === 0 ? 1 : 0,
    // Confidence should fall steeply as soon as an informative word is missing, not linearly.
    Math.log(1.05 - c.entryCoverage),
    Math.log(1.05 - q.coverage),
    c.linear,
    c.linear - bestOtherLinear,
  ];
}

function seededOrder(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

/** A word no knowledge contains and no typo correction reaches. */
const UNKNOWN_WORD = 'xqzvkj';
/** One held-out question in this many also yields a near miss (see `nearMiss`). */
const NEAR_MISS_EVERY = 3;

/**
 * The question with its most informative word replaced by an unknown one: what "How many troops
 * are in Germany?" is to an Iraq entry. No entry answers it, so it teaches the calibrator that
 * sharing most words is not enough.
 */
function nearMiss(text: string, normalizer: Normalizer, df: ReadonlyMap<string, number>): string {
  const words = normalizer.words(text);
  let pick = -1;
  let rarest = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    const d = df.get(w.token) ?? 0;
    if (!isStopToken(w.token) && !/\d/.test(w.token) && d < rarest) {
      rarest = d;
      pick = i;
    }
  });
  if (pick < 0 || words.length < 2) return '';
  return words.map((w, i) => (i === pick ? UNKNOWN_WORD : w.surface)).join(' ');
}

function calibrate(entries: readonly TrainingEntry[], normalizer: Normalizer): Calibrator {
  const rows: number[][] = [];
  const labels: number[] = [];
  const df = new Map<string, number>();
  for (const e of entries) {
    for (const p of e.phrasings) {
      for (const t of new Set(normalizer.words(p).map((w) => w.token)))
        df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const entryOrder = seededOrder(entries.length, 17);
  const leaveOutEntries = entries.length >= 3;
  const phrasingCount = entries.reduce((n, e) => n + e.phrasings.length, 0);
  const folds = phrasingCount > SINGLE_SPLIT_ABOVE ? 1 : FOLDS;
  for (let fold = 0; fold < folds; fold++) {
    const absent = new Set<number>();
    if (leaveOutEntries) {
      entryOrder.forEach((e, rank) => {
        if (rank % FOLDS === fold) absent.add(e);
      });
    }
    const kept: TrainingEntry[] = [];
    const keptIndex: number[] = [];
    const heldOut: { text: string; gold: number }[] = [];
    entries.forEach((entry, e) => {
      if (absent.has(e)) {
        for (const p of entry.phrasings) heldOut.push({ text: p, gold: -1 });
        return;
      }
      const train: string[] = [];
      entry.phrasings.forEach((p, j) => {
        if ((j + e) % FOLDS === fold && entry.phrasings.length > 1)
          heldOut.push({ text: p, gold: e });
        else train.push(p);
      });
      kept.push({ id: entry.id, phrasings: train });
      keptIndex.push(e);
    });
    if (kept.length === 0) continue;
    const scorer = createScorer(kept, normalizer);
    const sample = seededOrder(heldOut.length, fold + 1).slice(0, Math.ceil(MAX_HELD_OUT / folds));
    for (const h of sample) {
      const q = heldOut[h];
      if (q === undefined) continue;
      const scored = scorer.score(q.text, CALIBRATION_DEPTH);
      scored.candidates.forEach((c, rank) => {
        rows.push(evidenceFeatures(c, scored, rank));
        labels.push(keptIndex[c.entry] === q.gold ? 1 : 0);
      });
      if (q.gold < 0 || h % NEAR_MISS_EVERY !== 0) continue;
      const miss = nearMiss(q.text, normalizer, df);
      if (miss === '') continue;
      const missed = scorer.score(miss, CALIBRATION_DEPTH);
      missed.candidates.forEach((c, rank) => {
        rows.push(evidenceFeatures(c, missed, rank));
        labels.push(0);
      });
    }
  }
  const positives = labels.filter((l) => l === 1).length;
  if (positives === 0 || positives === labels.length) return FALLBACK;
  return fitCalibrator(rows, labels, 0.1);
}

export const createMatcher: MatcherFactory = (
  entries: readonly TrainingEntry[],
  options: MatcherOptions = {},
): Matcher => {
  const normalizer = createNormalizer(options.synonyms ? { synonyms: options.synonyms } : {});
  const calibrator = calibrate(entries, normalizer);
  const scorer = createScorer(entries, normalizer);

  return {
    match(text: string, limit = DEFAULT_LIMIT): MatchResult {
      const scored = scorer.score(text, Math.max(limit, CALIBRATION_DEPTH));
      const candidates: Candidate[] = scored.candidates
        .map((c, rank) => ({
          entry: entries[c.entry]?.id ?? '',
          confidence: calibrator.probability(evidenceFeatures(c, scored, rank)),
          phrasing: scorer.phrasings[c.phrasing] ?? '',
        }))
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, limit);
      return { normalized: scored.normalized, candidates };
    },
  };
};
