import { seededOrder } from './seeded-order.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * Multinomial logistic regression over sparse TF-IDF vectors, trained in-process by SGD. Weights
 * are stored feature-major (one row of class weights per feature), so a question costs
 * (its non-zero features × classes) multiply-adds.
 */
export interface LinearModel {
  readonly classCount: number;
  /** Fills `out` (length classCount) with class probabilities. */
  probabilities(x: SparseVector, out: Float64Array): void;
}

export interface LinearModelConfig {
  readonly epochs?: number;
  readonly learningRate?: number;
  /** L2 penalty per example, applied lazily through a global weight scale. */
  readonly l2?: number;
  readonly seed?: number;
}

/** Dense weights are features × classes; above this many cells the model is not worth its RAM. */
export const MAX_LINEAR_CELLS = 40_000_000;
/**
 * Training and each question cost (features × classes); beyond this many entries the
 * nearest-phrasing and centroid scores carry the matcher alone (large knowledge bases have few
 * phrasings per entry, where a linear model adds little anyway).
 */
export const MAX_LINEAR_CLASSES = 500;

function softmaxInPlace(z: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < z.length; c++) if ((z[c] ?? 0) > max) max = z[c] ?? 0;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp((z[c] ?? 0) - max);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] ?? 0) / sum;
}

/**
 * Class scores of one example. A top-level function, not a closure per model: it is the hot
 * loop of training and of every question, and V8 optimises a small function called thousands of
 * times long before it would optimise the loop of a function called once per model (cold start).
 */
function logitsInto(
  weights: Float32Array,
  bias: Float64Array,
  scale: number,
  x: SparseVector,
  into: Float64Array,
): void {
  const C = bias.length;
  into.set(bias);
  const ids = x.ids;
  const values = x.values;
  for (let j = 0; j < ids.length; j++) {
    const row = (ids[j] ?? 0) * C;
    const v = (values[j] ?? 0) * scale;
    for (let c = 0; c < C; c++) into[c] = (into[c] ?? 0) + v * (weights[row + c] ?? 0);
  }
}

/**
 * One SGD step on the example's gradient `z` (probabilities minus the one-hot label), scaled by
 * `g`. Classes the example barely touches dominate the cost and change nothing: they are skipped.
 */
function descend(
  weights: Float32Array,
  x: SparseVector,
  z: Float64Array,
  g: number,
  active: Int32Array,
): void {
  const C = z.length;
  let activeCount = 0;
  for (let c = 0; c < C; c++) {
    const grad = z[c] ?? 0;
    if (grad > 1e-4 || grad < -1e-4) active[activeCount++] = c;
  }
  const ids = x.ids;
  const values = x.values;
  for (let j = 0; j < ids.length; j++) {
    const row = (ids[j] ?? 0) * C;
    const v = (values[j] ?? 0) * g;
    for (let a = 0; a < activeCount; a++) {
      const c = active[a] ?? 0;
      weights[row + c] = (weights[row + c] ?? 0) - v * (z[c] ?? 0);
    }
  }
}

export function trainLinearModel(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  featureCount: number,
  config: LinearModelConfig = {},
): LinearModel {
  const C = classCount;
  const weights = new Float32Array(featureCount * C);
  const bias = new Float64Array(C);
  const epochs = config.epochs ?? 8;
  const lr0 = config.learningRate ?? 2;
  const l2 = config.l2 ?? 1e-5;
  // W = scale × weights: decaying every weight each step costs one multiplication this way.
  let scale = 1;
  const z = new Float64Array(C);
  const active = new Int32Array(C);

  const n = vectors.length;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = seededOrder(n, (config.seed ?? 1) + epoch);
    for (let k = 0; k < n; k++) {
      const i = order[k] ?? 0;
      const x = vectors[i];
      if (x === undefined) continue;
      const lr = lr0 / (1 + step / n);
      step++;
      logitsInto(weights, bias, scale, x, z);
      softmaxInPlace(z);
      const y = labels[i] ?? 0;
      z[y] = (z[y] ?? 0) - 1;
      scale *= 1 - lr * l2;
      if (scale < 1e-3) {
        for (let w = 0; w < weights.length; w++) weights[w] = (weights[w] ?? 0) * scale;
        scale = 1;
      }
      descend(weights, x, z, lr / scale, active);
      for (let c = 0; c < C; c++) bias[c] = (bias[c] ?? 0) - lr * 0.1 * (z[c] ?? 0);
    }
  }

  return {
    classCount: C,
    probabilities(x, out) {
      logitsInto(weights, bias, scale, x, out);
      softmaxInPlace(out);
    },
  };
}
