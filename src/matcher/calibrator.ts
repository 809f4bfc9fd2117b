import { at, brokenInvariant, checkInvariant } from './checked-read.js';

/**
 * Platt-style calibration: a small ridge-regularised logistic regression, fitted by Newton's
 * method on held-out evidence, that maps a candidate's evidence to P(candidate is right).
 */
export interface Calibrator {
  readonly weights: readonly number[];
  probability(features: readonly number[]): number;
}

/** Solves `a · x = b` for a square `a` as long as `b`. */
function solve(a: number[][], b: number[]): number[] {
  // Gaussian elimination with partial pivoting; the systems here are tiny (≤ 16 unknowns).
  const n = b.length;
  checkInvariant(
    a.length === n && a.every((row) => row.length === n),
    () => `a system of ${n} unknowns needs ${n} rows of ${n} coefficients`,
  );
  const m = a.map((row, i) => [...row, at(b, i)]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(at(at(m, r), c)) > Math.abs(at(at(m, pivot), c))) pivot = r;
    }
    const rowC = at(m, pivot);
    m[pivot] = at(m, c);
    m[c] = rowC;
    const diag = at(rowC, c);
    if (Math.abs(diag) < 1e-12) continue;
    m.forEach((row, r) => {
      if (r === c) return;
      const f = at(row, c) / diag;
      if (f === 0) return;
      for (let k = c; k <= n; k++) row[k] = at(row, k) - f * at(rowC, k);
    });
  }
  return m.map((row, i) => {
    const d = at(row, i);
    return Math.abs(d) < 1e-12 ? 0 : at(row, n) / d;
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The intercept `w[0]` plus `w[1…]` dotted with `x`; callers check `w` is one longer than `x`. */
function dot(w: readonly number[], x: readonly number[]): number {
  let s = w[0] as number;
  for (let i = 0; i < x.length; i++) s += (w[i + 1] as number) * (x[i] as number);
  return s;
}

export function createCalibrator(weights: readonly number[]): Calibrator {
  checkInvariant(weights.length > 0, () => 'a calibrator needs at least its intercept');
  return {
    weights,
    probability: (x) => {
      if (x.length + 1 !== weights.length)
        throw brokenInvariant(`${x.length} features for a calibrator of ${weights.length - 1}`);
      return sigmoid(dot(weights, x));
    },
  };
}

/** Throws unless every row has `features` features, and one label (and weight) per row. */
function checkExamples(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  features: number,
  rowWeights: readonly number[] | undefined,
): void {
  checkInvariant(
    rows.every((x) => x.length === features),
    () => `calibration rows of unequal length (the first has ${features} features)`,
  );
  checkInvariant(
    labels.length === rows.length &&
      (rowWeights === undefined || rowWeights.length === rows.length),
    () =>
      `${rows.length} calibration rows but ${labels.length} labels and ${rowWeights?.length} weights`,
  );
}

/**
 * Fits weights (intercept first) for rows of features with 0/1 labels. `ridge` keeps the fit
 * stable when a small knowledge file yields few or perfectly separable examples. `rowWeights`
 * (default 1 each) lets kinds of evidence count in chosen proportions.
 */
export function fitCalibrator(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  ridge = 1,
  iterations = 25,
  rowWeights?: readonly number[],
): Calibrator {
  // No evidence: the intercept alone, at 0.
  if (rows.length === 0) return createCalibrator([0]);
  const dim = at(rows, 0).length + 1;
  checkExamples(rows, labels, dim - 1, rowWeights);
  // Every row has `dim - 1` features and `w`, `grad` and each row of `hess` `dim` cells: the
  // reads below stay in range without a test each (this loop is most of the calibration).
  let w = new Array<number>(dim).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dim).fill(0);
    const hess = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
    rows.forEach((x, r) => {
      const p = sigmoid(dot(w, x));
      const weight = rowWeights === undefined ? 1 : (rowWeights[r] as number);
      const err = (p - (labels[r] as number)) * weight;
      const s = Math.max(p * (1 - p), 1e-6) * weight;
      for (let i = 0; i < dim; i++) {
        const xi = i === 0 ? 1 : (x[i - 1] as number);
        grad[i] = (grad[i] as number) + err * xi;
        const hi = hess[i] as number[];
        for (let j = i; j < dim; j++) {
          const xj = j === 0 ? 1 : (x[j - 1] as number);
          hi[j] = (hi[j] as number) + s * xi * xj;
        }
      }
    });
    for (let i = 0; i < dim; i++) {
      const hi = hess[i] as number[];
      for (let j = 0; j < i; j++) hi[j] = (hess[j] as number[])[i] as number;
      if (i > 0) {
        hi[i] = (hi[i] as number) + ridge;
        grad[i] = (grad[i] as number) + ridge * (w[i] as number);
      }
    }
    const step = solve(hess, grad);
    let change = 0;
    w = w.map((wi, i) => {
      const d = step[i] as number;
      change = Math.max(change, Math.abs(d));
      return wi - d;
    });
    if (change < 1e-6) break;
  }
  return createCalibrator(w);
}
