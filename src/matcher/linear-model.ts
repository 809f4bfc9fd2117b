import { brokenInvariant, checkIndex, checkInvariant } from './checked-read.js';
import { seededOrder } from './seeded-order.js';
import {
  checkRows,
  checkVector,
  rowCount,
  type SparseRows,
  type SparseVector,
} from './sparse-vector.js';

/**
 * Multinomial logistic regression over sparse TF-IDF vectors, trained in-process by SGD. Weights
 * are stored feature-major (one row of class weights per feature), so a question costs
 * (its non-zero features × classes) multiply-adds.
 *
 * The kernels below read without a test per element: `trainLinearModel` checks once that every
 * row and label is in range, and `probabilities` checks each question's vector, so a feature's
 * row of the matrix (`id × classes` up to the next) and every class index are within bounds.
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
  for (let c = 0; c < z.length; c++) if ((z[c] as number) > max) max = z[c] as number;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp((z[c] as number) - max);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / sum;
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
  ids: Int32Array,
  values: Float32Array,
  from: number,
  end: number,
  into: Float64Array,
): void {
  const C = bias.length;
  into.set(bias);
  for (let j = from; j < end; j++) {
    const row = (ids[j] as number) * C;
    const v = (values[j] as number) * scale;
    for (let c = 0; c < C; c++) into[c] = (into[c] as number) + v * (weights[row + c] as number);
  }
}

/**
 * One SGD step on the example's gradient `z` (probabilities minus the one-hot label), scaled by
 * `g`. Classes the example barely touches dominate the cost and change nothing: they are skipped.
 */
function descend(
  weights: Float32Array,
  ids: Int32Array,
  values: Float32Array,
  from: number,
  end: number,
  z: Float64Array,
  g: number,
  active: Int32Array,
): void {
  const C = z.length;
  let activeCount = 0;
  for (let c = 0; c < C; c++) {
    const grad = z[c] as number;
    if (grad > 1e-4 || grad < -1e-4) active[activeCount++] = c;
  }
  for (let j = from; j < end; j++) {
    const row = (ids[j] as number) * C;
    const v = (values[j] as number) * g;
    for (let a = 0; a < activeCount; a++) {
      const c = active[a] as number;
      weights[row + c] = (weights[row + c] as number) - v * (z[c] as number);
    }
  }
}

/**
 * The training matrix of the last model, held weakly: the next model trains in it if it is still
 * there and large enough (cross-validation trains one model per fold, then the final one), so
 * two matrices never wait side by side for a full GC. Left to the GC otherwise.
 */
let spare: WeakRef<Float32Array> | undefined;
/**
 * Room allocated beyond a model's own size. A fold's model is followed by the model on all
 * phrasings, which has more features; untouched room is address space, not memory.
 */
const ROOM_FOR_MORE_FEATURES = 1.25;

/** A zeroed matrix of `cells` cells, in the last model's matrix when that is large enough. */
function weightsFor(cells: number): { buffer: Float32Array; weights: Float32Array } {
  const reused = spare?.deref();
  spare = undefined;
  if (reused !== undefined && reused.length >= cells) {
    const weights = reused.subarray(0, cells);
    weights.fill(0);
    return { buffer: reused, weights };
  }
  const buffer = new Float32Array(Math.ceil(cells * ROOM_FOR_MORE_FEATURES));
  return { buffer, weights: buffer.subarray(0, cells) };
}

/** Throws unless every row's features are below `featureCount` and each row has a class label. */
function checkTrainingSet(
  rows: SparseRows,
  labels: Int32Array,
  classCount: number,
  featureCount: number,
): void {
  checkRows(rows, featureCount);
  checkInvariant(
    labels.length === rowCount(rows),
    () => `${rowCount(rows)} training rows but ${labels.length} labels`,
  );
  for (let i = 0; i < labels.length; i++) checkIndex(labels[i] as number, classCount, 'classes');
}

export function trainLinearModel(
  rows: SparseRows,
  labels: Int32Array,
  classCount: number,
  featureCount: number,
  config: LinearModelConfig = {},
): LinearModel {
  checkTrainingSet(rows, labels, classCount, featureCount);
  const { offsets, ids, values } = rows;
  const C = classCount;
  const { buffer, weights } = weightsFor(featureCount * C);
  const bias = new Float64Array(C);
  const epochs = config.epochs ?? 8;
  const lr0 = config.learningRate ?? 2;
  const l2 = config.l2 ?? 1e-5;
  // W = scale × weights: decaying every weight each step costs one multiplication this way.
  let scale = 1;
  const z = new Float64Array(C);
  const active = new Int32Array(C);

  const n = rowCount(rows);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = seededOrder(n, (config.seed ?? 1) + epoch);
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const from = offsets[i] as number;
      const end = offsets[i + 1] as number;
      const lr = lr0 / (1 + step / n);
      step++;
      logitsInto(weights, bias, scale, ids, values, from, end, z);
      softmaxInPlace(z);
      const y = labels[i] as number;
      z[y] = (z[y] as number) - 1;
      scale *= 1 - lr * l2;
      if (scale < 1e-3) {
        for (let w = 0; w < weights.length; w++) weights[w] = (weights[w] as number) * scale;
        scale = 1;
      }
      descend(weights, ids, values, from, end, z, lr / scale, active);
      for (let c = 0; c < C; c++) bias[c] = (bias[c] as number) - lr * 0.1 * (z[c] as number);
    }
  }

  const model = quantize(weights, scale, featureCount, C);
  // The float matrix is only for training: the next model trains in it if the GC has not taken it.
  spare = new WeakRef(buffer);
  return {
    classCount: C,
    probabilities(x, out) {
      checkVector(x, featureCount);
      if (out.length !== C) throw brokenInvariant(`${C} classes but ${out.length} cells to fill`);
      quantizedLogitsInto(model.weights, model.rowScale, bias, x, out);
      softmaxInPlace(out);
    },
  };
}

/** `logitsInto` for the quantized matrix; top-level for the same reason. */
function quantizedLogitsInto(
  weights: Int8Array,
  rowScale: Float32Array,
  bias: Float64Array,
  x: SparseVector,
  into: Float64Array,
): void {
  const C = bias.length;
  into.set(bias);
  for (let j = 0; j < x.ids.length; j++) {
    const f = x.ids[j] as number;
    const row = f * C;
    const v = (x.values[j] as number) * (rowScale[f] as number);
    for (let c = 0; c < C; c++) into[c] = (into[c] as number) + v * (weights[row + c] as number);
  }
}

/**
 * Weights as bytes, one scale per feature row: a quarter of the memory, and a question reads a
 * row of (classes) bytes instead of (classes × 4). Rows are read at random, one per feature of the
 * question, so the tail latency is cache misses and shrinks with the matrix. The rounding error is
 * at most 1/254 of the row's largest weight, well below what separates the classes.
 */
export function quantize(
  weights: Float32Array,
  scale: number,
  featureCount: number,
  C: number,
): { weights: Int8Array; rowScale: Float32Array } {
  checkInvariant(
    weights.length >= featureCount * C,
    () => `${weights.length} weights for ${featureCount} features × ${C} classes`,
  );
  const q = new Int8Array(featureCount * C);
  const rowScale = new Float32Array(featureCount);
  for (let f = 0; f < featureCount; f++) {
    const row = f * C;
    let max = 0;
    for (let c = 0; c < C; c++) {
      const w = Math.abs(weights[row + c] as number);
      if (w > max) max = w;
    }
    if (max === 0) continue;
    const step = max / 127;
    rowScale[f] = step * scale;
    for (let c = 0; c < C; c++) q[row + c] = Math.round((weights[row + c] as number) / step);
  }
  return { weights: q, rowScale };
}
