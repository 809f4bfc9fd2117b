import { absentFeatures, CALIBRATION_DEPTH, featuresOf } from './calibration-features.js';
import { type Calibrator, createCalibrator, fitCalibrator } from './calibrator.js';
import type { HeldOutQuestion, NearMiss } from './held-out-evidence.js';

/**
 * The calibrator fitted on held-out evidence: which examples count as right and wrong, weighted
 * how, and the fallback when there are none of one kind. Apart from the matcher because only
 * training fits; a restored matcher reads the weights it stored.
 */

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
export const FALLBACK = createCalibrator([
  -2, 2, 2, 2, 4, 1, 1, 0, -1.5, -1.5, 1, 1, 1, -4, -4, -4, 1,
]);

export function fitEvidence(
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
