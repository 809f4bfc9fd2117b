import type { HeldOutQuestion } from './held-out-evidence.js';
import type { CandidateEvidence, ScoredQuery } from './scored-query.js';

/**
 * The feature row the calibrator reads for one candidate, for a question as scored and as if
 * its entry were missing. Apart from the matcher because training and matching must build
 * exactly the same rows, and here there is one definition of them.
 */

/** Candidates per held-out question used as calibration examples. */
export const CALIBRATION_DEPTH = 3;

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

export const featuresOf = (q: ScoredQuery) =>
  q.candidates.map((c, rank) => evidenceFeatures(c, q.candidates, q.coverage, rank));

/**
 * The held-out question as if its entry were not in the knowledge: the other candidates, with
 * the linear model's probabilities renormalised without the gold entry and the words only that
 * entry knows counted as unknown. Every row is a wrong answer.
 */
export function absentFeatures(q: HeldOutQuestion): number[][] {
  const others = q.scored.candidates.filter((c) => c.entry !== q.gold);
  const gold = q.scored.candidates.find((c) => c.entry === q.gold);
  const scale = gold && gold.linear < 1 ? 1 / (1 - gold.linear) : 1;
  const coverage = q.scored.coverageWithout;
  return others
    .slice(0, CALIBRATION_DEPTH)
    .map((c, rank) => evidenceFeatures(c, others, coverage, rank, Math.min(scale, 1e3)));
}
