/**
 * Platt-style calibration: a small ridge-regularised logistic regression, fitted by Newton's
 * method on held-out evidence, that maps a candidate's evidence to P(candidate is right).
 */
export interface Calibrator {
  readonly weights: readonly number[];
  probability(features: readonly number[]): number;
}

function solve(a: number[][], b: number[]): number[] {
  // Gaussian elimination with partial pivoting; the systems here are tiny (≤ 16 unknowns).
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    }
    const tmp = m[c];
    m[c] = m[pivot] ?? [];
    m[pivot] = tmp ?? [];
    const rowC = m[c] ?? [];
    const diag = rowC[c] ?? 0;
    if (Math.abs(diag) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] ?? [];
      const f = (row[c] ?? 0) / diag;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * (rowC[k] ?? 0);
    }
  }
  return m.map((row, i) => {
    const d = row[i] ?? 0;
    return Math.abs(d) < 1e-12 ? 0 : (row[n] ?? 0) / d;
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function dot(w: readonly number[], x: readonly number[]): number {
  let s = w[0] ?? 0;
  for (let i = 0; i < x.length; i++) s += (w[i + 1] ?? 0) * (x[i] ?? 0);
  return s;
}

export function createCalibrator(weights: readonly number[]): Calibrator {
  return { weights, probability: (x) => sigmoid(dot(weights, x)) };
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
  const dim = (rows[0]?.length ?? 0) + 1;
  let w = new Array<number>(dim).fill(0);
  if (rows.length === 0) return createCalibrator(w);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dim).fill(0);
    const hess = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
    rows.forEach((x, r) => {
      const p = sigmoid(dot(w, x));
      const weight = rowWeights?.[r] ?? 1;
      const err = (p - (labels[r] ?? 0)) * weight;
      const s = Math.max(p * (1 - p), 1e-6) * weight;
      for (let i = 0; i < dim; i++) {
        const xi = i === 0 ? 1 : (x[i - 1] ?? 0);
        grad[i] = (grad[i] ?? 0) + err * xi;
        const hi = hess[i] ?? [];
        for (let j = i; j < dim; j++) {
          const xj = j === 0 ? 1 : (x[j - 1] ?? 0);
          hi[j] = (hi[j] ?? 0) + s * xi * xj;
        }
      }
    });
    for (let i = 0; i < dim; i++) {
      const hi = hess[i] ?? [];
      for (let j = 0; j < i; j++) hi[j] = hess[j]?.[i] ?? 0;
      if (i > 0) {
        hi[i] = (hi[i] ?? 0) + ridge;
        grad[i] = (grad[i] ?? 0) + ridge * (w[i] ?? 0);
      }
    }
    const step = solve(hess, grad);
    let change = 0;
    w = w.map((wi, i) => {
      const d = step[i] ?? 0;
      change = Math.max(change, Math.abs(d));
      return wi - d;
    });
    if (change < 1e-6) break;
  }
  return createCalibrator(w);
}
