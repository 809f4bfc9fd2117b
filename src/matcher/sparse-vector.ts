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

export function buildPostings(vectors: SparseRows, featureCount: number): Postings {
  const n = rowCount(vectors);
  const counts = new Int32Array(featureCount + 1);
  const used = vectors.offsets[n] ?? 0;
  for (let j = 0; j < used; j++) {
    const id = vectors.ids[j] ?? 0;
    counts[id + 1] = (counts[id + 1] ?? 0) + 1;
  }
  const offsets = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) offsets[f + 1] = (offsets[f] ?? 0) + (counts[f + 1] ?? 0);
  const total = offsets[featureCount] ?? 0;
  const rows = new Int32Array(total);
  const weights = new Float32Array(total);
  const cursor = offsets.slice(0, featureCount);
  for (let row = 0; row < n; row++) {
    const end = vectors.offsets[row + 1] ?? 0;
    for (let j = vectors.offsets[row] ?? 0; j < end; j++) {
      const f = vectors.ids[j] ?? 0;
      const at = cursor[f] ?? 0;
      rows[at] = row;
      weights[at] = vectors.values[j] ?? 0;
      cursor[f] = at + 1;
    }
  }
  return { offsets, rows, weights };
}

/**
 * Many sparse vectors in three typed arrays: row r is `ids`/`values` from `offsets[r]` to
 * `offsets[r + 1]`. Tens of thousands of phrasings as two typed arrays each cost more in object
 * headers and backing-store bookkeeping than in numbers, and all of it lives through training.
 */
export interface SparseRows {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

export const rowCount = (rows: SparseRows): number => rows.offsets.length - 1;

export interface SparseRowsBuilder {
  push(v: SparseVector): void;
  /**
   * The rows pushed so far; in arrays of exactly their size unless `exact` is false (rows only
   * needed while training, where the copy would be one more array to hold at the peak).
   */
  finish(exact?: boolean): SparseRows;
}

export function createSparseRowsBuilder(rows: number, expectedPerRow = 16): SparseRowsBuilder {
  const offsets = new Int32Array(rows + 1);
  let count = 0;
  let ids = new Int32Array(Math.max(16, rows * expectedPerRow));
  let values = new Float32Array(ids.length);
  return {
    push(v) {
      const at = offsets[count] ?? 0;
      const end = at + v.ids.length;
      if (end > ids.length) {
        const size = Math.max(end, ids.length * 2);
        const grownIds = new Int32Array(size);
        grownIds.set(ids);
        ids = grownIds;
        const grownValues = new Float32Array(size);
        grownValues.set(values);
        values = grownValues;
      }
      ids.set(v.ids, at);
      values.set(v.values, at);
      offsets[++count] = end;
    },
    finish(exact = true) {
      if (count !== rows) throw new Error(`expected ${rows} rows, got ${count}`);
      const total = offsets[count] ?? 0;
      if (!exact || total === ids.length) return { offsets, ids, values };
      return { offsets, ids: ids.slice(0, total), values: values.slice(0, total) };
    },
  };
}

export function packRows(vectors: readonly SparseVector[]): SparseRows {
  const builder = createSparseRowsBuilder(vectors.length);
  for (const v of vectors) builder.push(v);
  return builder.finish();
}
