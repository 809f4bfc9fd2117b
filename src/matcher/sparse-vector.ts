/** A sparse vector: parallel arrays of feature ids and weights. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

/** Builds an L2-normalised sparse vector from feature-id → weight. */
export function toUnitVector(weights: ReadonlyMap<number, number>): SparseVector {
  const ids = new Int32Array(weights.size);
  const values = new Float32Array(weights.size);
  let norm = 0;
  let i = 0;
  for (const [id, w] of weights) {
    ids[i] = id;
    values[i] = w;
    norm += w * w;
    i++;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < values.length; j++) values[j] = (values[j] ?? 0) * inv;
  }
  return { ids, values };
}

/**
 * Compressed posting lists (feature → rows with weights), built once from row vectors so that a
 * query touches only rows sharing a feature with it.
 */
export interface Postings {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  readonly weights: Float32Array;
}

export function buildPostings(vectors: readonly SparseVector[], featureCount: number): Postings {
  const counts = new Int32Array(featureCount + 1);
  for (const v of vectors) for (const id of v.ids) counts[id + 1] = (counts[id + 1] ?? 0) + 1;
  const offsets = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) offsets[f + 1] = (offsets[f] ?? 0) + (counts[f + 1] ?? 0);
  const total = offsets[featureCount] ?? 0;
  const rows = new Int32Array(total);
  const weights = new Float32Array(total);
  const cursor = offsets.slice(0, featureCount);
  vectors.forEach((v, row) => {
    for (let j = 0; j < v.ids.length; j++) {
      const f = v.ids[j] ?? 0;
      const at = cursor[f] ?? 0;
      rows[at] = row;
      weights[at] = v.values[j] ?? 0;
      cursor[f] = at + 1;
    }
  });
  return { offsets, rows, weights };
}
